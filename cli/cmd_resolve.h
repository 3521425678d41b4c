// `irtcp resolve`: what Traefik builds from each IngressRouteTCP route, with the reasons.
#pragma once

#include <CLI/CLI.hpp>

namespace irtcp::cli {

/// Registers the `resolve` subcommand; its exit code goes to `exit_code`.
void SetupResolve(CLI::App& app, int& exit_code);

}  // namespace irtcp::cli
