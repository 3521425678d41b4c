#include "core/provider/engine.h"

#include <algorithm>

#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"
#include "core/util/strings.h"

namespace irtcp::provider {

std::string_view EventLevelName(EventLevel level) {
  switch (level) {
    case EventLevel::kDebug:
      return "debug";
    case EventLevel::kInfo:
      return "info";
    case EventLevel::kWarn:
      return "warn";
    case EventLevel::kError:
      return "error";
  }
  return "error";
}

std::string_view ServerSourceName(ServerSource source) {
  switch (source) {
    case ServerSource::kNone:
      return "none";
    case ServerSource::kNodePort:
      return "nodePortLB";
    case ServerSource::kExternalName:
      return "ExternalName";
    case ServerSource::kNativeLB:
      return "nativeLB";
    case ServerSource::kEndpoints:
      return "EndpointSlices";
  }
  return "none";
}

std::string Event::Text() const { return error.empty() ? message : message + ": " + error; }

bool RouteResult::Dangling() const {
  if (status != RouteStatus::kEmitted) {
    return false;
  }
  return std::none_of(backends.begin(), backends.end(), [](const Backend& b) { return b.ok; });
}

namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
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

}  // namespace

Result Engine::Run() {
  if (!visibility_.selector_ok()) {
    result_.fatal_error = visibility_.selector_error();
    return std::move(result_);
  }
  for (model::Kind k : kSecretProducers) {
    for (const model::Object* o : catalog_.input().OfKind(k)) {
      produced_secrets_.insert(o->namespace_ + "/" + std::string(ProducedSecretName(*o)));
    }
  }
  LoadTlsStores();
  LoadHttpIngressRoutes();
  LoadIngressRouteTcps();
  LoadTlsOptions();
  LoadMiddlewares();
  LoadServersTransports();
  CheckReferences();
  return std::move(result_);
}

Event& Engine::Emit(EventLevel level, EventCode code, std::string message, std::string error,
                    const model::Object* object, yaml::NodeId node, std::string json_path) {
  Event e;
  e.level = level;
  e.code = code;
  e.message = std::move(message);
  e.error = std::move(error);
  e.object = object;
  e.node = node != yaml::kNoNode ? node : (object != nullptr ? object->node : yaml::kNoNode);
  e.json_path =
      node != yaml::kNoNode ? std::move(json_path) : (object != nullptr ? object->path_prefix : "");
  result_.events.push_back(std::move(e));
  return result_.events.back();
}

bool Engine::Checks(model::Kind kind, std::string_view ns) {
  const model::InputSet& input = catalog_.input();
  if (build_.complete_input || input.HasKindIn(kind, ns)) {
    return true;
  }
  if (kind == model::Kind::kSecret) {
    for (model::Kind k : kSecretProducers) {
      if (input.HasKindIn(k, ns)) {
        return true;
      }
    }
  }
  result_.unchecked[kind].emplace(ns);
  return false;
}

bool Engine::SecretProvided(std::string_view ns, std::string_view name) const {
  if (catalog_.FindSecret(ns, name) != nullptr) {
    return true;
  }
  std::string key;
  key.reserve(ns.size() + 1 + name.size());
  key.append(ns).append("/").append(name);
  return produced_secrets_.count(key) != 0;
}

const model::Secret* Engine::VisibleSecret(std::string_view ns, std::string_view name) const {
  if (!visibility_.NamespaceWatched(ns)) {
    return nullptr;
  }
  const model::Secret* s = catalog_.FindSecret(ns, name);
  if (s == nullptr) {
    return nullptr;
  }
  // The secret informer always filters with owner!=helm.
  const model::StringMap::Entry* owner = s->meta.labels.Find("owner");
  if (owner != nullptr && owner->value == "helm") {
    return nullptr;
  }
  return s;
}

bool Engine::CertificateFromSecret(std::string_view ns, std::string_view name, CertificatePair* out,
                                   std::string* err) const {
  std::string id = std::string(ns) + "/" + std::string(name);
  const model::Secret* s = VisibleSecret(ns, name);
  if (s == nullptr) {
    *err = "secret " + id + " does not exist";
    return false;
  }
  const model::Secret::Entry* crt = s->Find("tls.crt");
  const model::Secret::Entry* key = s->Find("tls.key");
  std::vector<std::string> missing;
  if (crt == nullptr) {
    missing.emplace_back("tls.crt");
  }
  if (key == nullptr) {
    missing.emplace_back("tls.key");
  }
  auto join = [&]() {
    std::string j;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      j += (i > 0 ? ", " : "") + missing[i];
    }
    return j;
  };
  if (!missing.empty()) {
    *err = "secret " + id + " is missing the following TLS data entries: " + join();
    return false;
  }
  if (crt->value.empty()) {
    missing.emplace_back("tls.crt");
  }
  if (key->value.empty()) {
    missing.emplace_back("tls.key");
  }
  if (!missing.empty()) {
    *err = "secret " + id + " contains the following empty TLS data entries: " + join();
    return false;
  }
  out->cert_file = SecretText{crt->value, std::string(ns), std::string(name), "tls.crt"};
  out->key_file = SecretText{key->value, std::string(ns), std::string(name), "tls.key"};
  return true;
}

// Section 7: middleware and TLS option references.
RefKey Engine::ResolveRef(std::string_view parent_ns, std::string_view name,
                          std::string_view ref_ns) const {
  RefKey r;
  if (name.find('@') != std::string_view::npos) {
    r.cross_provider = true;
    r.key = std::string(name);
    // Before resolveReference (versions.md §4.3) a provider-qualified ref is taken verbatim.
    if (!version::HasResolveReference(options_.traefik_version)) {
      return r;
    }
    if (!options_.allow_cross_namespace && util::EndsWith(name, "@kubernetescrd")) {
      r.error = "when allowCrossNamespace is disabled, @kubernetescrd references are disallowed";
    } else if (options_.cross_provider_namespaces.has_value() &&
               !Contains(*options_.cross_provider_namespaces, parent_ns)) {
      r.error = "namespace \"" + std::string(parent_ns) + "\" is not in crossProviderNamespaces";
      r.refusal = EventCode::kCrossProviderRef;
    }
    return r;
  }
  r.ns = std::string(ref_ns.empty() ? parent_ns : ref_ns);
  if (!options_.allow_cross_namespace && r.ns != parent_ns) {
    r.error = "allowCrossNamespace is disabled, cross-namespace are disallowed";
  }
  r.key = Normalize(r.ns + "-" + std::string(name));
  return r;
}

Result Build(const model::Catalog& catalog, const ProviderOptions& options,
             const BuildOptions& build) {
  Engine engine(catalog, options, build);
  return engine.Run();
}

}  // namespace irtcp::provider
