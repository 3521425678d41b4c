#include <string>

#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kDeprecatedIngressClassAnnotation{
    "IRT410",
    "deprecated-ingress-class-annotation",
    "the kubernetes.io/ingress.class annotation on an IngressRouteTCP",
    R"md(## What it does
Reports the `kubernetes.io/ingress.class` annotation on an IngressRouteTCP: deprecated when it
selects the class (no `spec.ingressClassName`), and ignored when `spec.ingressClassName` is
also set.

## Why is this bad?
Traefik v3.7 logs `'kubernetes.io/ingress.class' is a deprecated annotation, please use
spec.ingressClassName instead.` for every such object on every configuration refresh. When both
are set the annotation has no effect, which misleads whoever reads the manifest.
Whether the class matches the provider's `ingressClass` at all is IRT408.

## How to fix
Use `spec.ingressClassName` (in the Traefik v3.7 CRDs; install them first) and remove the
annotation.

## Fix safety
No automatic fix: `spec.ingressClassName` is rejected by the API server when the cluster still
has CRDs older than v3.7.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckDeprecatedIngressClassAnnotation(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    const model::Field<std::string>& a = irt.ingress_class_annotation;
    if (irt.object->legacy_group || !a.present || a.value.empty()) {
      continue;
    }
    const model::Object& o = *irt.object;
    std::string path = o.path_prefix + "/metadata/annotations/kubernetes.io~1ingress.class";
    if (irt.ingress_class_name.present) {
      resolve::ReportAt(sink, kDeprecatedIngressClassAnnotation, o, a.node, a.loc, path,
                        "the kubernetes.io/ingress.class annotation is ignored: "
                        "spec.ingressClassName \"" +
                            irt.ingress_class_name.value + "\" takes precedence")
          .help = "remove the annotation";
      continue;
    }
    resolve::ReportAt(sink, kDeprecatedIngressClassAnnotation, o, a.node, a.loc, path,
                      "the kubernetes.io/ingress.class annotation is deprecated (Traefik logs "
                      "a warning for it on every refresh)")
        .help = "write spec.ingressClassName: " + a.value + " instead (Traefik v3.7 CRDs)";
  }
}

}  // namespace irtcp::lint
