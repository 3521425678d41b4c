#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kNodePortLbIgnored{"IRT307",
                                        "node-port-lb-ignored",
                                        "nodePortLB that Traefik ignores or cannot honour",
                                        R"md(## What it does
Reports `nodePortLB: true` on a service ref when the Service is not `type: NodePort` (Traefik
silently ignores the field and balances over the Pods), and when the provider runs with
`disableClusterScopeResources` (Nodes are not watched).

## Why is this bad?
In the first case the traffic does not go through the node ports the author intended; in the
second Traefik logs `Cannot create service: nodes lookup is disabled` and leaves the service
out.

## How to fix
Make the Service `type: NodePort`, or remove `nodePortLB`; enable cluster-scope resources when
node ports are needed.

## Fix safety
No automatic fix.
)md",
                                        diag::Severity::kWarning,
                                        diag::FixAvailability::kNone};

void CheckNodePortLbIgnored(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  ReportProviderEvents(ctx, sink, kNodePortLbIgnored);
}

}  // namespace irtcp::lint
