#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kEmptyMatcherArgument{"IRT114",
                                           "empty-matcher-argument",
                                           "a matcher argument that is the empty string",
                                           R"md(## What it does
Reports empty arguments such as ``HostSNI(``)`` or ``ClientIP(``)``.

## Why is this bad?
Traefik rejects the rule (`empty args for matcher HostSNI, []`) and drops the router.

## How to fix
Write the value, or ``HostSNI(`*`)`` to match every connection.

## Fix safety
No automatic fix.
)md",
                                           diag::Severity::kError,
                                           diag::FixAvailability::kNone};

void CheckEmptyMatcherArgument(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 114, [&](const RouteMatch& r, const rule_lang::Error& e) {
    env.ReportInMatch(sink, kEmptyMatcherArgument, r, e.begin, e.end,
                      "empty matcher argument (Traefik: " + e.message + "); the router is dropped");
  });
}

}  // namespace irtcp::lint
