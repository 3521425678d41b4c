#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kCrossProviderReference{
    "IRT402",
    "cross-provider-reference",
    "a `name@provider` reference from a namespace not in crossProviderNamespaces",
    R"md(## What it does
When the provider option `crossProviderNamespaces` is set (from `--traefik-config` or a flag),
reports references containing `@` (a middleware, TLS option or serversTransport of another
provider, e.g. `auth@file`) in IngressRouteTCPs whose namespace is not in that list. An empty
list forbids them everywhere; an unset option allows them everywhere.

## Why is this bad?
Traefik refuses the reference (`namespace "<ns>" is not in crossProviderNamespaces`) and drops
the whole route (middleware), the router (TLS option) or the service (serversTransport).

## How to fix
Add the namespace to `providers.kubernetesCRD.crossProviderNamespaces`, or use an object of this
provider.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckCrossProviderReference(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kCrossProviderReference);
}

}  // namespace irtcp::lint
