#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kMiddlewareMissing{"IRT403",
                                        "middleware-missing",
                                        "a route's middleware is not a MiddlewareTCP in the input",
                                        R"md(## What it does
Resolves each `routes[].middlewares[]` entry as Traefik does (`Normalize(<namespace>-<name>)`, or
`<key>@kubernetescrd` verbatim) and reports those that match no MiddlewareTCP in the input. When
an HTTP `Middleware` of that name exists instead, it says so: TCP routers can only use
MiddlewareTCP objects.

Runs when the input holds a MiddlewareTCP (or an HTTP Middleware) in the target namespace, or
with `--strict-references`.

## Why is this bad?
The provider emits the reference anyway; at runtime the router fails with `middleware
"<key>@kubernetescrd" does not exist` and receives no traffic.

## How to fix
Create the MiddlewareTCP, fix the name or namespace, or convert the HTTP Middleware into a
MiddlewareTCP (only `inFlightConn` and `ipAllowList` exist for TCP).

## Fix safety
No automatic fix.
)md",
                                        diag::Severity::kError,
                                        diag::FixAvailability::kNone};

void CheckMiddlewareMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kMiddlewareMissing);
}

}  // namespace irtcp::lint
