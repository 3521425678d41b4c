#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kServiceWithoutServers{
    "IRT305",
    "service-without-servers",
    "the Service's EndpointSlices give Traefik no server for this port",
    R"md(## What it does
Follows Traefik's EndpointSlice lookup for a service ref (no `nativeLB`, no `nodePortLB`, not an
ExternalName Service): slices in the Service's namespace labelled
`kubernetes.io/service-name: <name>`, the slice port whose NAME equals the Service port's name
(an unnamed Service port matches only a slice port named `""`), and endpoints whose
`conditions.ready` is `true` (a missing `ready` counts as not ready). It reports when that
yields no address, and says which step lost them.

It runs only when the input holds EndpointSlices in that namespace (a `kubectl get -o yaml`
dump); manifests from Git have none, and `irtcp resolve` then says what would be used.

## Why is this bad?
Traefik logs `Cannot create service: no servers found for <ns>/<name>` and leaves the service out
(or, with `allowEmptyServices`, emits an empty load balancer that refuses every connection).

## How to fix
Name the Service port the way the Pods' container port is named, check the Service's selector,
or fix the Pods' readiness.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckServiceWithoutServers(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kServiceWithoutServers);
}

}  // namespace irtcp::lint
