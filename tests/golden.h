// Shared helpers for golden-file and end-to-end tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace irtcp::testing {

/// True when the run was asked to rewrite golden files (`--update` or IRTCP_UPDATE_GOLDEN=1).
extern bool g_update_golden;

/// Absolute path of the source tree (compiled in), so tests run from any directory.
inline std::filesystem::path SourceDir() { return IRTCP_SOURCE_DIR; }
/// The shared reference material beside the repository (../shared).
inline std::filesystem::path SharedDir() { return SourceDir().parent_path() / "shared"; }

std::string ReadFileOrDie(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& text);

/// Compares `actual` with the golden file, or rewrites it in update mode.
void ExpectGolden(const std::filesystem::path& golden, const std::string& actual);

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
};

/// Runs the real irtcp binary with `args` in `cwd`, feeding `stdin_text` on standard input.
RunResult RunIrtcp(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                   const std::string& stdin_text = "", const std::vector<std::string>& env = {});

}  // namespace irtcp::testing
