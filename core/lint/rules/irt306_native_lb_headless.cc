#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

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
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kFound) {
      return;
    }
    const model::Service& svc = *found.service;
    bool native_lb =
        ref.native_lb.present ? ref.native_lb.value : env.provider().native_lb_by_default;
    bool node_port = svc.EffectiveType() == "NodePort" && ref.node_port_lb.Or(false);
    if (!native_lb || node_port || svc.EffectiveType() == "ExternalName" ||
        svc.cluster_ip.Or("") != "None") {
      return;
    }
    std::string message = "Service " + found.ns + "/" + svc.object->name +
                          " is headless (clusterIP: None) but this ref uses its cluster IP (" +
                          (ref.native_lb.present ? "nativeLB: true" : "nativeLBByDefault") +
                          "); Traefik drops this service";
    resolve::ReportAt(sink, kNativeLbHeadless, *irt.object, ref.native_lb.node, ref.loc,
                      ref.path + (ref.native_lb.present ? "/nativeLB" : ""), message);
  });
}

}  // namespace irtcp::lint
