#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kServicePortNotFound{"IRT302",
                                          "service-port-not-found",
                                          "a service ref's port is not a port of the Service",
                                          R"md(## What it does
Reports a service ref whose `port` matches no entry of the Service's `spec.ports`. A number is
compared with `ports[].port` (never `targetPort` or `nodePort`); a string, even `"8000"`, is a
port NAME compared with `ports[].name`. For an ExternalName Service a number always works (the
ref's port is used), but a name must be declared by the Service.

## Why is this bad?
Traefik logs `Cannot create service: service port not found: <port>` and leaves the service out.

## How to fix
Use the Service's `port` (not its `targetPort`), write a port number without quotes, or use a
name the Service declares.

## Fix safety
No automatic fix.
)md",
                                          diag::Severity::kError,
                                          diag::FixAvailability::kNone};

void CheckServicePortNotFound(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kFound || !ref.port.present ||
        ref.port.value.IsZero()) {
      return;  // a missing port is the schema's finding
    }
    const model::Service& svc = *found.service;
    const model::IntOrString& port = ref.port.value;
    bool external = svc.EffectiveType() == "ExternalName";
    if (resolve::FindServicePort(svc, port) != nullptr || (external && !port.is_string)) {
      return;
    }
    std::string ports;
    for (const model::ServicePort& p : svc.ports) {
      std::string one = p.name.Or("").empty() ? std::string() : p.name.value + "=";
      one += p.port.present ? std::to_string(p.port.value) : "?";
      if (p.target_port.present) {
        one += "->" + p.target_port.value.ToString();
      }
      ports += (ports.empty() ? "" : ", ") + one;
    }
    std::string message = "port " + std::string(port.is_string ? "name \"" : "") + port.ToString() +
                          (port.is_string ? "\"" : "") + " is not a port of " +
                          std::string(external ? "ExternalName " : "") + "Service " + found.ns +
                          "/" + ref.name.value + " (" +
                          (ports.empty() ? std::string("it declares none") : "ports: " + ports) +
                          "); Traefik drops this service (\"service port not found\")";
    diag::Diagnostic& d = resolve::ReportAt(sink, kServicePortNotFound, *irt.object, ref.port.node,
                                            ref.loc, ref.path + "/port", message);
    if (port.is_string && !port.str_value.empty() &&
        port.str_value.find_first_not_of("0123456789") == std::string::npos) {
      d.help =
          "a quoted number is a port name; write port: " + port.str_value + " to use the number";
    } else if (!port.is_string) {
      for (const model::ServicePort& p : svc.ports) {
        if (p.target_port.present && !p.target_port.value.is_string &&
            p.target_port.value.int_value == port.int_value && p.port.present) {
          d.help = "the ref names the Service's port, not its targetPort: use port: " +
                   std::to_string(p.port.value);
          break;
        }
      }
    }
  });
}

}  // namespace irtcp::lint
