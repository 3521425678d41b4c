#include "core/rule_lang/parser.h"

#include <algorithm>
#include <memory>

#include "core/rule_lang/go_parser.h"

namespace irtcp::rule_lang {
namespace {

// ---------------------------------------------------------------------------------------------
// vulcand/predicate: Go AST -> tree of matcher calls.

struct Spelling {
  std::string spelling;
  std::string canonical;
  Matcher matcher;
};

Matcher MatcherFromCanonical(std::string_view name) {
  if (name == "HostSNI") {
    return Matcher::kHostSni;
  }
  if (name == "HostSNIRegexp") {
    return Matcher::kHostSniRegexp;
  }
  if (name == "ClientIP") {
    return Matcher::kClientIp;
  }
  if (name == "ALPN") {
    return Matcher::kAlpn;
  }
  return Matcher::kOther;
}

std::vector<Spelling> BuildSpellings(const ParseOptions& options) {
  std::vector<std::string> names = options.matchers;
  if (names.empty()) {
    names = {"HostSNI", "HostSNIRegexp", "ClientIP", "ALPN"};
  }
  std::vector<Spelling> out;
  for (const std::string& n : names) {
    std::string lower;
    std::string upper;
    for (char c : n) {
      lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      upper.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    }
    std::string title = lower;
    if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') {
      title[0] = static_cast<char>(title[0] - 'a' + 'A');
    }
    Matcher m = MatcherFromCanonical(n);
    for (const std::string& s : {n, lower, upper, title}) {
      out.push_back(Spelling{s, n, m});
    }
  }
  return out;
}

struct Value {
  enum class Kind : std::uint8_t { kTree, kString, kOther };
  Kind kind = Kind::kOther;
  std::unique_ptr<Node> node;
  std::string str;
  std::string type_name;  // Go type for reflection errors
  QuoteStyle quote = QuoteStyle::kRaw;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class Converter {
 public:
  Converter(const std::vector<Spelling>& spellings, Error* err)
      : spellings_(spellings), err_(err) {}

  bool Convert(const GoExpr& e, Value* out) {
    out->begin = e.begin;
    out->end = e.end;
    switch (e.kind) {
      case GoExpr::Kind::kBinary: {
        Value x;
        Value y;
        if (!Convert(*e.kids[0], &x) || !Convert(*e.kids[1], &y)) {
          return false;
        }
        auto op_end = static_cast<std::uint32_t>(e.op_pos + e.text.size());
        if (e.text != "&&" && e.text != "||") {
          return Fail(ErrorKind::kUnsupportedOperator, e.op_pos, op_end,
                      e.text + " is not supported");
        }
        if (!RequireTree(x) || !RequireTree(y)) {
          return false;
        }
        auto n = std::make_unique<Node>();
        n->kind = e.text == "&&" ? NodeKind::kAnd : NodeKind::kOr;
        n->begin = e.begin;
        n->end = e.end;
        n->op_begin = e.op_pos;
        n->lhs = std::move(x.node);
        n->rhs = std::move(y.node);
        out->kind = Value::Kind::kTree;
        out->node = std::move(n);
        return true;
      }
      case GoExpr::Kind::kUnary: {
        if (e.text != "!") {
          return Fail(ErrorKind::kUnsupportedOperator, e.op_pos,
                      static_cast<std::uint32_t>(e.op_pos + e.text.size()),
                      e.text + " is not supported");
        }
        Value x;
        if (!Convert(*e.kids[0], &x) || !RequireTree(x)) {
          return false;
        }
        auto n = std::make_unique<Node>();
        n->kind = NodeKind::kNot;
        n->begin = e.begin;
        n->end = e.end;
        n->op_begin = e.op_pos;
        n->lhs = std::move(x.node);
        out->kind = Value::Kind::kTree;
        out->node = std::move(n);
        return true;
      }
      case GoExpr::Kind::kStar:
        return Fail(ErrorKind::kUnsupportedExpression, e.begin, e.end,
                    "*ast.StarExpr is not supported");
      case GoExpr::Kind::kParen: {
        Value x;
        if (!Convert(*e.kids[0], &x)) {
          return false;
        }
        if (x.kind != Value::Kind::kTree) {
          *out = std::move(x);
          return true;
        }
        auto n = std::make_unique<Node>();
        n->kind = NodeKind::kParen;
        n->begin = e.begin;
        n->end = e.end;
        n->op_begin = e.op_pos;
        n->lhs = std::move(x.node);
        out->kind = Value::Kind::kTree;
        out->node = std::move(n);
        return true;
      }
      case GoExpr::Kind::kLit: {
        const Token& t = *e.tok;
        if (t.tok == Tok::kString) {
          out->kind = Value::Kind::kString;
          out->str = t.value;
          out->quote = t.raw ? QuoteStyle::kRaw : QuoteStyle::kInterpreted;
          return true;
        }
        if (t.tok == Tok::kChar) {
          return Fail(ErrorKind::kArgumentType, e.begin, e.end,
                      "unsupported function argument type: 'CHAR'");
        }
        out->kind = Value::Kind::kOther;
        if (!t.lit.empty() && t.lit.back() == 'i') {
          out->type_name = "complex128";
        } else if (t.lit.find_first_of(".eEpP") != std::string::npos &&
                   !(t.lit.size() > 1 && (t.lit[1] == 'x' || t.lit[1] == 'X'))) {
          out->type_name = "float64";
        } else {
          out->type_name = "int";
        }
        return true;
      }
      case GoExpr::Kind::kIdent:
        return Fail(ErrorKind::kUndefinedIdentifier, e.begin, e.end, e.text + " is not defined");
      case GoExpr::Kind::kSelector:
        return Fail(ErrorKind::kUndefinedIdentifier, e.begin, e.end,
                    SelectorName(e) + " is not defined");
      case GoExpr::Kind::kCall:
        return ConvertCall(e, out);
      case GoExpr::Kind::kUnsupported:
        return Fail(ErrorKind::kUnsupportedExpression, e.begin, e.end, e.text);
    }
    return false;
  }

 private:
  static std::string SelectorName(const GoExpr& e) {
    if (e.kind == GoExpr::Kind::kIdent) {
      return e.text;
    }
    if (e.kind == GoExpr::Kind::kSelector) {
      return SelectorName(*e.kids[0]) + "." + e.text;
    }
    return "";
  }

  static bool IsName(const GoExpr& e) {
    if (e.kind == GoExpr::Kind::kIdent) {
      return true;
    }
    return e.kind == GoExpr::Kind::kSelector && IsName(*e.kids[0]);
  }

  static std::string_view GoTypeName(const GoExpr& e) {
    switch (e.kind) {
      case GoExpr::Kind::kParen:
        return "*ast.ParenExpr";
      case GoExpr::Kind::kCall:
        return "*ast.CallExpr";
      case GoExpr::Kind::kLit:
        return "*ast.BasicLit";
      case GoExpr::Kind::kUnary:
        return "*ast.UnaryExpr";
      case GoExpr::Kind::kBinary:
        return "*ast.BinaryExpr";
      case GoExpr::Kind::kStar:
        return "*ast.StarExpr";
      default:
        return "*ast.SelectorExpr";
    }
  }

  bool ConvertCall(const GoExpr& e, Value* out) {
    const GoExpr& fun = *e.kids[0];
    if (!IsName(fun)) {
      return Fail(ErrorKind::kUnsupportedExpression, fun.begin, fun.end,
                  std::string(GoTypeName(fun)) + " is not supported");
    }
    std::string name = SelectorName(fun);
    const Spelling* sp = nullptr;
    for (const Spelling& s : spellings_) {
      if (s.spelling == name) {
        sp = &s;
        break;
      }
    }
    if (sp == nullptr) {
      return Fail(ErrorKind::kUnsupportedFunction, fun.begin, fun.end,
                  "unsupported function: " + name);
    }
    auto n = std::make_unique<Node>();
    n->kind = NodeKind::kCall;
    n->begin = e.begin;
    n->end = e.end;
    n->name_end = fun.end;
    n->lparen = e.op_pos;
    n->op_begin = e.begin;
    n->matcher = sp->matcher;
    n->name = sp->canonical;
    n->spelling = name;
    n->trailing_comma = e.trailing_comma;
    n->ellipsis = e.ellipsis;
    for (std::size_t i = 1; i < e.kids.size(); ++i) {
      Value v;
      if (!Convert(*e.kids[i], &v)) {
        return false;
      }
      if (v.kind != Value::Kind::kString) {
        std::string type = v.kind == Value::Kind::kTree ? "rules.treeBuilder" : v.type_name;
        return Fail(ErrorKind::kArgumentType, v.begin, v.end,
                    "reflect: Call using " + type + " as type string");
      }
      n->args.push_back(Arg{std::move(v.str), v.quote, v.begin, v.end});
    }
    out->kind = Value::Kind::kTree;
    out->node = std::move(n);
    return true;
  }

  bool RequireTree(const Value& v) {
    if (v.kind == Value::Kind::kTree) {
      return true;
    }
    std::string type = v.kind == Value::Kind::kString ? "string" : v.type_name;
    return Fail(ErrorKind::kArgumentType, v.begin, v.end,
                "reflect: Call using " + type + " as type rules.TreeBuilder");
  }

  bool Fail(ErrorKind kind, std::uint32_t begin, std::uint32_t end, std::string msg) {
    err_->kind = kind;
    err_->stage = ErrorStage::kParse;
    err_->begin = begin;
    err_->end = end;
    err_->message = std::move(msg);
    return false;
  }

  const std::vector<Spelling>& spellings_;
  Error* err_;
};

}  // namespace

std::string GoPosition(std::string_view text, std::uint32_t offset) {
  std::uint32_t line = 1;
  std::uint32_t line_start = 0;
  for (std::uint32_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

std::optional<MatchExpr> Parse(std::string_view match, Error* err) {
  static const ParseOptions kTcp;
  return Parse(match, kTcp, err);
}

std::optional<MatchExpr> Parse(std::string_view match, const ParseOptions& options, Error* err) {
  Error local;
  if (err == nullptr) {
    err = &local;
  }
  *err = Error{};
  if (match.size() > 0xFFFFFFF0u) {
    err->kind = ErrorKind::kSyntax;
    err->message = "rule too long";
    return std::nullopt;
  }
  GoParse go = ParseGoExpr(match);
  ExprPtr& expr = go.expr;
  std::vector<RawError>& errors = go.errors;
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const RawError& a, const RawError& b) { return a.offset < b.offset; });
    const RawError& first = errors.front();
    err->kind = first.kind;
    err->stage = ErrorStage::kParse;
    err->begin = first.offset;
    err->end = std::max(first.end, first.offset);
    err->message = GoPosition(match, first.offset) + ": " + first.message;
    if (errors.size() > 1) {
      err->message += " (and " + std::to_string(errors.size() - 1) + " more errors)";
    }
    return std::nullopt;
  }
  if (const RawError* sem = go.semantic ? &*go.semantic : nullptr) {
    err->kind = sem->kind;
    err->stage = ErrorStage::kParse;
    err->begin = sem->offset;
    err->end = std::max(sem->end, sem->offset);
    err->message = sem->message;
    return std::nullopt;
  }
  if (!expr) {
    err->kind = ErrorKind::kSyntax;
    err->message = "internal parser error";
    return std::nullopt;
  }
  // The default matcher set is by far the common case: build its spellings once.
  static const std::vector<Spelling> kDefaultSpellings = BuildSpellings(ParseOptions{});
  std::vector<Spelling> custom;
  if (!options.matchers.empty()) {
    custom = BuildSpellings(options);
  }
  const std::vector<Spelling>& spellings = options.matchers.empty() ? kDefaultSpellings : custom;
  Converter conv(spellings, err);
  Value v;
  if (!conv.Convert(*expr, &v)) {
    return std::nullopt;
  }
  if (v.kind != Value::Kind::kTree) {
    err->kind = ErrorKind::kNotATree;
    err->stage = ErrorStage::kParse;
    err->begin = 0;
    err->end = static_cast<std::uint32_t>(match.size());
    err->message.clear();
    return std::nullopt;
  }
  MatchExpr out;
  out.text = std::string(match);
  out.root = std::move(v.node);
  return out;
}

}  // namespace irtcp::rule_lang
