#include <string>

#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kShadowedRoute{"IRT123",
                                    "shadowed-route",
                                    "a route that a route ordered before it always wins over",
                                    R"md(## What it does
Reports a route that can never receive a connection because another route on the same entry
point and the same side (with `tls` / without `tls`) is ordered before it and matches every
connection it matches. Traefik orders routes by priority, highest first; the default priority
is the length of the rule (-1 for ``HostSNI(`*`)``). Routes without `entryPoints` join the
default entry points (known with `--traefik-config`; otherwise they are only compared with each
other). The finding names the shadowing route.

Covered forms (anything else is treated as unknown, and the rule stays quiet rather than guess):
`HostSNI` with an exact name, a `*.` wildcard (one label) or `*`; `HostSNIRegexp` against exact
names (decided by running the regexp on the name, as the router does) and against the same
pattern; `ALPN` (a route needing a protocol is covered by one that takes any connection offering
it); `ClientIP` with an address or CIDR of the same family; `&&` and `||` of these. Negations
make the shadowing route unknown. Without TLS, HostSNI names and ALPN never match.

## Why is this bad?
The route is dead configuration; often the priority or the rule of one of them is wrong
(e.g. ``HostSNI(`*.example.com`)`` written longer than ``HostSNI(`a.example.com`)``).

## How to fix
Give the more specific route a higher `priority`, or narrow the other rule.

## Fix safety
No automatic fix.
)md",
                                    diag::Severity::kWarning,
                                    diag::FixAvailability::kNone};

namespace {

std::string EntryPointText(const std::string& ep) {
  return ep.empty() ? std::string("the default entry points") : "entry point \"" + ep + "\"";
}

}  // namespace

void CheckShadowedRoute(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const rule_lang::Overlap& o : ctx.Shared<RouteOverlaps>().list) {
    if (o.tie) {
      continue;
    }
    const RouteMatch& loser = env.routes()[o.loser];
    const RouteMatch& winner = env.routes()[o.winner];
    env.ReportAtMatch(sink, kShadowedRoute, loser,
                      "this route never wins: " + DescribeRoute(winner) + " (priority " +
                          std::to_string(winner.priority) +
                          ") matches every connection it "
                          "matches and is ordered first (priority " +
                          std::to_string(loser.priority) + ") on " + EntryPointText(o.entry_point))
        .help = "give this route a higher priority, or narrow the other rule";
  }
}

}  // namespace irtcp::lint
