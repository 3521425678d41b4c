#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kRouterNameCollision{
    "IRT409",
    "router-name-collision",
    "routes of two IngressRouteTCPs that Traefik gives the same router name",
    R"md(## What it does
Reports a route whose router name equals the router name of a route in another IngressRouteTCP.
Traefik names a router `<namespace>-<name>-<hash of the match>`, joining with dashes, so
`a-b/c` and `a/b-c` both give `a-b-c-<hash>` when their `match` is the same. (Two routes of one
IngressRouteTCP with the same `match` are IRT111.)

## Why is this bad?
The provider writes both routers, and their services, under one name: one replaces the other
without a log line, and which one survives depends on the order in which Traefik lists the
objects. Half of the traffic you expect to route goes to the other object's backends.

## How to fix
Rename one of the objects (or its namespace) so the dash-joined names differ, or make the rules
differ.

## Fix safety
No automatic fix: renaming an object is a deployment change.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckRouterNameCollision(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kRouterNameCollision);
}

}  // namespace irtcp::lint
