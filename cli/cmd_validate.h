#pragma once

#include <CLI/CLI.hpp>

namespace irtcp::cli {

/// Registers `irtcp validate`: schema validation and lint rules with file:line:col findings.
void SetupValidate(CLI::App& app, int& exit_code);

}  // namespace irtcp::cli
