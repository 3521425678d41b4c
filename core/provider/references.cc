// What fails after the provider has built its configuration: Traefik resolves a router's
// middlewares, a terminating router's TLS options and a service's serversTransport by name at
// run time, and a name that nothing registered makes the router or the service fail. The
// engine checks each reference against what it built, with the partial-input rule of
// Engine::Checks.
#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"

namespace irtcp::provider {

namespace {

constexpr std::string_view kCrdSuffix = "@kubernetescrd";

/// For `name@kubernetescrd`, the part before the suffix; false for another provider's ref.
bool StripCrdSuffix(std::string* key) {
  std::size_t at = key->find('@');
  if (key->substr(at) != kCrdSuffix) {
    return false;
  }
  key->resize(at);
  return true;
}

}  // namespace

void Engine::CheckReferences() {
  for (const RouteResult& rr : result_.routes) {
    if (rr.status == RouteStatus::kEmitted || rr.status == RouteStatus::kTlsOptionError) {
      CheckMiddlewareRefs(rr);
    }
  }
  for (const IngressResult& ing : result_.ingresses) {
    if (!ing.processed) {
      continue;
    }
    CheckTlsOptionRef(*ing.irtcp);
    for (const model::Route& route : ing.irtcp->routes) {
      if (route.match.Or(std::string()).empty()) {
        continue;  // Traefik skips the route ("Empty match rule")
      }
      for (const model::ServiceRef& ref : route.services) {
        current_route_ = static_cast<int>(route.index);
        CheckTransportRef(*ing.irtcp, ref);
      }
    }
  }
}

void Engine::CheckMiddlewareRefs(const RouteResult& rr) {
  const model::Object& o = *rr.irtcp->object;
  for (const model::ObjectRef& m : rr.route->middlewares) {
    if (!m.name.present || m.name.value.empty()) {
      continue;
    }
    RefKey r = ResolveRef(o.namespace_, m.name.value, m.ns.Or(std::string()));
    if (!r.error.empty() || (r.cross_provider && !StripCrdSuffix(&r.key))) {
      continue;  // refused (reported), or another provider's middleware
    }
    if (result_.config.tcp.middlewares.count(r.key) != 0) {
      continue;
    }
    if (!http_middlewares_) {  // built once, on the first missing reference
      http_middlewares_.emplace();
      for (const model::Object* h : catalog_.input().OfKind(model::Kind::kMiddleware)) {
        (*http_middlewares_)[Normalize(MakeId(h->namespace_, h->name))] = h;
      }
    }
    auto http_it = http_middlewares_->find(r.key);
    const model::Object* http = http_it == http_middlewares_->end() ? nullptr : http_it->second;
    bool checked = r.cross_provider ? build_.complete_input || !catalog_.middleware_tcps().empty()
                                    : Checks(model::Kind::kMiddlewareTCP, r.ns);
    if (!checked && http == nullptr) {
      continue;
    }
    std::string where = r.cross_provider ? "\"" + r.key + "\"" : r.ns + "/" + m.name.value;
    Event& e = Emit(EventLevel::kError, EventCode::kMiddlewareMissing, "Router error",
                    "middleware \"" + r.key + "@kubernetescrd\" does not exist", &o, m.name.node,
                    m.path + "/name");
    e.route = static_cast<int>(rr.route->index);
    e.detail = "MiddlewareTCP " + where +
               " is not in the input; the router fails at runtime (middleware \"" + r.key +
               "@kubernetescrd\" does not exist)";
    if (http != nullptr) {
      e.help = "an HTTP Middleware " + http->namespace_ + "/" + http->name +
               " exists, but TCP routes can only use a MiddlewareTCP";
    }
  }
}

void Engine::CheckTlsOptionRef(const model::IngressRouteTCP& irtcp) {
  // Only a router that terminates TLS looks its options up; passthrough never does.
  if (!irtcp.tls.present || irtcp.tls.value.passthrough.Or(false) ||
      !irtcp.tls.value.options.present) {
    return;
  }
  const model::ObjectRef& ref = irtcp.tls.value.options.value;
  if (!ref.name.present || ref.name.value.empty()) {
    return;
  }
  const model::Object& o = *irtcp.object;
  RefKey r = ResolveRef(o.namespace_, ref.name.value, ref.ns.Or(std::string()));
  if (!r.error.empty()) {
    return;  // refused: reported with the route
  }
  if (r.cross_provider) {
    if (!StripCrdSuffix(&r.key)) {
      return;
    }
  } else if (!Checks(model::Kind::kTLSOption, r.ns)) {
    return;
  }
  const auto& registered = result_.config.tls.options;
  if (registered.has_value() && registered->count(r.key) != 0) {
    return;
  }
  const model::TLSOption* same_name = nullptr;
  for (const model::TLSOption& t : catalog_.tls_options()) {
    if (!t.object->legacy_group && t.object->namespace_ == r.ns &&
        t.object->name == ref.name.value) {
      same_name = &t;
    }
  }
  std::string detail = "tls.options resolves to \"" + r.key + "\"";
  std::string help;
  if (same_name != nullptr) {
    const model::Object& so = *same_name->object;
    detail += ", but TLSOption " + r.ns + "/" + ref.name.value + " is registered as \"" +
              (so.name == "default" ? std::string("default") : so.namespace_ + "-" + so.name) +
              "\"";
    help = ref.name.value == "default"
               ? "leave tls.options out to use the default TLSOption"
               : "rename the TLSOption to letters, digits and single dashes";
  } else {
    detail += ", and no TLSOption in the input is registered under that name";
  }
  detail += "; Traefik closes TLS connections on these routers (unknown TLS options)";
  Event& e = Emit(EventLevel::kError, EventCode::kTlsOptionMissing, "Router error",
                  "unknown TLS options: " + r.key + std::string(kCrdSuffix), &o, ref.name.node,
                  ref.path + "/name");
  e.detail = std::move(detail);
  e.help = std::move(help);
}

void Engine::CheckTransportRef(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref) {
  if (!ref.servers_transport.present || ref.servers_transport.value.empty() ||
      !options_.traefik_version.AtLeast(3, 0)) {
    return;  // v2 has no serversTransport field (IRT020 reports it)
  }
  const std::string& v = ref.servers_transport.value;
  const model::Object& o = *irtcp.object;
  const std::string& parent = o.namespace_;
  std::string key = v;
  const bool cross = v.find('@') != std::string::npos;
  if (cross) {
    if (!options_.allow_cross_namespace || !StripCrdSuffix(&key)) {
      return;  // refused (reported), or another provider's transport
    }
    if (!build_.complete_input && catalog_.servers_transport_tcps().empty()) {
      return;
    }
  } else {
    if (!Checks(model::Kind::kServersTransportTCP, parent)) {
      return;
    }
    key = Normalize(MakeId(parent, v));
  }
  if (result_.config.tcp.servers_transports.count(key) != 0) {
    return;
  }
  Event& e = Emit(EventLevel::kError, EventCode::kServersTransportMissing, "Service error",
                  "no transport configuration found for \"" + key + "\"", &o,
                  ref.servers_transport.node, ref.path + "/serversTransport");
  e.route = current_route_;
  e.service = static_cast<int>(ref.index);
  e.detail = "serversTransport \"" + v + "\" resolves to \"" + key +
             "\", and no ServersTransportTCP has that name; the service fails at runtime (\"no "
             "transport configuration found\")";
  if (!cross && v.rfind(parent + "-", 0) == 0) {
    e.help = "Traefik prefixes the namespace itself: write serversTransport: " +
             v.substr(parent.size() + 1);
    return;
  }
  for (const model::ServersTransportTCP& t : catalog_.servers_transport_tcps()) {
    if (t.object->name == v && t.object->namespace_ != parent) {
      e.help = "ServersTransportTCP ";
      e.help += t.object->namespace_;
      e.help += '/';
      e.help += v;
      e.help += " exists, but a plain name resolves in the IngressRouteTCP's namespace (";
      e.help += parent;
      e.help += ')';
      return;
    }
  }
}

}  // namespace irtcp::provider
