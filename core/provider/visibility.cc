// Sections 2 and 4 of provider.md: which objects the provider sees (API group, watched
// namespaces, label selector, the Secret informer's owner!=helm filter) and which
// IngressRouteTCPs it processes (ingress class).
#include <algorithm>

#include "core/provider/engine_impl.h"

namespace irtcp::provider {

Visibility::Visibility(const ProviderOptions& options) : options_(options) {
  LabelSelector::Parse(options.label_selector, &selector_, &selector_error_);
}

bool Visibility::NamespaceWatched(std::string_view ns) const {
  return options_.namespaces.empty() ||
         std::find(options_.namespaces.begin(), options_.namespaces.end(), ns) !=
             options_.namespaces.end();
}

Hidden Visibility::Check(const model::Object& object, const model::ObjectMeta& meta) const {
  // Traefik v3 has no informers for traefik.containo.us; v2.10/v2.11 watch both groups
  // (versions.md §1).
  if (object.legacy_group && options_.traefik_version.AtLeast(3, 0)) {
    return Hidden::kLegacyGroup;
  }
  if (!NamespaceWatched(object.namespace_)) {
    return Hidden::kNamespace;
  }
  if (!selector_.Matches(meta.labels)) {
    return Hidden::kLabels;
  }
  return Hidden::kNo;
}

bool Visibility::CrdVisible(const model::Object& object, const model::ObjectMeta& meta,
                            std::string* reason) const {
  switch (Check(object, meta)) {
    case Hidden::kNo:
      return true;
    case Hidden::kLegacyGroup:
      *reason = "apiVersion " + object.api_version +
                " belongs to the traefik.containo.us group, which Traefik v3 no longer watches";
      break;
    case Hidden::kNamespace:
      *reason = "namespace \"" + object.namespace_ + "\" is not within the watched namespaces";
      break;
    case Hidden::kLabels:
      *reason = "its labels do not match the provider's labelSelector \"" +
                options_.label_selector + "\"";
      break;
  }
  return false;
}

namespace {

std::string Join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

}  // namespace

bool Engine::Visible(const model::Object& o, const model::ObjectMeta& meta) {
  if (catalog_.input().Superseded(o)) {
    return false;  // kubectl apply keeps the later definition only (IRT022 reports it)
  }
  Hidden hidden = visibility_.Check(o, meta);
  if (hidden == Hidden::kNo && o.legacy_group) {
    // v2: a traefik.containo.us object whose namespace/name a traefik.io object of the same kind
    // already has is dropped (crd/client-containous.go).
    const model::Object* listed = catalog_.input().Find(o.kind, o.namespace_, o.name);
    if (listed != nullptr && listed != &o && !listed->legacy_group) {
      Emit(EventLevel::kDebug, EventCode::kLegacyGroup,
           std::string(model::KindName(o.kind)) + " not visible to Traefik",
           "Ignoring traefik.containo.us/v1alpha1 " + std::string(model::KindName(o.kind)) + " (" +
               o.namespace_ + "/" + o.name +
               ") already listed within traefik.io/v1alpha1 API GroupVersion",
           &o, yaml::kNoNode, "");
      return false;
    }
  }
  if (hidden == Hidden::kNo) {
    return true;
  }
  std::string kind(model::KindName(o.kind));
  std::string reason;
  visibility_.CrdVisible(o, meta, &reason);
  const std::string message = kind + " not visible to Traefik";
  switch (hidden) {
    case Hidden::kLegacyGroup:
      Emit(EventLevel::kDebug, EventCode::kLegacyGroup, message, reason, &o, yaml::kNoNode, "");
      break;
    case Hidden::kNamespace: {
      yaml::NodeId ns_node = o.doc->Get(o.doc->Get(o.node, "metadata"), "namespace");
      Emit(EventLevel::kDebug, EventCode::kNotVisible, message, reason, &o, ns_node,
           o.path_prefix + "/metadata/namespace")
          .detail =
          "namespace " + o.namespace_ +
          " is not watched by Traefik's CRD provider (namespaces: " + Join(options_.namespaces) +
          "); Traefik ignores this " + kind;
      break;
    }
    case Hidden::kLabels: {
      yaml::NodeId labels =
          meta.labels.node != yaml::kNoNode ? meta.labels.node : o.doc->Get(o.node, "metadata");
      Event& e = Emit(EventLevel::kDebug, EventCode::kNotVisible, message, reason, &o, labels,
                      o.path_prefix + "/metadata/labels");
      e.detail = "the labels do not match the provider's labelSelector \"" +
                 options_.label_selector + "\"; Traefik ignores this " + kind;
      e.help =
          "add the labels the selector asks for, or change providers.kubernetesCRD.labelSelector";
      break;
    }
    case Hidden::kNo:
      break;
  }
  return false;
}

// Section 4.
bool Engine::IngressClassMatches(const model::IngressRouteTCP& irtcp, std::string* effective) {
  const model::Object& o = *irtcp.object;
  const model::Field<std::string>& class_name = irtcp.ingress_class_name;
  const model::Field<std::string>& annotation = irtcp.ingress_class_annotation;
  const std::string annotation_path =
      o.path_prefix + "/metadata/annotations/kubernetes.io~1ingress.class";
  std::string cls;
  // spec.ingressClassName exists from v3.7; before, only the annotation counts (versions.md §4.2).
  const bool has_class_name = options_.traefik_version.AtLeast(3, 7);
  if (class_name.present && has_class_name) {
    cls = class_name.value;
    if (annotation.present && !annotation.value.empty()) {
      Event& e = Emit(EventLevel::kDebug, EventCode::kIgnoredClassAnnotation,
                      "kubernetes.io/ingress.class annotation ignored", "", &o, annotation.node,
                      annotation_path);
      e.detail = "the kubernetes.io/ingress.class annotation is ignored: spec.ingressClassName \"" +
                 class_name.value + "\" takes precedence";
      e.help = "remove the annotation";
    }
  } else if (annotation.present && !annotation.value.empty() && !has_class_name) {
    cls = annotation.value;
  } else if (annotation.present && !annotation.value.empty()) {
    cls = annotation.value;
    Event& e = Emit(EventLevel::kWarn, EventCode::kDeprecatedClassAnnotation,
                    "'kubernetes.io/ingress.class' is a deprecated annotation, please use "
                    "spec.ingressClassName instead.",
                    "", &o, annotation.node, annotation_path);
    e.detail =
        "the kubernetes.io/ingress.class annotation is deprecated (Traefik logs a warning for it "
        "on every refresh)";
    e.help = "write spec.ingressClassName: " + annotation.value + " instead (Traefik v3.7 CRDs)";
  }
  *effective = cls;
  return options_.ingress_class == cls || (options_.ingress_class.empty() && cls == "traefik");
}

void Engine::LoadHttpIngressRoutes() {
  for (const model::IngressRouteHttp& ir : catalog_.ingress_routes()) {
    const model::Object& o = *ir.object;
    if (catalog_.input().Superseded(o)) {
      continue;  // kubectl apply keeps the later definition only
    }
    std::string reason;
    if (!visibility_.CrdVisible(o, ir.meta, &reason)) {
      continue;
    }
    // The HTTP side logs its own deprecation warning; only the class decision matters here.
    std::string effective = ir.ingress_class_name.present ? ir.ingress_class_name.value
                            : ir.ingress_class_annotation.present
                                ? ir.ingress_class_annotation.value
                                : std::string();
    if (!(options_.ingress_class == effective ||
          (options_.ingress_class.empty() && effective == "traefik"))) {
      continue;
    }
    if (ir.tls.present) {
      AddRouteCertificate(o, ir.tls.value, o.namespace_, /*tcp=*/false);
    }
  }
}

}  // namespace irtcp::provider
