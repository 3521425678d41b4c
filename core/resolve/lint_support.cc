#include "core/resolve/lint_support.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/provider/engine.h"
#include "core/provider/naming.h"

namespace irtcp::resolve {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The Secret name a secret-producing object (Certificate, SealedSecret, ExternalSecret) creates.
std::string_view ProducedSecretName(const model::Object& o) {
  const yaml::Document& doc = *o.doc;
  yaml::NodeId spec = doc.Get(o.node, "spec");
  switch (o.kind) {
    case model::Kind::kCertificate:
      return doc.GetString(spec, "secretName");
    case model::Kind::kSealedSecret: {
      std::string_view n = doc.GetString(doc.Get(doc.Get(spec, "template"), "metadata"), "name");
      return n.empty() ? std::string_view(o.name) : n;
    }
    case model::Kind::kExternalSecret: {
      std::string_view n = doc.GetString(doc.Get(spec, "target"), "name");
      return n.empty() ? std::string_view(o.name) : n;
    }
    default:
      return {};
  }
}

constexpr model::Kind kSecretProducers[] = {model::Kind::kCertificate, model::Kind::kSealedSecret,
                                            model::Kind::kExternalSecret};

std::string_view PluralKind(model::Kind k) {
  switch (k) {
    case model::Kind::kService:
      return "Services";
    case model::Kind::kSecret:
      return "Secrets";
    case model::Kind::kMiddlewareTCP:
      return "MiddlewareTCPs";
    case model::Kind::kTLSOption:
      return "TLSOptions";
    case model::Kind::kServersTransportTCP:
      return "ServersTransportTCPs";
    default:
      return model::KindName(k);
  }
}

}  // namespace

LintEnv::LintEnv(const lint::RuleContext& ctx) : ctx_(ctx) {
  if (ctx.options.catalog != nullptr) {
    catalog_ = ctx.options.catalog;
  } else {
    catalog_ = &ctx.Shared<SharedCatalog>().catalog;  // decoded once per run
  }
  config_ = ctx.options.static_config != nullptr ? ctx.options.static_config : &default_config_;
}

bool LintEnv::ChecksReferences(model::Kind kind, std::string_view ns) const {
  if (ctx_.options.strict_references || ctx_.input.HasKindIn(kind, ns)) {
    return true;
  }
  if (kind == model::Kind::kSecret) {
    for (model::Kind k : kSecretProducers) {
      if (ctx_.input.HasKindIn(k, ns)) {
        return true;
      }
    }
  }
  return false;
}

const std::vector<const model::IngressRouteTCP*>& LintEnv::ProcessedRoutes() const {
  return ctx_.Shared<ProcessedIngressRoutes>().list;
}

ProcessedIngressRoutes::ProcessedIngressRoutes(const lint::RuleContext& ctx) {
  LintEnv env(ctx);
  provider::Visibility visibility(env.provider());  // API group, namespaces, labelSelector
  std::string reason;
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    if (!visibility.CrdVisible(*irt.object, irt.meta, &reason) ||
        !IngressClassAccepted(env.provider().ingress_class, EffectiveIngressClass(irt))) {
      continue;
    }
    list.push_back(&irt);
  }
}

diag::Diagnostic& ReportAt(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                           const model::Object& object, yaml::NodeId node, source::Location loc,
                           std::string json_path, std::string message) {
  if (node != yaml::kNoNode) {
    loc = object.doc->node(node).loc;
  }
  if (!loc.valid()) {
    loc = object.loc();
  }
  diag::Diagnostic& d = sink.Report(rule, object.doc->file_ptr(), loc, std::move(message));
  if (node != yaml::kNoNode) {
    d.end_offset = object.doc->node(node).end;
  }
  d.json_path = std::move(json_path);
  return d;
}

std::string EffectiveIngressClass(const model::IngressRouteTCP& irt) {
  if (irt.ingress_class_name.present) {
    return irt.ingress_class_name.value;
  }
  if (irt.ingress_class_annotation.present) {
    return irt.ingress_class_annotation.value;
  }
  return "";
}

bool IngressClassAccepted(std::string_view provider_class, std::string_view object_class) {
  return provider_class == object_class || (provider_class.empty() && object_class == "traefik");
}

bool NamespaceWatched(const provider::ProviderOptions& options, std::string_view ns) {
  return options.namespaces.empty() ||
         std::find(options.namespaces.begin(), options.namespaces.end(), ns) !=
             options.namespaces.end();
}

