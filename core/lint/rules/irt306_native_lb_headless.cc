#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kNativeLbHeadless{"IRT306",
                                       "native-lb-headless",
                                       "nativeLB on a headless Service (clusterIP: None)",
                                       R"md(## What it does
Reports service refs that use the Service's cluster IP (`nativeLB: true`, or the provider's
`nativeLBByDefault` when the ref does not say) while the Service is headless
(`clusterIP: None`).

## Why is this bad?
A headless Service has no cluster IP. Traefik logs `Cannot create service: getting native
Kubernetes Service address: no clusterIP on headless service: <ns>/<name>` and leaves the
service out.

## How to fix
Remove `nativeLB` (or set it to `false`) so that Traefik balances over the Pods itself, or give
the Service a cluster IP.

## Fix safety
No automatic fix.
)md",
                                       diag::Severity::kError,
                                       diag::FixAvailability::kNone};

void CheckNativeLbHeadless(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kNativeLbHeadless);
}

}  // namespace irtcp::lint
