#include "core/rule_lang/parser.h"

#include <algorithm>
#include <memory>

#include "core/rule_lang/lexer.h"

namespace irtcp::rule_lang {
namespace {

// A Go expression, as far as go/parser would build it for the constructs a rule can contain.
struct GoExpr {
  enum class Kind : std::uint8_t {
    kIdent,
    kLit,
    kParen,
    kUnary,
    kStar,
    kBinary,
    kCall,
    kSelector,
    kUnsupported
  };
  Kind kind = Kind::kIdent;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;            // ident / selector name, operator, unsupported message
  const Token* tok = nullptr;  // literal token; call: name token
  std::uint32_t op_pos = 0;    // operator / '(' position
  std::vector<std::unique_ptr<GoExpr>> kids;
  bool trailing_comma = false;
  bool ellipsis = false;
};
using ExprPtr = std::unique_ptr<GoExpr>;

struct RawError {
  std::uint32_t offset = 0;
  std::uint32_t end = 0;
  std::string message;
  ErrorKind kind = ErrorKind::kSyntax;
};

int BinaryPrec(const Token& t) {
  if (t.tok == Tok::kOrOr) {
    return 1;
  }
  if (t.tok == Tok::kAndAnd) {
    return 2;
  }
  if (t.tok != Tok::kOp) {
    return 0;
  }
  const std::string& s = t.lit;
  if (s == "==" || s == "!=" || s == "<" || s == "<=" || s == ">" || s == ">=") {
    return 3;
  }
  if (s == "+" || s == "-" || s == "|" || s == "^") {
    return 4;
  }
  if (s == "*" || s == "/" || s == "%" || s == "<<" || s == ">>" || s == "&" || s == "&^") {
    return 5;
  }
  return 0;
}

bool IsAutoSemi(const Token& t) { return t.tok == Tok::kSemicolon && t.lit == "\n"; }
bool IsLiteralTok(const Token& t) {
  return t.tok == Tok::kIdent || t.tok == Tok::kInt || t.tok == Tok::kChar || t.tok == Tok::kString;
}

class GoParser {
 public:
  GoParser(std::string_view src, std::vector<Token> tokens) : src_(src), toks_(std::move(tokens)) {
    AddLexErrors(0);
  }

  // go/parser.ParseExprFrom. Returns nullptr when there is any error (see errors()).
  ExprPtr ParseTop() {
    ExprPtr e = ParseExpr();
    if (!e || failed_) {
      return nullptr;
    }
    if (IsAutoSemi(Cur())) {
      Next();
    }
    if (Cur().tok != Tok::kEof) {
      ErrorExpected("'EOF'", ErrorKind::kTrailingTokens);
      return nullptr;
    }
    if (!errors_.empty()) {
      return nullptr;
    }
    return e;
  }

  std::vector<RawError>& errors() { return errors_; }
  const RawError* semantic() const { return semantic_ ? &*semantic_ : nullptr; }

 private:
  const Token& Cur() const { return toks_[i_]; }

  void AddLexErrors(std::size_t idx) {
    for (const LexError& le : toks_[idx].errors) {
      std::uint32_t end =
          std::min<std::uint32_t>(le.offset + 1, static_cast<std::uint32_t>(src_.size()));
      errors_.push_back(RawError{le.offset, end, le.message, static_cast<ErrorKind>(le.kind)});
    }
  }

  void Next() {
    if (i_ + 1 < toks_.size()) {
      ++i_;
      AddLexErrors(i_);
    }
  }

  std::uint32_t Line(std::uint32_t off) const {
    return static_cast<std::uint32_t>(std::count(src_.begin(), src_.begin() + off, '\n'));
  }

  // go/parser.error: only the first error per line is kept.
  void Report(std::uint32_t pos, std::uint32_t end, std::string msg, ErrorKind kind) {
    failed_ = true;
    end = std::min(end, static_cast<std::uint32_t>(src_.size()));
    if (!errors_.empty() && Line(errors_.back().offset) == Line(pos)) {
      return;
    }
    errors_.push_back(RawError{pos, end, std::move(msg), kind});
  }

  void ErrorExpected(std::string_view what, ErrorKind kind) {
    const Token& t = Cur();
    std::string msg = "expected ";
    msg += what;
    if (IsAutoSemi(t)) {
      msg += ", found newline";
      kind = ErrorKind::kUnexpectedNewline;
    } else if (IsLiteralTok(t)) {
      msg += ", found " + t.lit;
    } else {
      msg += ", found '" + TokenText(t) + "'";
    }
    // A token after an automatic semicolon (a newline, or a comment holding one): the newline trap.
    if (kind == ErrorKind::kTrailingTokens && i_ > 0 && IsAutoSemi(toks_[i_ - 1]) &&
        toks_[i_ - 1].begin < src_.size()) {
      kind = ErrorKind::kUnexpectedNewline;
    }
    Report(t.begin, std::max(t.end, t.begin), std::move(msg), kind);
  }

