#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kProviderLog{
    "IRT490",
    "provider-log",
    "Traefik's CRD provider logs a warning or an error for this object",
    R"md(## What it does
Reports, at the object and field concerned, each warning or error Traefik v3.7's Kubernetes CRD
provider would log while building its configuration from these manifests and that no dedicated
rule describes (`Error while loading CA`, `Unable to read certificate secret`, `Default TLS
Options defined in multiple namespaces`, a configuration that makes the provider panic, ...),
with Traefik's own message and error text. Its severity is the log line's level.

## Why is this bad?
Traefik reports these problems only in its log, and keeps going: the route, router, service or
certificate concerned is dropped from the configuration it serves, or a router points at a
service that does not exist.

## How to fix
Follow the error text: create the missing object, fix the reference, or change the provider
option named in the message.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckProviderLog(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportOtherProviderEvents(ctx, sink, kProviderLog);
}

}  // namespace irtcp::lint
