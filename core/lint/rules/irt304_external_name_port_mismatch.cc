#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kExternalNamePortMismatch{
    "IRT304",
    "external-name-port-mismatch",
    "a numeric port on an ExternalName service ref matches none of the Service's ports",
    R"md(## What it does
Reports a service ref with a numeric `port` pointing at an ExternalName Service that declares
ports, none of them equal to the ref's.

## Why is this bad?
Traefik logs `The port <p> from IngressRoute doesn't match with ports defined in the ExternalName
service <ns>/<name>.` and connects to `<externalName>:<ref port>`: the Service's port is
ignored, which is rarely what the author of either object meant.

## How to fix
Make the ref's port and the Service's port agree, or drop `ports` from the ExternalName Service.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckExternalNamePortMismatch(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kExternalNamePortMismatch);
}

}  // namespace irtcp::lint
