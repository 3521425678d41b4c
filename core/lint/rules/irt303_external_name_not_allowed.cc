#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kExternalNameNotAllowed{
    "IRT303",
    "external-name-not-allowed",
    "a service ref targets an ExternalName Service while allowExternalNameServices is off",
    R"md(## What it does
Reports service refs whose Service has `type: ExternalName` when the provider option
`allowExternalNameServices` is false (Traefik's default since v2.4.10). The option comes from
`--traefik-config` or `--allow-external-name-services`.

## Why is this bad?
Traefik logs `Cannot create service: externalName services not allowed: <ns>/<name>` and leaves
the service out.

## How to fix
Enable `providers.kubernetesCRD.allowExternalNameServices` in Traefik's static configuration, or
point the route at a Service with a selector.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckExternalNameNotAllowed(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    resolve::ServiceLookup found = resolve::LookupService(env, irt, ref);
    if (found.outcome != resolve::ServiceLookup::Outcome::kNotAllowed) {
      return;
    }
    diag::Diagnostic& d = resolve::ReportAt(
        sink, kExternalNameNotAllowed, *irt.object, ref.name.node, ref.loc, ref.path + "/name",
        "Service " + found.ns + "/" + ref.name.value +
            " is an ExternalName Service and allowExternalNameServices is off; Traefik drops "
            "this service (\"externalName services not allowed\")");
    d.help =
        "set providers.kubernetesCRD.allowExternalNameServices=true in Traefik's static "
        "configuration";
  });
}

}  // namespace irtcp::lint
