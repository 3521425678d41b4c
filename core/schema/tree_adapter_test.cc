#include "core/schema/tree_adapter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/schema/compiled.h"
#include "core/schema/names.h"
#include "core/yaml/load.h"

namespace irtcp::schema {
namespace {

std::vector<yaml::Document> Parse(const std::string& text) {
  auto file = std::make_shared<const source::SourceFile>("t.yaml", text);
  diag::DiagnosticSink sink;
  return yaml::ParseStream(file, yaml::LoadOptions{}, sink);
}

/// valijson's verdict over the TreeAdapter (through ValijsonAccepts, so that valijson's
/// validator templates are instantiated in one translation unit only).
bool Accepts(const std::string& schema_json, const std::string& yaml_text) {
  std::string err;
  std::unique_ptr<CompiledSchema> schema =
      CompileSchema("test.irtcp.io", "v1", "Test", "test", schema_json, &err);
  EXPECT_NE(schema, nullptr) << err;
  if (schema == nullptr) {
    return false;
  }
  std::vector<yaml::Document> docs = Parse(yaml_text);
  return ValijsonAccepts(*schema, docs[0], docs[0].root());
}

TEST(SchemaTreeAdapter, ScalarTypesAsKubectlSendsThem) {
  const std::string int_only = R"({"type":"object","properties":{"v":{"type":"integer"}}})";
  const std::string str_only = R"({"type":"object","properties":{"v":{"type":"string"}}})";
  const std::string bool_only = R"({"type":"object","properties":{"v":{"type":"boolean"}}})";
  struct Case {
    const char* yaml;
    bool is_int;
    bool is_string;
    bool is_bool;
  };
  const std::vector<Case> cases = {
      {"v: 8080", true, false, false},   {"v: \"8080\"", false, true, false},
      {"v: '8080'", false, true, false}, {"v: 0x1F", true, false, false},
      {"v: 0o17", true, false, false},   {"v: 1.0", true, false, false},
      {"v: 1.5", false, false, false},   {"v: on", false, false, true},
      {"v: yes", false, false, true},    {"v: y", false, false, true},
      {"v: off", false, false, true},    {"v: \"on\"", false, true, false},
      {"v: 1_000", true, false, false},  {"v: 99999999999999999999", true, false, false},
      {"v: hello", false, true, false},  {"v: !!str 12", false, true, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.yaml);
    EXPECT_EQ(Accepts(int_only, c.yaml), c.is_int);
    EXPECT_EQ(Accepts(str_only, c.yaml), c.is_string);
    EXPECT_EQ(Accepts(bool_only, c.yaml), c.is_bool);
  }
}

TEST(SchemaTreeAdapter, NullIsAbsent) {
  const std::string closed =
      R"({"type":"object","additionalProperties":false,"required":["a"],
          "properties":{"a":{"type":"string"}}})";
  EXPECT_TRUE(Accepts(closed, "a: x\nb: null\nc: ~\nd:\n"));
  EXPECT_FALSE(Accepts(closed, "a: null\n"));  // required and null: missing
  EXPECT_FALSE(Accepts(closed, "a: x\nb: 1\n"));
  std::vector<yaml::Document> docs = Parse("a: 1\nb: null\nc: [x, {d: 2, e: ~}]\n");
  EXPECT_EQ(TreeToJson(docs[0], docs[0].root()).dump(), R"({"a":1,"c":["x",{"d":2}]})");
}

TEST(SchemaTreeAdapter, AliasesAndEnum) {
  const std::string schema =
      R"({"type":"object","properties":{"a":{"type":"array","items":{"enum":["x","w"]}}}})";
  EXPECT_TRUE(Accepts(schema, "b: &v x\na: [*v, w]\n"));
  EXPECT_FALSE(Accepts(schema, "a: [x, y]\n"));  // y is a YAML 1.1 boolean
  EXPECT_FALSE(Accepts(schema, "a: [x, z]\n"));
  EXPECT_TRUE(Accepts(R"({"uniqueItems":true})", "[1, 2, 3]"));
  EXPECT_FALSE(Accepts(R"({"uniqueItems":true})", "[1, 2, 1]"));
}

TEST(SchemaNames, Kubernetes) {
  EXPECT_TRUE(IsDns1123Subdomain("test.route"));
  EXPECT_TRUE(IsDns1123Subdomain("a"));
  EXPECT_FALSE(IsDns1123Subdomain("Test"));
  EXPECT_FALSE(IsDns1123Subdomain("a..b"));
  EXPECT_FALSE(IsDns1123Subdomain("-a"));
  EXPECT_FALSE(IsDns1123Subdomain(std::string(254, 'a')));
  EXPECT_TRUE(IsDns1123Label("apps"));
  EXPECT_FALSE(IsDns1123Label("a.b"));
  EXPECT_FALSE(IsDns1123Label(std::string(64, 'a')));
  EXPECT_TRUE(IsValidGenerateName("route-"));
  EXPECT_FALSE(IsValidGenerateName("Route-"));
  EXPECT_EQ(QualifiedNameError("app.kubernetes.io/name"), "");
  EXPECT_EQ(QualifiedNameError("a/b/c"), "a key has at most one '/'");
  EXPECT_EQ(QualifiedNameError("/x"), "the prefix before '/' is empty");
  EXPECT_EQ(QualifiedNameError(std::string(64, 'a')), "the key is longer than 63 characters");
  EXPECT_EQ(LabelValueError(""), "");
  EXPECT_EQ(LabelValueError("v1.2_3-x"), "");
  EXPECT_EQ(LabelValueError("-x"), "the value must start and end with a letter or digit");
}

}  // namespace
}  // namespace irtcp::schema
