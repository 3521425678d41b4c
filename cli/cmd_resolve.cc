#include "cli/cmd_resolve.h"

#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/resolve/resolver.h"
#include "core/resolve/route_plan.h"

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
  run::SessionOptions options;
  options.command = run::Command::kResolve;
  options.static_config = *flags.provider;
  if (!MapInputFlags(flags.input, &options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(options, io);
  if (session == nullptr) {
    return kExitError;
  }
  resolve::RoutePlan plan = resolve::BuildRoutePlan(session->provider, session->static_config);
  if (flags.output.output == "json") {
    resolve::WriteResolveJson(plan, io.out);
  } else {
    resolve::WriteResolveText(plan, io.out, UseColor(flags.output.color, 1));
  }
  // Findings (the provider's, and input problems) go to stderr as text; the table is on stdout.
  report::FormatOptions format;
  format.color = UseColor(flags.output.color, 2);
  const std::vector<diag::Diagnostic>& findings = session->loaded->sink.diagnostics();
  for (const diag::Diagnostic& d : findings) {
    io.err << report::FormatText(d, format);
  }
  PrintErrorsAndNotes(session->summary, io);
  bool dropped = false;
  for (const resolve::PlannedRouter& r : plan.routers) {
    dropped = dropped || !r.active() || !r.tls.options_error.empty();
    for (const resolve::PlannedBackend& b : r.backends) {
      dropped = dropped || !b.ok;
    }
  }
  int exit_code = run::ExitCode(findings, !session->summary.errors.empty(), fail_on);
  if (exit_code == kExitClean && fail_on && dropped) {
    exit_code = kExitFindings;
  }
  KeepUntilExit(std::make_unique<resolve::RoutePlan>(std::move(plan)));
  KeepUntilExit(std::move(session));
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
