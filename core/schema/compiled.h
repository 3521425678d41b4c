// A converted CRD schema loaded for validation: valijson's schema plus a compact tree of the same
// schema that irtcp walks to word findings and to run the checks valijson does not do well
// (exact int64 ranges, RE2 patterns, CEL field exclusions). Internal to core/schema.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop

#include "core/yaml/tree.h"

namespace valijson {
class Schema;
}  // namespace valijson

namespace irtcp::schema {

/// JSON types as a bit set.
enum TypeBit : std::uint8_t {
  kTypeObject = 1U << 0U,
  kTypeArray = 1U << 1U,
  kTypeString = 1U << 2U,
  kTypeInteger = 1U << 3U,
  kTypeNumber = 1U << 4U,
  kTypeBoolean = 1U << 5U,
  kTypeNull = 1U << 6U,
};

/// "integer or string", "object", ...
std::string TypeSetName(std::uint8_t types);

inline constexpr std::int32_t kNoSchema = -1;

/// One rule `!has(self.a) || !has(self.b)` from x-kubernetes-validations.
struct ExclusiveRule {
  std::string first;
  std::string second;
  std::string message;
};

/// One node of the schema tree.
struct SchemaNode {
  std::uint8_t types = 0;   ///< allowed JSON types; 0 = any
  bool closed = false;      ///< properties not listed are unknown fields
  bool complex = false;     ///< has anyOf/oneOf/allOf/not beyond int-or-string
  bool has_checks = false;  ///< this node or one below has a range, pattern or exclusive rule
  std::vector<std::pair<std::string, std::int32_t>> properties;  ///< name -> node index
  std::int32_t additional = kNoSchema;                           ///< schema of other properties
  std::int32_t items = kNoSchema;
  std::vector<std::string> required;
  std::vector<nlohmann::json> enum_values;
  std::vector<std::string> enum_strings;  ///< the same, when every value is a string
  std::optional<std::int64_t> minimum;    ///< exact int64 bounds (inclusive)
  std::optional<std::int64_t> maximum;
  bool int32 = false;  ///< the bounds come from format: int32
  std::string pattern;
  std::unique_ptr<RE2> regex;
  std::vector<ExclusiveRule> exclusive;

  /// Index of the schema of property `name` (listed or additional); kNoSchema when unknown.
  std::int32_t Property(std::string_view name) const {
    for (const auto& [key, index] : properties) {
      if (key == name) {
        return index;
      }
    }
    return additional;
  }
  bool HasListedProperty(std::string_view name) const {
    for (const auto& p : properties) {
      if (p.first == name) {
        return true;
      }
    }
    return false;
  }
};

/// A schema for one apiVersion + kind.
struct CompiledSchema {
  CompiledSchema();
  ~CompiledSchema();
  CompiledSchema(const CompiledSchema&) = delete;
  CompiledSchema& operator=(const CompiledSchema&) = delete;

  std::string group;
  std::string version;
  std::string kind;
  std::string source;             ///< where it came from (vendored file name or --crd path)
  std::vector<SchemaNode> nodes;  ///< nodes[0] is the root
  /// True when every keyword of the schema is one the compiled validator implements (type,
  /// properties, additionalProperties, items, required, enum, int-or-string, nullable, integer
  /// bounds, pattern, exclusive CEL rules): what Kubernetes structural schemas use, and all the
  /// bundled CRDs. Other schemas (a --crd with minLength, oneOf, ...) are validated with valijson.
  bool structural = true;
  std::string schema_json;  ///< the converted schema, for valijson

  std::string api_version() const { return group + "/" + version; }
  const SchemaNode& root() const { return nodes[0]; }
  /// valijson's form of the schema, built on first use (thread-safe).
  const valijson::Schema& Valijson() const;

 private:
  mutable std::once_flag valijson_once_;
  mutable std::unique_ptr<valijson::Schema> valijson_;
};

/// True when valijson accepts the node under the schema: the reference engine. The compiled
/// validator must agree with it on every structural schema (tested).
bool ValijsonAccepts(const CompiledSchema& schema, const yaml::Document& doc, yaml::NodeId node);

/// One of valijson's errors: where (its context path) and its description.
struct ValijsonError {
  std::vector<std::string> context;
  std::string description;
};
/// Every error valijson reports for the node (empty when it accepts it). valijson's validator
/// templates are instantiated in compiled.cc only: they are the slowest code in the build.
std::vector<ValijsonError> ValijsonErrors(const CompiledSchema& schema, const yaml::Document& doc,
                                          yaml::NodeId node);

/// Loads a schema produced by ConvertCrd. Returns nullptr and sets `*err` on failure (bad JSON,
/// a pattern RE2 cannot compile, a non-structural schema valijson rejects).
std::unique_ptr<CompiledSchema> CompileSchema(std::string_view group, std::string_view version,
                                              std::string_view kind, std::string_view source,
                                              std::string_view schema_json, std::string* err);

}  // namespace irtcp::schema
