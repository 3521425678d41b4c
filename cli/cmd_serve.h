// `irtcp serve`: an embedded TCP proxy routing like Traefik, with smoke checks for CI.
#pragma once

#include <CLI/CLI.hpp>

namespace irtcp::cli {

/// Registers the `serve` subcommand; its exit code goes to `exit_code`.
void SetupServe(CLI::App& app, int& exit_code);

}  // namespace irtcp::cli
