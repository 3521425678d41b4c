#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kInvalidHostSni{"IRT112",
                                     "invalid-hostsni",
                                     "a HostSNI value Traefik rejects",
                                     R"md(## What it does
Reports `HostSNI` values that are not `*` and do not match Traefik's pattern
`^(\*\.)?[A-Za-z0-9_.\-:]+$` (v3; v2 allows no `*.` wildcard): spaces, `/`, `@`, brackets,
`*.*.example.com`, `*example.com`, a wildcard under the v2 syntax, and any `*.` wildcard on
Traefik 3.0-3.6 (`--traefik-version`), where the v3 syntax did not have them yet (v3.7.0 added
them). Non-ASCII names have their own code (IRT113).

## Why is this bad?
Traefik logs `invalid value for HostSNI matcher, "..." is not a valid hostname` and drops the
router.

## How to fix
Write a host name, an `*.` wildcard for exactly one label (`*.example.com`), or `*`.

## Fix safety
No automatic fix.
)md",
                                     diag::Severity::kError,
                                     diag::FixAvailability::kNone};

void CheckInvalidHostSni(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 112, [&](const RouteMatch& r, const rule_lang::Error& e) {
    env.ReportInMatch(
        sink, kInvalidHostSni, r, e.begin, e.end,
        "Traefik rejects the HostSNI value: " + e.message + "; the router is dropped");
  });
}

}  // namespace irtcp::lint
