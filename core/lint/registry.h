// The one table of finding kinds: every code irtcp can report, with its documentation.
#pragma once

#include <span>
#include <string_view>

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"

namespace irtcp::lint {

/// Every registered finding kind, sorted by code.
std::span<const Rule> AllRules();
/// Runs every registered check over the loaded input.
void RunChecks(const RuleContext& ctx, diag::DiagnosticSink& sink);
/// The entry for a code ("IRT104") or name ("hostsni-without-tls"); nullptr when unknown.
const diag::RuleInfo* FindRule(std::string_view code_or_name);
/// Closest code or name to `text` for "did you mean" messages ("" when nothing is close).
std::string_view SuggestRule(std::string_view text);

}  // namespace irtcp::lint
