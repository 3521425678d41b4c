// Every registered finding kind is well-formed, documented and tested (kube-linter's all_test.go).
#include "core/lint/registry.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <set>
#include <string>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

TEST(Registry, CodesAreUniqueSortedAndWellFormed) {
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  std::string_view previous;
  const re2::RE2 code_re("IRT[0-9]{3}");
  const re2::RE2 name_re("[a-z0-9]+(-[a-z0-9]+)*");
  for (const lint::Rule& r : lint::AllRules()) {
    SCOPED_TRACE(std::string(r.info->code));
    EXPECT_TRUE(re2::RE2::FullMatch(r.info->code, code_re));
    EXPECT_TRUE(re2::RE2::FullMatch(r.info->name, name_re)) << r.info->name;
    EXPECT_TRUE(codes.insert(r.info->code).second) << "duplicate code";
    EXPECT_TRUE(names.insert(r.info->name).second) << "duplicate name " << r.info->name;
    EXPECT_LT(previous, r.info->code) << "registry not sorted by code";
    previous = r.info->code;
    EXPECT_FALSE(r.info->summary.empty());
    EXPECT_FALSE(r.info->summary.back() == '.') << "summary ends with a period";
    EXPECT_FALSE(r.info->name.starts_with("no-")) << "names read as 'allow <name>'";
  }
  EXPECT_GT(codes.size(), 8U);
}

TEST(Registry, ExplanationsHaveTheRequiredSections) {
  for (const lint::Rule& r : lint::AllRules()) {
    SCOPED_TRACE(std::string(r.info->code));
    std::string_view e = r.info->explanation;
    EXPECT_NE(e.find("## What it does"), std::string_view::npos);
    EXPECT_NE(e.find("## Why is this bad?"), std::string_view::npos);
    EXPECT_NE(e.find("## How to fix"), std::string_view::npos);
    EXPECT_NE(e.find("## Fix safety"), std::string_view::npos);
  }
}

TEST(Registry, LintRulesHaveFixturesAndGoldens) {
  for (const lint::Rule& r : lint::AllRules()) {
    if (r.check == nullptr && !r.info->code.starts_with("IRT9")) {
      continue;  // loader and schema findings are covered by their own tests
    }
    SCOPED_TRACE(std::string(r.info->code));
    std::filesystem::path fixture =
        SourceDir() / "testdata" / "rules" / (std::string(r.info->code) + ".yaml");
    EXPECT_TRUE(std::filesystem::exists(fixture)) << fixture;
    EXPECT_TRUE(std::filesystem::exists(fixture.string() + ".expected")) << fixture;
  }
}

TEST(Registry, LookupByCodeOrNameAndSuggestions) {
  const lint::Rule& first = lint::AllRules().front();
  EXPECT_EQ(lint::FindRule(first.info->code), first.info);
  EXPECT_EQ(lint::FindRule(first.info->name), first.info);
  EXPECT_EQ(lint::FindRule("IRT999x"), nullptr);
  EXPECT_EQ(lint::SuggestRule("yaml-sintax"), "yaml-syntax");
}

}  // namespace
}  // namespace irtcp::testing
