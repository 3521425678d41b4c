// A valijson adapter over irtcp's YAML tree (core/yaml/tree.h), so manifests are validated where
// they were parsed, without a copy into another JSON library.
//
// Semantics follow what kubectl sends to the API server:
// - scalar types are the loader's go-yaml v2 resolution (`on` is a boolean, `0x1F` an integer,
//   `"8080"` a string), and types are strict (no "8080" -> 8080 coercion);
// - a mapping entry whose value is null is absent (the API server drops it);
// - a float with an integral value (`1.0`, `1e3`) is an integer, because kubectl's JSON encoding
//   writes it as `1` / `1000`; an integer literal too large for int64 also counts as an integer,
//   so that the range check (not the type check) reports it.
// Keys are the scalar text of the key node.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>
#pragma GCC diagnostic pop

#include "core/yaml/tree.h"

namespace irtcp::schema {

class TreeAdapter;
class TreeArrayIterator;
class TreeObjectIterator;

using TreeObjectMember = std::pair<std::string, TreeAdapter>;

/// Converts a subtree to JSON (for valijson's frozen values; not on the validation path).
nlohmann::json TreeToJson(const yaml::Document& doc, yaml::NodeId id);

/// True when the scalar is an integer as the API server sees it (see the file comment).
inline bool TreeIsInteger(const yaml::Node& n) {
  if (n.kind != yaml::NodeKind::kScalar) {
    return false;
  }
  if (n.type == yaml::ScalarType::kInt || n.int_overflow) {
    return true;
  }
  return n.type == yaml::ScalarType::kFloat && std::isfinite(n.num.f) &&
         n.num.f == std::trunc(n.num.f) && n.num.f >= -9223372036854775808.0 &&
         n.num.f < 9223372036854775808.0;
}

/// A mapping or sequence reference: the document and the node id.
struct TreeRef {
  const yaml::Document* doc = nullptr;
  yaml::NodeId id = yaml::kNoNode;
};

/// A sequence, as valijson iterates it.
class TreeArray {
 public:
  using const_iterator = TreeArrayIterator;
  using iterator = TreeArrayIterator;

  TreeArray() = default;
  explicit TreeArray(TreeRef ref) : ref_(ref) {}

  TreeArrayIterator begin() const;
  TreeArrayIterator end() const;
  std::size_t size() const { return ref_.doc == nullptr ? 0 : ref_.doc->Size(ref_.id); }

 private:
  TreeRef ref_;
};

/// A mapping, as valijson iterates it: entries with a null value are skipped.
class TreeObject {
 public:
  using const_iterator = TreeObjectIterator;
  using iterator = TreeObjectIterator;

  TreeObject() = default;
  explicit TreeObject(TreeRef ref) : ref_(ref) {}

  TreeObjectIterator begin() const;
  TreeObjectIterator end() const;
  TreeObjectIterator find(const std::string& name) const;
  std::size_t size() const;

 private:
  TreeRef ref_;
};

/// The value wrapper that valijson's BasicAdapter reads.
class TreeValue {
 public:
  TreeValue() = default;
  TreeValue(const yaml::Document* doc, yaml::NodeId id) : ref_{doc, id} {}

  // valijson's BasicAdapter calls these by its own (camelCase) names.
  // NOLINTBEGIN(readability-identifier-naming)
  valijson::adapters::FrozenValue* freeze() const {
    return new valijson::adapters::NlohmannJsonFrozenValue(
        ref_.doc == nullptr ? nlohmann::json::object() : TreeToJson(*ref_.doc, ref_.id));
  }

  std::optional<TreeArray> getArrayOptional() const {
    if (isArray()) {
      return std::make_optional(TreeArray(ref_));
    }
    return {};
  }
  bool getArraySize(std::size_t& result) const {
    if (isArray()) {
      result = ref_.doc->Size(ref_.id);
      return true;
    }
    return false;
  }
  bool getBool(bool& result) const {
    if (isBool()) {
      result = node().num.b;
      return true;
    }
    return false;
  }
  bool getDouble(double& result) const {
    if (isDouble()) {
      result = node().num.f;
      return true;
    }
    return false;
  }
  bool getInteger(std::int64_t& result) const {
    if (!isInteger()) {
      return false;
    }
    const yaml::Node& n = node();
    if (n.type == yaml::ScalarType::kInt) {
      result = n.num.i;
    } else if (n.num.f >= 9223372036854775808.0) {
      result = INT64_MAX;
    } else if (n.num.f < -9223372036854775808.0) {
      result = INT64_MIN;
    } else {
      result = static_cast<std::int64_t>(n.num.f);
    }
    return true;
  }
  std::optional<TreeObject> getObjectOptional() const {
    if (isObject()) {
      return std::make_optional(TreeObject(ref_));
    }
    return {};
  }
  bool getObjectSize(std::size_t& result) const {
    if (isObject()) {
      result = TreeObject(ref_).size();
      return true;
    }
    return false;
  }
  bool getString(std::string& result) const {
    if (isString()) {
      result = std::string(ref_.doc->Text(ref_.id));
      return true;
    }
    return false;
  }

  static bool hasStrictTypes() { return true; }

