// Baselines and suppressions end to end: a baselined finding stays silent when lines above it
// change, a new finding of the same rule in another object is reported, and SARIF lists the
// silenced findings as results with a `suppressions` entry.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

std::string Route(const std::string& name, const std::string& extra_metadata = "") {
  return "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: " + name +
         "\n  namespace: apps\n" + extra_metadata +
         "spec:\n  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`" + name +
         ".example.com`)\n      services: [{name: db, port: 5432}]\n";
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("irtcp-baseline-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");  // no .irtcp.yaml from above is read
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

using Baseline = TempDir;

TEST_F(Baseline, SurvivesEditsAboveAndReportsNewObjects) {
  WriteFile(dir_ / "routes.yaml", Route("one"));
  RunResult written =
      RunIrtcp({"validate", "--color=never", "--write-baseline", "base.json", "routes.yaml"}, dir_);
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(written.err.find("wrote 1 finding(s) to base.json"), std::string::npos) << written.err;
  std::string baseline = ReadFileOrDie(dir_ / "base.json");
  EXPECT_NE(baseline.find("\"path\": \"/spec/routes/0/match\""), std::string::npos) << baseline;
  EXPECT_EQ(baseline.find("\"line\""), std::string::npos) << "no line numbers: " << baseline;

  RunResult same =
      RunIrtcp({"validate", "--color=never", "--baseline", "base.json", "routes.yaml"}, dir_);
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_EQ(same.out, "");
  EXPECT_NE(same.err.find("1 in the baseline"), std::string::npos) << same.err;

  // Lines above the finding change: comments, and another (clean) object before it.
  WriteFile(dir_ / "routes.yaml",
            "# edited\n# more lines\n# above\napiVersion: v1\nkind: Service\nmetadata: {name: db, "
            "namespace: apps}\nspec:\n  ports: [{port: 5432}]\n---\n" +
                Route("one", "  labels: {team: edge}\n"));
  RunResult edited =
      RunIrtcp({"validate", "--color=never", "--baseline", "base.json", "routes.yaml"}, dir_);
  EXPECT_EQ(edited.exit_code, 0) << edited.out << edited.err;
  EXPECT_EQ(edited.out.find("IRT104"), std::string::npos) << edited.out;

  // The same rule in another object is new.
  WriteFile(dir_ / "routes.yaml", ReadFileOrDie(dir_ / "routes.yaml") + "---\n" + Route("two"));
  RunResult added =
      RunIrtcp({"validate", "--color=never", "--baseline", "base.json", "routes.yaml"}, dir_);
  EXPECT_EQ(added.exit_code, 1) << added.out << added.err;
  EXPECT_NE(added.out.find("HostSNI(`two.example.com`)"), std::string::npos) << added.out;
  EXPECT_EQ(added.out.find("HostSNI(`one.example.com`)"), std::string::npos) << added.out;
  EXPECT_NE(added.err.find("1 in the baseline"), std::string::npos) << added.err;

  // --show-suppressed lists the baselined finding.
  RunResult shown = RunIrtcp(
      {"validate", "--color=never", "--show-suppressed", "--baseline", "base.json", "routes.yaml"},
      dir_);
  EXPECT_NE(shown.out.find("HostSNI(`one.example.com`)"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("= note: in the baseline"), std::string::npos) << shown.out;
}

TEST_F(Baseline, UnreadableBaselineIsAnError) {
  WriteFile(dir_ / "routes.yaml", Route("one"));
  WriteFile(dir_ / "bad.json", "{\"findings\": 3}");
  RunResult r = RunIrtcp({"validate", "--baseline", "bad.json", "routes.yaml"}, dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "irtcp: error: --baseline: bad.json: not an irtcp baseline (expected JSON with "
            "\"version\": 1 and \"findings\")\n");
  RunResult missing = RunIrtcp({"validate", "--baseline", "none.json", "routes.yaml"}, dir_);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "irtcp: error: --baseline: none.json: cannot read the baseline\n");
}

using Suppressions = TempDir;

TEST_F(Suppressions, JsonCountsAndSarifSuppressions) {
  WriteFile(dir_ / "routes.yaml",
            Route("one",
                  "  annotations:\n    irtcp.io/ignore: IRT104\n    irtcp.io/ignore-reason: behind "
                  "a TLS load balancer\n") +
                "---\n" + Route("two"));
  RunResult base = RunIrtcp({"validate", "--write-baseline", "base.json", "routes.yaml"}, dir_);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  WriteFile(dir_ / "routes.yaml", ReadFileOrDie(dir_ / "routes.yaml") + "---\n" + Route("three"));

  RunResult json =
      RunIrtcp({"validate", "-o", "json", "--baseline", "base.json", "routes.yaml"}, dir_);
  EXPECT_EQ(json.exit_code, 1);
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["summary"]["suppressed"], 1);
  EXPECT_EQ(j["summary"]["baselined"], 1);
  ASSERT_EQ(j["findings"].size(), 1U);
  EXPECT_EQ(j["findings"][0]["line"], 34);
  EXPECT_FALSE(j.contains("suppressed"));

  RunResult sarif =
      RunIrtcp({"validate", "-o", "sarif", "--baseline", "base.json", "routes.yaml"}, dir_);
  nlohmann::json s = nlohmann::json::parse(sarif.out);
  const nlohmann::json& results = s["runs"][0]["results"];
  ASSERT_EQ(results.size(), 3U);
  EXPECT_FALSE(results[0].contains("suppressions"));
  std::map<std::string, nlohmann::json> by_kind;
  for (std::size_t i = 1; i < 3; ++i) {
    ASSERT_EQ(results[i]["suppressions"].size(), 1U);
    by_kind[results[i]["suppressions"][0]["kind"]] = results[i];
  }
  ASSERT_EQ(by_kind.count("inSource"), 1U);
  ASSERT_EQ(by_kind.count("external"), 1U);
  EXPECT_EQ(by_kind["inSource"]["suppressions"][0]["justification"], "behind a TLS load balancer");
  EXPECT_EQ(by_kind["inSource"]["locations"][0]["physicalLocation"]["region"]["startLine"], 12);
  EXPECT_EQ(by_kind["external"]["locations"][0]["physicalLocation"]["region"]["startLine"], 23);
}

