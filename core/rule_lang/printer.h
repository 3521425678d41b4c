// Canonical printing of rule ASTs and the v2 -> v3 rule translation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/rule_lang/ast.h"
#include "core/rule_lang/error.h"

namespace irtcp::rule_lang {

/// Canonical text of a tree: `A && B`, `A || B`, `!A`, `(A)`, `HostSNI(`a`, `b`)` with
/// canonical matcher names. The grammar is the same for v2 and v3, so the text is valid in the
/// rule's own syntax; Parse(Print(x)) is Equal() to x. Parentheses are added only where a tree
/// built by hand would otherwise re-associate.
std::string Print(const Node& node);

/// A matcher argument literal: backquoted when possible, else a Go interpreted string.
std::string QuoteArg(std::string_view value);

/// Rewrites a valid v2 rule as an equivalent v3 rule (rules.md §4.3):
/// multi-argument calls become `||` chains (parenthesised when needed), `HostSNI(`a`, `*`)`'s
/// non-first `*` becomes `HostSNIRegexp(`.`)` (v2 matches it only for a non-empty SNI), and each
/// v2 HostSNIRegexp template becomes the anchored, case-insensitive Go regexp v2 builds
/// (`(?i)^...(?P<v0>pattern)...$`). Fails (err stage kBuild) when the v2 rule is invalid or the
/// result is not a valid v3 rule (e.g. a non-ASCII template).
std::optional<std::string> TranslateV2ToV3(const MatchExpr& v2_rule, Error* err);

}  // namespace irtcp::rule_lang
