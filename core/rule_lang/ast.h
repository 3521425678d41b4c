// AST of a Traefik TCP rule (`HostSNI(`a`) && !ClientIP(`10.0.0.0/8`)`), with byte offsets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::rule_lang {

/// Syntax of a router's match (Traefik's `ruleSyntax`). Traefik selects v2 only for the exact
/// string "v2".
enum class Syntax : std::uint8_t { kV3, kV2 };

/// "v2" -> kV2, anything else (including "", "v3", "default", garbage) -> kV3, like Traefik.
Syntax SyntaxFromString(std::string_view syntax);
std::string_view SyntaxName(Syntax syntax);

/// The TCP matchers. kOther is a matcher registered through ParseOptions::matchers that is not
/// one of the four TCP matchers (used for Traefik's generic parser tests).
enum class Matcher : std::uint8_t { kOther, kHostSni, kHostSniRegexp, kClientIp, kAlpn };

std::string_view MatcherName(Matcher matcher);  ///< canonical spelling, "" for kOther

enum class QuoteStyle : std::uint8_t { kRaw, kInterpreted };  ///< `raw` or "interpreted"

/// One string argument of a matcher call.
struct Arg {
  std::string value;  ///< decoded value
  QuoteStyle quote = QuoteStyle::kRaw;
  std::uint32_t begin = 0;  ///< offset of the opening quote
  std::uint32_t end = 0;    ///< offset just past the closing quote
};

enum class NodeKind : std::uint8_t { kOr, kAnd, kNot, kParen, kCall };

/// A node of the rule as written: `!` and parentheses are kept (Traefik's normalised tree,
/// without them, is available through Normalize()). All offsets are byte offsets into the rule
/// string, half-open [begin, end).
struct Node {
  NodeKind kind = NodeKind::kCall;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// kOr/kAnd: both operands; kNot/kParen: `lhs` only.
  std::unique_ptr<Node> lhs;
  std::unique_ptr<Node> rhs;
  /// kOr/kAnd: offset of the operator; kNot: offset of `!`; kParen: offset of `(`.
  std::uint32_t op_begin = 0;

  // kCall only.
  Matcher matcher = Matcher::kOther;
  std::string name;            ///< canonical (registered) name, e.g. "HostSNI"
  std::string spelling;        ///< as written, e.g. "hostsni"
  std::uint32_t name_end = 0;  ///< the name spans [begin, name_end)
  std::uint32_t lparen = 0;    ///< offset of `(`
  std::vector<Arg> args;
  bool trailing_comma = false;  ///< `HostSNI(`a`,)`
  bool ellipsis = false;        ///< `HostSNI(`a`...)`

  bool is_binary() const { return kind == NodeKind::kOr || kind == NodeKind::kAnd; }
};

/// Deep copy.
std::unique_ptr<Node> Clone(const Node& node);

/// Structural equality: kinds, canonical matcher names and argument values. Offsets, spelling,
/// quote style, trailing commas and ellipses are ignored (they do not change the meaning).
bool Equal(const Node& a, const Node& b);

/// Calls `fn(const Node&)` on every kCall node, left to right.
template <typename Fn>
void ForEachCall(const Node& node, Fn&& fn) {
  if (node.kind == NodeKind::kCall) {
    fn(node);
    return;
  }
  if (node.lhs) {
    ForEachCall(*node.lhs, fn);
  }
  if (node.rhs) {
    ForEachCall(*node.rhs, fn);
  }
}

/// Traefik's tree (pkg/rules.Tree): and/or nodes and leaves; `!` pushed down to the leaves with
/// De Morgan, parentheses dropped.
struct NormNode {
  enum class Kind : std::uint8_t { kAnd, kOr, kLeaf };
  Kind kind = Kind::kLeaf;
  bool negated = false;        ///< leaves only
  const Node* call = nullptr;  ///< leaves only: the kCall node (owned by the source tree)
  std::unique_ptr<NormNode> left;
  std::unique_ptr<NormNode> right;
};

std::unique_ptr<NormNode> Normalize(const Node& root);

/// A parsed `match` expression: the text it was parsed from and its tree.
struct MatchExpr {
  std::string text;
  std::unique_ptr<Node> root;
};

}  // namespace irtcp::rule_lang
