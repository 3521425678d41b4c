// `irtcp explain`: field docs (like kubectl explain), rule docs, and a plain-words account of
// what manifests do.
#pragma once

#include <CLI/CLI.hpp>

namespace irtcp::cli {

/// Registers the `explain` subcommand; its exit code goes to `exit_code`.
void SetupExplain(CLI::App& app, int& exit_code);

}  // namespace irtcp::cli
