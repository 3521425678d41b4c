#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsSecretInvalid{
    "IRT203",
    "tls-secret-invalid",
    "the Secret named by tls.secretName lacks tls.crt/tls.key or does not hold PEM",
    R"md(## What it does
Checks the Secret named by `spec.tls.secretName` (in the IngressRouteTCP's namespace, with
`stringData` merged into `data`): `tls.crt` and `tls.key` must both exist, be non-empty, be
valid base64 under `data`, and hold a PEM certificate and a PEM private key.

## Why is this bad?
Traefik logs `Error configuring TLS` (`secret <ns>/<name> is missing the following TLS data
entries: tls.crt, tls.key`, or `... contains the following empty TLS data entries`) and serves
its default certificate; a key or certificate that is not PEM fails when the certificate is
loaded.

## How to fix
Create the Secret with `kubectl create secret tls NAME --cert=... --key=...`, which writes both
keys in PEM.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckTlsSecretInvalid(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kTlsSecretInvalid);
}

}  // namespace irtcp::lint
