#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/router_check.h"

namespace irtcp::lint {

const diag::RuleInfo kPriorityAboveMaximum{"IRT110",
                                           "priority-above-maximum",
                                           "a priority above Traefik's maximum",
                                           R"md(## What it does
Reports `priority` values above MaxInt64 - 1000 (9223372036854774807), the highest priority
Traefik accepts for a user router. The CRD allows up to 9223372036854775000, so the API server
accepts the manifest.

## Why is this bad?
Traefik logs `the router priority ... exceeds the max user-defined priority ...` and drops the
router.

## How to fix
Use a smaller priority; any value larger than the other routes' priorities orders the route
first.

## Fix safety
No automatic fix.
)md",
                                           diag::Severity::kError,
                                           diag::FixAvailability::kNone};

void CheckPriorityAboveMaximum(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  if (!ctx.options.traefik_version.AtLeastPatch(2, 11, 1)) {
    return;  // Traefik 2.10 and v2.11.0 have no maximum (versions.md §3.3)
  }
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    const model::Field<std::int64_t>& p = r.route->priority;
    if (r.empty || !p.present || p.value <= rule_lang::kMaxUserPriority) {
      continue;
    }
    ReportAt(sink, kPriorityAboveMaximum, r.object(), p.node, p.loc, r.route->path + "/priority",
             "priority " + std::to_string(p.value) +
                 " exceeds Traefik's maximum user-defined priority " +
                 std::to_string(rule_lang::kMaxUserPriority) + ": the router is dropped");
  }
}

}  // namespace irtcp::lint
