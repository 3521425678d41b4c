#include "cli/cmd_render.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <tuple>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/gateway/translate.h"
#include "core/lint/registry.h"
#include "core/lint/support/provider_view.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/render/render.h"
#include "core/resolve/route_plan.h"
#include "core/util/terminal.h"

namespace irtcp::cli {

namespace {

/// Flags of `irtcp render`. Provider options and --traefik-config live in `provider` (shared
/// with resolve and validate).
struct RenderFlags {
  InputFlags input;
  std::string output = "yaml";
  std::string fail_on;  ///< "": never fail on findings
  std::string color = "auto";
  std::string to = "traefik";  ///< --to traefik|gateway-api
  std::string gateway = "traefik/traefik";
  std::string gateway_class = "traefik";
  bool allow_partial = false;
  std::string report;  ///< --report FILE: the loss report as JSON
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
};

/// `--to gateway-api`: the translation on stdout, the run's findings and the losses on stderr,
/// the loss report in --report FILE. Exit 1 on an error-level loss unless --allow-partial;
/// --fail-on governs the other findings.
int RunGatewayApi(const RenderFlags& flags, std::optional<diag::Severity> fail_on, Io& io) {
  gateway::Format format = gateway::Format::kYaml;
  if (flags.output == "json") {
    format = gateway::Format::kJson;
  } else if (flags.output != "yaml") {
    io.err << "irtcp: error: --to gateway-api writes yaml or json, not \""
           << util::TerminalSafe(flags.output) << "\"\n";
    return kExitError;
  }
  gateway::GatewayOptions options;
  options.gateway_class = flags.gateway_class;
  std::string err;
  if (!gateway::ParseGatewayRef(flags.gateway, &options, &err)) {
    io.err << "irtcp: error: " << err << "\n";
    return kExitError;
  }
  options.experimental_channel = gateway::ExperimentalChannel(flags.provider->traefik_config);
  run::SessionOptions session_options;
  session_options.command = run::Command::kRender;
  session_options.static_config = *flags.provider;
  if (!MapInputFlags(flags.input, &session_options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(session_options, io);
  if (session == nullptr) {
    return kExitError;
  }
  resolve::RoutePlan plan = resolve::BuildRoutePlan(session->provider, session->static_config);
  gateway::Translation translation =
      gateway::Translate(session->provider, plan, session->static_config, options);
  if (!translation.fatal_error.empty()) {
    io.err << "irtcp: error: " << translation.fatal_error << "\n";
    KeepUntilExit(std::move(session));
    return kExitError;
  }
  io.out << gateway::WriteDocuments(translation, format);
  std::vector<diag::Diagnostic> findings = session->loaded->sink.diagnostics();
  std::vector<diag::Diagnostic> all = findings;
  for (const gateway::Loss& l : translation.losses) {
    all.push_back(l.diagnostic);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
                     const std::string& ap = a.file ? a.file->path() : std::string();
                     const std::string& bp = b.file ? b.file->path() : std::string();
                     return std::tie(ap, a.location.line, a.location.column) <
                            std::tie(bp, b.location.line, b.location.column);
                   });
  report::FormatOptions text_options;
  text_options.color = UseColor(flags.color, 2);
  for (const diag::Diagnostic& d : all) {
    io.err << report::FormatText(d, text_options);
  }
  PrintErrorsAndNotes(session->summary, io);
  int exit_code = run::ExitCode(findings, !session->summary.errors.empty(), fail_on);
  if (!flags.report.empty()) {
    std::ofstream report_file(flags.report, std::ios::binary | std::ios::trunc);
    report_file << gateway::ReportJson(translation);
    report_file.close();
    if (!report_file) {
      io.err << "irtcp: error: --report " << flags.report << ": " << std::strerror(errno) << "\n";
      exit_code = kExitError;
    }
  }
  if (exit_code != kExitError && translation.HasErrorLoss() && !flags.allow_partial) {
    exit_code = kExitFindings;
  }
  KeepUntilExit(std::move(session));
  return exit_code;
}

int RunRender(const RenderFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on;
  if (!flags.fail_on.empty() && !ParseFailOn(flags.fail_on, &fail_on)) {
    io.err << "irtcp: error: invalid --fail-on value \"" << util::TerminalSafe(flags.fail_on)
           << "\"\n";
    return kExitError;
  }
  if (flags.to == "gateway-api") {
    return RunGatewayApi(flags, fail_on, io);
  }
  if (flags.allow_partial || !flags.report.empty()) {
    io.err << "irtcp: error: --allow-partial and --report apply to --to gateway-api only\n";
    return kExitError;
  }
  render::Format format = render::Format::kYaml;
  if (!render::ParseFormat(flags.output, &format)) {
    io.err << "irtcp: error: unknown output format \"" << util::TerminalSafe(flags.output)
           << "\" (expected yaml, json or toml)\n";
    return kExitError;
  }
  run::SessionOptions options;
  options.command = run::Command::kRender;
  options.static_config = *flags.provider;
  if (!MapInputFlags(flags.input, &options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(options, io);
  if (session == nullptr) {
    return kExitError;
  }
  render::RenderOptions render_options;
  render_options.include_secrets = flags.input.include_secrets;  // shared with cluster mode
  io.out << render::Render(session->provider.config, format, render_options);
  report::FormatOptions text_options;
  text_options.color = UseColor(flags.color, 2);
  const std::vector<diag::Diagnostic>& findings = session->loaded->sink.diagnostics();
  for (const diag::Diagnostic& d : findings) {
    io.err << report::FormatText(d, text_options);
  }
  PrintErrorsAndNotes(session->summary, io);
  int exit_code = run::ExitCode(findings, !session->summary.errors.empty(), fail_on);
  KeepUntilExit(std::move(session));
  return exit_code;
}

}  // namespace

void SetupRender(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<RenderFlags>();
  CLI::App* cmd = app.add_subcommand(
      "render",
      "Print the tcp and tls dynamic configuration Traefik's CRD provider would build from the "
      "manifests (as the file provider reads it), or with --to gateway-api their translation "
      "into Gateway API objects");
  AddInputFlags(*cmd, flags->input);
  cmd->add_option("--to", flags->to,
                  "What to print: traefik (the dynamic configuration) or gateway-api (Gateway, "
                  "TLSRoute, TCPRoute and ReferenceGrant objects, with a report of what cannot be "
                  "carried over)")
      ->capture_default_str()
      ->check(CLI::IsMember({"traefik", "gateway-api"}));
  cmd->add_option("-o,--output", flags->output,
                  "Output format: yaml|json|toml (gateway-api: yaml|json)")
      ->capture_default_str()
      ->check(CLI::IsMember({"yaml", "json", "toml"}));
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 when a finding is at or above this severity: error, warning, info, "
                  "never (default: never)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--color", flags->color,
                  "Colour of the findings on stderr: auto (on a terminal, unless NO_COLOR), "
                  "always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--gateway", flags->gateway,
                  "gateway-api: the Gateway the routes attach to, NAMESPACE/NAME")
      ->capture_default_str()
      ->group("Gateway API (--to gateway-api)");
  cmd->add_option("--gateway-class", flags->gateway_class,
                  "gateway-api: the Gateway's gatewayClassName")
      ->capture_default_str()
      ->group("Gateway API (--to gateway-api)");
  cmd->add_flag("--allow-partial", flags->allow_partial,
                "gateway-api: exit 0 even when routes are left out (error-level losses)")
      ->group("Gateway API (--to gateway-api)");
  cmd->add_option("--report", flags->report,
                  "gateway-api: also write the loss report as JSON to FILE")
      ->type_name("FILE")
      ->group("Gateway API (--to gateway-api)");
  AddProviderFlags(*cmd, flags->provider);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunRender(*flags, io);
  });
}

}  // namespace irtcp::cli
