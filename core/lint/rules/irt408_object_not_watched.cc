#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kObjectNotWatched{
    "IRT408",
    "object-not-watched",
    "an object Traefik's provider skips (namespace, label selector, ingress class, owner=helm)",
    R"md(## What it does
Reports objects that the CRD provider silently skips:
- a Traefik object (IngressRouteTCP, MiddlewareTCP, ServersTransportTCP, TLSOption, TLSStore)
  in a namespace outside the provider's `namespaces`, or whose labels do not match its
  `labelSelector`;
- an IngressRouteTCP whose ingress class (`spec.ingressClassName` when present, even `""`, else the deprecated
  `kubernetes.io/ingress.class` annotation) differs from the provider's `ingressClass`. With the
  default provider class `""`, only objects without a class, with `""` or with `traefik` are
  processed; with provider class `X` only class `X` is, so objects without a class are skipped;
- a TLS Secret named by an IngressRouteTCP but labelled `owner: helm`: Traefik's Secret informer
  always filters with `owner!=helm` (Helm v2 release records carry that label), so the Secret
  does not exist for Traefik.

## Why is this bad?
Traefik drops the whole object without a log line: none of an IngressRouteTCP's routes exists,
and references to a skipped MiddlewareTCP, TLSOption or ServersTransportTCP fail at runtime.

## How to fix
Set the class the provider expects (or adjust `providers.kubernetesCRD.ingressClass`), add the
namespace to `providers.kubernetesCRD.namespaces`, add the labels `labelSelector` asks for, or
drop the `owner: helm` label from the Secret.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckObjectNotWatched(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kObjectNotWatched);
}

}  // namespace irtcp::lint
