// The one table of finding kinds: every code irtcp can report, with its documentation.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"

namespace irtcp::lint {

/// Every registered finding kind, sorted by code.
std::span<const Rule> AllRules();
/// Runs every registered check over the loaded input.
void RunChecks(const RuleContext& ctx, diag::DiagnosticSink& sink);
/// Runs the checks that report the provider model's events (what render and resolve print), so
/// that each event has the same code, message and place in every subcommand.
void RunProviderChecks(const RuleContext& ctx, diag::DiagnosticSink& sink);
/// Notes for the run summary: what the checks did not cover in this run and why (reference
/// checks skipped per kind and namespace, analyses skipped for the input's size).
std::vector<std::string> CheckNotes(const RuleContext& ctx);
/// The entry for a code ("IRT104") or name ("hostsni-without-tls"); nullptr when unknown.
const diag::RuleInfo* FindRule(std::string_view code_or_name);
/// Closest code or name to `text` for "did you mean" messages ("" when nothing is close).
std::string_view SuggestRule(std::string_view text);

}  // namespace irtcp::lint
