#include "core/yaml/tree.h"

#include "core/util/strings.h"

namespace irtcp::yaml {

namespace {

// The index of the first entry of `map` whose key is the scalar `key`; Size(map) when none.
std::uint32_t EntryIndex(const Document& doc, NodeId map, std::string_view key) {
  std::uint32_t size = doc.Size(map);
  for (std::uint32_t i = 0; i < size; ++i) {
    NodeId k = doc.KeyAt(map, i);
    if (doc.IsScalar(k) && doc.Text(k) == key) {
      return i;
    }
  }
  return size;
}

}  // namespace

NodeId Document::GetKey(NodeId map, std::string_view key) const {
  if (!IsMapping(map)) {
    return kNoNode;
  }
  std::uint32_t i = EntryIndex(*this, map, key);
  return i < Size(map) ? KeyAt(map, i) : kNoNode;
}

NodeId Document::Get(NodeId map, std::string_view key) const {
  if (!IsMapping(map)) {
    return kNoNode;
  }
  std::uint32_t i = EntryIndex(*this, map, key);
  if (i == Size(map)) {
    return kNoNode;
  }
  NodeId v = ValueAt(map, i);
  return IsNull(v) ? kNoNode : v;
}

std::string_view Document::GetString(NodeId map, std::string_view key) const {
  NodeId v = Get(map, key);
  if (v == kNoNode || !IsString(v)) {
    return {};
  }
  return Text(v);
}

std::string JsonPointer(const std::vector<std::string>& segments) {
  std::string out;
  for (const std::string& seg : segments) {
    out += '/';
    util::AppendJsonPointerToken(seg, &out);
  }
  return out;
}

}  // namespace irtcp::yaml
