#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kServiceMissing{"IRT301",
                                     "service-missing",
                                     "a service ref names a Service that is not in the input",
                                     R"md(## What it does
Reports `spec.routes[].services[]` entries whose Kubernetes Service does not exist in the
namespace the reference resolves to (the ref's `namespace`, else the IngressRouteTCP's).

The check runs when the input holds at least one Service in that namespace, or with
`--strict-references`; otherwise the run summary says which namespaces were not checked.

## Why is this bad?
Traefik logs `Cannot create service: service not found` and leaves the service out. With one
service the router points at a service that does not exist, and every connection fails.

## How to fix
Create the Service, fix the name, or set `namespace` on the ref.

## Fix safety
No automatic fix.
)md",
                                     diag::Severity::kError,
                                     diag::FixAvailability::kNone};

void CheckServiceMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kServiceMissing);
}

}  // namespace irtcp::lint
