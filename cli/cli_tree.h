#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/docs/cli_doc.h"

namespace irtcp::cli {

/// Writes every subcommand and its long options, one per line ("validate --fail-on"). Used by the
/// docs test that checks man/ and completions/ mention each of them (IRTCP_DUMP_CLI=1 irtcp).
void DumpCli(const CLI::App& app, std::ostream& out);

/// The command line as plain data for the generated docs: subcommands, options with their value
/// names, choices (from CLI::IsMember) and what kind of value they take.
docs::CliDoc DescribeCli(const CLI::App& app);
/// Rule codes and names from the registry, kind names from the bundled schemas.
docs::ExplainWords ExplainCompletionWords();

/// `IRTCP_GENERATE_DOCS=DIR irtcp` (what scripts/gen-docs.sh runs): writes DIR/man/irtcp.1,
/// DIR/man/irtcp-rules.7 and DIR/completions/{irtcp.bash,_irtcp,irtcp.fish}. False with the
/// reason on `err` when a file cannot be written.
bool GenerateDocs(const CLI::App& app, const std::string& dir, std::ostream& err);

/// `kubectl_complete-irtcp ARGS...`: kubectl's plugin completion (see docs::CompleteForKubectl).
void CompleteKubectlPlugin(const CLI::App& app, const std::vector<std::string>& args,
                           std::ostream& out);

}  // namespace irtcp::cli
