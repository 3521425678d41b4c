#include "core/lint/rules/provider_rules.h"
#include "core/lint/rules/reference_index.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kMiddlewareMissing{"IRT403",
                                        "middleware-missing",
                                        "a route's middleware is not a MiddlewareTCP in the input",
                                        R"md(## What it does
Resolves each `routes[].middlewares[]` entry as Traefik does (`Normalize(<namespace>-<name>)`, or
`<key>@kubernetescrd` verbatim) and reports those that match no MiddlewareTCP in the input. When
an HTTP `Middleware` of that name exists instead, it says so: TCP routers can only use
MiddlewareTCP objects.

Runs when the input holds a MiddlewareTCP (or an HTTP Middleware) in the target namespace, or
with `--strict-references`.

## Why is this bad?
The provider emits the reference anyway; at runtime the router fails with `middleware
"<key>@kubernetescrd" does not exist` and receives no traffic.

## How to fix
Create the MiddlewareTCP, fix the name or namespace, or convert the HTTP Middleware into a
MiddlewareTCP (only `inFlightConn` and `ipAllowList` exist for TCP).

## Fix safety
No automatic fix.
)md",
                                        diag::Severity::kError,
                                        diag::FixAvailability::kNone};

void CheckMiddlewareMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  const ReferenceIndex& index = ctx.Shared<ReferenceIndex>();
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    for (const model::Route& route : irt->routes) {
      for (const model::ObjectRef& m : route.middlewares) {
        if (!m.name.present || m.name.value.empty()) {
          continue;
        }
        resolve::RefResolution r = resolve::ResolveObjectRef(irt->object->namespace_, m.name.value,
                                                             m.ns.Or(""), env.provider());
        if (!r.error.empty()) {
          continue;  // refused: IRT401 / IRT402
        }
        std::string key = r.key;
        std::string target_ns = r.ns;
        if (r.cross_provider) {
          std::size_t at = key.find('@');
          if (key.substr(at) != "@kubernetescrd") {
            continue;  // another provider: not in the input
          }
          key.resize(at);
        }
        bool found = index.middleware_tcp_keys.contains(key);
        bool checked = ctx.options.strict_references ||
                       (r.cross_provider && !index.middleware_tcp_namespaces.empty()) ||
                       index.middleware_tcp_namespaces.contains(target_ns);
        auto http_it = index.http_middlewares.find(key);
        const model::Object* http =
            http_it == index.http_middlewares.end() ? nullptr : http_it->second;
        if (found || (!checked && http == nullptr)) {
          continue;
        }
        std::string where = r.cross_provider ? "\"" + key + "\"" : target_ns + "/" + m.name.value;
        diag::Diagnostic& d = resolve::ReportAt(
            sink, kMiddlewareMissing, *irt->object, m.name.node, m.loc, m.path + "/name",
            "MiddlewareTCP " + where +
                " is not in the input; the router fails at runtime (middleware \"" + key +
                "@kubernetescrd\" does not exist)");
        if (http != nullptr) {
          d.help = "an HTTP Middleware " + http->namespace_ + "/" + http->name +
                   " exists, but TCP routes can only use a MiddlewareTCP";
        }
      }
    }
  }
}

}  // namespace irtcp::lint
