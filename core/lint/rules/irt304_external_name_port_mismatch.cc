#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kExternalNamePortMismatch{
    "IRT304",
    "external-name-port-mismatch",
    "a numeric port on an ExternalName service ref matches none of the Service's ports",
    R"md(## What it does
Reports a service ref with a numeric `port` pointing at an ExternalName Service that declares
ports, none of them equal to the ref's.

## Why is this bad?
Traefik logs `The port <p> from IngressRoute doesn't match with ports defined in the ExternalName
service <ns>/<name>.` and connects to `<externalName>:<ref port>`: the Service's port is
ignored, which is rarely what the author of either object meant.

## How to fix
Make the ref's port and the Service's port agree, or drop `ports` from the ExternalName Service.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckExternalNamePortMismatch(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kFound || !ref.port.present ||
        ref.port.value.is_string || ref.port.value.IsZero()) {
      return;
    }
    const model::Service& svc = *found.service;
    if (svc.EffectiveType() != "ExternalName" ||
        resolve::FindServicePort(svc, ref.port.value) != nullptr) {
      return;
    }
    std::string ports;
    for (const model::ServicePort& p : svc.ports) {
      if (p.port.present && p.port.value != 0) {
        ports += (ports.empty() ? "" : ", ") + std::to_string(p.port.value);
      }
    }
    if (ports.empty()) {
      return;  // no declared port: the ref's port is used without a warning
    }
    std::string port = ref.port.value.ToString();
    resolve::ReportAt(
        sink, kExternalNamePortMismatch, *irt.object, ref.port.node, ref.loc, ref.path + "/port",
        "port " + port + " does not match the ports of ExternalName Service " + found.ns + "/" +
            ref.name.value + " (" + ports + "); Traefik warns and connects to " +
            svc.external_name.Or("?") + ":" + port);
  });
}

}  // namespace irtcp::lint
