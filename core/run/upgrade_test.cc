#include "core/run/upgrade.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace irtcp::run {
namespace {

const diag::RuleInfo kA{"IRT404", "legacy-api-group",     "",
                        "",       diag::Severity::kError, diag::FixAvailability::kAlways};
const diag::RuleInfo kB{"IRT308", "deprecated-service-option", "",
                        "",       diag::Severity::kWarning,    diag::FixAvailability::kNone};

diag::Diagnostic Finding(const diag::RuleInfo& rule, diag::Severity severity,
                         const std::string& path) {
  diag::Diagnostic d;
  d.rule = &rule;
  d.severity = severity;
  d.message = "m";
  d.file = std::make_shared<source::SourceFile>("a.yaml", "x: 1\n");
  d.json_path = path;
  return d;
}

TEST(Upgrade, NewFindingsOnlyErrorsBreak) {
  version::TraefikVersion from = version::SupportedVersions()[1];  // 2.11
  version::TraefikVersion to = version::DefaultVersion();
  std::vector<diag::Diagnostic> before = {Finding(kB, diag::Severity::kWarning, "/a")};
  std::vector<diag::Diagnostic> after = {
      Finding(kB, diag::Severity::kWarning, "/a"),  // also on 2.11: not a change
      Finding(kB, diag::Severity::kWarning, "/b"),
      Finding(kA, diag::Severity::kError, "/apiVersion"),
      Finding(kA, diag::Severity::kInfo, "/c"),
  };
  after[2].fix = diag::Fix{"Change apiVersion", diag::Applicability::kUnsafe, {}};
  std::vector<diag::Diagnostic> items = UpgradeItems(before, after, from, to);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0].json_path, "/b");
  EXPECT_EQ(items[0].severity, diag::Severity::kWarning);
  EXPECT_EQ(items[0].message, "upgrading Traefik 2.11 to 3.7: changes: m");
  EXPECT_EQ(items[1].severity, diag::Severity::kError);
  EXPECT_EQ(items[1].message, "upgrading Traefik 2.11 to 3.7: breaks: m");
  ASSERT_TRUE(items[1].fix.has_value());
  EXPECT_EQ(items[1].fix->applicability, diag::Applicability::kSafe);
}

TEST(Upgrade, NotesPerCrossedVersion) {
  std::span<const version::TraefikVersion> all = version::SupportedVersions();
  EXPECT_EQ(UpgradeNotes(all[1], all.back()).size(), 3U);  // 2.11 -> 3.7
  EXPECT_EQ(UpgradeNotes(all[2], all[3]).size(), 1U);      // 3.0 -> 3.1
  EXPECT_TRUE(UpgradeNotes(all[4], all[5]).empty());       // 3.2 -> 3.3
}

}  // namespace
}  // namespace irtcp::run