  bool Expect(Tok tok, std::string_view text) {
    if (Cur().tok != tok) {
      ErrorExpected("'" + std::string(text) + "'", ErrorKind::kSyntax);
      return false;
    }
    Next();
    return true;
  }

  // Constructs that go/parser accepts but predicate always rejects: record the predicate error
  // and stop (their inner syntax does not matter for validity: the rule is invalid either way).
  ExprPtr Unsupported(std::uint32_t begin, std::string message) {
    if (!semantic_) {
      semantic_ = RawError{begin, Cur().end, std::move(message), ErrorKind::kUnsupportedExpression};
    }
    failed_ = true;
    return nullptr;
  }

  ExprPtr ParseExpr() { return ParseBinary(1); }

  ExprPtr ParseBinary(int prec1) {
    ExprPtr x = ParseUnary();
    if (!x) {
      return nullptr;
    }
    while (true) {
      int oprec = BinaryPrec(Cur());
      if (oprec < prec1) {
        return x;
      }
      const Token& op = Cur();
      auto e = std::make_unique<GoExpr>();
      e->kind = GoExpr::Kind::kBinary;
      e->text = op.lit;
      e->op_pos = op.begin;
      Next();
      ExprPtr y = ParseBinary(oprec + 1);
      if (!y) {
        return nullptr;
      }
      e->begin = x->begin;
      e->end = y->end;
      e->kids.push_back(std::move(x));
      e->kids.push_back(std::move(y));
      x = std::move(e);
    }
  }

  ExprPtr ParseUnary() {
    const Token& t = Cur();
    bool unary =
        t.tok == Tok::kNot ||
        (t.tok == Tok::kOp && (t.lit == "+" || t.lit == "-" || t.lit == "^" || t.lit == "&" ||
                               t.lit == "~" || t.lit == "<-" || t.lit == "*"));
    if (!unary) {
      return ParsePrimary();
    }
    auto e = std::make_unique<GoExpr>();
    e->kind = t.lit == "*" ? GoExpr::Kind::kStar : GoExpr::Kind::kUnary;
    e->text = t.lit;
    e->begin = t.begin;
    e->op_pos = t.begin;
    Next();
    ExprPtr x = ParseUnary();
    if (!x) {
      return nullptr;
    }
    e->end = x->end;
    e->kids.push_back(std::move(x));
    return e;
  }

  ExprPtr ParseOperand() {
    const Token& t = Cur();
    switch (t.tok) {
      case Tok::kIdent: {
        auto e = std::make_unique<GoExpr>();
        e->kind = GoExpr::Kind::kIdent;
        e->text = t.lit;
        e->tok = &t;
        e->begin = t.begin;
        e->end = t.end;
        Next();
        return e;
      }
      case Tok::kInt:
      case Tok::kChar:
      case Tok::kString: {
        auto e = std::make_unique<GoExpr>();
        e->kind = GoExpr::Kind::kLit;
        e->tok = &t;
        e->begin = t.begin;
        e->end = t.end;
        Next();
        return e;
      }
      case Tok::kLParen: {
        std::uint32_t lparen = t.begin;
        Next();
        ++expr_lev_;
        ExprPtr x = ParseExpr();
        --expr_lev_;
        if (!x) {
          return nullptr;
        }
        std::uint32_t rparen_end = Cur().end;
        if (!Expect(Tok::kRParen, ")")) {
          return nullptr;
        }
        auto e = std::make_unique<GoExpr>();
        e->kind = GoExpr::Kind::kParen;
        e->begin = lparen;
        e->op_pos = lparen;
        e->end = rparen_end;
        e->kids.push_back(std::move(x));
        return e;
      }
      case Tok::kKeyword:
        if (t.lit == "func") {
          return Unsupported(t.begin, "*ast.FuncLit is not supported");
        }
        if (t.lit == "struct" || t.lit == "map" || t.lit == "chan" || t.lit == "interface") {
          return Unsupported(t.begin, "*ast.CompositeLit is not supported");
        }
        break;
      case Tok::kOp:
        if (t.lit == "[") {
          return Unsupported(t.begin, "*ast.CompositeLit is not supported");
        }
        break;
      default:
        break;
    }
    ErrorExpected("operand", ErrorKind::kMissingOperand);
    return nullptr;
  }

