// Parser for Traefik's rule grammar (Go expression syntax + vulcand/predicate), rules.md §1.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/ast.h"
#include "core/rule_lang/error.h"

namespace irtcp::rule_lang {

struct ParseOptions {
  /// Canonical names of the registered matchers; each is accepted as written, lower-case,
  /// upper-case and Title-case-of-lower-case. Empty means the four TCP matchers.
  std::vector<std::string> matchers;
};

/// Parses the match expression `match` like Traefik's rules.Parser (grammar only: no argument
/// checks). On failure returns nullopt and fills `*err` (stage kParse) with Go's / predicate's
/// message and the byte range of the problem.
std::optional<MatchExpr> Parse(std::string_view match, Error* err);
std::optional<MatchExpr> Parse(std::string_view match, const ParseOptions& options, Error* err);

/// Go's "line:col" for a byte offset (1-based line, 1-based byte column).
std::string GoPosition(std::string_view text, std::uint32_t offset);

}  // namespace irtcp::rule_lang
