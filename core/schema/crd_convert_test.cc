#include "core/schema/crd_convert.h"

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/golden.h"

namespace irtcp::schema {
namespace {

using nlohmann::json;

std::vector<ConvertedVersion> ConvertOrDie(const std::string& name, const std::string& text) {
  std::string err;
  auto file = std::make_shared<const source::SourceFile>(name, text);
  auto out = ConvertCrd(file, &err);
  EXPECT_TRUE(out.has_value()) << err;
  return out.value_or(std::vector<ConvertedVersion>{});
}

json ConvertVendored(const std::string& file) {
  std::vector<ConvertedVersion> v =
      ConvertOrDie(file, irtcp::testing::ReadFileOrDie(irtcp::testing::SourceDir() / "schemas" /
                                                       "traefik" / "v3.7.9" / file));
  EXPECT_EQ(v.size(), 1U);
  return v.empty() ? json() : json::parse(v[0].schema_json);
}

TEST(SchemaConvert, IngressRouteTcp) {
  std::vector<ConvertedVersion> v = ConvertOrDie(
      "irt.yaml",
      irtcp::testing::ReadFileOrDie(irtcp::testing::SourceDir() /
                                    "schemas/traefik/v3.7.9/traefik.io_ingressroutetcps.yaml"));
  ASSERT_EQ(v.size(), 1U);
  EXPECT_EQ(v[0].group, "traefik.io");
  EXPECT_EQ(v[0].version, "v1alpha1");
  EXPECT_EQ(v[0].kind, "IngressRouteTCP");
  EXPECT_EQ(v[0].api_version(), "traefik.io/v1alpha1");
  EXPECT_EQ(v[0].crd_name, "ingressroutetcps.traefik.io");

  json s = json::parse(v[0].schema_json);
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(s["required"], json({"metadata", "spec"}));
  const json& route = s["properties"]["spec"]["properties"]["routes"]["items"];
  EXPECT_EQ(route["additionalProperties"], false);
  EXPECT_EQ(route["required"], json({"match"}));
  EXPECT_EQ(route["properties"]["syntax"]["enum"], json({"v3", "v2"}));
  // Exact int64 bound, outside valijson's view.
  EXPECT_EQ(route["properties"]["priority"]["x-irtcp-maximum"].get<std::int64_t>(),
            9223372036854775000);
  EXPECT_FALSE(route["properties"]["priority"].contains("maximum"));
  const json& service = route["properties"]["services"]["items"];
  EXPECT_EQ(service["properties"]["port"],
            json::parse(R"({"anyOf": [{"type": "integer"}, {"type": "string"}]})"));
  EXPECT_EQ(service["properties"]["weight"]["x-irtcp-minimum"], 0);
  const json& version = service["properties"]["proxyProtocol"]["properties"]["version"];
  EXPECT_EQ(version["x-irtcp-minimum"], 1);
  EXPECT_EQ(version["x-irtcp-maximum"], 2);
  // Documentation is dropped.
  EXPECT_EQ(v[0].schema_json.find("description"), std::string::npos);
  // metadata (just `type: object` in the CRD) becomes strict ObjectMeta.
  const json& meta = s["properties"]["metadata"];
  EXPECT_EQ(meta["additionalProperties"], false);
  EXPECT_EQ(meta["properties"]["labels"]["additionalProperties"], json({{"type", "string"}}));
  EXPECT_TRUE(meta["properties"].contains("managedFields"));
}

TEST(SchemaConvert, ServersTransportTcpPatternAndCel) {
  json s = ConvertVendored("traefik.io_serverstransporttcps.yaml");
  const json& spec = s["properties"]["spec"]["properties"];
  EXPECT_EQ(spec["dialTimeout"]["x-irtcp-pattern"], "^([0-9]+(ns|us|µs|ms|s|m|h)?)+$");
  EXPECT_FALSE(spec["dialTimeout"].contains("pattern"));  // std::regex would backtrack
  const json& root_ca = spec["tls"]["properties"]["rootCAs"]["items"];
  EXPECT_EQ(root_ca["x-irtcp-exclusive"], json::parse(R"([{"fields": ["secret", "configMap"],
                             "message": "RootCA cannot have both Secret and ConfigMap defined."}])"));
}

TEST(SchemaConvert, Int64FormatAndMiddleware) {
  json s = ConvertVendored("traefik.io_middlewaretcps.yaml");
  const json& amount =
      s["properties"]["spec"]["properties"]["inFlightConn"]["properties"]["amount"];
  EXPECT_EQ(amount, json::parse(R"({"type": "integer", "x-irtcp-minimum": 0})"));
}

TEST(SchemaConvert, KeywordTable) {
  struct Case {
    const char* name;
    std::string schema;  // openAPIV3Schema, flow style
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"nullable", "{type: string, nullable: true}", R"({"type":["string","null"]})"},
      {"int-or-string nullable", "{x-kubernetes-int-or-string: true, nullable: true}",
       R"({"anyOf":[{"type":"integer"},{"type":"string"},{"type":"null"}]})"},
      {"preserve unknown fields",
       "{type: object, x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: "
       "string}}}",
       R"({"properties":{"a":{"type":"string"}},"type":"object","x-irtcp-preserve":true})"},
      {"object without properties is closed", "{type: object}",
       R"({"additionalProperties":false,"type":"object"})"},
      {"map", "{type: object, additionalProperties: {type: integer}}",
       R"({"additionalProperties":{"type":"integer"},"type":"object"})"},
      {"int32", "{type: integer, format: int32}",
       R"({"type":"integer","x-irtcp-format":"int32","x-irtcp-maximum":2147483647,"x-irtcp-minimum":-2147483648})"},
      {"exclusive integer bounds",
       "{type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}",
       R"({"type":"integer","x-irtcp-maximum":9,"x-irtcp-minimum":1})"},
      {"number bounds stay with valijson", "{type: number, minimum: 0.5}",
       R"({"minimum":0.5,"type":"number"})"},
      {"length", "{type: string, minLength: 1, maxLength: 3}",
       R"({"maxLength":3,"minLength":1,"type":"string"})"},
      {"other CEL rules are left to the API server",
       "{type: object, x-kubernetes-validations: [{rule: 'self.a > 1'}]}",
       R"({"additionalProperties":false,"type":"object"})"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string crd =
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        "metadata: {name: xs.example.com}\n"
        "spec:\n  group: example.com\n  names: {kind: X}\n  versions:\n  - name: v1\n"
        "    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n"
        "          f: " +
        c.schema + "\n";
    std::vector<ConvertedVersion> v = ConvertOrDie("x.yaml", crd);
    ASSERT_EQ(v.size(), 1U);
    EXPECT_EQ(json::parse(v[0].schema_json)["properties"]["f"].dump(), c.expected);
  }
}

TEST(SchemaConvert, Errors) {
  struct Case {
    const char* name;
    std::string text;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"yaml error", "a: 'b\n", "c.yaml:1:4: "},
      {"no crd", "apiVersion: v1\nkind: Service\n",
       "c.yaml: no CustomResourceDefinition with an openAPIV3Schema found"},
      {"no group",
       "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: xs}\n"
       "spec: {names: {kind: X}}\n",
       "c.yaml: CustomResourceDefinition xs has no spec.group or spec.names.kind"},
      {"schema not a mapping",
       "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: n}\n"
       "spec:\n  group: g\n  names: {kind: X}\n  versions:\n  - name: v1\n    schema:\n"
       "      openAPIV3Schema: {properties: {a: [1]}}\n",
       "c.yaml:10:41: schema is not a mapping"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string err;
    auto file = std::make_shared<const source::SourceFile>("c.yaml", c.text);
    EXPECT_FALSE(ConvertCrd(file, &err).has_value());
    EXPECT_EQ(err.substr(0, c.error.size()), c.error) << err;
  }
}

}  // namespace
}  // namespace irtcp::schema
