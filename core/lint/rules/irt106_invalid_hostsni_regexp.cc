#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kInvalidHostSniRegexp{"IRT106",
                                           "invalid-hostsni-regexp",
                                           "a HostSNIRegexp that does not compile",
                                           R"md(## What it does
Reports `HostSNIRegexp` arguments Traefik rejects: patterns that do not compile as Go regular
expressions (RE2: no look-around, no back-references), non-ASCII patterns under v3, and v2
templates with unbalanced braces or an empty `{name:}`.

## Why is this bad?
Traefik logs `compiling HostSNIRegexp matcher: error parsing regexp: ...` and drops the router.

## How to fix
Fix the expression. In double-quoted arguments backslashes must be doubled (`"^a\\.b$"`);
backquoted arguments take them as written (``HostSNIRegexp(`^a\.b$`)``).

## Fix safety
No automatic fix.
)md",
                                           diag::Severity::kError,
                                           diag::FixAvailability::kNone};

void CheckInvalidHostSniRegexp(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 106, [&](const RouteMatch& r, const rule_lang::Error& e) {
    env.ReportInMatch(sink, kInvalidHostSniRegexp, r, e.begin, e.end,
                      "invalid HostSNIRegexp: " + e.message + "; the router is dropped");
  });
}

}  // namespace irtcp::lint