RefResolution ResolveObjectRef(std::string_view parent_ns, std::string_view name,
                               std::string_view ref_ns, const provider::ProviderOptions& options) {
  RefResolution r;
  if (name.find('@') != std::string_view::npos) {
    r.cross_provider = true;
    r.key = std::string(name);
    if (!options.allow_cross_namespace && EndsWith(name, "@kubernetescrd")) {
      r.error = "when allowCrossNamespace is disabled, @kubernetescrd references are disallowed";
    } else if (options.cross_provider_namespaces &&
               std::find(options.cross_provider_namespaces->begin(),
                         options.cross_provider_namespaces->end(),
                         parent_ns) == options.cross_provider_namespaces->end()) {
      r.error = "namespace \"" + std::string(parent_ns) + "\" is not in crossProviderNamespaces";
    }
    return r;
  }
  r.ns = std::string(ref_ns.empty() ? parent_ns : ref_ns);
  if (!options.allow_cross_namespace && r.ns != parent_ns) {
    r.error = "allowCrossNamespace is disabled, cross-namespace are disallowed";
  }
  r.key = provider::Normalize(r.ns + "-" + std::string(name));
  return r;
}

bool SecretProvided(const model::Catalog& catalog, std::string_view ns, std::string_view name) {
  if (catalog.FindSecret(ns, name) != nullptr) {
    return true;
  }
  for (model::Kind k : kSecretProducers) {
    for (const model::Object* o : catalog.input().OfKind(k)) {
      if (o->namespace_ == ns && ProducedSecretName(*o) == name) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> SkippedReferenceNotes(const lint::RuleContext& ctx) {
  if (ctx.options.strict_references) {
    return {};
  }
  LintEnv env(ctx);
  std::map<model::Kind, std::set<std::string>> skipped;
  auto note = [&](model::Kind kind, const std::string& ns) {
    if (!env.ChecksReferences(kind, ns)) {
      skipped[kind].insert(ns);
    }
  };
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    const std::string& parent = irt->object->namespace_;
    if (irt->tls.present) {
      const model::RouteTls& tls = irt->tls.value;
      if (tls.secret_name.present && !tls.secret_name.value.empty() && !tls.passthrough.Or(false)) {
        note(model::Kind::kSecret, parent);
      }
      if (tls.options.present && tls.options.value.name.present &&
          tls.options.value.name.value.find('@') == std::string::npos) {
        const model::ObjectRef& opts = tls.options.value;
        note(model::Kind::kTLSOption,
             opts.ns.present && !opts.ns.value.empty() ? opts.ns.value : parent);
      }
    }
    for (const model::Route& route : irt->routes) {
      for (const model::ObjectRef& m : route.middlewares) {
        if (m.name.present && m.name.value.find('@') == std::string::npos) {
          std::string ns = m.ns.present && !m.ns.value.empty() ? m.ns.value : parent;
          note(model::Kind::kMiddlewareTCP, ns);
        }
      }
      for (const model::ServiceRef& s : route.services) {
        std::string ns = s.ns.present && !s.ns.value.empty() ? s.ns.value : parent;
        note(model::Kind::kService, ns);
        if (s.servers_transport.present && !s.servers_transport.value.empty() &&
            s.servers_transport.value.find('@') == std::string::npos) {
          note(model::Kind::kServersTransportTCP, parent);
        }
      }
    }
  }
  std::vector<std::string> out;
  for (const auto& [kind, namespaces] : skipped) {
    std::string list;
    for (const std::string& ns : namespaces) {
      list += (list.empty() ? "" : ", ") + ns;
    }
    out.push_back("references to " + std::string(PluralKind(kind)) + " in namespace(s) " + list +
                  " were not checked: the input holds no " + std::string(model::KindName(kind)) +
                  " there (--strict-references checks them anyway)");
  }
  return out;
}

}  // namespace irtcp::resolve

namespace irtcp::resolve {

ServiceLookup LookupService(const LintEnv& env, const model::IngressRouteTCP& irt,
                            const model::ServiceRef& ref) {
  ServiceLookup out;
  const std::string& parent = irt.object->namespace_;
  out.ns = ref.ns.present && !ref.ns.value.empty() ? ref.ns.value : parent;
  if (!env.provider().allow_cross_namespace && out.ns != parent) {
    out.outcome = ServiceLookup::Outcome::kRefused;
    return out;
  }
  out.service = env.catalog().FindService(out.ns, ref.name.value);
  if (out.service == nullptr) {
    out.outcome = env.ChecksReferences(model::Kind::kService, out.ns)
                      ? ServiceLookup::Outcome::kMissing
                      : ServiceLookup::Outcome::kUnchecked;
    return out;
  }
  if (out.service->EffectiveType() == "ExternalName" &&
      !env.provider().allow_external_name_services) {
    out.outcome = ServiceLookup::Outcome::kNotAllowed;
    return out;
  }
  out.outcome = ServiceLookup::Outcome::kFound;
  return out;
}

const model::ServicePort* FindServicePort(const model::Service& service,
                                          const model::IntOrString& port) {
  for (const model::ServicePort& p : service.ports) {
    if (port.is_string ? p.name.Or("") == port.str_value
                       : (p.port.present && p.port.value == port.int_value)) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace irtcp::resolve
