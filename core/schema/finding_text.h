// How schema findings name places and values: human paths ("spec.routes[0].port"), JSON
// pointers, the type and value found, allowed values and ranges, and the hints for fields of
// Traefik's HTTP kinds. Internal to core/schema (the checker and its tests).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/compiled.h"
#include "core/yaml/tree.h"

namespace irtcp::schema::internal {

/// How much of a user value a message quotes.
inline constexpr std::size_t kMaxValueChars = 60;

/// One step of a path into the object.
struct Seg {
  std::string_view key;
  std::uint32_t index = 0;
  bool is_index = false;
};

/// A double-quoted, shortened rendering of a user value for messages.
std::string Quote(std::string_view text);

/// "spec.routes[0].services[1].port"; keys with dots or slashes as ["app.kubernetes.io/name"].
std::string HumanPath(const std::vector<Seg>& path);
/// "spec.routes[].services[]": the schema path, without indices.
std::string GenericPath(const std::vector<Seg>& path);
/// `prefix` followed by the JSON pointer of `path`.
std::string Pointer(std::string_view prefix, const std::vector<Seg>& path);

/// The JSON-schema type (kType*) of a node, as the API server reads it.
std::uint8_t TypeOfNode(const yaml::Document& doc, yaml::NodeId id);
/// Whether a type set allows `type` (an integer is also a number).
bool TypeAllowed(std::uint8_t allowed, std::uint8_t type);
/// "boolean (on)", "string (\"abc\")", "object".
std::string Found(const yaml::Document& doc, yaml::NodeId id);
/// An allowed value as a message shows it.
std::string EnumText(const nlohmann::json& v);
/// "an integer from 1 to 65535 (int32)".
std::string RangeText(const SchemaNode& s);

/// The hint for `field` unknown at the schema path `where` of `kind` when it is a field of the
/// corresponding HTTP kind ("{} belongs to IngressRoute (HTTP) routes"); nullopt otherwise.
std::optional<std::string> HttpFieldHint(std::string_view kind, std::string_view where,
                                         std::string_view field);

}  // namespace irtcp::schema::internal
