#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsSecretMissing{"IRT202",
                                       "tls-secret-missing",
                                       "tls.secretName names a Secret that is not in the input",
                                       R"md(## What it does
Reports `spec.tls.secretName` when no Secret of that name exists in the IngressRouteTCP's own
namespace (Traefik never looks elsewhere). A cert-manager `Certificate` whose
`spec.secretName` is that name, a `SealedSecret` or an `ExternalSecret` producing it counts as
present.

Runs when the input holds a Secret (or one of those kinds) in that namespace, or with
`--strict-references`.

## Why is this bad?
Traefik logs `Error configuring TLS: secret <ns>/<name> does not exist`; the routers still
terminate TLS, but with Traefik's default certificate (`TRAEFIK DEFAULT CERT`), which clients
reject.

## How to fix
Create the Secret in the IngressRouteTCP's namespace, or fix the name.

## Fix safety
No automatic fix.
)md",
                                       diag::Severity::kError,
                                       diag::FixAvailability::kNone};

void CheckTlsSecretMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kTlsSecretMissing);
}

}  // namespace irtcp::lint
