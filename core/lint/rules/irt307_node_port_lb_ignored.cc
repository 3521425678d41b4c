#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

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
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    if (!ref.node_port_lb.Or(false)) {
      return;
    }
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kFound) {
      return;
    }
    const model::Service& svc = *found.service;
    std::string who = "Service " + found.ns + "/" + svc.object->name;
    if (svc.EffectiveType() != "NodePort") {
      resolve::ReportAt(sink, kNodePortLbIgnored, *irt.object, ref.node_port_lb.node, ref.loc,
                        ref.path + "/nodePortLB",
                        "nodePortLB is ignored: " + who + " is of type " +
                            std::string(svc.EffectiveType()) +
                            ", not NodePort; Traefik balances over its endpoints instead");
    } else if (env.provider().disable_cluster_scope_resources) {
      diag::Diagnostic& d = resolve::ReportAt(
          sink, kNodePortLbIgnored, *irt.object, ref.node_port_lb.node, ref.loc,
          ref.path + "/nodePortLB",
          "nodePortLB needs Nodes but disableClusterScopeResources is on; Traefik drops this "
          "service (\"nodes lookup is disabled\")");
      d.severity = diag::Severity::kError;
    }
  });
}

}  // namespace irtcp::lint
