#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

namespace irtcp::cli {

/// Writes every subcommand and its long options, one per line ("validate --fail-on"). Used by the
/// docs test that checks man/ and completions/ mention each of them (IRTCP_DUMP_CLI=1 irtcp).
void DumpCli(const CLI::App& app, std::ostream& out);

}  // namespace irtcp::cli
