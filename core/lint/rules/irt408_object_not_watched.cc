#include <set>
#include <string>
#include <vector>

#include "core/lint/rules/provider_rules.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kObjectNotWatched{
    "IRT408",
    "object-not-watched",
    "an object Traefik's provider skips (namespace, label selector, ingress class, owner=helm)",
    R"md(## What it does
Reports objects that the CRD provider silently skips:
- a Traefik object (IngressRouteTCP, MiddlewareTCP, ServersTransportTCP, TLSOption, TLSStore)
  in a namespace outside the provider's `namespaces`, or whose labels do not match its
  `labelSelector`;
- an IngressRouteTCP whose ingress class (`spec.ingressClassName` when present, even `""`, else the deprecated
  `kubernetes.io/ingress.class` annotation) differs from the provider's `ingressClass`. With the
  default provider class `""`, only objects without a class, with `""` or with `traefik` are
  processed; with provider class `X` only class `X` is, so objects without a class are skipped;
- a TLS Secret named by an IngressRouteTCP but labelled `owner: helm`: Traefik's Secret informer
  always filters with `owner!=helm` (Helm v2 release records carry that label), so the Secret
  does not exist for Traefik.

## Why is this bad?
Traefik drops the whole object without a log line: none of an IngressRouteTCP's routes exists,
and references to a skipped MiddlewareTCP, TLSOption or ServersTransportTCP fail at runtime.

## How to fix
Set the class the provider expects (or adjust `providers.kubernetesCRD.ingressClass`), add the
namespace to `providers.kubernetesCRD.namespaces`, add the labels `labelSelector` asks for, or
drop the `owner: helm` label from the Secret.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

namespace {

std::string JoinNamespaces(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& ns : list) {
    out += (out.empty() ? "" : ", ") + ns;
  }
  return out;
}

/// Namespace and label selector, as Traefik's informers apply them to every Traefik CRD kind.
/// True when it reported.
bool ReportHidden(diag::DiagnosticSink& sink, const provider::Visibility& visibility,
                  const provider::ProviderOptions& p, const model::Object& o,
                  const model::ObjectMeta& meta) {
  std::string kind(model::KindName(o.kind));
  if (!visibility.NamespaceWatched(o.namespace_)) {
    yaml::NodeId ns_node = o.doc->Get(o.doc->Get(o.node, "metadata"), "namespace");
    resolve::ReportAt(
        sink, kObjectNotWatched, o, ns_node, o.loc(), o.path_prefix + "/metadata/namespace",
        "namespace " + o.namespace_ + " is not watched by Traefik's CRD provider (namespaces: " +
            JoinNamespaces(p.namespaces) + "); Traefik ignores this " + kind);
    return true;
  }
  std::string reason;
  if (visibility.selector_ok() && !visibility.CrdVisible(o, meta, &reason)) {
    yaml::NodeId labels =
        meta.labels.node != yaml::kNoNode ? meta.labels.node : o.doc->Get(o.node, "metadata");
    resolve::ReportAt(sink, kObjectNotWatched, o, labels, o.loc(),
                      o.path_prefix + "/metadata/labels",
                      "the labels do not match the provider's labelSelector \"" + p.label_selector +
                          "\"; Traefik ignores this " + kind)
        .help =
        "add the labels the selector asks for, or change providers.kubernetesCRD."
        "labelSelector";
    return true;
  }
  return false;
}

void CheckIngressClass(diag::DiagnosticSink& sink, const provider::ProviderOptions& p,
                       const model::IngressRouteTCP& irt) {
  const model::Object& o = *irt.object;
  std::string cls = resolve::EffectiveIngressClass(irt);
  if (resolve::IngressClassAccepted(p.ingress_class, cls)) {
    return;
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

}  // namespace

void CheckObjectNotWatched(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  const provider::ProviderOptions& p = env.provider();
  provider::Visibility visibility(p);
  const model::Catalog& catalog = env.catalog();
  for (const model::IngressRouteTCP& irt : catalog.ingress_route_tcps()) {
    if (irt.object->legacy_group) {
      continue;  // IRT404
    }
    if (!ReportHidden(sink, visibility, p, *irt.object, irt.meta)) {
      CheckIngressClass(sink, p, irt);
    }
  }
  auto others = [&](const auto& objects) {
    for (const auto& x : objects) {
      if (!x.object->legacy_group) {
        ReportHidden(sink, visibility, p, *x.object, x.meta);
      }
    }
  };
  others(catalog.middleware_tcps());
  others(catalog.servers_transport_tcps());
  others(catalog.tls_options());
  others(catalog.tls_stores());

  // Secrets named by tls.secretName: the informer filters owner!=helm.
  std::set<const model::Secret*> reported;
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    if (!irt->tls.present || irt->tls.value.passthrough.Or(false) ||
        irt->tls.value.secret_name.Or("").empty()) {
      continue;
    }
    const model::Secret* s =
        catalog.FindSecret(irt->object->namespace_, irt->tls.value.secret_name.value);
    const model::StringMap::Entry* owner = s == nullptr ? nullptr : s->meta.labels.Find("owner");
    if (owner == nullptr || owner->value != "helm" || !reported.insert(s).second) {
      continue;
    }
    resolve::ReportAt(sink, kObjectNotWatched, *s->object, owner->node, s->object->loc(),
                      s->object->path_prefix + "/metadata/labels/owner",
                      "Secret " + s->object->namespace_ + "/" + s->object->name +
                          " is labelled owner: helm, which Traefik's Secret informer filters "
                          "out; IngressRouteTCP " +
                          irt->object->namespace_ + "/" + irt->object->name +
                          " cannot load its certificate")
        .help = "remove the owner: helm label (Traefik serves its default certificate meanwhile)";
  }
}

}  // namespace irtcp::lint
