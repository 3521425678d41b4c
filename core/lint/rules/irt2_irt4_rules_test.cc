// Rule goldens for the provider and reference rules (IRT2xx-IRT4xx): `irtcp validate` on
// testdata/rules/IRTnnn.yaml must print IRTnnn.yaml.expected. A fixture's first lines may carry
// `# irtcp-args: ...` (extra flags, e.g. --traefik-config), run from testdata/rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/lint/registry.h"
#include "tests/golden.h"

namespace irtcp::lint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureArgs(const std::string& text) {
  std::vector<std::string> args;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind('#', 0) == 0) {
    const std::string tag = "# irtcp-args:";
    if (line.rfind(tag, 0) == 0) {
      std::istringstream words(line.substr(tag.size()));
      std::string w;
      while (words >> w) {
        args.push_back(w);
      }
    }
  }
  return args;
}

bool IsProviderRuleCode(std::string_view code) {
  return code.size() == 6 && code.substr(0, 3) == "IRT" && code[3] >= '2' && code[3] <= '4';
}

TEST(RuleIRT2to4, GoldenOutput) {
  fs::path dir = irtcp::testing::SourceDir() / "testdata" / "rules";
  int checked = 0;
  for (const Rule& rule : AllRules()) {
    if (!IsProviderRuleCode(rule.info->code)) {
      continue;
    }
    std::string name = std::string(rule.info->code) + ".yaml";
    SCOPED_TRACE(name);
    ASSERT_TRUE(fs::exists(dir / name)) << "every rule needs a fixture";
    std::vector<std::string> args = {"validate", "--color=never"};
    for (std::string& a : FixtureArgs(irtcp::testing::ReadFileOrDie(dir / name))) {
      args.push_back(std::move(a));
    }
    args.push_back(name);
    irtcp::testing::RunResult r = irtcp::testing::RunIrtcp(args, dir);
    std::string actual =
        r.out + "--- stderr\n" + r.err + "--- exit code " + std::to_string(r.exit_code) + "\n";
    irtcp::testing::ExpectGolden(dir / (name + ".expected"), actual);
    EXPECT_NE(r.out.find(std::string("[") + std::string(rule.info->code) + " "), std::string::npos)
        << "the fixture must trigger its own rule";
    ++checked;
  }
  EXPECT_GE(checked, 15);
}

TEST(RuleIRT2to4, ExplanationsHaveTheRequiredSections) {
  for (const Rule& rule : AllRules()) {
    if (!IsProviderRuleCode(rule.info->code)) {
      continue;
    }
    SCOPED_TRACE(std::string(rule.info->code));
    for (const char* h :
         {"## What it does", "## Why is this bad?", "## How to fix", "## Fix safety"}) {
      EXPECT_NE(rule.info->explanation.find(h), std::string_view::npos) << h;
    }
    EXPECT_TRUE(
        std::regex_match(std::string(rule.info->name), std::regex("[a-z0-9]+(-[a-z0-9]+)*")));
  }
}

}  // namespace
}  // namespace irtcp::lint
