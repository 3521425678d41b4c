#include "core/provider/engine.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "core/provider/naming.h"

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

// -- Visibility -----------------------------------------------------------------------------------

Visibility::Visibility(const ProviderOptions& options) : options_(options) {
  LabelSelector::Parse(options.label_selector, &selector_, &selector_error_);
}

bool Visibility::NamespaceWatched(std::string_view ns) const {
  return options_.namespaces.empty() ||
         std::find(options_.namespaces.begin(), options_.namespaces.end(), ns) !=
             options_.namespaces.end();
}

bool Visibility::CrdVisible(const model::Object& object, const model::ObjectMeta& meta,
                            std::string* reason) const {
  if (object.legacy_group) {
    *reason = "apiVersion " + object.api_version +
              " belongs to the traefik.containo.us group, which Traefik v3 no longer watches";
    return false;
  }
  if (!NamespaceWatched(object.namespace_)) {
    *reason = "namespace \"" + object.namespace_ + "\" is not within the watched namespaces";
    return false;
  }
  if (!selector_.Matches(meta.labels)) {
    *reason =
        "its labels do not match the provider's labelSelector \"" + options_.label_selector + "\"";
    return false;
  }
  return true;
}

namespace {

std::string GoList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += ' ';
    }
    out += items[i];
  }
  out += ']';
  return out;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class Engine {
 public:
  Engine(const model::Catalog& catalog, const ProviderOptions& options)
      : catalog_(catalog), options_(options), visibility_(options) {}

  Result Run();

 private:
  // Events ---------------------------------------------------------------------------------------
  Event& Emit(EventLevel level, EventCode code, std::string message, std::string error,
              const model::Object* object, yaml::NodeId node, std::string json_path) {
    Event e;
    e.level = level;
    e.code = code;
    e.message = std::move(message);
    e.error = std::move(error);
    e.object = object;
    e.node = node != yaml::kNoNode ? node : (object != nullptr ? object->node : yaml::kNoNode);
    e.json_path = node != yaml::kNoNode ? std::move(json_path)
                                        : (object != nullptr ? object->path_prefix : "");
    result_.events.push_back(std::move(e));
    return result_.events.back();
  }

  // Lookups with visibility --------------------------------------------------------------------
  const model::Secret* VisibleSecret(std::string_view ns, std::string_view name) const {
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

  /// tls.crt/tls.key of a Secret (section 11.1); false with *err on failure.
  bool CertificateFromSecret(std::string_view ns, std::string_view name, CertificatePair* out,
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
  bool ResolveRef(std::string_view parent_ns, std::string_view name, std::string_view ref_ns,
                  std::string* out, std::string* err, const model::Object* object,
                  yaml::NodeId node, const std::string& path, int route) {
    if (name.find('@') != std::string_view::npos) {
      if (!options_.allow_cross_namespace && EndsWith(name, "@kubernetescrd")) {
        *err = "when allowCrossNamespace is disabled, @kubernetescrd references are disallowed";
        return false;
      }
      if (options_.cross_provider_namespaces.has_value() &&
          !Contains(*options_.cross_provider_namespaces, parent_ns)) {
        *err = "namespace \"" + std::string(parent_ns) + "\" is not in crossProviderNamespaces";
        return false;
      }
      if (!ref_ns.empty()) {
        Emit(EventLevel::kWarn, EventCode::kCrossProviderNamespace,
             "Namespace \"" + std::string(ref_ns) + "\" is ignored in cross-provider context", "",
             object, node, path)
            .route = route;
      }
      *out = std::string(name);
      return true;
    }
    std::string_view ns = ref_ns.empty() ? parent_ns : ref_ns;
    if (!options_.allow_cross_namespace && ns != parent_ns) {
      *err = "allowCrossNamespace is disabled, cross-namespace are disallowed";
      return false;
    }
    *out = Normalize(std::string(ns) + "-" + std::string(name));
    return true;
  }

  void LoadTlsStores();
  void LoadHttpIngressRoutes();
  void LoadIngressRouteTcps();
  void ProcessIngress(const model::IngressRouteTCP& irtcp);
  void ProcessRoute(const model::IngressRouteTCP& irtcp, const model::Route& route,
                    const std::string& ingress_name);
  bool BuildLoadBalancer(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref,
                         Backend* backend);
  /// `owner` is the IngressRouteTCP holding `ref` (where findings about the reference go).
  bool LoadServers(const model::Object& owner, const model::ServiceRef& ref, Backend* backend,
                   std::vector<Server>* servers, std::string* err);
  void LoadTlsOptions();
  void LoadMiddlewares();
  void LoadServersTransports();
  void AddRouteCertificate(const model::Object& object, const model::RouteTls& tls,
                           std::string_view ns);
  bool IngressClassMatches(const model::Field<std::string>& class_name,
                           const model::Field<std::string>& annotation, const model::Object& o,
                           std::string* effective);

  const model::Catalog& catalog_;
  const ProviderOptions& options_;
  Visibility visibility_;
  Result result_;
  /// Router name -> (IRTCP, route index) that wrote it last.
  std::unordered_map<std::string, std::pair<const model::IngressRouteTCP*, std::uint32_t>>
      router_owner_;
};

Result Engine::Run() {
  if (!visibility_.selector_ok()) {
    result_.fatal_error = visibility_.selector_error();
    return std::move(result_);
  }
  LoadTlsStores();
  LoadHttpIngressRoutes();
  LoadIngressRouteTcps();
  LoadTlsOptions();
  LoadMiddlewares();
  LoadServersTransports();
  return std::move(result_);
}

// Section 4.
bool Engine::IngressClassMatches(const model::Field<std::string>& class_name,
                                 const model::Field<std::string>& annotation,
                                 const model::Object& o, std::string* effective) {
  std::string cls;
  if (class_name.present) {
    cls = class_name.value;
  } else if (annotation.present && !annotation.value.empty()) {
    cls = annotation.value;
    Emit(EventLevel::kWarn, EventCode::kDeprecatedClassAnnotation,
         "'kubernetes.io/ingress.class' is a deprecated annotation, please use "
         "spec.ingressClassName instead.",
         "", &o, annotation.node,
         o.path_prefix + "/metadata/annotations/kubernetes.io~1ingress.class");
  }
  *effective = cls;
  return options_.ingress_class == cls || (options_.ingress_class.empty() && cls == "traefik");
}

// Section 11.3.
void Engine::LoadTlsStores() {
  std::vector<std::string> default_namespaces;
  bool any = false;
  std::map<std::string, TlsStore> stores;
  for (const model::TLSStore& store : catalog_.tls_stores()) {
    const model::Object& o = *store.object;
    std::string reason;
    if (!visibility_.CrdVisible(o, store.meta, &reason)) {
      Emit(EventLevel::kDebug, EventCode::kNotVisible, "TLSStore not visible to Traefik", reason,
           &o, yaml::kNoNode, "");
      continue;
    }
    any = true;
    std::string id = MakeId(o.namespace_, o.name);
    if (o.name == "default") {
      id = "default";
      default_namespaces.push_back(o.namespace_);
    }
    TlsStore out;
    if (store.default_certificate_present) {
      CertificatePair pair;
      std::string err;
      const std::string& secret = store.default_certificate_secret.Or(std::string());
      if (!CertificateFromSecret(o.namespace_, secret, &pair, &err)) {
        std::string message = err;
        if (err.find("does not exist") != std::string::npos) {
          message = "Secret " + o.namespace_ + "/" + secret + " does not exist";
          err.clear();
        } else {
          message = "Could not get certificate blocks";
        }
        Emit(EventLevel::kError, EventCode::kTlsStoreDefaultCertificate, message, err, &o,
             store.default_certificate_secret.node,
             o.path_prefix + "/spec/defaultCertificate/secretName");
        continue;  // the whole store is skipped
      }
      out.default_certificate = std::move(pair);
    }
    if (store.default_generated_cert.present) {
      const model::GeneratedCertSpec& g = store.default_generated_cert.value;
      GeneratedCert gc;
      gc.resolver = g.resolver.Or(std::string());
      if (g.domain.present) {
        gc.domain = Domain{g.domain.value.main, g.domain.value.sans};
      }
      out.default_generated_cert = std::move(gc);
    }
    for (std::size_t i = 0; i < store.certificates.size(); ++i) {
      const model::Field<std::string>& secret = store.certificates[i];
      CertificatePair pair;
      std::string err;
      if (!CertificateFromSecret(o.namespace_, secret.value, &pair, &err)) {
        Emit(EventLevel::kError, EventCode::kTlsStoreCertificate,
             "Unable to read certificate secret " + o.namespace_ + "/" + secret.value +
                 ", skipping (will retry on next configuration refresh)",
             err, &o, secret.node,
             o.path_prefix + "/spec/certificates/" + std::to_string(i) + "/secretName");
        continue;
      }
      std::string key = o.namespace_ + "/" + secret.value;
      if (result_.config.tls.certificates.count(key) == 0) {
        result_.config.tls.certificates.emplace(key, Certificate{std::move(pair), {id}});
      }
    }
    stores[id] = std::move(out);
  }
  if (default_namespaces.size() > 1) {
    stores.erase("default");
    Emit(EventLevel::kError, EventCode::kDefaultTlsStoreConflict,
         "Default TLS Stores defined in multiple namespaces: " + GoList(default_namespaces), "",
         nullptr, yaml::kNoNode, "");
  }
  if (any) {
    result_.config.tls.stores = std::move(stores);
  }
}

void Engine::AddRouteCertificate(const model::Object& object, const model::RouteTls& tls,
                                 std::string_view ns) {
  if (tls.passthrough.Or(false)) {
    return;
  }
  const std::string& secret = tls.secret_name.Or(std::string());
  if (secret.empty()) {
    Emit(EventLevel::kDebug, EventCode::kNoSecretName, "No secret name provided", "", &object,
         yaml::kNoNode, "");
    return;
  }
  std::string key = std::string(ns) + "/" + secret;
  if (result_.config.tls.certificates.count(key) != 0) {
    return;
  }
  CertificatePair pair;
  std::string err;
  if (!CertificateFromSecret(ns, secret, &pair, &err)) {
    Emit(EventLevel::kError, EventCode::kTlsCertificate, "Error configuring TLS", err, &object,
         tls.secret_name.node, object.path_prefix + "/spec/tls/secretName");
    return;
  }
  result_.config.tls.certificates.emplace(key, Certificate{std::move(pair), {}});
}

void Engine::LoadHttpIngressRoutes() {
  for (const model::IngressRouteHttp& ir : catalog_.ingress_routes()) {
    const model::Object& o = *ir.object;
    std::string reason;
    if (!visibility_.CrdVisible(o, ir.meta, &reason)) {
      continue;
    }
    std::string cls;
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
      AddRouteCertificate(o, ir.tls.value, o.namespace_);
    }
  }
}

void Engine::LoadIngressRouteTcps() {
  result_.ingresses.reserve(catalog_.ingress_route_tcps().size());
  for (const model::IngressRouteTCP& irtcp : catalog_.ingress_route_tcps()) {
    const model::Object& o = *irtcp.object;
    IngressResult ing;
    ing.irtcp = &irtcp;
    std::string reason;
    ing.visible = visibility_.CrdVisible(o, irtcp.meta, &reason);
    if (!ing.visible) {
      ing.skip_reason = reason;
      Emit(EventLevel::kDebug, EventCode::kNotVisible, "IngressRouteTCP not visible to Traefik",
           reason, &o, yaml::kNoNode, "");
      result_.ingresses.push_back(std::move(ing));
      continue;
    }
    ing.processed = IngressClassMatches(irtcp.ingress_class_name, irtcp.ingress_class_annotation, o,
                                        &ing.effective_class);
    if (!ing.processed) {
      ing.skip_reason = "ingress class \"" + ing.effective_class +
                        "\" does not match the provider's ingressClass \"" +
                        options_.ingress_class + "\"";
      yaml::NodeId node = irtcp.ingress_class_name.present ? irtcp.ingress_class_name.node
                                                           : irtcp.ingress_class_annotation.node;
      Emit(EventLevel::kDebug, EventCode::kIngressClassSkipped,
           "IngressRouteTCP skipped by ingress class", ing.skip_reason, &o, node,
           irtcp.ingress_class_name.present ? o.path_prefix + "/spec/ingressClassName"
                                            : o.path_prefix + "/metadata/annotations");
      result_.ingresses.push_back(std::move(ing));
      continue;
    }
    result_.ingresses.push_back(std::move(ing));
    ProcessIngress(irtcp);
  }
}

void Engine::ProcessIngress(const model::IngressRouteTCP& irtcp) {
  const model::Object& o = *irtcp.object;
  if (irtcp.tls.present) {
    AddRouteCertificate(o, irtcp.tls.value, o.namespace_);
  }
  std::string ingress_name = irtcp.IngressName();
  for (const model::Route& route : irtcp.routes) {
    ProcessRoute(irtcp, route, ingress_name);
  }
}

void Engine::ProcessRoute(const model::IngressRouteTCP& irtcp, const model::Route& route,
                          const std::string& ingress_name) {
  const model::Object& o = *irtcp.object;
  const std::string& ns = o.namespace_;
  const int route_index = static_cast<int>(route.index);
  RouteResult rr;
  rr.irtcp = &irtcp;
  rr.route = &route;
  const std::string& match = route.match.Or(std::string());
  if (match.empty()) {
    rr.status = RouteStatus::kEmptyMatch;
    rr.error = "Empty match rule";
    Emit(EventLevel::kError, EventCode::kEmptyMatch, "Empty match rule", "", &o,
         route.match.node != yaml::kNoNode ? route.match.node : route.node,
         route.match.node != yaml::kNoNode ? route.path + "/match" : route.path)
        .route = route_index;
    result_.routes.push_back(std::move(rr));
    return;
  }
  std::string key = RouteKey(ingress_name, match);
  rr.name = MakeId(ns, key);
  const std::string& name = rr.name;

  // Middlewares (section 7): any failure skips the whole route.
  for (const model::ObjectRef& m : route.middlewares) {
    std::string resolved;
    std::string err;
    const std::string& mname = m.name.Or(std::string());
    if (!ResolveRef(ns, mname, m.ns.Or(std::string()), &resolved, &err, &o, m.node, m.path,
                    route_index)) {
      rr.status = RouteStatus::kMiddlewareError;
      rr.error = "invalid reference to middleware " + mname + ": " + err;
      Emit(EventLevel::kError, EventCode::kMiddlewareRef, "Failed to create middleware keys",
           rr.error, &o, m.node, m.path)
          .route = route_index;
      result_.routes.push_back(std::move(rr));
      return;
    }
    rr.router.middlewares.push_back(std::move(resolved));
  }

  // Services (section 8).
  Tcp& tcp = result_.config.tcp;
  const std::size_t ref_count = route.services.size();
  for (const model::ServiceRef& ref : route.services) {
    Backend b;
    b.ref = &ref;
    bool ok = BuildLoadBalancer(irtcp, ref, &b);
    if (!ok) {
      Event& e = Emit(EventLevel::kError, EventCode::kServiceFailed, "Cannot create service",
                      b.error, &o, ref.node, ref.path);
      e.route = route_index;
      e.service = static_cast<int>(ref.index);
      b.service_key = ref_count == 1 ? name
                                     : name + "-" + ref.name.Or(std::string()) + "-" +
                                           (ref.port.present ? ref.port.value.ToString() : "0");
      rr.backends.push_back(std::move(b));
      continue;
    }
    b.ok = true;
    if (ref_count == 1) {
      b.service_key = name;
      Service svc;
      svc.load_balancer = b.load_balancer;
      tcp.services[name] = std::move(svc);
    } else {
      b.service_key = name + "-" + ref.name.Or(std::string()) + "-" + ref.port.value.ToString();
      b.weight = ref.weight.present ? ref.weight.value : 1;
      Service child;
      child.load_balancer = b.load_balancer;
      tcp.services[b.service_key] = std::move(child);
      auto it = tcp.services.find(name);
      if (it == tcp.services.end()) {
        Service parent;
        parent.weighted = Weighted{};
        it = tcp.services.emplace(name, std::move(parent)).first;
      }
      if (!it->second.weighted.has_value()) {
        Event& e = Emit(EventLevel::kError, EventCode::kProviderPanic,
                        "Traefik's provider panics on this input and loses the whole "
                        "configuration refresh",
                        "route " + std::to_string(route.index) +
                            " has several services and "
                            "reuses the match of an earlier route with a single service "
                            "(same router name " +
                            name + ")",
                        &o, route.match.node, route.path + "/match");
        e.route = route_index;
        it->second.weighted = Weighted{};
      }
      it->second.weighted->services.push_back(WeightedRef{b.service_key, b.weight});
    }
    rr.backends.push_back(std::move(b));
  }

  // Router (section 9).
  Router& router = rr.router;
  router.entry_points = irtcp.entry_points.Or({});
  router.service = name;
  router.rule = match;
  router.rule_syntax = route.syntax.Or(std::string());
  router.priority = route.priority.Or(0);
  if (irtcp.tls.present) {
    const model::RouteTls& t = irtcp.tls.value;
    RouterTls tls;
    tls.passthrough = t.passthrough.Or(false);
    tls.cert_resolver = t.cert_resolver.Or(std::string());
    for (const model::TlsDomain& d : t.domains) {
      tls.domains.push_back(Domain{d.main, d.sans});
    }
    if (t.options.present && !t.options.value.name.Or(std::string()).empty()) {
      const model::ObjectRef& ref = t.options.value;
      std::string resolved;
      std::string err;
      if (!ResolveRef(ns, ref.name.value, ref.ns.Or(std::string()), &resolved, &err, &o, ref.node,
                      ref.path, route_index)) {
        rr.status = RouteStatus::kTlsOptionError;
        rr.error = err;
        router.tls = std::move(tls);
        Emit(EventLevel::kError, EventCode::kTlsOptionRef,
             "Invalid reference to TLSOption \"" + ref.name.value + "\"", err, &o, ref.node,
             ref.path)
            .route = route_index;
        result_.routes.push_back(std::move(rr));
        return;
      }
      tls.options = std::move(resolved);
    }
    router.tls = std::move(tls);
  }
  auto owner = router_owner_.find(name);
  if (owner != router_owner_.end()) {
    const model::IngressRouteTCP* prev = owner->second.first;
    std::string where =
        prev == &irtcp
            ? "route " + std::to_string(owner->second.second) + " of the same IngressRouteTCP"
            : "IngressRouteTCP " + prev->object->namespace_ + "/" + prev->object->name + " route " +
                  std::to_string(owner->second.second);
    Emit(EventLevel::kWarn, EventCode::kRouterCollision,
         "Router " + name + " is written twice; the later one replaces " + where, "", &o,
         route.match.node, route.path + "/match")
        .route = route_index;
  }
  router_owner_[name] = {&irtcp, route.index};
  tcp.routers[name] = router;
  result_.routes.push_back(std::move(rr));
}

// Section 10.
bool Engine::BuildLoadBalancer(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref,
                               Backend* b) {
  const std::string& parent_ns = irtcp.object->namespace_;
  const std::string& ref_ns = ref.ns.Or(std::string());
  const std::string& sname = ref.name.Or(std::string());
  b->ns = ref_ns.empty() ? parent_ns : ref_ns;
  if (!ref_ns.empty() && !options_.allow_cross_namespace && ref_ns != parent_ns) {
    b->error = "tcp service " + ref_ns + "/" + sname + " is not in the parent resource namespace " +
               parent_ns;
    return false;
  }
  std::vector<Server> servers;
  if (!LoadServers(*irtcp.object, ref, b, &servers, &b->error)) {
    return false;
  }
  LoadBalancer lb;
  lb.servers = std::move(servers);
  if (ref.proxy_protocol.present) {
    std::int64_t v = ref.proxy_protocol.value.version.Or(0);
    lb.proxy_protocol = ProxyProtocol{v != 0 ? v : 2};
  }
  const std::string& st = ref.servers_transport.Or(std::string());
  if (st.empty() && ref.termination_delay.present) {
    lb.termination_delay = ref.termination_delay.value;
  }
  if (!st.empty()) {
    if (st.find('@') != std::string::npos) {
      if (!options_.allow_cross_namespace && EndsWith(st, "@kubernetescrd")) {
        b->error = "invalid reference to serversTransport " + st +
                   ": namespace-name@kubernetescrd format is not allowed when crossnamespace is "
                   "disallowed";
        return false;
      }
      if (options_.cross_provider_namespaces.has_value() &&
          !Contains(*options_.cross_provider_namespaces, parent_ns)) {
        b->error = "serversTransport \"" + st + "\" reference is not allowed: namespace \"" +
                   parent_ns + "\" is not in crossProviderNamespaces";
        return false;
      }
      lb.servers_transport = st;
    } else {
      lb.servers_transport = Normalize(MakeId(parent_ns, st));
    }
  }
  b->load_balancer = std::move(lb);
  return true;
}

bool Engine::LoadServers(const model::Object& owner, const model::ServiceRef& ref, Backend* b,
                         std::vector<Server>* servers, std::string* err) {
  const std::string& sname = ref.name.Or(std::string());
  const std::string& ns = b->ns;
  std::string id = ns + "/" + sname;
  if (!visibility_.NamespaceWatched(ns)) {
    *err = "failed to get service " + id + ": namespace is not within watched namespaces";
    return false;
  }
  const model::Service* svc = catalog_.FindService(ns, sname);
  if (svc == nullptr) {
    *err = "service not found";
    return false;
  }
  b->service = svc;
  std::string_view type = svc->EffectiveType();
  bool external = type == "ExternalName";
  if (external && !options_.allow_external_name_services) {
    *err = "externalName services not allowed: " + id;
    return false;
  }
  if (!ref.port.present || ref.port.value.IsZero()) {
    *err = "ingressRoute service port not defined";
    return false;
  }
  const model::IntOrString& port = ref.port.value;
  const model::ServicePort* matched = nullptr;
  for (const model::ServicePort& p : svc->ports) {
    if (port.is_string ? (p.name.Or(std::string()) == port.str_value)
                       : (p.port.present && p.port.value == port.int_value)) {
      matched = &p;
      break;
    }
  }
  std::int64_t port_number = 0;
  std::int64_t node_port = 0;
  std::string port_name;
  if (matched != nullptr) {
    b->port = matched;
    port_number = matched->port.Or(0);
    node_port = matched->node_port.Or(0);
    port_name = matched->name.Or(std::string());
  } else if (external && !port.is_string) {
    port_number = port.int_value;
    bool declares = std::any_of(svc->ports.begin(), svc->ports.end(),
                                [](const model::ServicePort& p) { return p.port.Or(0) != 0; });
    if (declares) {
      Emit(EventLevel::kWarn, EventCode::kExternalNamePortMismatch,
           "The port " + std::to_string(port.int_value) +
               " from IngressRoute doesn't match with ports defined in the ExternalName service " +
               id + ".",
           "", &owner, ref.port.node, ref.path + "/port");
    }
  } else {
    *err = "service port not found: " + port.ToString();
    return false;
  }
  b->port_number = port_number;
  const bool tls = ref.tls.Or(false);
  auto add = [&](std::string address) { servers->push_back(Server{std::move(address), tls}); };

  // A. nodePortLB.
  if (type == "NodePort" && ref.node_port_lb.Or(false)) {
    b->source = ServerSource::kNodePort;
    const std::string refid = ref.ns.Or(std::string()) + "/" + sname;
    if (options_.disable_cluster_scope_resources) {
      *err = "nodes lookup is disabled";
      return false;
    }
    if (catalog_.nodes().empty()) {
      *err = "nodes not found for NodePort service " + refid;
      return false;
    }
    for (const model::Node& node : catalog_.nodes()) {
      for (const model::NodeAddress& a : node.addresses) {
        if (a.type == "InternalIP") {
          add(HostPort(a.address, node_port));
        }
      }
    }
    if (servers->empty()) {
      *err = "no servers were generated for service " + refid;
      return false;
    }
    return true;
  }
  // B. ExternalName.
  if (external) {
    b->source = ServerSource::kExternalName;
    add(HostPort(svc->external_name.Or(std::string()), port_number));
    return true;
  }
  // C. nativeLB.
  if (ref.native_lb.present ? ref.native_lb.value : options_.native_lb_by_default) {
    b->source = ServerSource::kNativeLB;
    const std::string& ip = svc->cluster_ip.Or(std::string());
    if (ip == "None") {
      *err = "getting native Kubernetes Service address: no clusterIP on headless service: " + id;
      return false;
    }
    if (ip.empty()) {
      *err = "getting native Kubernetes Service address: no clusterIP found for service: " + id;
      return false;
    }
    add(HostPort(ip, port_number));
    return true;
  }
  // D. EndpointSlices.
  b->source = ServerSource::kEndpoints;
  std::vector<const model::EndpointSlice*> slices = catalog_.SlicesFor(ns, sname);
  std::stable_sort(slices.begin(), slices.end(),
                   [](const model::EndpointSlice* x, const model::EndpointSlice* y) {
                     const std::string& tx = x->meta.creation_timestamp.Or(std::string());
                     const std::string& ty = y->meta.creation_timestamp.Or(std::string());
                     if (tx != ty) {
                       return tx < ty;
                     }
                     return x->object->name < y->object->name;
                   });
  b->slices = slices;
  std::unordered_set<std::string_view> seen;
  for (const model::EndpointSlice* es : slices) {
    std::int64_t slice_port = 0;
    for (const model::EndpointPort& p : es->ports) {
      if (p.name.present && p.name.value == port_name) {
        slice_port = p.port.Or(0);
        break;
      }
    }
    if (slice_port == 0) {
      continue;
    }
    if (b->slice_port == 0) {
      b->slice_port = slice_port;
    }
    for (const model::Endpoint& ep : es->endpoints) {
      if (!ep.ready.present || !ep.ready.value) {
        continue;
      }
      for (const model::Field<std::string>& addr : ep.addresses) {
        if (!seen.insert(addr.value).second) {
          continue;
        }
        add(HostPort(addr.value, slice_port));
      }
    }
  }
  if (servers->empty() && !options_.allow_empty_services) {
    *err = "no servers found for " + id;
    return false;
  }
  return true;
}

// Section 11.2.
void Engine::LoadTlsOptions() {
  static const std::vector<std::string> kDefaultCiphers = {
      "TLS_AES_128_GCM_SHA256",
      "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  };
  static const std::vector<std::string> kDefaultAlpn = {"h2", "http/1.1", "acme-tls/1"};
  std::map<std::string, TlsOptions> options;
  std::vector<std::string> default_namespaces;
  bool any = false;
  for (const model::TLSOption& opt : catalog_.tls_options()) {
    const model::Object& o = *opt.object;
    std::string reason;
    if (!visibility_.CrdVisible(o, opt.meta, &reason)) {
      Emit(EventLevel::kDebug, EventCode::kNotVisible, "TLSOption not visible to Traefik", reason,
           &o, yaml::kNoNode, "");
      continue;
    }
    any = true;
    TlsOptions out;
    out.min_version = opt.min_version.Or(std::string());
    out.max_version = opt.max_version.Or(std::string());
    out.cipher_suites = opt.cipher_suites.present ? opt.cipher_suites.value : kDefaultCiphers;
    out.curve_preferences = opt.curve_preferences.Or({});
    if (opt.client_auth.present) {
      const model::ClientAuthSpec& ca = opt.client_auth.value;
      const std::vector<std::string>& names = ca.secret_names.Or({});
      for (std::size_t i = 0; i < names.size(); ++i) {
        std::string path = o.path_prefix + "/spec/clientAuth/secretNames/" + std::to_string(i);
        yaml::NodeId node = o.doc->ItemAt(ca.secret_names.node, static_cast<std::uint32_t>(i));
        std::string id = o.namespace_ + "/" + names[i];
        const model::Secret* s = VisibleSecret(o.namespace_, names[i]);
        if (s == nullptr) {
          Emit(EventLevel::kWarn, EventCode::kTlsOptionCa, "Secret " + id + " does not exist", "",
               &o, node, path);
          continue;
        }
        const model::Secret::Entry* e = s->Find("tls.ca");
        std::string key = "tls.ca";
        if (e == nullptr) {
          e = s->Find("ca.crt");
          key = "ca.crt";
        }
        if (e == nullptr) {
          Emit(EventLevel::kError, EventCode::kTlsOptionCa,
               "Failed to extract CA from secret " + id,
               "secret " + id + " contains neither tls.ca nor ca.crt", &o, node, path);
          continue;
        }
        out.client_auth.ca_files.push_back(SecretText{e->value, o.namespace_, names[i], key});
      }
      out.client_auth.client_auth_type = ca.client_auth_type.Or(std::string());
    }
    out.sni_strict = opt.sni_strict.Or(false);
    out.alpn_protocols = opt.alpn_protocols.present ? opt.alpn_protocols.value : kDefaultAlpn;
    out.disable_session_tickets = opt.disable_session_tickets.Or(false);
    std::string id = MakeId(o.namespace_, o.name);
    if (o.name == "default") {
      id = "default";
      default_namespaces.push_back(o.namespace_);
    }
    options[id] = std::move(out);
  }
  if (default_namespaces.size() > 1) {
    options.erase("default");
    Emit(EventLevel::kError, EventCode::kDefaultTlsOptionConflict,
         "Default TLS Options defined in multiple namespaces: " + GoList(default_namespaces), "",
         nullptr, yaml::kNoNode, "");
  }
  if (any) {
    result_.config.tls.options = std::move(options);
  }
}

// Section 12.
void Engine::LoadMiddlewares() {
  for (const model::MiddlewareTCP& m : catalog_.middleware_tcps()) {
    const model::Object& o = *m.object;
    std::string reason;
    if (!visibility_.CrdVisible(o, m.meta, &reason)) {
      Emit(EventLevel::kDebug, EventCode::kNotVisible, "MiddlewareTCP not visible to Traefik",
           reason, &o, yaml::kNoNode, "");
      continue;
    }
    Middleware out;
    if (m.in_flight_conn.present) {
      out.in_flight_conn = InFlightConn{m.in_flight_conn.value.amount.Or(0)};
    }
    if (m.ip_allow_list.present) {
      out.ip_allow_list = SourceRange{m.ip_allow_list.value.source_range.Or({})};
    }
    if (m.ip_white_list.present) {
      out.ip_white_list = SourceRange{m.ip_white_list.value.source_range.Or({})};
    }
    result_.config.tcp.middlewares[Normalize(MakeId(o.namespace_, o.name))] = std::move(out);
  }
}

// Section 13.
void Engine::LoadServersTransports() {
  for (const model::ServersTransportTCP& st : catalog_.servers_transport_tcps()) {
    const model::Object& o = *st.object;
    std::string reason;
    if (!visibility_.CrdVisible(o, st.meta, &reason)) {
      Emit(EventLevel::kDebug, EventCode::kNotVisible, "ServersTransportTCP not visible to Traefik",
           reason, &o, yaml::kNoNode, "");
      continue;
    }
    const std::string& ns = o.namespace_;
    ServersTransport out;
    auto duration = [&](const model::Field<model::IntOrString>& f, std::int64_t def,
                        std::string_view field_name, std::string_view key) -> std::int64_t {
      if (!f.present) {
        return def;
      }
      constexpr std::int64_t kSecond = 1'000'000'000;
      if (!f.value.is_string) {
        return f.value.int_value * kSecond;
      }
      const std::string& s = f.value.str_value;
      if (!s.empty() &&
          std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc() && ptr == s.data() + s.size() && v <= INT64_MAX / kSecond) {
          return v * kSecond;
        }
      } else if (auto d = ParseGoDuration(s)) {
        return *d;
      }
      Emit(EventLevel::kError, EventCode::kTransportDuration,
           "Error while reading " + std::string(field_name), "invalid duration \"" + s + "\"", &o,
           f.node, o.path_prefix + "/spec/" + std::string(key));
      return 0;
    };
    out.dial_timeout_ns = duration(st.dial_timeout, 30'000'000'000, "DialTimeout", "dialTimeout");
    out.dial_keep_alive_ns =
        duration(st.dial_keep_alive, 15'000'000'000, "DialKeepAlive", "dialKeepAlive");
    out.termination_delay_ns =
        duration(st.termination_delay, 100'000'000, "TerminationDelay", "terminationDelay");
    if (st.proxy_protocol.present) {
      out.proxy_protocol = ProxyProtocol{st.proxy_protocol.value.version.Or(0)};
    }
    if (st.tls.present) {
      const model::TransportTlsSpec& t = st.tls.value;
      TransportTls tls;
      tls.server_name = t.server_name.Or(std::string());
      tls.insecure_skip_verify = t.insecure_skip_verify.Or(false);
      tls.peer_cert_uri = t.peer_cert_uri.Or(std::string());
      if (t.spiffe.present) {
        tls.spiffe =
            Spiffe{t.spiffe.value.ids.Or({}), t.spiffe.value.trust_domain.Or(std::string())};
      }
      auto ca_secret = [&](const std::string& name, SecretText* out_text, std::string* err) {
        std::string id = ns + "/" + name;
        const model::Secret* s = VisibleSecret(ns, name);
        if (s == nullptr) {
          *err = "secret '" + id + "' not found";
          return false;
        }
        const model::Secret::Entry* e = s->Find("tls.ca");
        std::string key = "tls.ca";
        if (e == nullptr) {
          e = s->Find("ca.crt");
          key = "ca.crt";
        }
        if (e == nullptr && s->data.size() == 1) {
          e = &s->data.begin()->second;
          key = s->data.begin()->first;
        }
        if (e == nullptr) {
          *err = "secret '" + id + "' has no CA block: neither tls.ca nor ca.crt";
          return false;
        }
        *out_text = SecretText{e->value, ns, name, key};
        return true;
      };
      const std::vector<std::string>& legacy = t.root_cas_secrets.Or({});
      if (!legacy.empty()) {
        Emit(EventLevel::kWarn, EventCode::kRootCasSecretsDeprecated,
             "RootCAsSecrets option is deprecated, please use the RootCA option instead.", "", &o,
             t.root_cas_secrets.node, o.path_prefix + "/spec/tls/rootCAsSecrets");
      }
      for (std::size_t i = 0; i < legacy.size(); ++i) {
        SecretText text;
        std::string err;
        if (!ca_secret(legacy[i], &text, &err)) {
          Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA Secret", err,
               &o, o.doc->ItemAt(t.root_cas_secrets.node, static_cast<std::uint32_t>(i)),
               o.path_prefix + "/spec/tls/rootCAsSecrets/" + std::to_string(i));
          continue;
        }
        tls.root_cas.push_back(std::move(text));
      }
      for (std::size_t i = 0; i < t.root_cas.size(); ++i) {
        const model::RootCaSpec& ca = t.root_cas[i];
        std::string path = o.path_prefix + "/spec/tls/rootCAs/" + std::to_string(i);
        bool has_secret = !ca.secret.Or(std::string()).empty();
        bool has_cm = !ca.config_map.Or(std::string()).empty();
        if (has_secret && has_cm) {
          Emit(EventLevel::kError, EventCode::kTransportCa,
               "Error while loading CA: both Secret and ConfigMap are defined", "", &o, ca.node,
               path);
          continue;
        }
        if (has_secret) {
          SecretText text;
          std::string err;
          if (!ca_secret(ca.secret.value, &text, &err)) {
            Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA Secret", err,
                 &o, ca.secret.node, path + "/secret");
            continue;
          }
          tls.root_cas.push_back(std::move(text));
        } else if (has_cm) {
          const std::string& name = ca.config_map.value;
          std::string id = ns + "/" + name;
          const model::ConfigMap* cm =
              visibility_.NamespaceWatched(ns) ? catalog_.FindConfigMap(ns, name) : nullptr;
          const model::StringMap::Entry* e = nullptr;
          if (cm != nullptr) {
            e = cm->data.Find("tls.ca");
            if (e == nullptr) {
              e = cm->data.Find("ca.crt");
            }
          }
          if (e == nullptr) {
            Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA ConfigMap",
                 cm == nullptr
                     ? "configmap '" + id + "' not found"
                     : "configmap '" + id + "' has no CA block: neither tls.ca nor ca.crt",
                 &o, ca.config_map.node, path + "/configMap");
            continue;
          }
          tls.root_cas.push_back(SecretText{e->value, "", "", ""});
        }
      }
      const std::vector<std::string>& certs = t.certificates_secrets.Or({});
      for (std::size_t i = 0; i < certs.size(); ++i) {
        CertificatePair pair;
        std::string err;
        if (!CertificateFromSecret(ns, certs[i], &pair, &err)) {
          Emit(EventLevel::kError, EventCode::kTransportCertificate,
               "Error while loading certificates", err, &o,
               o.doc->ItemAt(t.certificates_secrets.node, static_cast<std::uint32_t>(i)),
               o.path_prefix + "/spec/tls/certificatesSecrets/" + std::to_string(i));
          continue;
        }
        tls.certificates.push_back(std::move(pair));
      }
      out.tls = std::move(tls);
    }
    result_.config.tcp.servers_transports[Normalize(MakeId(ns, o.name))] = std::move(out);
  }
}

}  // namespace

Result Build(const model::Catalog& catalog, const ProviderOptions& options) {
  Engine engine(catalog, options);
  return engine.Run();
}

}  // namespace irtcp::provider
