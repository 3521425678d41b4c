// irtcp: linter, translator and smoke-test proxy for Traefik IngressRouteTCP manifests.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/cmd_validate.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  CLI::App app{
      "irtcp: lint, explain, resolve and render Traefik IngressRouteTCP manifests before they "
      "reach a cluster"};
  app.name("irtcp");
  app.set_version_flag("--version", std::string("irtcp ") + IRTCP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  int exit_code = irtcp::cli::kExitClean;
  // One dispatch point: each subcommand registers itself from its own file.
  irtcp::cli::SetupValidate(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? irtcp::cli::kExitClean : irtcp::cli::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "irtcp: internal error: " << e.what() << '\n';
    return irtcp::cli::kExitError;
  }
  return exit_code;
}
