#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsOptionMissing{
    "IRT205",
    "tls-option-missing",
    "tls.options resolves to a name under which no TLSOption is registered",
    R"md(## What it does
Resolves `spec.tls.options` as Traefik does (`Normalize(<namespace>-<name>)`) and compares it
with the names TLSOptions are registered under, which are NOT normalised (`<namespace>-<name>`,
or just `default` for a TLSOption named `default`). Reports references that match none, and
explains the two traps: a TLSOption whose name contains `.` or repeated `-` (registered as
`default-my.opts`, referenced as `default-my-opts`), and a reference to the TLSOption named
`default` (it resolves to `<namespace>-default`, while the option is registered as `default`).

Runs when the input holds a TLSOption in the target namespace, or with `--strict-references`.

## Why is this bad?
At runtime the router gets `unknown TLS options` and Traefik closes every TLS connection on it.

## How to fix
Create the TLSOption, or rename it to a name made of letters, digits and single dashes. To use
the `default` TLSOption, leave `tls.options` out.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckTlsOptionMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kTlsOptionMissing);
}

}  // namespace irtcp::lint
