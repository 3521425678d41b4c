// One golden test per lint rule: `irtcp validate` on testdata/rules/IRTnnn.yaml must print
// IRTnnn.yaml.expected (stdout, then stderr and the exit code; compared through ExpectGolden)
// and must trigger its own rule.
// A fixture's leading comment lines may carry `# irtcp-args: ...` (extra flags such as
// --traefik-config, resolved from testdata/rules). Regenerate with `irtcp_tests --update`.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/lint/registry.h"
#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureArgs(const std::string& text) {
  std::vector<std::string> args;
  std::istringstream in(text);
  const std::string tag = "# irtcp-args:";
  std::string line;
  while (std::getline(in, line) && line.starts_with('#')) {
    if (line.starts_with(tag)) {
      std::istringstream words(line.substr(tag.size()));
      std::string w;
      while (words >> w) {
        args.push_back(w);
      }
    }
  }
  return args;
}

std::vector<std::string> LintRuleCodes() {
  std::vector<std::string> codes;
  for (const lint::Rule& r : lint::AllRules()) {
    // Loader and schema findings have their own tests; the IRT9xx meta findings come from the
    // session and have fixtures like the lint rules.
    if (r.check != nullptr || r.info->code.starts_with("IRT9")) {
      codes.emplace_back(r.info->code);
    }
  }
  return codes;
}

class RuleGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleGolden, Output) {
  const std::string& code = GetParam();
  fs::path dir = TestdataDir() / "rules";
  std::string name = code + ".yaml";
  ASSERT_TRUE(fs::exists(dir / name)) << "every rule needs a fixture";
  std::vector<std::string> args = {"validate", "--color=never"};
  for (std::string& a : FixtureArgs(ReadFileOrDie(dir / name))) {
    args.push_back(std::move(a));
  }
  args.push_back(name);
  RunResult r = RunIrtcp(args, dir);
  ExpectGolden(dir / (name + ".expected"), r.out + "--- stderr\n" + r.err + "--- exit code " +
                                               std::to_string(r.exit_code) + "\n");
  EXPECT_NE(r.out.find("[" + code + " "), std::string::npos)
      << "the fixture must trigger its own rule";
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleGolden, ::testing::ValuesIn(LintRuleCodes()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace irtcp::testing
