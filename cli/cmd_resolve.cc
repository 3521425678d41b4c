#include "cli/cmd_resolve.h"

#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/model/catalog.h"
#include "core/resolve/resolver.h"

namespace irtcp::cli {

namespace {

struct ResolveFlags {
  InputFlags input;
  OutputFlags output;
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
};

int RunResolve(const ResolveFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on;  // resolve exits 0 once the table is produced
  if (!flags.output.fail_on.empty() && !ParseFailOn(flags.output.fail_on, &fail_on)) {
    return kExitError;
  }
  provider::StaticConfig static_config;
  std::vector<std::string> config_notes;
  std::string err;
  if (!BuildStaticConfig(*flags.provider, &static_config, &config_notes, &err)) {
    io.err << "irtcp: error: " << err << '\n';
    return kExitError;
  }
  std::unique_ptr<run::LoadedRun> loaded = LoadInputs(flags.input, io);
  if (loaded == nullptr) {
    return kExitError;
  }
  auto catalog = std::make_unique<model::Catalog>(loaded->input);
  resolve::RoutePlan plan = resolve::Resolve(*catalog, static_config);
  plan.notes.insert(plan.notes.begin(), config_notes.begin(), config_notes.end());
  if (flags.output.output == "json") {
    resolve::WriteResolveJson(plan, io.out);
  } else {
    resolve::WriteResolveText(plan, io.out);
  }
  loaded->sink.Sort();
  report::Summary summary = loaded->MakeSummary();
  report::FormatOptions format;
  std::string ferr;
  // Input problems (YAML errors, …) go to stderr as text; the table is on stdout.
  auto formatter = report::MakeFormatter("text", io.err, format, &ferr);
  if (formatter != nullptr && !loaded->sink.empty()) {
    formatter->Write(loaded->sink.diagnostics(), summary);
  }
  PrintErrorsAndNotes(summary, io);
  if (!plan.fatal_error.empty()) {
    return kExitError;
  }
  bool dropped = false;
  for (const resolve::PlannedRouter& r : plan.routers) {
    dropped = dropped || !r.active() || !r.tls.options_error.empty();
    for (const resolve::PlannedBackend& b : r.backends) {
      dropped = dropped || !b.ok;
    }
  }
  if (fail_on && dropped) {
    return kExitFindings;
  }
  int exit_code = run::ExitCode(loaded->sink.diagnostics(), !summary.errors.empty(), fail_on);
  KeepUntilExit(std::make_unique<resolve::RoutePlan>(std::move(plan)));
  KeepUntilExit(std::move(catalog));
  KeepUntilExit(std::move(loaded));
  return exit_code;
}

}  // namespace

void SetupResolve(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ResolveFlags>();
  CLI::App* cmd = app.add_subcommand(
      "resolve",
      "Show what Traefik builds from each IngressRouteTCP route: router, entry points, "
      "priority, TLS, middlewares and backend servers, with the reasons");
  AddInputFlags(*cmd, flags->input);
  AddOutputFlags(*cmd, flags->output, {"text", "json"}, "never");
  AddProviderFlags(*cmd, flags->provider);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunResolve(*flags, io);
  });
}

}  // namespace irtcp::cli
