#include "core/report/formatter.h"

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/report/fingerprint.h"
#include "core/source/source_file.h"

namespace irtcp::report {
namespace {

const diag::RuleInfo kRule{"IRT999",
                           "test-rule",
                           "a rule for tests",
                           "## What it does\nx\n",
                           diag::Severity::kError,
                           diag::FixAvailability::kNone};

diag::Diagnostic Finding(const source::SourceFilePtr& file, std::uint32_t offset,
                         std::string message, std::string object = "IngressRouteTCP apps/db") {
  diag::Diagnostic d;
  d.rule = &kRule;
  d.severity = diag::Severity::kError;
  d.message = std::move(message);
  d.file = file;
  d.location = file->LocationAt(offset);
  d.json_path = "/spec/routes/0/match";
  d.object = std::move(object);
  return d;
}

std::string Render(std::string_view format, const std::vector<diag::Diagnostic>& findings,
                   const Summary& summary, const FormatOptions& options = {}) {
  std::ostringstream out;
  std::string err;
  std::unique_ptr<Formatter> f = MakeFormatter(format, out, options, &err);
  EXPECT_NE(f, nullptr) << err;
  f->Write(findings, summary);
  return out.str();
}

TEST(Fingerprint, IgnoresTheLineButNotTheObjectOrPath) {
  auto a = std::make_shared<source::SourceFile>("r.yaml", "a: 1\nb: 2\n");
  diag::Diagnostic first = Finding(a, 0, "m");
  diag::Diagnostic moved = Finding(a, 5, "m");
  diag::Diagnostic other_object = Finding(a, 0, "m", "IngressRouteTCP apps/other");
  diag::Diagnostic other_path = Finding(a, 0, "m");
  other_path.json_path = "/spec/routes/1/match";
  EXPECT_EQ(Fingerprint(first, "r.yaml"), Fingerprint(moved, "r.yaml"));
  EXPECT_NE(Fingerprint(first, "r.yaml"), Fingerprint(other_object, "r.yaml"));
  EXPECT_NE(Fingerprint(first, "r.yaml"), Fingerprint(other_path, "r.yaml"));
  EXPECT_NE(Fingerprint(first, "r.yaml"), Fingerprint(first, "s.yaml"));
  EXPECT_EQ(Fingerprint(first, "r.yaml").size(), 16U);
}

TEST(SarifFormatter, UrisAreRelativeToTheSourceRoot) {
  struct Case {
    const char* name;
    const char* path;
    const char* cwd;
    const char* uri;
    bool relative;
  };
  const Case cases[] = {
      {"relative to cwd", "k8s/r.yaml", "/repo/sub", "sub/k8s/r.yaml", true},
      {"dot-dot inside root", "../k8s/r.yaml", "/repo/sub", "k8s/r.yaml", true},
      {"absolute inside root", "/repo/a b/r.yaml", "/elsewhere", "a%20b/r.yaml", true},
      {"outside the root", "/tmp/r.yaml", "/repo", "file:///tmp/r.yaml", false},
      {"non-ASCII", "é.yaml", "/repo", "%C3%A9.yaml", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto file = std::make_shared<source::SourceFile>(c.path, "a: 1\n");
    FormatOptions options;
    options.source_root = "/repo";
    options.working_directory = c.cwd;
    nlohmann::json doc =
        nlohmann::json::parse(Render("sarif", {Finding(file, 0, "m")}, Summary{}, options));
    const nlohmann::json& run = doc["runs"][0];
    EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
    const nlohmann::json& loc = run["results"][0]["locations"][0]["physicalLocation"];
    EXPECT_EQ(loc["artifactLocation"]["uri"], c.uri);
    EXPECT_EQ(loc["artifactLocation"].contains("uriBaseId"), c.relative);
    EXPECT_EQ(loc["region"]["startLine"], 1);
  }
}

TEST(SarifFormatter, UnreadableInputsAreToolNotifications) {
  Summary summary;
  summary.errors = {"gone.yaml: no such file or directory"};
  nlohmann::json doc = nlohmann::json::parse(Render("sarif", {}, summary));
  const nlohmann::json& inv = doc["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], false);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"], "error");
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["message"]["text"],
            "gone.yaml: no such file or directory");
  nlohmann::json ok = nlohmann::json::parse(Render("sarif", {}, Summary{}));
  EXPECT_EQ(ok["runs"][0]["invocations"][0]["executionSuccessful"], true);
  EXPECT_FALSE(ok["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
}

TEST(JunitFormatter, SuitePerFileCasePerObjectFailurePerFinding) {
  auto file = std::make_shared<source::SourceFile>("r.yaml", "a: 1\nb: 2\n");
  Summary summary;
  summary.inventory = {{"r.yaml", {"IngressRouteTCP apps/db", "IngressRouteTCP apps/ok"}},
                       {"empty.yaml", {}}};
  summary.errors = {"gone.yaml: no such file or directory"};
  std::vector<diag::Diagnostic> findings = {Finding(file, 5, "bad <\"&'> value\nsecond line")};
  EXPECT_EQ(Render("junit", findings, summary),
            R"xml(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="irtcp" tests="3" failures="1" errors="1" time="0">
  <testsuite name="r.yaml" tests="2" failures="1" errors="0" skipped="0" time="0">
    <testcase name="IngressRouteTCP apps/db" classname="r.yaml">
      <failure message="bad &lt;&quot;&amp;&apos;&gt; value&#10;second line" type="IRT999">r.yaml:2:1: error: bad &lt;&quot;&amp;&apos;&gt; value&#10;second line [IRT999 test-rule]</failure>
    </testcase>
    <testcase name="IngressRouteTCP apps/ok" classname="r.yaml"/>
  </testsuite>
  <testsuite name="empty.yaml" tests="0" failures="0" errors="0" skipped="0" time="0"/>
  <testsuite name="gone.yaml" tests="1" failures="0" errors="1" skipped="0" time="0">
    <testcase name="(file)" classname="gone.yaml">
      <error message="gone.yaml: no such file or directory" type="io">gone.yaml: no such file or directory</error>
    </testcase>
  </testsuite>
</testsuites>
)xml");
}

TEST(GithubFormatter, EscapesDataAndProperties) {
  auto file = std::make_shared<source::SourceFile>("a%b,c:d.yaml", "a: 1\n");
  std::vector<diag::Diagnostic> findings = {Finding(file, 0, "50% of a,b: x\r\ny")};
  EXPECT_EQ(Render("github", findings, Summary{}),
            "::error file=a%25b%2Cc%3Ad.yaml,line=1,col=1,title=IRT999 test-rule::50%25 of a,b: "
            "x%0D%0Ay\n");
}

// An ESC sequence, NUL or bidi control in a manifest never reaches GitHub's log raw (it renders
// ANSI sequences): the same visible escapes as text output; CR/LF keep GitHub's encoding.
TEST(GithubFormatter, EscapesControlBytes) {
  auto file = std::make_shared<source::SourceFile>("a\x1b]0;t\x07.yaml", "a: 1\n");
  std::vector<diag::Diagnostic> findings = {
      Finding(file, 0, std::string("key \x1b[31mred\x1b[0m, nul ") + '\0' + " \xE2\x80\xAE!\n")};
  EXPECT_EQ(Render("github", findings, Summary{}),
            "::error file=a\\x1b]0;t\\x07.yaml,line=1,col=1,title=IRT999 test-rule::key "
            "\\x1b[31mred\\x1b[0m, nul \\x00 \\u{202e}!%0A\n");
}

}  // namespace
}  // namespace irtcp::report
