#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kExternalNameNotAllowed{
    "IRT303",
    "external-name-not-allowed",
    "a service ref targets an ExternalName Service while allowExternalNameServices is off",
    R"md(## What it does
Reports service refs whose Service has `type: ExternalName` when the provider option
`allowExternalNameServices` is false (Traefik's default since v2.4.10). The option comes from
`--traefik-config` or `--allow-external-name-services`.

## Why is this bad?
Traefik logs `Cannot create service: externalName services not allowed: <ns>/<name>` and leaves
the service out.

## How to fix
Enable `providers.kubernetesCRD.allowExternalNameServices` in Traefik's static configuration, or
point the route at a Service with a selector.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckExternalNameNotAllowed(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kExternalNameNotAllowed);
}

}  // namespace irtcp::lint