using ProjectConfigRun = TempDir;

TEST_F(ProjectConfigRun, ExcludeGlobsAreRelativeToTheConfigFile) {
  WriteFile(dir_ / ".irtcp.yaml", "exclude: [\"deploy/legacy/**\"]\nfail-on: warning\n");
  fs::create_directories(dir_ / "deploy" / "legacy");
  WriteFile(dir_ / "deploy" / "legacy" / "old.yaml", Route("old"));
  WriteFile(dir_ / "deploy" / "new.yaml", Route("new"));
  // From a subdirectory: the file is found upward and its globs still apply.
  RunResult r = RunIrtcp({"validate", "--color=never", "-v", "."}, dir_ / "deploy");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("new.yaml"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("old.yaml"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("excluded 1 file(s)"), std::string::npos) << r.err;
  RunResult shown = RunIrtcp({"validate", "--show-config", "."}, dir_ / "deploy");
  EXPECT_NE(shown.out.find("# configuration file: ../.irtcp.yaml\n"), std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("# ../.irtcp.yaml:1:1\n"), std::string::npos) << shown.out;
  // The flag replaces the file's globs.
  RunResult flag =
      RunIrtcp({"validate", "--color=never", "--exclude", "new.yaml", "."}, dir_ / "deploy");
  EXPECT_NE(flag.out.find("old.yaml"), std::string::npos) << flag.out;
  EXPECT_EQ(flag.out.find("new.yaml"), std::string::npos) << flag.out;
}

}  // namespace
}  // namespace irtcp::testing