  bool isArray() const { return ref_.doc != nullptr && ref_.doc->IsSequence(ref_.id); }
  bool isBool() const { return IsScalarOf(yaml::ScalarType::kBool); }
  bool isDouble() const { return IsScalarOf(yaml::ScalarType::kFloat) && !TreeIsInteger(node()); }
  bool isInteger() const { return ref_.doc != nullptr && TreeIsInteger(node()); }
  bool isNull() const { return ref_.doc != nullptr && IsScalarOf(yaml::ScalarType::kNull); }
  bool isNumber() const { return isInteger() || isDouble(); }
  /// The default-constructed value is an empty object, as valijson expects.
  bool isObject() const { return ref_.doc == nullptr || ref_.doc->IsMapping(ref_.id); }
  bool isString() const { return IsScalarOf(yaml::ScalarType::kString); }
  // NOLINTEND(readability-identifier-naming)

 private:
  const yaml::Node& node() const { return ref_.doc->node(ref_.id); }
  bool IsScalarOf(yaml::ScalarType t) const {
    return ref_.doc != nullptr && ref_.doc->IsScalar(ref_.id) && node().type == t;
  }

  TreeRef ref_;
};

/// valijson adapter for one node of a yaml::Document. The document must outlive it.
class TreeAdapter
    : public valijson::adapters::BasicAdapter<TreeAdapter, TreeArray, TreeObjectMember, TreeObject,
                                              TreeValue> {
 public:
  TreeAdapter(const yaml::Document& doc, yaml::NodeId id) : BasicAdapter(TreeValue(&doc, id)) {}
};

class TreeArrayIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = TreeAdapter;
  using difference_type = std::ptrdiff_t;
  using pointer = TreeAdapter*;
  using reference = TreeAdapter&;

  TreeArrayIterator(TreeRef ref, std::uint32_t index) : ref_(ref), index_(index) {}

  TreeAdapter operator*() const {
    return TreeAdapter(*ref_.doc, ref_.doc->ItemAt(ref_.id, index_));
  }
  valijson::adapters::DerefProxy<TreeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<TreeAdapter>(**this);
  }
  bool operator==(const TreeArrayIterator& other) const { return index_ == other.index_; }
  bool operator!=(const TreeArrayIterator& other) const { return index_ != other.index_; }
  const TreeArrayIterator& operator++() {
    ++index_;
    return *this;
  }
  TreeArrayIterator operator++(int) {
    TreeArrayIterator pre = *this;
    ++index_;
    return pre;
  }
  const TreeArrayIterator& operator--() {
    --index_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { index_ = static_cast<std::uint32_t>(index_ + n); }

 private:
  TreeRef ref_;
  std::uint32_t index_;
};

class TreeObjectIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = TreeObjectMember;
  using difference_type = std::ptrdiff_t;
  using pointer = TreeObjectMember*;
  using reference = TreeObjectMember&;

  /// Starts at entry `index`, skipping entries whose value is null.
  TreeObjectIterator(TreeRef ref, std::uint32_t index) : ref_(ref), index_(index) { Skip(); }

  TreeObjectMember operator*() const {
    const yaml::Document& d = *ref_.doc;
    return TreeObjectMember(std::string(d.Text(d.KeyAt(ref_.id, index_))),
                            TreeAdapter(d, d.ValueAt(ref_.id, index_)));
  }
  valijson::adapters::DerefProxy<TreeObjectMember> operator->() const {
    return valijson::adapters::DerefProxy<TreeObjectMember>(**this);
  }
  bool operator==(const TreeObjectIterator& other) const { return index_ == other.index_; }
  bool operator!=(const TreeObjectIterator& other) const { return index_ != other.index_; }
  const TreeObjectIterator& operator++() {
    ++index_;
    Skip();
    return *this;
  }
  TreeObjectIterator operator++(int) {
    TreeObjectIterator pre = *this;
    ++*this;
    return pre;
  }

 private:
  void Skip() {
    if (ref_.doc == nullptr) {
      return;
    }
    std::uint32_t n = ref_.doc->Size(ref_.id);
    while (index_ < n && ref_.doc->IsNull(ref_.doc->ValueAt(ref_.id, index_))) {
      ++index_;
    }
  }

  TreeRef ref_;
  std::uint32_t index_;
};

inline TreeArrayIterator TreeArray::begin() const { return TreeArrayIterator(ref_, 0); }
inline TreeArrayIterator TreeArray::end() const {
  return TreeArrayIterator(ref_, static_cast<std::uint32_t>(size()));
}

inline TreeObjectIterator TreeObject::begin() const { return TreeObjectIterator(ref_, 0); }
inline TreeObjectIterator TreeObject::end() const {
  return TreeObjectIterator(ref_, ref_.doc == nullptr ? 0 : ref_.doc->Size(ref_.id));
}
inline TreeObjectIterator TreeObject::find(const std::string& name) const {
  if (ref_.doc == nullptr) {
    return end();
  }
  const yaml::Document& d = *ref_.doc;
  std::uint32_t n = d.Size(ref_.id);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (d.Text(d.KeyAt(ref_.id, i)) == name && !d.IsNull(d.ValueAt(ref_.id, i))) {
      return TreeObjectIterator(ref_, i);
    }
  }
  return end();
}
inline std::size_t TreeObject::size() const {
  if (ref_.doc == nullptr) {
    return 0;
  }
  const yaml::Document& d = *ref_.doc;
  std::uint32_t n = d.Size(ref_.id);
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!d.IsNull(d.ValueAt(ref_.id, i))) {
      ++count;
    }
  }
  return count;
}

}  // namespace irtcp::schema

namespace valijson::adapters {

template <>
struct AdapterTraits<irtcp::schema::TreeAdapter> {
  using DocumentType = irtcp::yaml::Document;
  // NOLINTNEXTLINE(readability-identifier-naming): the name valijson's AdapterTraits declares.
  static std::string adapterName() { return "IrtcpTreeAdapter"; }
};

}  // namespace valijson::adapters
