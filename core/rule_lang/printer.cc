#include "core/rule_lang/printer.h"

#include <vector>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/text_util.h"

namespace irtcp::rule_lang {
namespace {

bool RawOk(std::string_view v) {
  if (v.find('`') != std::string_view::npos || v.find('\r') != std::string_view::npos ||
      v.find('\0') != std::string_view::npos || v.find("\xEF\xBB\xBF") != std::string_view::npos) {
    return false;
  }
  return IsValidUtf8(v);
}

enum class Ctx : std::uint8_t { kTop, kOrLeft, kOrRight, kAndLeft, kAndRight, kNot };

bool NeedsParens(const Node& n, Ctx ctx) {
  switch (n.kind) {
    case NodeKind::kOr:
      return ctx == Ctx::kOrRight || ctx == Ctx::kAndLeft || ctx == Ctx::kAndRight ||
             ctx == Ctx::kNot;
    case NodeKind::kAnd:
      return ctx == Ctx::kAndRight || ctx == Ctx::kNot;
    default:
      return false;
  }
}

void Emit(const Node& n, Ctx ctx, std::string* out) {
  bool parens = NeedsParens(n, ctx);
  if (parens) {
    out->push_back('(');
  }
  switch (n.kind) {
    case NodeKind::kOr:
    case NodeKind::kAnd: {
      bool is_or = n.kind == NodeKind::kOr;
      Emit(*n.lhs, is_or ? Ctx::kOrLeft : Ctx::kAndLeft, out);
      out->append(is_or ? " || " : " && ");
      Emit(*n.rhs, is_or ? Ctx::kOrRight : Ctx::kAndRight, out);
      break;
    }
    case NodeKind::kNot:
      out->push_back('!');
      Emit(*n.lhs, Ctx::kNot, out);
      break;
    case NodeKind::kParen:
      out->push_back('(');
      Emit(*n.lhs, Ctx::kTop, out);
      out->push_back(')');
      break;
    case NodeKind::kCall:
      out->append(n.name);
      out->push_back('(');
      for (std::size_t i = 0; i < n.args.size(); ++i) {
        if (i > 0) {
          out->append(", ");
        }
        out->append(QuoteArg(n.args[i].value));
      }
      out->push_back(')');
      break;
  }
  if (parens) {
    out->push_back(')');
  }
}

std::string Call(std::string_view name, std::string_view value) {
  std::string out(name);
  out.push_back('(');
  out.append(QuoteArg(value));
  out.push_back(')');
  return out;
}

bool TranslateCall(const Node& n, std::vector<std::string>* terms, Error* err) {
  switch (n.matcher) {
    case Matcher::kHostSni:
      for (std::size_t i = 0; i < n.args.size(); ++i) {
        const std::string& v = n.args[i].value;
        if (v == "*" && i == 0) {
          terms->clear();
          terms->push_back(Call("HostSNI", "*"));  // v2: a first `*` matches everything
          return true;
        }
        terms->push_back(v == "*" ? Call("HostSNIRegexp", ".") : Call("HostSNI", v));
      }
      return true;
    case Matcher::kHostSniRegexp:
      for (const Arg& a : n.args) {
        std::string perr;
        std::optional<std::string> pattern = PrepareV2Pattern(a.value, &perr);
        if (!pattern) {
          err->kind = ErrorKind::kBadV2Template;
          err->stage = ErrorStage::kBuild;
          err->begin = a.begin;
          err->end = a.end;
          err->message = perr;
          return false;
        }
        terms->push_back(Call("HostSNIRegexp", *pattern));
      }
      return true;
    case Matcher::kClientIp:
    case Matcher::kAlpn:
      for (const Arg& a : n.args) {
        terms->push_back(Call(n.name, a.value));
      }
      return true;
    case Matcher::kOther:
      break;
  }
  terms->push_back(Print(n));
  return true;
}

bool Translate(const Node& n, Ctx ctx, std::string* out, Error* err) {
  switch (n.kind) {
    case NodeKind::kOr:
    case NodeKind::kAnd: {
      bool is_or = n.kind == NodeKind::kOr;
      bool parens = NeedsParens(n, ctx);
      if (parens) {
        out->push_back('(');
      }
      if (!Translate(*n.lhs, is_or ? Ctx::kOrLeft : Ctx::kAndLeft, out, err)) {
        return false;
      }
      out->append(is_or ? " || " : " && ");
      if (!Translate(*n.rhs, is_or ? Ctx::kOrRight : Ctx::kAndRight, out, err)) {
        return false;
      }
      if (parens) {
        out->push_back(')');
      }
      return true;
    }
    case NodeKind::kNot:
      out->push_back('!');
      return Translate(*n.lhs, Ctx::kNot, out, err);
    case NodeKind::kParen: {
      out->push_back('(');
      if (!Translate(*n.lhs, Ctx::kTop, out, err)) {
        return false;
      }
      out->push_back(')');
      return true;
    }
    case NodeKind::kCall: {
      std::vector<std::string> terms;
      if (!TranslateCall(n, &terms, err)) {
        return false;
      }
      // An `||` chain needs parentheses except at the top, inside (...) or as the left operand
      // of `||` (where || re-associates harmlessly).
      bool parens = terms.size() > 1 && ctx != Ctx::kTop && ctx != Ctx::kOrLeft;
      if (parens) {
        out->push_back('(');
      }
      for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) {
          out->append(" || ");
        }
        out->append(terms[i]);
      }
      if (parens) {
        out->push_back(')');
      }
      return true;
    }
  }
  return false;
}

}  // namespace

std::string QuoteArg(std::string_view value) {
  if (RawOk(value)) {
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('`');
    out.append(value);
    out.push_back('`');
    return out;
  }
  return GoQuote(value);
}

std::string Print(const Node& node) {
  std::string out;
  Emit(node, Ctx::kTop, &out);
  return out;
}

std::optional<std::string> TranslateV2ToV3(const MatchExpr& v2_rule, Error* err) {
  Error local;
  if (err == nullptr) {
    err = &local;
  }
  if (!Validate(v2_rule, Syntax::kV2, err)) {
    return std::nullopt;
  }
  std::string out;
  if (!Translate(*v2_rule.root, Ctx::kTop, &out, err)) {
    return std::nullopt;
  }
  if (!Compile(out, Syntax::kV3, err)) {
    return std::nullopt;
  }
  return out;
}

}  // namespace irtcp::rule_lang
