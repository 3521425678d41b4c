// Go's expression parser (go/parser.ParseExprFrom), as far as Traefik's rule parser uses it:
// the first stage of parsing a match expression, before vulcand/predicate turns the Go AST into
// matcher calls (parser.cc). Internal to core/rule_lang.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/error.h"
#include "core/rule_lang/lexer.h"

namespace irtcp::rule_lang {

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

/// The Go AST of a match expression, or the errors go/parser reports.
struct GoParse {
  std::vector<Token> tokens;  ///< owned here: GoExpr::tok points into it
  ExprPtr expr;               ///< null when there is any error
  std::vector<RawError> errors;
  /// A construct go/parser accepts but predicate rejects, reported only without syntax errors.
  std::optional<RawError> semantic;
};

/// Scans and parses `src` as a Go expression.
GoParse ParseGoExpr(std::string_view src);

}  // namespace irtcp::rule_lang
