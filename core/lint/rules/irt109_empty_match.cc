#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kEmptyMatch{"IRT109",
                                 "empty-match",
                                 "a route with an empty match",
                                 R"md(## What it does
Reports routes whose `match` is the empty string (or null). A missing `match` is a schema error
(IRT011).

## Why is this bad?
Traefik's Kubernetes provider skips the route and logs `Empty match rule`: no router is
created for it.

## How to fix
Write a rule, e.g. ``HostSNI(`*`)`` to take every connection of the entry point.

## Fix safety
No automatic fix.
)md",
                                 diag::Severity::kError,
                                 diag::FixAvailability::kNone};

void CheckEmptyMatch(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    if (!r.empty || r.route->match.node == yaml::kNoNode || r.route->match.invalid) {
      continue;
    }
    env.ReportAtMatch(sink, kEmptyMatch, r,
                      "empty match: Traefik skips this route (\"Empty match rule\")")
        .help = "match every connection with HostSNI(`*`), or name the hosts with HostSNI";
  }
}

}  // namespace irtcp::lint
