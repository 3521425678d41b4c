#include "core/rule_lang/go_parser.h"

#include <algorithm>
#include <utility>

namespace irtcp::rule_lang {
namespace {

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
  std::vector<Token> TakeTokens() { return std::move(toks_); }

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
    // Every level of nesting passes here. go/parser stops at 100,000 levels ("exceeded max
    // nesting depth"); three C++ frames a level would overflow the stack long before (the
    // rule_parser fuzzer's corpus holds such an input), so irtcp stops at kMaxNesting with the
    // same message: no real rule nests a thousand parentheses.
    if (depth_ >= kMaxNesting) {
      Report(Cur().begin, Cur().end, "exceeded max nesting depth", ErrorKind::kSyntax);
      return nullptr;
    }
    ++depth_;
    ExprPtr e = ParseUnaryAt();
    --depth_;
    return e;
  }

  ExprPtr ParseUnaryAt() {
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
  static constexpr int kMaxNesting = 1000;
  int depth_ = 0;  ///< ParseUnary levels in progress
  bool failed_ = false;
  std::vector<RawError> errors_;
  std::optional<RawError> semantic_;
};

}  // namespace

GoParse ParseGoExpr(std::string_view src) {
  GoParser parser(src, Scan(src));
  GoParse out;
  out.expr = parser.ParseTop();
  out.errors = std::move(parser.errors());
  if (const RawError* semantic = parser.semantic()) {
    out.semantic = *semantic;
  }
  // Moving the vector keeps its elements where they are, so the AST's token pointers stay valid.
  out.tokens = parser.TakeTokens();
  return out;
}

}  // namespace irtcp::rule_lang
