// `irtcp validate -o sarif` checked against the OASIS SARIF 2.1.0 JSON schema (vendored in
// testdata/sarif/, see its README): the real binary on findings with fixes, YAML errors, a missing
// input file and clean input. The schema is draft-04 with local `#/definitions/...` references
// only; valijson resolves those within the document and is given no fetcher, so a remote
// reference would fail the parse instead of reaching the network.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
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
using Json = nlohmann::json;

const valijson::Schema& SarifSchema() {
  static const std::unique_ptr<valijson::Schema> kSchema = [] {
    Json doc = Json::parse(ReadFileOrDie(TestdataDir() / "sarif" / "sarif-schema-2.1.0.json"));
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *kSchema;
}

/// Schema violations of `doc`, one "path: description" per line (empty when valid).
std::string SchemaErrors(const Json& doc) {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(SarifSchema(), target, &results)) {
    return "";
  }
  std::string out;
  for (const valijson::ValidationResults::Error& e : results) {
    for (const std::string& c : e.context) {
      out += c;
    }
    out += ": " + e.description + "\n";
  }
  return out.empty() ? "invalid (no details)\n" : out;
}

/// Runs `irtcp validate -o sarif <args>` in `dir` and returns the parsed document.
Json RunSarif(const fs::path& dir, const std::vector<std::string>& args, int want_exit) {
  std::vector<std::string> argv = {"validate", "-o", "sarif"};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult r = RunIrtcp(argv, dir);
  EXPECT_EQ(r.exit_code, want_exit) << r.err;
  Json doc = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(doc.is_discarded()) << "not JSON:\n" << r.out;
  return doc;
}

/// What the schema cannot say: each result names a rule of the run's rule table.
void ExpectConsistentRuleIndexes(const Json& doc) {
  const Json& run = doc["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  for (const Json& result : run["results"]) {
    if (result.contains("ruleIndex")) {
      std::size_t i = result["ruleIndex"].get<std::size_t>();
      ASSERT_LT(i, rules.size());
      EXPECT_EQ(rules[i]["id"], result["ruleId"]);
    }
  }
}

TEST(SarifSchema, FindingsWithFixesAreValid) {
  Json doc = RunSarif(TestdataDir() / "fix", {"fixable.yaml"}, 1);
  EXPECT_EQ(SchemaErrors(doc), "");
  ASSERT_FALSE(doc["runs"][0]["results"].empty());
  const Json& region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_GE(region["startLine"].get<int>(), 1);
  EXPECT_GE(region["startColumn"].get<int>(), 1);
  ExpectConsistentRuleIndexes(doc);
}

TEST(SarifSchema, YamlErrorsAreValid) {
  Json doc = RunSarif(TestdataDir() / "cli" / "yaml-errors", {"input.yaml"}, 1);
  EXPECT_EQ(SchemaErrors(doc), "");
  EXPECT_FALSE(doc["runs"][0]["results"].empty());
  ExpectConsistentRuleIndexes(doc);
}

TEST(SarifSchema, MissingInputFileIsValid) {
  // The missing file is an operational error (exit code 2, on stderr); the report of the file
  // that exists is still a valid document.
  Json doc = RunSarif(TestdataDir() / "fix", {"fixable.yaml", "does-not-exist.yaml"}, 2);
  EXPECT_EQ(SchemaErrors(doc), "");
  EXPECT_FALSE(doc["runs"][0]["results"].empty());
  Json only_missing = RunSarif(TestdataDir() / "fix", {"does-not-exist.yaml"}, 2);
  EXPECT_EQ(SchemaErrors(only_missing), "");
}

TEST(SarifSchema, CleanInputIsValid) {
  fs::path dir = fs::temp_directory_path() / ("irtcp-sarif-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  WriteFile(dir / "clean.yaml",
            "apiVersion: traefik.io/v1alpha1\n"
            "kind: IngressRouteTCP\n"
            "metadata:\n"
            "  name: db\n"
            "  namespace: default\n"
            "spec:\n"
            "  entryPoints: [postgres]\n"
            "  routes:\n"
            "    - match: HostSNI(`*`)\n"
            "      services:\n"
            "        - name: db\n"
            "          port: 5432\n");
  Json doc = RunSarif(dir, {"clean.yaml"}, 0);
  fs::remove_all(dir);
  EXPECT_EQ(SchemaErrors(doc), "");
  EXPECT_TRUE(doc["runs"][0]["results"].empty()) << doc.dump(1);
  EXPECT_FALSE(doc["runs"][0]["tool"]["driver"]["rules"].empty());
}

// The check has teeth: documents that break the schema are rejected.
TEST(SarifSchema, RejectsInvalidDocuments) {
  Json valid = RunSarif(TestdataDir() / "fix", {"fixable.yaml"}, 1);
  ASSERT_EQ(SchemaErrors(valid), "");

  Json no_version = valid;
  no_version.erase("version");
  EXPECT_NE(SchemaErrors(no_version), "");

  Json bad_line = valid;
  bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  EXPECT_NE(SchemaErrors(bad_line), "");

  Json bad_level = valid;
  bad_level["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_NE(SchemaErrors(bad_level), "");

  Json extra = valid;
  extra["runs"][0]["unknownProperty"] = true;
  EXPECT_NE(SchemaErrors(extra), "");
}

}  // namespace
}  // namespace irtcp::testing
