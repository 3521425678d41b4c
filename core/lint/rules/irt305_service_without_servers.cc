#include <set>

#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kServiceWithoutServers{
    "IRT305",
    "service-without-servers",
    "the Service's EndpointSlices give Traefik no server for this port",
    R"md(## What it does
Follows Traefik's EndpointSlice lookup for a service ref (no `nativeLB`, no `nodePortLB`, not an
ExternalName Service): slices in the Service's namespace labelled
`kubernetes.io/service-name: <name>`, the slice port whose NAME equals the Service port's name
(an unnamed Service port matches only a slice port named `""`), and endpoints whose
`conditions.ready` is `true` (a missing `ready` counts as not ready). It reports when that
yields no address, and says which step lost them.

It runs only when the input holds EndpointSlices in that namespace (a `kubectl get -o yaml`
dump); manifests from Git have none, and `irtcp resolve` then says what would be used.

## Why is this bad?
Traefik logs `Cannot create service: no servers found for <ns>/<name>` and leaves the service out
(or, with `allowEmptyServices`, emits an empty load balancer that refuses every connection).

## How to fix
Name the Service port the way the Pods' container port is named, check the Service's selector,
or fix the Pods' readiness.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckServiceWithoutServers(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kFound || !ref.port.present ||
        ref.port.value.IsZero() || !env.input().HasKindIn(model::Kind::kEndpointSlice, found.ns)) {
      return;
    }
    const model::Service& svc = *found.service;
    bool native_lb =
        ref.native_lb.present ? ref.native_lb.value : env.provider().native_lb_by_default;
    bool node_port = svc.EffectiveType() == "NodePort" && ref.node_port_lb.Or(false);
    if (svc.EffectiveType() == "ExternalName" || native_lb || node_port) {
      return;
    }
    const model::ServicePort* port = resolve::FindServicePort(svc, ref.port.value);
    if (port == nullptr) {
      return;  // IRT302
    }
    const std::string port_name = port->name.Or("");
    const auto& slices = env.catalog().SlicesFor(found.ns, svc.object->name);
    std::size_t port_matches = 0;
    std::size_t endpoints = 0;
    std::set<std::string> slice_port_names;
    for (const model::EndpointSlice* slice : slices) {
      const model::EndpointPort* match = nullptr;
      for (const model::EndpointPort& p : slice->ports) {
        if (p.name.present) {
          slice_port_names.insert(p.name.value);
        }
        if (match == nullptr && p.name.present && p.name.value == port_name) {
          match = &p;
        }
      }
      if (match == nullptr || match->port.Or(0) == 0) {
        continue;
      }
      ++port_matches;
      for (const model::Endpoint& e : slice->endpoints) {
        ++endpoints;
        if (e.ready.present && e.ready.value && !e.addresses.empty()) {
          return;  // at least one server
        }
      }
    }
    std::string who = "Service " + found.ns + "/" + svc.object->name;
    std::string why;
    if (slices.empty()) {
      why = "no EndpointSlice in the input is labelled kubernetes.io/service-name: " +
            svc.object->name +
            (svc.selector.entries.empty() ? " (the Service has no selector)" : "");
    } else if (port_matches == 0) {
      std::string names;
      for (const std::string& n : slice_port_names) {
        names += (names.empty() ? "\"" : ", \"") + n + "\"";
      }
      why = "its EndpointSlices have no port named \"" + port_name + "\" (the Service port's name" +
            (names.empty() ? std::string("; their ports are unnamed)")
                           : "; they have " + names + ")");
    } else if (endpoints == 0) {
      why = "its EndpointSlices list no endpoints";
    } else {
      why = "none of its endpoints is ready (conditions.ready: true)";
    }
    std::string result = env.provider().allow_empty_services
                             ? "Traefik emits an empty load balancer that refuses connections"
                             : "Traefik drops this service (\"no servers found\")";
    resolve::ReportAt(
        sink, kServiceWithoutServers, *irt.object, ref.port.node, ref.loc, ref.path + "/port",
        who + " has no server for port " + ref.port.value.ToString() + ": " + why + "; " + result);
  });
}

}  // namespace irtcp::lint
