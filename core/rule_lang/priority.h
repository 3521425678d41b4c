// Default priority, catch-all detection and HostSNI extraction (rules.md §4.4, §5, §6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/ast.h"
#include "core/rule_lang/error.h"

namespace irtcp::rule_lang {

/// The priority the router manager gives a router whose priority is 0: -1 for the catch-all
/// shape HostSNI(`*`) (parsed with a HostSNI-only parser: spacing, quotes, case, parentheses,
/// `!` and a trailing comma do not matter), otherwise the byte length of the rule as written.
std::int64_t DefaultPriority(std::string_view rule);

/// Traefik's catch-all flag on a parsed tree: a single HostSNI leaf with the single value `*`.
bool IsCatchAll(const Node& root);

/// tcp.ParseHostSNI: the lower-cased values of every HostSNI call, left to right (negated ones
/// included). Grammar-only parse with the four TCP matchers, no syntax, no argument checks.
/// Returns nullopt on a parse error (raw parser message in `*err`).
std::optional<std::vector<std::string>> ParseHostSni(std::string_view rule, Error* err);

}  // namespace irtcp::rule_lang
