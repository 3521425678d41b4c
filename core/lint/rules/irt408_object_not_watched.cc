#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kObjectNotWatched{
    "IRT408",
    "object-not-watched",
    "an IngressRouteTCP that Traefik's provider skips (ingress class or namespace)",
    R"md(## What it does
Reports IngressRouteTCPs that the CRD provider silently skips:
- the ingress class (`spec.ingressClassName` when present, even `""`, else the deprecated
  `kubernetes.io/ingress.class` annotation) differs from the provider's `ingressClass`. With the
  default provider class `""`, only objects without a class, with `""` or with `traefik` are
  processed; with provider class `X` only class `X` is, so objects without a class are skipped;
- the namespace is outside the provider's `namespaces`.

## Why is this bad?
Traefik drops the whole object without a log line: none of its routes exists.

## How to fix
Set the class the provider expects (or adjust `providers.kubernetesCRD.ingressClass`), or add the
namespace to `providers.kubernetesCRD.namespaces`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckObjectNotWatched(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  const provider::ProviderOptions& p = env.provider();
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    if (irt.object->legacy_group) {
      continue;  // IRT404
    }
    const model::Object& o = *irt.object;
    if (!resolve::NamespaceWatched(p, o.namespace_)) {
      std::string list;
      for (const std::string& ns : p.namespaces) {
        list += (list.empty() ? "" : ", ") + ns;
      }
      yaml::NodeId meta = o.doc->Get(o.node, "metadata");
      yaml::NodeId ns_node = o.doc->Get(meta, "namespace");
      resolve::ReportAt(
          sink, kObjectNotWatched, o, ns_node, o.loc(), o.path_prefix + "/metadata/namespace",
          "namespace " + o.namespace_ + " is not watched by Traefik's CRD provider (namespaces: " +
              list + "); Traefik ignores this IngressRouteTCP");
      continue;
    }
    std::string cls = resolve::EffectiveIngressClass(irt);
    if (resolve::IngressClassAccepted(p.ingress_class, cls)) {
      continue;
    }
    const model::Field<std::string>& field =
        irt.ingress_class_name.present ? irt.ingress_class_name : irt.ingress_class_annotation;
    std::string what =
        irt.ingress_class_name.present
            ? "ingressClassName \"" + cls + "\" does not match"
            : (field.present ? "ingress class annotation \"" + cls + "\" does not match"
                             : std::string("the object has no ingress class, so "
                                           "it does not match"));
    std::string want = p.ingress_class.empty() ? std::string("none, \"\" or \"traefik\"")
                                               : "\"" + p.ingress_class + "\"";
    resolve::ReportAt(sink, kObjectNotWatched, o, field.node, o.loc(),
                      o.path_prefix + (irt.ingress_class_name.present ? "/spec/ingressClassName"
                                                                      : "/metadata/annotations"),
                      what + " the provider's ingressClass (expects " + want +
                          "); Traefik ignores this IngressRouteTCP");
  }
}

}  // namespace irtcp::lint
