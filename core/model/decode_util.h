// Helpers for the typed-model decoders (internal to core/model).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/field.h"
#include "core/model/k8s.h"
#include "core/yaml/tree.h"

namespace irtcp::model::detail {

/// Start of a field: the value's node (or kNoNode) and its location.
inline void Mark(const yaml::Document& doc, yaml::NodeId map, std::string_view key,
                 yaml::NodeId* node, source::Location* loc) {
  *node = doc.Get(map, key);
  if (*node != yaml::kNoNode) {
    *loc = doc.node(*node).loc;
  } else {
    yaml::NodeId k = doc.GetKey(map, key);
    if (k != yaml::kNoNode) {
      *loc = doc.node(k).loc;
    }
  }
}

inline Field<std::string> String(const yaml::Document& doc, yaml::NodeId map,
                                 std::string_view key) {
  Field<std::string> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  if (doc.IsString(f.node)) {
    f.value = std::string(doc.Text(f.node));
    f.present = true;
  } else {
    f.invalid = true;
  }
  return f;
}

inline Field<std::int64_t> Int(const yaml::Document& doc, yaml::NodeId map, std::string_view key) {
  Field<std::int64_t> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  const yaml::Node& n = doc.node(f.node);
  if (n.kind == yaml::NodeKind::kScalar && n.type == yaml::ScalarType::kInt && !n.int_overflow) {
    f.value = n.num.i;
    f.present = true;
  } else {
    f.invalid = true;
  }
  return f;
}

inline Field<bool> Bool(const yaml::Document& doc, yaml::NodeId map, std::string_view key) {
  Field<bool> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  const yaml::Node& n = doc.node(f.node);
  if (n.kind == yaml::NodeKind::kScalar && n.type == yaml::ScalarType::kBool) {
    f.value = n.num.b;
    f.present = true;
  } else {
    f.invalid = true;
  }
  return f;
}

inline Field<IntOrString> IntOrStr(const yaml::Document& doc, yaml::NodeId map,
                                   std::string_view key) {
  Field<IntOrString> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  const yaml::Node& n = doc.node(f.node);
  if (n.kind == yaml::NodeKind::kScalar && n.type == yaml::ScalarType::kInt && !n.int_overflow) {
    f.value.int_value = n.num.i;
    f.present = true;
  } else if (doc.IsString(f.node)) {
    f.value.is_string = true;
    f.value.str_value = std::string(doc.Text(f.node));
    f.present = true;
  } else {
    f.invalid = true;
  }
  return f;
}

/// A list of strings; non-string items are skipped (and make the field `invalid`).
inline Field<std::vector<std::string>> StringList(const yaml::Document& doc, yaml::NodeId map,
                                                  std::string_view key) {
  Field<std::vector<std::string>> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  if (!doc.IsSequence(f.node)) {
    f.invalid = true;
    return f;
  }
  f.present = true;
  for (std::uint32_t i = 0; i < doc.Size(f.node); ++i) {
    yaml::NodeId item = doc.ItemAt(f.node, i);
    if (doc.IsString(item)) {
      f.value.emplace_back(doc.Text(item));
    } else {
      f.invalid = true;
    }
  }
  return f;
}

/// A mapping-valued field: present when the value is a mapping (`{}` included).
template <typename T>
Field<T> MapField(const yaml::Document& doc, yaml::NodeId map, std::string_view key) {
  Field<T> f;
  Mark(doc, map, key, &f.node, &f.loc);
  if (f.node == yaml::kNoNode) {
    return f;
  }
  if (doc.IsMapping(f.node)) {
    f.present = true;
  } else {
    f.invalid = true;
  }
  return f;
}

/// A map of scalars (any scalar type, as its text).
inline StringMap Strings(const yaml::Document& doc, yaml::NodeId node) {
  StringMap m;
  m.node = node;
  if (!doc.IsMapping(node)) {
    return m;
  }
  for (std::uint32_t i = 0; i < doc.Size(node); ++i) {
    yaml::NodeId k = doc.KeyAt(node, i);
    yaml::NodeId v = doc.ValueAt(node, i);
    if (!doc.IsScalar(k) || !doc.IsScalar(v) || doc.IsNull(v)) {
      continue;
    }
    m.entries.insert_or_assign(std::string(doc.Text(k)),
                               StringMap::Entry{std::string(doc.Text(v)), v});
  }
  return m;
}

inline std::string Join(const std::string& base, std::string_view key) {
  std::string out = base;
  out += '/';
  out += key;
  return out;
}

}  // namespace irtcp::model::detail
