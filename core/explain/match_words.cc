#include "core/explain/match_words.h"

#include <vector>

namespace irtcp::explain {

namespace {

using rule_lang::Matcher;
using rule_lang::Node;
using rule_lang::NodeKind;
using rule_lang::Syntax;

std::string OrList(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? " or " : ", ";
    }
    out += items[i];
  }
  return out;
}

std::string Host(const std::string& value) {
  if (value.size() > 2 && value.compare(0, 2, "*.") == 0) {
    return "one label under " + value.substr(2) + " (" + value + ")";
  }
  return value;
}

bool Anchored(const std::string& re) {
  std::string_view v = re;
  if (v.rfind("(?i)", 0) == 0) {
    v.remove_prefix(4);
  }
  return !v.empty() && v.front() == '^' && v.back() == '$';
}

std::string Call(const Node& n, Syntax syntax, bool negated) {
  std::vector<std::string> args;
  args.reserve(n.args.size());
  for (const rule_lang::Arg& a : n.args) {
    args.push_back(a.value);
  }
  const std::string is = negated ? " is not " : " is ";
  switch (n.matcher) {
    case Matcher::kHostSni: {
      if (!args.empty() && args.front() == "*" && (args.size() == 1 || syntax == Syntax::kV2)) {
        return negated ? "no connection (the negation of HostSNI(`*`) never matches)"
                       : "any connection";
      }
      std::vector<std::string> hosts;
      hosts.reserve(args.size());
      for (const std::string& h : args) {
        hosts.push_back(h == "*" ? "any non-empty name" : Host(h));
      }
      return "the server name (SNI)" + is + OrList(hosts);
    }
    case Matcher::kHostSniRegexp: {
      std::vector<std::string> res;
      bool all_anchored = true;
      for (const std::string& r : args) {
        res.push_back("`" + r + "`");
        all_anchored = all_anchored && Anchored(r);
      }
      std::string how;
      if (syntax == Syntax::kV2) {
        how = " (v2 template: anchored, case-insensitive)";
      } else if (!all_anchored) {
        how = " (a search: the pattern may match anywhere in the name)";
      }
      return std::string("the server name (SNI) ") + (negated ? "does not match " : "matches ") +
             OrList(res) + how;
    }
    case Matcher::kClientIp: {
      std::vector<std::string> nets;
      bool cidr = false;
      for (const std::string& a : args) {
        nets.push_back(a);
        cidr = cidr || a.find('/') != std::string::npos;
      }
      return "the client address" + is + (cidr ? "in " : "") + OrList(nets);
    }
    case Matcher::kAlpn: {
      const std::vector<std::string>& protos = args;
      return std::string("the client ") + (negated ? "does not offer" : "offers") +
             " the ALPN protocol " + OrList(protos);
    }
    case Matcher::kOther:
      break;
  }
  return std::string(negated ? "not " : "") + n.name + "(" + OrList(args) + ")";
}

std::string Words(const Node& n, Syntax syntax, NodeKind parent, bool negated);

std::string Binary(const Node& n, Syntax syntax, NodeKind parent, bool negated) {
  // De Morgan for a negated binary node keeps the words readable: !(a && b) = !a || !b.
  bool is_and = (n.kind == NodeKind::kAnd) != negated;
  NodeKind kind = is_and ? NodeKind::kAnd : NodeKind::kOr;
  std::string out = Words(*n.lhs, syntax, kind, negated) + (is_and ? " and " : " or ") +
                    Words(*n.rhs, syntax, kind, negated);
  if (parent == NodeKind::kAnd || parent == NodeKind::kOr) {
    if (parent != kind) {
      return "(" + out + ")";
    }
  }
  return out;
}

std::string Words(const Node& n, Syntax syntax, NodeKind parent, bool negated) {
  switch (n.kind) {
    case NodeKind::kCall:
      return Call(n, syntax, negated);
    case NodeKind::kNot:
      return Words(*n.lhs, syntax, parent, !negated);
    case NodeKind::kParen:
      return Words(*n.lhs, syntax, parent, negated);
    case NodeKind::kAnd:
    case NodeKind::kOr:
      return Binary(n, syntax, parent, negated);
  }
  return "";
}

}  // namespace

std::string DescribeMatch(const Node& root, Syntax syntax) {
  return Words(root, syntax, NodeKind::kCall, false);
}

}  // namespace irtcp::explain
