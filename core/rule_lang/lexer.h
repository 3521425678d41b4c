// A scanner for Go's lexical grammar (go/scanner), which Traefik's rule parser sits on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::rule_lang {

enum class Tok : std::uint8_t {
  kEof,
  kIllegal,
  kIdent,
  kInt,  ///< any number literal (int, float, imaginary)
  kChar,
  kString,   ///< raw or interpreted; Token::value holds the decoded value
  kKeyword,  ///< Go keyword (func, if, ...); text in Token::lit
  kOp,       ///< operator or delimiter other than the ones below; text in Token::lit
  kLParen,
  kRParen,
  kComma,
  kEllipsis,
  kSemicolon,  ///< explicit `;` (lit ";") or automatic (lit "\n")
  kNot,
  kAndAnd,
  kOrOr,
  kPeriod,
};

/// A lexical error (go/scanner reports them and keeps scanning).
struct LexError {
  std::uint32_t offset = 0;
  std::string message;    ///< without the "line:col: " prefix
  std::uint8_t kind = 0;  ///< an ErrorKind value
};

struct Token {
  Tok tok = Tok::kEof;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string lit;    ///< literal text as in the source (identifier, number, quoted string, op)
  std::string value;  ///< kString: decoded value
  bool raw = false;   ///< kString: backquoted
  /// Errors found while scanning this token; the parser reports them when the token is reached,
  /// which is when Go's parser would have scanned it.
  std::vector<LexError> errors;
};

/// Scans the whole input. The last token is always kEof. Automatic semicolons are inserted as
/// Go does (after an identifier, literal, `)`, `]`, `}` ... at a newline, a comment that contains
/// or is followed by a newline, or EOF).
std::vector<Token> Scan(std::string_view src);

/// Go's token.String() for error messages: "EOF", "'&&'" is built by the caller.
std::string TokenText(const Token& token);

}  // namespace irtcp::rule_lang
