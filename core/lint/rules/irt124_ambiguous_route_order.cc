#include <string>

#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kAmbiguousRouteOrder{"IRT124",
                                          "ambiguous-route-order",
                                          "two overlapping routes with the same priority",
                                          R"md(## What it does
Reports two routes on the same entry point and the same TLS side that have the same effective
priority (default: the rule's length) and can both match one connection. Same covered forms as
IRT123 (HostSNI exact/`*.`/`*`, ClientIP, `&&`/`||` of these; anything else stays quiet). The
finding goes on the later route and names the earlier one.

## Why is this bad?
Traefik builds its route list from a Go map and sorts it with an unstable sort: which of the two
wins changes between restarts and configuration reloads.

## How to fix
Give one of them an explicit, higher `priority`.

## Fix safety
No automatic fix.
)md",
                                          diag::Severity::kWarning,
                                          diag::FixAvailability::kNone};

void CheckAmbiguousRouteOrder(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const rule_lang::Overlap& o : ctx.Shared<RouteOverlaps>().list) {
    if (!o.tie) {
      continue;
    }
    const RouteMatch& loser = env.routes()[o.loser];
    const RouteMatch& other = env.routes()[o.winner];
    env.ReportAtMatch(sink, kAmbiguousRouteOrder, loser,
                      "this route and " + DescribeRoute(other) + " both have priority " +
                          std::to_string(loser.priority) +
                          " and can match the same connection on " +
                          (o.entry_point.empty() ? std::string("the default entry points")
                                                 : "entry point \"" + o.entry_point + "\"") +
                          ": Traefik's order between them is unstable")
        .help = "give one of them an explicit, higher priority";
  }
}

}  // namespace irtcp::lint
