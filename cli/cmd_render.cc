#include "cli/cmd_render.h"

#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/lint/registry.h"
#include "core/lint/support/provider_view.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/render/render.h"

namespace irtcp::cli {

namespace {

/// Flags of `irtcp render`. Provider options and --traefik-config live in `provider` (shared
/// with resolve and validate).
struct RenderFlags {
  InputFlags input;
  std::string output = "yaml";
  std::string fail_on;  ///< "": never fail on findings
  std::string color = "auto";
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
};

int RunRender(const RenderFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on;
  if (!flags.fail_on.empty() && !ParseFailOn(flags.fail_on, &fail_on)) {
    io.err << "irtcp: error: invalid --fail-on value \"" << flags.fail_on << "\"\n";
    return kExitError;
  }
  render::Format format = render::Format::kYaml;
  if (!render::ParseFormat(flags.output, &format)) {
    io.err << "irtcp: error: unknown output format \"" << flags.output
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
      "manifests (as the file provider reads it)");
  AddInputFlags(*cmd, flags->input);
  cmd->add_option("-o,--output", flags->output, "Output format: yaml|json|toml")
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
  AddProviderFlags(*cmd, flags->provider);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunRender(*flags, io);
  });
}

}  // namespace irtcp::cli
