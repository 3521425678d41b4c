#include "core/rule_lang/ast.h"

namespace irtcp::rule_lang {

Syntax SyntaxFromString(std::string_view syntax) {
  return syntax == "v2" ? Syntax::kV2 : Syntax::kV3;
}

std::string_view SyntaxName(Syntax syntax) { return syntax == Syntax::kV2 ? "v2" : "v3"; }

std::string_view MatcherName(Matcher matcher) {
  switch (matcher) {
    case Matcher::kHostSni:
      return "HostSNI";
    case Matcher::kHostSniRegexp:
      return "HostSNIRegexp";
    case Matcher::kClientIp:
      return "ClientIP";
    case Matcher::kAlpn:
      return "ALPN";
    case Matcher::kOther:
      break;
  }
  return "";
}

std::unique_ptr<Node> Clone(const Node& node) {
  auto out = std::make_unique<Node>();
  out->kind = node.kind;
  out->begin = node.begin;
  out->end = node.end;
  out->op_begin = node.op_begin;
  out->matcher = node.matcher;
  out->name = node.name;
  out->spelling = node.spelling;
  out->name_end = node.name_end;
  out->lparen = node.lparen;
  out->args = node.args;
  out->trailing_comma = node.trailing_comma;
  out->ellipsis = node.ellipsis;
  if (node.lhs) {
    out->lhs = Clone(*node.lhs);
  }
  if (node.rhs) {
    out->rhs = Clone(*node.rhs);
  }
  return out;
}

bool Equal(const Node& a, const Node& b) {
  if (a.kind != b.kind) {
    return false;
  }
  if (a.kind == NodeKind::kCall) {
    if (a.name != b.name || a.matcher != b.matcher || a.args.size() != b.args.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.args.size(); ++i) {
      if (a.args[i].value != b.args[i].value) {
        return false;
      }
    }
    return true;
  }
  if ((a.lhs == nullptr) != (b.lhs == nullptr) || (a.rhs == nullptr) != (b.rhs == nullptr)) {
    return false;
  }
  if (a.lhs && !Equal(*a.lhs, *b.lhs)) {
    return false;
  }
  return !a.rhs || Equal(*a.rhs, *b.rhs);
}

namespace {
std::unique_ptr<NormNode> NormalizeRec(const Node& node, bool negate) {
  switch (node.kind) {
    case NodeKind::kParen:
      return NormalizeRec(*node.lhs, negate);
    case NodeKind::kNot:
      return NormalizeRec(*node.lhs, !negate);
    case NodeKind::kAnd:
    case NodeKind::kOr: {
      auto out = std::make_unique<NormNode>();
      bool is_and = node.kind == NodeKind::kAnd;
      if (negate) {
        is_and = !is_and;  // De Morgan
      }
      out->kind = is_and ? NormNode::Kind::kAnd : NormNode::Kind::kOr;
      out->left = NormalizeRec(*node.lhs, negate);
      out->right = NormalizeRec(*node.rhs, negate);
      return out;
    }
    case NodeKind::kCall: {
      auto out = std::make_unique<NormNode>();
      out->kind = NormNode::Kind::kLeaf;
      out->negated = negate;
      out->call = &node;
      return out;
    }
  }
  return nullptr;
}
}  // namespace

std::unique_ptr<NormNode> Normalize(const Node& root) { return NormalizeRec(root, false); }

}  // namespace irtcp::rule_lang
