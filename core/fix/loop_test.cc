#include "core/fix/loop.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace irtcp::fix {
namespace {

const diag::RuleInfo kEmptyParens{"IRT999", "empty-parens",         "test rule",
                                  "",       diag::Severity::kError, diag::FixAvailability::kAlways};
const diag::RuleInfo kUnsafeUpper{
    "IRT998", "upper", "test rule", "", diag::Severity::kWarning, diag::FixAvailability::kAlways};

/// A synthetic check: every "()" is a finding whose safe fix deletes it (so nested parens need
/// several passes), and every "u" one whose unsafe fix makes it "U".
bool Check(const std::vector<source::SourceFilePtr>& sources,
           std::vector<diag::Diagnostic>* findings, std::string* /*err*/) {
  for (const source::SourceFilePtr& f : sources) {
    const std::string& t = f->text();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (t.compare(i, 2, "()") == 0) {
        diag::Diagnostic d;
        d.rule = &kEmptyParens;
        d.file = f;
        auto at = static_cast<std::uint32_t>(i);
        d.fix = diag::Fix{"delete", diag::Applicability::kSafe, {{at, at + 2, ""}}};
        findings->push_back(std::move(d));
      }
    }
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == 'u') {
        diag::Diagnostic d;
        d.rule = &kUnsafeUpper;
        d.file = f;
        auto at = static_cast<std::uint32_t>(i);
        d.fix = diag::Fix{"upper", diag::Applicability::kUnsafe, {{at, at + 1, "U"}}};
        findings->push_back(std::move(d));
      }
    }
  }
  return true;
}

std::vector<source::SourceFilePtr> Sources(const std::vector<std::string>& texts) {
  std::vector<source::SourceFilePtr> out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    out.push_back(std::make_shared<source::SourceFile>("f" + std::to_string(i), texts[i]));
  }
  return out;
}

TEST(FixLoop, NestedFixesConvergeInOneRun) {
  auto sources = Sources({"x((()))y u\n", "clean\n"});
  LoopResult r;
  std::string err;
  ASSERT_TRUE(FixUntilStable(sources, Check, LoopOptions{}, &r, &err));
  EXPECT_EQ(r.sources[0]->text(), "xy u\n");
  EXPECT_EQ(r.sources[0]->path(), "f0");
  EXPECT_EQ(r.sources[1], sources[1]) << "unchanged input keeps its source";
  EXPECT_EQ(r.applied, 3U);
  EXPECT_EQ(r.passes, 3);
  EXPECT_TRUE(r.converged);
  ASSERT_EQ(r.findings.size(), 1U) << "the unsafe finding remains";
  EXPECT_EQ(r.findings[0].code(), "IRT998");
  EXPECT_EQ(sources[0]->text(), "x((()))y u\n") << "originals are not modified";

  // A second run over the fixed text changes nothing (idempotent).
  LoopResult again;
  ASSERT_TRUE(FixUntilStable(r.sources, Check, LoopOptions{}, &again, &err));
  EXPECT_EQ(again.applied, 0U);
  EXPECT_EQ(again.sources[0], r.sources[0]);
}

TEST(FixLoop, UnsafeSelection) {
  LoopResult r;
  std::string err;
  LoopOptions options;
  options.selection = Selection::kSafeAndUnsafe;
  ASSERT_TRUE(FixUntilStable(Sources({"u()u\n"}), Check, options, &r, &err));
  EXPECT_EQ(r.sources[0]->text(), "UU\n");
  EXPECT_EQ(r.applied, 3U);
  EXPECT_TRUE(r.findings.empty());
}

TEST(FixLoop, StopsAtMaxPasses) {
  LoopResult r;
  std::string err;
  LoopOptions options;
  options.max_passes = 2;
  ASSERT_TRUE(FixUntilStable(Sources({"((()))"}), Check, options, &r, &err));
  EXPECT_EQ(r.sources[0]->text(), "()");
  EXPECT_EQ(r.passes, 2);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.findings.size(), 1U);
}

TEST(FixLoop, CheckErrorStops) {
  LoopResult r;
  std::string err;
  CheckFn failing = [](const std::vector<source::SourceFilePtr>&, std::vector<diag::Diagnostic>*,
                       std::string* e) {
    *e = "boom";
    return false;
  };
  EXPECT_FALSE(FixUntilStable(Sources({"()"}), failing, LoopOptions{}, &r, &err));
  EXPECT_EQ(err, "boom");
}

}  // namespace
}  // namespace irtcp::fix