  ExprPtr ParsePrimary() {
    ExprPtr x = ParseOperand();
    if (!x) {
      return nullptr;
    }
    while (true) {
      const Token& t = Cur();
      if (t.tok == Tok::kPeriod) {
        Next();
        if (Cur().tok == Tok::kIdent) {
          auto e = std::make_unique<GoExpr>();
          e->kind = GoExpr::Kind::kSelector;
          e->begin = x->begin;
          e->end = Cur().end;
          e->text = Cur().lit;
          e->kids.push_back(std::move(x));
          x = std::move(e);
          Next();
          continue;
        }
        if (Cur().tok == Tok::kLParen) {
          return Unsupported(x->begin, "*ast.TypeAssertExpr is not supported");
        }
        ErrorExpected("selector or type assertion", ErrorKind::kSyntax);
        return nullptr;
      }
      if (t.tok == Tok::kOp && t.lit == "[") {
        return Unsupported(t.begin, "properties are not supported");
      }
      if (t.tok == Tok::kOp && t.lit == "{" &&
          (x->kind == GoExpr::Kind::kIdent || x->kind == GoExpr::Kind::kSelector)) {
        return Unsupported(x->begin, "*ast.CompositeLit is not supported");
      }
      if (t.tok == Tok::kLParen) {
        x = ParseCall(std::move(x));
        if (!x) {
          return nullptr;
        }
        continue;
      }
      return x;
    }
  }

  ExprPtr ParseCall(ExprPtr fun) {
    auto call = std::make_unique<GoExpr>();
    call->kind = GoExpr::Kind::kCall;
    call->begin = fun->begin;
    call->op_pos = Cur().begin;
    call->kids.push_back(std::move(fun));
    Next();
    ++expr_lev_;
    bool last_was_comma = false;
    while (Cur().tok != Tok::kRParen && Cur().tok != Tok::kEof && !call->ellipsis) {
      ExprPtr arg = ParseExpr();
      if (!arg) {
        return nullptr;
      }
      call->kids.push_back(std::move(arg));
      last_was_comma = false;
      if (Cur().tok == Tok::kEllipsis) {
        call->ellipsis = true;
        Next();
      }
      // atComma("argument list", RPAREN)
      if (Cur().tok != Tok::kComma) {
        if (Cur().tok != Tok::kRParen) {
          std::string msg = "missing ','";
          if (IsAutoSemi(Cur())) {
            msg += " before newline";
          }
          Report(Cur().begin, std::max(Cur().end, Cur().begin + 1), msg + " in argument list",
                 IsAutoSemi(Cur()) ? ErrorKind::kUnexpectedNewline : ErrorKind::kMissingComma);
          return nullptr;
        }
        break;
      }
      last_was_comma = true;
      Next();
    }
    --expr_lev_;
    if (Cur().tok != Tok::kRParen && IsAutoSemi(Cur())) {
      Report(Cur().begin, Cur().begin + 1, "missing ',' before newline in argument list",
             ErrorKind::kUnexpectedNewline);
      return nullptr;
    }
    std::uint32_t rparen_end = Cur().end;
    if (!Expect(Tok::kRParen, ")")) {
      return nullptr;
    }
    call->trailing_comma = last_was_comma;
    call->end = rparen_end;
    return call;
  }

  std::string_view src_;
  std::vector<Token> toks_;
  std::size_t i_ = 0;
  int expr_lev_ = 0;
  bool failed_ = false;
  std::vector<RawError> errors_;
  std::optional<RawError> semantic_;
};

// ---------------------------------------------------------------------------------------------
// vulcand/predicate: Go AST -> rule tree.

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

std::optional<Rule> Parse(std::string_view rule, Error* err) {
  static const ParseOptions kTcp;
  return Parse(rule, kTcp, err);
}

std::optional<Rule> Parse(std::string_view rule, const ParseOptions& options, Error* err) {
  Error local;
  if (err == nullptr) {
    err = &local;
  }
  *err = Error{};
  if (rule.size() > 0xFFFFFFF0u) {
    err->kind = ErrorKind::kSyntax;
    err->message = "rule too long";
    return std::nullopt;
  }
  GoParser parser(rule, Scan(rule));
  ExprPtr expr = parser.ParseTop();
  auto& errors = parser.errors();
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const RawError& a, const RawError& b) { return a.offset < b.offset; });
    const RawError& first = errors.front();
    err->kind = first.kind;
    err->stage = ErrorStage::kParse;
    err->begin = first.offset;
    err->end = std::max(first.end, first.offset);
    err->message = GoPosition(rule, first.offset) + ": " + first.message;
    if (errors.size() > 1) {
      err->message += " (and " + std::to_string(errors.size() - 1) + " more errors)";
    }
    return std::nullopt;
  }
  if (const RawError* sem = parser.semantic()) {
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
    err->end = static_cast<std::uint32_t>(rule.size());
    err->message.clear();
    return std::nullopt;
  }
  Rule out;
  out.text = std::string(rule);
  out.root = std::move(v.node);
  return out;
}

}  // namespace irtcp::rule_lang
