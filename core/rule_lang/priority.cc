#include "core/rule_lang/priority.h"

#include "core/rule_lang/parser.h"
#include "core/rule_lang/text_util.h"

namespace irtcp::rule_lang {

bool IsCatchAll(const Node& root) {
  const Node* n = &root;
  while (n->kind == NodeKind::kParen || n->kind == NodeKind::kNot) {
    n = n->lhs.get();
  }
  return n->kind == NodeKind::kCall && n->name == "HostSNI" && n->args.size() == 1 &&
         n->args[0].value == "*";
}

std::int64_t DefaultPriority(std::string_view rule) {
  // The catch-all needs a `*` argument: written as such, or as a Go escape in a quoted string.
  if (rule.find_first_of("*\\") == std::string_view::npos) {
    return static_cast<std::int64_t>(rule.size());
  }
  static const ParseOptions kHostSniOnly{{"HostSNI"}};
  Error err;
  std::optional<MatchExpr> parsed = Parse(rule, kHostSniOnly, &err);
  if (parsed && IsCatchAll(*parsed->root)) {
    return -1;
  }
  return static_cast<std::int64_t>(rule.size());
}

std::optional<std::vector<std::string>> ParseHostSni(std::string_view rule, Error* err) {
  std::optional<MatchExpr> parsed = Parse(rule, err);
  if (!parsed) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  ForEachCall(*parsed->root, [&](const Node& call) {
    if (call.matcher == Matcher::kHostSni) {
      for (const Arg& a : call.args) {
        out.push_back(AsciiLower(a.value));
      }
    }
  });
  return out;
}

}  // namespace irtcp::rule_lang
