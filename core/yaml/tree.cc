#include "core/yaml/tree.h"

#include "core/util/strings.h"

namespace irtcp::yaml {

NodeId Document::GetKey(NodeId map, std::string_view key) const {
  if (!IsMapping(map)) {
    return kNoNode;
  }
  const Node& m = nodes_[map];
  for (std::uint32_t i = 0; i < m.count; ++i) {
    NodeId k = children_[m.first + 2 * i];
    if (nodes_[k].kind == NodeKind::kScalar && Text(k) == key) {
      return k;
    }
  }
  return kNoNode;
}

NodeId Document::Get(NodeId map, std::string_view key) const {
  if (!IsMapping(map)) {
    return kNoNode;
  }
  const Node& m = nodes_[map];
  for (std::uint32_t i = 0; i < m.count; ++i) {
    NodeId k = children_[m.first + 2 * i];
    if (nodes_[k].kind == NodeKind::kScalar && Text(k) == key) {
      NodeId v = children_[m.first + 2 * i + 1];
      return IsNull(v) ? kNoNode : v;
    }
  }
  return kNoNode;
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
