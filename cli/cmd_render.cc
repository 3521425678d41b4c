#include "cli/cmd_render.h"

#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/provider/report.h"
#include "core/render/render.h"

namespace irtcp::cli {

namespace {

/// Flags of `irtcp render`. Provider options and --traefik-config live in `provider` (shared
/// with resolve and validate).
struct RenderFlags {
  InputFlags input;
  std::string output = "yaml";
  std::string fail_on;  ///< "": never fail on findings
  bool include_secrets = false;
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
  provider::StaticConfig config;
  std::vector<std::string> config_notes;
  std::string err;
  if (!BuildStaticConfig(*flags.provider, &config, &config_notes, &err)) {
    io.err << "irtcp: error: " << err << '\n';
    return kExitError;
  }
  std::unique_ptr<run::LoadedRun> loaded = LoadInputs(flags.input, io);
  if (loaded == nullptr) {
    return kExitError;
  }
  report::Summary summary = loaded->MakeSummary();
  summary.notes.insert(summary.notes.end(), config_notes.begin(), config_notes.end());
  if (!summary.errors.empty()) {
    PrintErrorsAndNotes(summary, io);
    return kExitError;
  }
  auto catalog = std::make_unique<model::Catalog>(loaded->input);
  provider::Result result = provider::Build(*catalog, config.provider);
  if (!result.fatal_error.empty()) {
    io.err << "irtcp: error: " << result.fatal_error << " (Traefik would not start)\n";
    return kExitError;
  }
  render::RenderOptions options;
  options.include_secrets = flags.include_secrets;
  io.out << render::Render(result.config, format, options);

  provider::ReportEvents(result, provider::EventLevel::kWarn, loaded->sink);
  loaded->sink.Sort();
  report::FormatOptions text_options;
  text_options.color = UseColor("auto", 2);
  for (const diag::Diagnostic& d : loaded->sink.diagnostics()) {
    io.err << report::FormatText(d, text_options);
  }
  PrintErrorsAndNotes(summary, io);
  int exit_code = run::ExitCode(loaded->sink.diagnostics(), false, fail_on);
  KeepUntilExit(std::make_unique<provider::Result>(std::move(result)));
  KeepUntilExit(std::move(catalog));
  KeepUntilExit(std::move(loaded));
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
  cmd->add_flag("--include-secrets", flags->include_secrets,
                "Write certificate, key and CA material from Secrets (default: a placeholder "
                "naming the Secret)");
  AddProviderFlags(*cmd, flags->provider);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunRender(*flags, io);
  });
}

}  // namespace irtcp::cli
