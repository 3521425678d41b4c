#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsSecretMissing{"IRT202",
                                       "tls-secret-missing",
                                       "tls.secretName names a Secret that is not in the input",
                                       R"md(## What it does
Reports `spec.tls.secretName` when no Secret of that name exists in the IngressRouteTCP's own
namespace (Traefik never looks elsewhere). A cert-manager `Certificate` whose
`spec.secretName` is that name, a `SealedSecret` or an `ExternalSecret` producing it counts as
present.

Runs when the input holds a Secret (or one of those kinds) in that namespace, or with
`--strict-references`.

## Why is this bad?
Traefik logs `Error configuring TLS: secret <ns>/<name> does not exist`; the routers still
terminate TLS, but with Traefik's default certificate (`TRAEFIK DEFAULT CERT`), which clients
reject.

## How to fix
Create the Secret in the IngressRouteTCP's namespace, or fix the name.

## Fix safety
No automatic fix.
)md",
                                       diag::Severity::kError,
                                       diag::FixAvailability::kNone};

void CheckTlsSecretMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    if (!irt->tls.present || irt->tls.value.passthrough.Or(false)) {
      continue;
    }
    const model::Field<std::string>& secret = irt->tls.value.secret_name;
    const std::string& ns = irt->object->namespace_;
    if (!secret.present || secret.value.empty() ||
        !env.ChecksReferences(model::Kind::kSecret, ns) ||
        resolve::SecretProvided(env.catalog(), ns, secret.value)) {
      continue;
    }
    diag::Diagnostic& d = resolve::ReportAt(
        sink, kTlsSecretMissing, *irt->object, secret.node, secret.loc,
        irt->object->path_prefix + "/spec/tls/secretName",
        "Secret " + ns + "/" + secret.value +
            " is not in the input; Traefik serves its default certificate instead");
    for (const model::Secret& s : env.catalog().secrets()) {
      if (s.object->name == secret.value) {
        d.help = "a Secret " + s.object->namespace_ + "/" + s.object->name +
                 " exists, but Traefik reads the Secret from the IngressRouteTCP's namespace";
        break;
      }
    }
  }
}

}  // namespace irtcp::lint
