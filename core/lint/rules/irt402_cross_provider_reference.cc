#include <algorithm>

#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kCrossProviderReference{
    "IRT402",
    "cross-provider-reference",
    "a `name@provider` reference from a namespace not in crossProviderNamespaces",
    R"md(## What it does
When the provider option `crossProviderNamespaces` is set (from `--traefik-config` or a flag),
reports references containing `@` (a middleware, TLS option or serversTransport of another
provider, e.g. `auth@file`) in IngressRouteTCPs whose namespace is not in that list. An empty
list forbids them everywhere; an unset option allows them everywhere.

## Why is this bad?
Traefik refuses the reference (`namespace "<ns>" is not in crossProviderNamespaces`) and drops
the whole route (middleware), the router (TLS option) or the service (serversTransport).

## How to fix
Add the namespace to `providers.kubernetesCRD.crossProviderNamespaces`, or use an object of this
provider.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

namespace {

void Check(const resolve::LintEnv& env, const model::IngressRouteTCP& irt,
           const model::Field<std::string>& name, source::Location loc, const std::string& path,
           std::string_view what, std::string_view effect, diag::DiagnosticSink& sink) {
  if (!name.present || name.value.find('@') == std::string::npos) {
    return;
  }
  resolve::RefResolution r =
      resolve::ResolveObjectRef(irt.object->namespace_, name.value, "", env.provider());
  if (r.error.find("crossProviderNamespaces") == std::string::npos) {
    return;
  }
  resolve::ReportAt(sink, kCrossProviderReference, *irt.object, name.node, loc, path,
                    std::string(what) + " \"" + name.value +
                        "\" is a cross-provider reference, "
                        "and namespace " +
                        irt.object->namespace_ + " is not in crossProviderNamespaces; " +
                        std::string(effect));
}

}  // namespace

void CheckCrossProviderReference(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  if (!env.provider().cross_provider_namespaces) {
    return;
  }
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    if (irt->tls.present && irt->tls.value.options.present) {
      const model::ObjectRef& o = irt->tls.value.options.value;
      Check(env, *irt, o.name, o.loc, o.path + "/name", "TLS option",
            "Traefik drops every router of this object", sink);
    }
    for (const model::Route& route : irt->routes) {
      for (const model::ObjectRef& m : route.middlewares) {
        Check(env, *irt, m.name, m.loc, m.path + "/name", "middleware",
              "Traefik drops this whole route", sink);
      }
      for (const model::ServiceRef& ref : route.services) {
        Check(env, *irt, ref.servers_transport, ref.loc, ref.path + "/serversTransport",
              "serversTransport", "Traefik drops this service", sink);
      }
    }
  }
}

}  // namespace irtcp::lint
