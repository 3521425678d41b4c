#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kCrossNamespaceReference{
    "IRT401",
    "cross-namespace-reference",
    "a reference leaves the IngressRouteTCP's namespace while allowCrossNamespace is off",
    R"md(## What it does
With `allowCrossNamespace` off (Traefik's default since v2.4.10), reports references to a
Service, MiddlewareTCP or TLSOption in another namespace, and every `…@kubernetescrd` reference
(middleware, TLS option or serversTransport), which Traefik refuses even when it points into
the same namespace.

## Why is this bad?
Traefik refuses the reference and drops, depending on its kind:
- a service ref: that service (`tcp service <ns>/<name> is not in the parent resource namespace`);
- a middleware: the whole route (`Failed to create middleware keys`);
- a TLS option: the router, leaving its services orphaned (`Invalid reference to TLSOption`);
- a serversTransport: that service.

## How to fix
Move the object into the IngressRouteTCP's namespace, use a plain name instead of
`…@kubernetescrd`, or enable `providers.kubernetesCRD.allowCrossNamespace`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

namespace {

constexpr std::string_view kCrdSuffix = "@kubernetescrd";

bool IsCrdRef(std::string_view v) {
  return v.size() >= kCrdSuffix.size() && v.substr(v.size() - kCrdSuffix.size()) == kCrdSuffix;
}

void CheckObjectRef(const resolve::LintEnv& env, const model::IngressRouteTCP& irt,
                    const model::ObjectRef& ref, std::string_view what, std::string_view effect,
                    diag::DiagnosticSink& sink) {
  if (!ref.name.present) {
    return;
  }
  resolve::RefResolution r = resolve::ResolveObjectRef(irt.object->namespace_, ref.name.value,
                                                       ref.ns.Or(""), env.provider());
  if (r.error.empty() || r.error.find("crossProviderNamespaces") != std::string::npos) {
    return;
  }
  bool crd = r.cross_provider;
  resolve::ReportAt(
      sink, kCrossNamespaceReference, *irt.object,
      crd || !ref.ns.present ? ref.name.node : ref.ns.node, ref.loc,
      ref.path + (crd || !ref.ns.present ? "/name" : "/namespace"),
      std::string(what) + " \"" + ref.name.value + "\"" +
          (crd ? std::string(" uses @kubernetescrd,")
               : " is in namespace " + r.ns + ", not " + irt.object->namespace_ + ",") +
          " and allowCrossNamespace is off; " + std::string(effect));
}

}  // namespace

void CheckCrossNamespaceReference(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  if (env.provider().allow_cross_namespace) {
    return;
  }
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    const std::string& parent = irt->object->namespace_;
    if (irt->tls.present && irt->tls.value.options.present) {
      CheckObjectRef(env, *irt, irt->tls.value.options.value, "TLS option",
                     "Traefik drops every router of this object (its services stay)", sink);
    }
    for (const model::Route& route : irt->routes) {
      if (!route.match.present || route.match.value.empty()) {
        continue;
      }
      for (const model::ObjectRef& m : route.middlewares) {
        CheckObjectRef(env, *irt, m, "middleware", "Traefik drops this whole route", sink);
      }
      for (const model::ServiceRef& ref : route.services) {
        if (ref.ns.present && !ref.ns.value.empty() && ref.ns.value != parent) {
          resolve::ReportAt(sink, kCrossNamespaceReference, *irt->object, ref.ns.node, ref.loc,
                            ref.path + "/namespace",
                            "Service " + ref.ns.value + "/" + ref.name.value +
                                " is not in the IngressRouteTCP's namespace " + parent +
                                " and allowCrossNamespace is off; Traefik drops this service");
        }
        if (ref.servers_transport.present && IsCrdRef(ref.servers_transport.value)) {
          resolve::ReportAt(sink, kCrossNamespaceReference, *irt->object,
                            ref.servers_transport.node, ref.loc, ref.path + "/serversTransport",
                            "serversTransport \"" + ref.servers_transport.value +
                                "\" uses @kubernetescrd, and allowCrossNamespace is off; "
                                "Traefik drops this service");
        }
      }
    }
  }
}

}  // namespace irtcp::lint
