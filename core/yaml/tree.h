// A compact, position-carrying YAML tree built from libyaml events.
//
// One Document per YAML document. Nodes live in one vector; a collection's children are a
// contiguous run in a second vector (mappings store key, value, key, value, ...). Aliases share
// the anchored node (the tree is a DAG), so alias bombs cost no memory; the loader also caps the
// expanded size. Scalars are resolved as go-yaml v2 (what kubectl uses) resolves them.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source/location.h"
#include "core/source/source_file.h"

namespace irtcp::yaml {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeKind : std::uint8_t { kScalar, kMapping, kSequence };
enum class ScalarStyle : std::uint8_t {
  kPlain,
  kSingleQuoted,
  kDoubleQuoted,
  kLiteral,
  kFolded,
  kNone,  ///< not a scalar
};
/// The type a scalar resolves to (go-yaml v2 / YAML 1.1 rules: `yes`/`on`/`y` are booleans,
/// `0x1F` an integer, quoted values strings).
enum class ScalarType : std::uint8_t { kNull, kBool, kInt, kFloat, kString };

struct Node {
  NodeKind kind = NodeKind::kScalar;
  ScalarStyle style = ScalarStyle::kNone;
  ScalarType type = ScalarType::kNull;
  bool flow = false;               ///< flow-style collection ({...} or [...])
  bool int_overflow = false;       ///< integer literal outside int64 (kept as float)
  std::uint32_t value_offset = 0;  ///< scalar text: offset into Document's string pool
  std::uint32_t value_length = 0;
  std::uint32_t first = 0;  ///< collection: index of first child in Document's child list
  std::uint32_t count = 0;  ///< collection: number of entries (pairs for mappings)
  std::uint32_t begin = 0;  ///< byte offset of the node's first character in the file
  std::uint32_t end = 0;    ///< byte offset just past the node
  source::Location loc;     ///< 1-based start position
  union {
    std::int64_t i;
    double f;
    bool b;
  } num{0};
};

/// One YAML document of a file.
class Document {
 public:
  explicit Document(source::SourceFilePtr file) : file_(std::move(file)) {}

  const source::SourceFile& file() const { return *file_; }
  const source::SourceFilePtr& file_ptr() const { return file_; }
  NodeId root() const { return root_; }
  /// 0-based index of the document in its file's stream.
  std::uint32_t index() const { return index_; }

  const Node& node(NodeId id) const { return nodes_[id]; }
  std::size_t node_count() const { return nodes_.size(); }

  bool IsMapping(NodeId id) const { return id != kNoNode && nodes_[id].kind == NodeKind::kMapping; }
  bool IsSequence(NodeId id) const {
    return id != kNoNode && nodes_[id].kind == NodeKind::kSequence;
  }
  bool IsScalar(NodeId id) const { return id != kNoNode && nodes_[id].kind == NodeKind::kScalar; }
  /// True for an absent node or a null scalar (the API server treats both alike).
  bool IsNull(NodeId id) const {
    return id == kNoNode ||
           (nodes_[id].kind == NodeKind::kScalar && nodes_[id].type == ScalarType::kNull);
  }
  bool IsString(NodeId id) const { return IsScalar(id) && nodes_[id].type == ScalarType::kString; }

  /// The scalar's text as decoded by YAML (for any scalar type).
  std::string_view Text(NodeId id) const {
    const Node& n = nodes_[id];
    return std::string_view(strings_).substr(n.value_offset, n.value_length);
  }

  /// Number of entries: pairs for a mapping, items for a sequence, 0 for a scalar.
  std::uint32_t Size(NodeId id) const {
    return nodes_[id].kind == NodeKind::kScalar ? 0 : nodes_[id].count;
  }
  NodeId KeyAt(NodeId map, std::uint32_t i) const { return children_[nodes_[map].first + 2 * i]; }
  NodeId ValueAt(NodeId map, std::uint32_t i) const {
    return children_[nodes_[map].first + 2 * i + 1];
  }
  NodeId ItemAt(NodeId seq, std::uint32_t i) const { return children_[nodes_[seq].first + i]; }

  /// The value of `key` in mapping `map`, or kNoNode if `map` is not a mapping, the key is absent,
  /// or its value is null.
  NodeId Get(NodeId map, std::string_view key) const;
  /// Like Get, but returns the key node (for positions of a key).
  NodeId GetKey(NodeId map, std::string_view key) const;
  /// The string value of `key`, or "" when absent/not a string.
  std::string_view GetString(NodeId map, std::string_view key) const;

  // -- Building (used by the loader) -------------------------------------------------------------
  NodeId AddNode(const Node& n) {
    nodes_.push_back(n);
    return static_cast<NodeId>(nodes_.size() - 1);
  }
  Node& mutable_node(NodeId id) { return nodes_[id]; }
  std::uint32_t AddString(std::string_view s) {
    auto off = static_cast<std::uint32_t>(strings_.size());
    strings_.append(s);
    return off;
  }
  /// Appends a run of children and returns the index of the first one.
  std::uint32_t AddChildren(const NodeId* ids, std::size_t n) {
    auto first = static_cast<std::uint32_t>(children_.size());
    children_.insert(children_.end(), ids, ids + n);
    return first;
  }
  /// Growth buffers the loader reuses from one document to the next: a document is built in
  /// them, then copied out at its exact size (one allocation per array, no regrowth, no slack:
  /// the loader keeps every document of a run in memory).
  struct BuildBuffers {
    std::vector<Node> nodes;
    std::vector<NodeId> children;
    std::string strings;
  };
  /// Starts building in `b`'s storage (the document must be empty).
  void StartBuild(BuildBuffers* b) {
    nodes_.swap(b->nodes);
    children_.swap(b->children);
    strings_.swap(b->strings);
    nodes_.clear();
    children_.clear();
    strings_.clear();
  }
  /// Ends the build: the document keeps exact-size copies, `b` gets its storage back.
  void FinishBuild(BuildBuffers* b) {
    b->nodes = std::exchange(nodes_, std::vector<Node>());
    nodes_.assign(b->nodes.begin(), b->nodes.end());
    b->children = std::exchange(children_, std::vector<NodeId>());
    children_.assign(b->children.begin(), b->children.end());
    b->strings = std::exchange(strings_, std::string());
    strings_.assign(b->strings);
  }
  void set_root(NodeId root) { root_ = root; }
  void set_index(std::uint32_t index) { index_ = index; }

 private:
  source::SourceFilePtr file_;
  std::vector<Node> nodes_;
  std::vector<NodeId> children_;
  std::string strings_;
  NodeId root_ = kNoNode;
  std::uint32_t index_ = 0;
};

/// Renders a JSON pointer ("/spec/routes/0/match") from path segments.
std::string JsonPointer(const std::vector<std::string>& segments);

}  // namespace irtcp::yaml
