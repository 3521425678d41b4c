#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kServersTransportMissing{
    "IRT310",
    "servers-transport-missing",
    "serversTransport names no ServersTransportTCP once Traefik has qualified the name",
    R"md(## What it does
Resolves `services[].serversTransport` the way Traefik's provider does: a plain value `v` becomes
`Normalize(<IngressRouteTCP namespace>-v)` — the IngressRouteTCP's namespace, not the Service's
as the documentation says — and `x@kubernetescrd` is taken verbatim. It reports values that
match no ServersTransportTCP in the input (each is registered as
`Normalize(<namespace>-<name>)`), and explains the usual traps: writing the already-qualified
`default-x` (it becomes `default-default-x`) and a transport in the Service's namespace.

Runs when the input holds a ServersTransportTCP in the IngressRouteTCP's namespace, or with
`--strict-references`.

## Why is this bad?
At runtime the service fails with `no transport configuration found for "<name>"`.

## How to fix
Write the transport's plain name and put the ServersTransportTCP in the IngressRouteTCP's
namespace, or use `<namespace>-<name>@kubernetescrd` with `allowCrossNamespace`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckServersTransportMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kServersTransportMissing);
}

}  // namespace irtcp::lint
