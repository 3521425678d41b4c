// End-to-end golden tests: run the real irtcp binary for each testdata/cli/<case>/ directory.
//
// A case holds `args` (one argument per line), optionally `stdin`, and the expected `stdout`,
// `stderr` and `exit_code`. Regenerate with `irtcp_tests --update` (or IRTCP_UPDATE_GOLDEN=1)
// and review the diff.
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
  RunResult r = RunIrtcp(args, dir, input);
  ExpectGolden(dir / "stdout", r.out);
  ExpectGolden(dir / "stderr", r.err);
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
