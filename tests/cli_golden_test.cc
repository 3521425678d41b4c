// End-to-end golden tests: run the real irtcp binary for each testdata/cli/<case>/ directory.
//
// A case holds `args` (one argument per line), optionally `stdin` and `env` (KEY=VALUE lines), and
// the expected `stdout`, `stderr` and `exit_code`. The absolute source directory in the output
// (SARIF's originalUriBaseIds) reads @SOURCE_DIR@. Regenerate with `irtcp_tests --update` (or
// IRTCP_UPDATE_GOLDEN=1) and review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(SourceDir() / "testdata" / "cli")) {
    if (e.is_directory() && fs::exists(e.path() / "args")) {
      cases.push_back(e.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class CliGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(CliGolden, MatchesGolden) {
  const fs::path dir = GetParam();
  std::vector<std::string> args = SplitLines(ReadFileOrDie(dir / "args"));
  std::string input;
  if (fs::exists(dir / "stdin")) {
    input = ReadFileOrDie(dir / "stdin");
  }
  std::vector<std::string> env;
  if (fs::exists(dir / "env")) {
    env = SplitLines(ReadFileOrDie(dir / "env"));
  }
  RunResult r = RunIrtcp(args, dir, input, env);
  ExpectGolden(dir / "stdout", ReplaceAll(r.out, SourceDir().string(), "@SOURCE_DIR@"));
  ExpectGolden(dir / "stderr", ReplaceAll(r.err, SourceDir().string(), "@SOURCE_DIR@"));
  ExpectGolden(dir / "exit_code", std::to_string(r.exit_code) + "\n");
}

INSTANTIATE_TEST_SUITE_P(Cases, CliGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.filename().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) == 0;
                               },
                               '_');
                           return name;
                         });

}  // namespace
}  // namespace irtcp::testing
