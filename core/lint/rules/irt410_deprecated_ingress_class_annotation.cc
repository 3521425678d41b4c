#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kDeprecatedIngressClassAnnotation{
    "IRT410",
    "deprecated-ingress-class-annotation",
    "the kubernetes.io/ingress.class annotation on an IngressRouteTCP",
    R"md(## What it does
Reports the `kubernetes.io/ingress.class` annotation on an IngressRouteTCP: deprecated when it
selects the class (no `spec.ingressClassName`), and ignored when `spec.ingressClassName` is
also set.

## Why is this bad?
Traefik v3.7 logs `'kubernetes.io/ingress.class' is a deprecated annotation, please use
spec.ingressClassName instead.` for every such object on every configuration refresh. When both
are set the annotation has no effect, which misleads whoever reads the manifest.
Whether the class matches the provider's `ingressClass` at all is IRT408.

## How to fix
Use `spec.ingressClassName` (in the Traefik v3.7 CRDs; install them first) and remove the
annotation.

## Fix safety
No automatic fix: `spec.ingressClassName` is rejected by the API server when the cluster still
has CRDs older than v3.7.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckDeprecatedIngressClassAnnotation(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kDeprecatedIngressClassAnnotation);
}

}  // namespace irtcp::lint
