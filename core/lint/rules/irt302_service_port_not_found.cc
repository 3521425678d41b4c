#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kServicePortNotFound{"IRT302",
                                          "service-port-not-found",
                                          "a service ref's port is not a port of the Service",
                                          R"md(## What it does
Reports a service ref whose `port` matches no entry of the Service's `spec.ports`. A number is
compared with `ports[].port` (never `targetPort` or `nodePort`); a string, even `"8000"`, is a
port NAME compared with `ports[].name`. For an ExternalName Service a number always works (the
ref's port is used), but a name must be declared by the Service.

## Why is this bad?
Traefik logs `Cannot create service: service port not found: <port>` and leaves the service out.

## How to fix
Use the Service's `port` (not its `targetPort`), write a port number without quotes, or use a
name the Service declares.

## Fix safety
No automatic fix.
)md",
                                          diag::Severity::kError,
                                          diag::FixAvailability::kNone};

void CheckServicePortNotFound(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kServicePortNotFound);
}

}  // namespace irtcp::lint
