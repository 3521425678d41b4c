// Shared helpers for golden-file and end-to-end tests: one compare-or-update path (ExpectGolden)
// and one runner for the directory-per-case layouts (testdata/README.md describes them all).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::testing {

/// True when the run was asked to rewrite golden files (`--update` or IRTCP_UPDATE_GOLDEN=1).
extern bool g_update_golden;

/// Absolute path of the source tree (compiled in), so tests run from any directory.
inline std::filesystem::path SourceDir() { return IRTCP_SOURCE_DIR; }
/// testdata/ of the source tree; everything the tests read lives under it.
inline std::filesystem::path TestdataDir() { return SourceDir() / "testdata"; }

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

/// The case directories of a directory-per-case layout: the subdirectories of `root` that hold a
/// file named `marker`, sorted by name. Fails the test when `root` cannot be read.
std::vector<std::filesystem::path> CaseDirs(const std::filesystem::path& root,
                                            std::string_view marker);

/// Reads an `args` file: one argument per line; blank lines are ignored.
std::vector<std::string> ReadArgLines(const std::filesystem::path& file);

/// The golden files of a CLI case, relative to its directory.
struct CliGoldenFiles {
  std::string out = "stdout";
  std::string err = "stderr";
  std::string exit_code = "exit_code";
};

/// Runs one CLI case: `irtcp` with the arguments of `dir/args`, from `dir`, with `dir/stdin` (if
/// present) on standard input; then compares standard output, standard error and the exit code
/// with the case's golden files (or rewrites them in update mode). Returns the run.
RunResult RunCliCase(const std::filesystem::path& dir, const CliGoldenFiles& files = {});

/// A gtest name for a case: the last path component with every other character than [A-Za-z0-9]
/// replaced by '_'. Use as the name generator of INSTANTIATE_TEST_SUITE_P over case paths.
struct CaseName {
  std::string operator()(const ::testing::TestParamInfo<std::filesystem::path>& info) const;
};

}  // namespace irtcp::testing
