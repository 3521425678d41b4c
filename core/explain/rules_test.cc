#include "core/explain/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/lint/registry.h"

namespace irtcp::explain {
namespace {

// Every code irtcp can report has an example, and running it reports that code: the example
// `irtcp explain CODE` shows cannot go stale.
TEST(ExplainRules, EveryCodeHasAnExampleThatReportsIt) {
  std::set<std::string_view> registered;
  for (const lint::Rule& rule : lint::AllRules()) {
    const diag::RuleInfo& r = *rule.info;
    registered.insert(r.code);
    SCOPED_TRACE(r.code);
    const RuleExample* ex = FindExample(r.code);
    ASSERT_NE(ex, nullptr) << "add an example to core/explain/rule_examples.cc";
    if (ex->yaml.empty()) {
      EXPECT_FALSE(ex->no_example.empty());
      // IRT019 needs a --crd; the IRT5xx translation losses come from render --to gateway-api.
      EXPECT_TRUE(r.code == "IRT019" || r.code.starts_with("IRT5"))
          << "only IRT019 and the IRT5xx codes have no validate example";
      continue;
    }
    RuleExplanation e = ExplainRule(r);
    EXPECT_EQ(e.example_error, "");
    ASSERT_FALSE(e.findings.empty()) << "the example does not report " << r.code;
    for (const diag::Diagnostic& d : e.findings) {
      EXPECT_EQ(d.code(), r.code);
      ASSERT_NE(d.file, nullptr);
      EXPECT_EQ(d.file->path(), kExampleFile);
    }
  }
  for (const RuleExample& ex : RuleExamples()) {
    EXPECT_EQ(registered.count(ex.code), 1U) << ex.code << " is not a registered code";
  }
}

TEST(ExplainRules, Groups) {
  EXPECT_EQ(RuleGroup("IRT003"), "input and schema");
  EXPECT_EQ(RuleGroup("IRT104"), "rule language");
  EXPECT_EQ(RuleGroup("IRT201"), "TLS");
  EXPECT_EQ(RuleGroup("IRT304"), "services");
  EXPECT_EQ(RuleGroup("IRT404"), "cross-resource");
  EXPECT_EQ(RuleGroup("IRT901"), "meta");
}

TEST(ExplainRules, ListsEveryCode) {
  std::ostringstream text;
  WriteRuleListText(TextStyle{100, false}, text);
  std::ostringstream md;
  WriteRuleListMarkdown(md);
  std::ostringstream man;
  WriteRuleListMan("0.0.0", man);
  for (const lint::Rule& rule : lint::AllRules()) {
    std::string code(rule.info->code);
    EXPECT_NE(text.str().find("  " + code + "  "), std::string::npos) << code;
    EXPECT_NE(md.str().find("| " + code + " | `" + std::string(rule.info->name) + "` |"),
              std::string::npos)
        << code;
    EXPECT_NE(man.str().find(".SH " + code + " "), std::string::npos) << code;
  }
  EXPECT_EQ(man.str().rfind(".TH IRTCP-RULES 7", 0), 0U);
}

}  // namespace
}  // namespace irtcp::explain
