// Errors of the rule language, with Traefik's message text and a byte range in the rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace irtcp::rule_lang {

/// Stable classification of rule errors, so lint rules can map them to codes.
enum class ErrorKind : std::uint8_t {
  kNone,
  // --- Go scanner (lexical) ---
  kIllegalCharacter,     ///< "illegal character U+0040 '@'", NUL, bad UTF-8, stray BOM
  kUnterminatedString,   ///< "raw string literal not terminated", "string literal not terminated"
  kUnterminatedComment,  ///< "comment not terminated"
  kBadEscape,            ///< "unknown escape sequence", invalid code point, ...
  kBadRuneLiteral,       ///< "illegal rune literal", "rune literal not terminated"
  // --- Go parser (syntax) ---
  kUnexpectedNewline,  ///< "... found newline": the automatic-semicolon trap (rules.md 1.4)
  kTrailingTokens,     ///< "expected 'EOF', found ..."
  kMissingOperand,     ///< "expected operand, found ..."
  kMissingComma,       ///< "missing ',' in argument list"
  kSyntax,             ///< any other Go syntax error
  // --- vulcand/predicate (tree building) ---
  kUndefinedIdentifier,    ///< "foo is not defined"
  kUnsupportedFunction,    ///< "unsupported function: Host"
  kUnsupportedOperator,    ///< "== is not supported"
  kUnsupportedExpression,  ///< "*ast.CompositeLit is not supported", "properties are not supported"
  kArgumentType,           ///< reflection errors, 'CHAR' arguments (text is Go-version specific)
  kNotATree,               ///< the rule is a bare literal: "error while parsing rule <rule>"
  // --- CheckRule ---
  kNoArgs,    ///< "no args for matcher HostSNI"
  kEmptyArg,  ///< "empty args for matcher HostSNI, [a ]"
  // --- matcher builders ---
  kArgCount,        ///< v3: "unexpected number of parameters; got 2, expected 1"
  kInvalidHost,     ///< HostSNI value is not a valid hostname (v3) / hostname or IP (v2)
  kNonAsciiRegexp,  ///< v3 HostSNIRegexp with a non-ASCII byte
  kBadRegexp,       ///< HostSNIRegexp does not compile as Go RE2
  kBadV2Template,   ///< v2 HostSNIRegexp: unbalanced braces, missing name or pattern
  kBadIp,           ///< ClientIP value is neither an IP nor a CIDR
  kAcmeTlsAlpn,     ///< ALPN(`acme-tls/1`)
  kEmptyValue,      ///< v2 matcher function called with no value (unreachable via AddRoute)
};

std::string_view ErrorKindName(ErrorKind kind);

/// Where in Traefik's AddRoute pipeline the error arises; decides the message wrapper.
enum class ErrorStage : std::uint8_t { kParse, kBuild };

struct Error {
  ErrorKind kind = ErrorKind::kNone;
  ErrorStage stage = ErrorStage::kParse;
  std::uint32_t begin = 0;  ///< byte range in the rule string where the problem is
  std::uint32_t end = 0;
  /// The cause as Traefik words it, e.g. "1:1: expected operand, found 'EOF'" or
  /// `empty args for matcher HostSNI, []`. Empty for kNotATree.
  std::string message;

  bool ok() const { return kind == ErrorKind::kNone; }
};

/// The full message Traefik records on the router for `rule`:
/// "error while parsing rule <rule>: <cause>" or "error while adding rule <rule>: <cause>".
std::string AddRouteMessage(const Error& error, std::string_view rule);

}  // namespace irtcp::rule_lang
