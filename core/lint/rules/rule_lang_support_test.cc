// Rule-language rules (IRT1xx): golden output of `irtcp validate` on testdata/rules/IRT1nn.yaml
// (IRT1nn.yaml.expected), plus unit tests of the shared helpers.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "core/lint/registry.h"
#include "core/lint/rules/rule_lang_support.h"
#include "tests/golden.h"

namespace irtcp::lint {
namespace {

namespace fs = std::filesystem;

bool IsRuleLangCode(std::string_view code) {
  return code.size() == 6 && code.substr(0, 4) == "IRT1";
}

TEST(RuleIRT1, GoldenOutput) {
  fs::path dir = irtcp::testing::SourceDir() / "testdata" / "rules";
  int checked = 0;
  for (const Rule& rule : AllRules()) {
    if (!IsRuleLangCode(rule.info->code)) {
      continue;
    }
    std::string name = std::string(rule.info->code) + ".yaml";
    SCOPED_TRACE(name);
    ASSERT_TRUE(fs::exists(dir / name)) << "every rule needs a fixture";
    irtcp::testing::RunResult r =
        irtcp::testing::RunIrtcp({"validate", "--color=never", name}, dir);
    std::string actual = r.out + "--- stderr\n" + r.err + "--- exit code " +
                         std::to_string(r.exit_code) + "\n";
    irtcp::testing::ExpectGolden(dir / (name + ".expected"), actual);
    EXPECT_NE(r.out.find("[" + std::string(rule.info->code) + " "), std::string::npos)
        << "the fixture must trigger its own rule";
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST(RuleIRT1, ExplanationsHaveTheRequiredSections) {
  for (const Rule& rule : AllRules()) {
    if (!IsRuleLangCode(rule.info->code)) {
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

TEST(RuleIRT1, EncodeScalarKeepsYamlValid) {
  EXPECT_EQ(EncodeScalar("HostSNI(`a`) || HostSNI(`b`)", true, false),
            "HostSNI(`a`) || HostSNI(`b`)");
  EXPECT_EQ(EncodeScalar("!HostSNI(`a`)", true, false), "'!HostSNI(`a`)'");
  EXPECT_EQ(EncodeScalar("HostSNI(`a`) # x", true, false), "'HostSNI(`a`) # x'");
  EXPECT_EQ(EncodeScalar("HostSNI('a')", false, false), "'HostSNI(''a'')'");
  EXPECT_EQ(EncodeScalar("HostSNI(\"a\\\\b\")", false, true), "\"HostSNI(\\\"a\\\\\\\\b\\\")\"");
}

TEST(RuleIRT1, ErrorCodes) {
  rule_lang::Error e;
  e.kind = rule_lang::ErrorKind::kUnexpectedNewline;
  e.begin = 13;
  EXPECT_EQ(ErrorCode(e, "HostSNI(`a`)\n|| HostSNI(`b`)"), 105);
  EXPECT_EQ(ErrorCode(e, "(HostSNI(`a`)"), 101);
  e.kind = rule_lang::ErrorKind::kInvalidHost;
  e.begin = 8;
  e.end = 16;
  EXPECT_EQ(ErrorCode(e, "HostSNI(`\xc3\xbc.com`)"), 113);
  EXPECT_EQ(ErrorCode(e, "HostSNI(`a/b.com`)"), 112);
}

}  // namespace
}  // namespace irtcp::lint
