// End-to-end checks of validate's output options that goldens cannot express: exit codes for
// every format, --output-file, -j determinism, and SARIF against the SARIF 2.1.0 schema.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFormats = {"text", "json", "sarif", "github", "junit"};

fs::path Testdata() { return SourceDir() / "testdata"; }

TEST(CliOutput, ExitCodesForEveryFormat) {
  const std::string clean = (Testdata() / "cli" / "no-traefik-objects" / "input.yaml").string();
  const std::string findings =
      (Testdata() / "cli" / "non-kubernetes-mixed" / "input.yaml").string();
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int exit_code;
  };
  const std::vector<Case> cases = {
      {"clean", {clean}, 0},
      {"findings", {findings}, 1},
      {"findings below --fail-on", {"--fail-on", "never", findings}, 0},
      {"unreadable input", {clean, "does-not-exist.yaml"}, 2},
      {"bad flag value", {"--max-file-size", "lots", clean}, 2},
      {"unknown flag", {"--no-such-flag", clean}, 2},
  };
  for (const std::string& format : kFormats) {
    for (const Case& c : cases) {
      SCOPED_TRACE(format + ": " + c.name);
      std::vector<std::string> args = {"validate", "-o", format};
      args.insert(args.end(), c.args.begin(), c.args.end());
      RunResult r = RunIrtcp(args, SourceDir());
      EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
      if (format != "text" && format != "github" && c.exit_code != 2) {
        EXPECT_NE(r.out, "") << "a machine format owns stdout";
        EXPECT_EQ(r.err.find("::"), std::string::npos);
      }
    }
  }
}

TEST(CliOutput, OutputFileGetsTheFormatAndTheTerminalTheText) {
  const std::string input = (Testdata() / "cli" / "non-kubernetes-mixed" / "input.yaml").string();
  char name[] = "/tmp/irtcp-sarif-XXXXXX";
  int fd = mkstemp(name);
  ASSERT_GE(fd, 0);
  close(fd);
  RunResult to_file =
      RunIrtcp({"validate", "-o", "sarif", "--output-file", name, input}, SourceDir());
  std::string written = ReadFileOrDie(name);
  unlink(name);
  RunResult to_stdout = RunIrtcp({"validate", "-o", "sarif", input}, SourceDir());
  RunResult text = RunIrtcp({"validate", input}, SourceDir());
  EXPECT_EQ(to_file.exit_code, 1);
  EXPECT_EQ(written, to_stdout.out);
  EXPECT_EQ(to_file.out, text.out);  // the findings as text
  EXPECT_EQ(to_file.err, text.err);  // the summary line
  EXPECT_NE(text.err.find("1 error(s)"), std::string::npos) << text.err;
}

TEST(CliOutput, OutputFileThatCannotBeWrittenIsAnError) {
  const std::string input = (Testdata() / "cli" / "no-traefik-objects" / "input.yaml").string();
  RunResult r = RunIrtcp(
      {"validate", "-o", "json", "--output-file", "/nonexistent-dir/x.json", input}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output-file /nonexistent-dir/x.json"), std::string::npos) << r.err;
}

TEST(CliOutput, ParallelRunsGiveTheSameBytesAsOneThread) {
  // Many files with findings of every kind: the rule fixtures and the examples.
  const std::vector<std::string> inputs = {(Testdata() / "rules").string(),
                                           (Testdata() / "examples").string(),
                                           (Testdata() / "cli" / "directory-walk").string()};
  for (const std::string& format : kFormats) {
    SCOPED_TRACE(format);
    std::vector<std::string> serial = {"validate", "-o", format, "-j", "1"};
    serial.insert(serial.end(), inputs.begin(), inputs.end());
    std::vector<std::string> parallel = {"validate", "-o", format, "-j", "4"};
    parallel.insert(parallel.end(), inputs.begin(), inputs.end());
    RunResult a = RunIrtcp(serial, SourceDir());
    RunResult b = RunIrtcp(parallel, SourceDir());
    EXPECT_GT(a.out.size(), 10000U);
    EXPECT_EQ(a.out, b.out);
    EXPECT_EQ(a.err, b.err);
    EXPECT_EQ(a.exit_code, b.exit_code);
  }
}

TEST(CliOutput, SarifIsValidSarif210) {
  nlohmann::json schema_doc =
      nlohmann::json::parse(ReadFileOrDie(Testdata() / "sarif" / "sarif-schema-2.1.0.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
  parser.populateSchema(schema_adapter, schema);
  // Findings of every rule, a YAML error, an unreadable path and a non-ASCII file name.
  RunResult r = RunIrtcp({"validate", "-o", "sarif", "testdata/rules", "testdata/cli/yaml-errors",
                          "testdata/cli/non-ascii-columns", "does-not-exist.yaml"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter doc_adapter(doc);
  bool valid = validator.validate(schema, doc_adapter, &results);
  std::string errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string context;
    for (const std::string& c : e.context) {
      context += c;
    }
    errors += context + ": " + e.description + "\n";
  }
  EXPECT_TRUE(valid) << errors;
  // The schema is live: a wrong level is rejected.
  nlohmann::json broken = doc;
  broken["runs"][0]["results"][0]["level"] = "fatal";
  valijson::adapters::NlohmannJsonAdapter broken_adapter(broken);
  EXPECT_FALSE(validator.validate(schema, broken_adapter, nullptr));

  // What code scanning relies on, beyond the schema.
  const nlohmann::json& run = doc["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file://" + SourceDir().lexically_normal().string() + "/");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            "does-not-exist.yaml: no such file or directory");
  for (const nlohmann::json& rule : run["tool"]["driver"]["rules"]) {
    SCOPED_TRACE(rule["id"].get<std::string>());
    EXPECT_NE(rule["help"]["text"].get<std::string>().find("## What it does"), std::string::npos);
    EXPECT_EQ(rule["help"]["markdown"], rule["help"]["text"]);
    EXPECT_TRUE(rule["defaultConfiguration"]["level"] == "error" ||
                rule["defaultConfiguration"]["level"] == "warning" ||
                rule["defaultConfiguration"]["level"] == "note");
  }
  ASSERT_GT(run["results"].size(), 50U);
  std::set<std::string> fingerprints;
  for (const nlohmann::json& res : run["results"]) {
    const nlohmann::json& artifact = res["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(artifact["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(artifact["uri"].get<std::string>().rfind("testdata/", 0), 0U) << artifact;
    EXPECT_EQ(res["partialFingerprints"]["irtcp/v1"].get<std::string>().size(), 16U);
    fingerprints.insert(res["partialFingerprints"]["irtcp/v1"].get<std::string>());
  }
  // Distinct findings get distinct fingerprints (a few findings share code, object and path).
  EXPECT_GT(fingerprints.size(), run["results"].size() * 9 / 10);
}

}  // namespace
}  // namespace irtcp::testing
