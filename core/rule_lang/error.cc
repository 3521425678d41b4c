#include "core/rule_lang/error.h"

namespace irtcp::rule_lang {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNone:
      return "none";
    case ErrorKind::kIllegalCharacter:
      return "illegal-character";
    case ErrorKind::kUnterminatedString:
      return "unterminated-string";
    case ErrorKind::kUnterminatedComment:
      return "unterminated-comment";
    case ErrorKind::kBadEscape:
      return "bad-escape";
    case ErrorKind::kBadRuneLiteral:
      return "bad-rune-literal";
    case ErrorKind::kUnexpectedNewline:
      return "unexpected-newline";
    case ErrorKind::kTrailingTokens:
      return "trailing-tokens";
    case ErrorKind::kMissingOperand:
      return "missing-operand";
    case ErrorKind::kMissingComma:
      return "missing-comma";
    case ErrorKind::kSyntax:
      return "syntax";
    case ErrorKind::kUndefinedIdentifier:
      return "undefined-identifier";
    case ErrorKind::kUnsupportedFunction:
      return "unsupported-function";
    case ErrorKind::kUnsupportedOperator:
      return "unsupported-operator";
    case ErrorKind::kUnsupportedExpression:
      return "unsupported-expression";
    case ErrorKind::kArgumentType:
      return "argument-type";
    case ErrorKind::kNotATree:
      return "not-a-tree";
    case ErrorKind::kNoArgs:
      return "no-args";
    case ErrorKind::kEmptyArg:
      return "empty-arg";
    case ErrorKind::kArgCount:
      return "arg-count";
    case ErrorKind::kInvalidHost:
      return "invalid-host";
    case ErrorKind::kNonAsciiRegexp:
      return "non-ascii-regexp";
    case ErrorKind::kBadRegexp:
      return "bad-regexp";
    case ErrorKind::kBadV2Template:
      return "bad-v2-template";
    case ErrorKind::kBadIp:
      return "bad-ip";
    case ErrorKind::kAcmeTlsAlpn:
      return "acme-tls-alpn";
    case ErrorKind::kEmptyValue:
      return "empty-value";
  }
  return "unknown";
}

std::string AddRouteMessage(const Error& error, std::string_view rule) {
  std::string out =
      error.stage == ErrorStage::kParse ? "error while parsing rule " : "error while adding rule ";
  out.append(rule);
  if (error.kind != ErrorKind::kNotATree) {
    out += ": ";
    out += error.message;
  }
  return out;
}

}  // namespace irtcp::rule_lang
