#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kCrossNamespaceReference{
    "IRT401",
    "cross-namespace-reference",
    "a reference leaves the IngressRouteTCP's namespace while allowCrossNamespace is off",
    R"md(## What it does
With `allowCrossNamespace` off (Traefik's default since v2.4.10), reports references to a
Service, MiddlewareTCP or TLSOption in another namespace, and every `…@kubernetescrd` reference
(middleware, TLS option or serversTransport), which Traefik refuses even when it points into
the same namespace.

## Why is this bad?
Traefik refuses the reference and drops, depending on its kind:
- a service ref: that service (`tcp service <ns>/<name> is not in the parent resource namespace`);
- a middleware: the whole route (`Failed to create middleware keys`);
- a TLS option: the router, leaving its services orphaned (`Invalid reference to TLSOption`);
- a serversTransport: that service.

## How to fix
Move the object into the IngressRouteTCP's namespace, use a plain name instead of
`…@kubernetescrd`, or enable `providers.kubernetesCRD.allowCrossNamespace`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckCrossNamespaceReference(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kCrossNamespaceReference);
}

}  // namespace irtcp::lint
