#include "core/resolve/route_plan_details.h"

#include <algorithm>
#include <string_view>

#include "core/provider/middleware_build.h"

namespace irtcp::resolve::detail {

namespace {

constexpr std::string_view kCrdSuffix = "@kubernetescrd";

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i > 0 ? std::string(sep) : std::string()) + parts[i];
  }
  return out;
}

/// The certificate Traefik serves when the route names no usable Secret: the default TLSStore's
/// (provider.md §11.3), else its own generated one.
std::string DefaultCertificate(const provider::Result& result) {
  if (result.config.tls.stores) {
    auto it = result.config.tls.stores->find("default");
    if (it != result.config.tls.stores->end()) {
      if (it->second.default_certificate) {
        const provider::SecretText& c = it->second.default_certificate->cert_file;
        return "the default TLSStore's certificate (secret " + c.secret_namespace + "/" +
               c.secret_name + ")";
      }
      if (it->second.default_generated_cert) {
        return "the default TLSStore's generated certificate (resolver " +
               it->second.default_generated_cert->resolver + ")";
      }
    }
  }
  return "the self-signed TRAEFIK DEFAULT CERT";
}

/// Explains a backend: the branch Traefik took and, when the manifests cannot say, what it would
/// use in a cluster.
void Explain(const provider::Backend& b, PlannedBackend& v) {
  const model::ServiceRef& ref = *b.ref;
  std::string port_text;
  if (ref.port.present && ref.port.value.is_string && b.port != nullptr) {
    port_text = "port name \"" + ref.port.value.str_value + "\" -> Service port " +
                std::to_string(b.port_number);
  } else {
    port_text = "Service port " + std::to_string(b.port_number);
  }
  const model::Service* svc = b.service;
  switch (b.source) {
    case provider::ServerSource::kEndpoints: {
      std::string slices;
      for (const model::EndpointSlice* s : b.slices) {
        slices += (slices.empty() ? "" : ", ") + s->object->name;
      }
      std::string name = b.port != nullptr ? b.port->name.Or("") : "";
      v.reason = "ready endpoints of EndpointSlice(s) " + (slices.empty() ? "(none)" : slices) +
                 " (" + port_text + ", slice port named \"" + name + "\"" +
                 (b.slice_port != 0 ? " = " + std::to_string(b.slice_port) : std::string()) + ")";
      break;
    }
    case provider::ServerSource::kNativeLB:
      v.reason = "nativeLB: the Service's clusterIP with the " + port_text;
      break;
    case provider::ServerSource::kNodePort:
      v.reason = "nodePortLB: every node's InternalIP with nodePort " +
                 std::to_string(b.port != nullptr ? b.port->node_port.Or(0) : 0);
      break;
    case provider::ServerSource::kExternalName:
      v.reason = "ExternalName " + (svc != nullptr ? svc->external_name.Or("") : std::string()) +
                 " with the ref's port " + std::to_string(b.port_number);
      break;
    case provider::ServerSource::kNone:
      break;
  }
}

std::string MiddlewareSpec(const provider::Middleware& m) {
  std::vector<std::string> parts;
  if (m.in_flight_conn) {
    parts.push_back("inFlightConn amount=" + std::to_string(m.in_flight_conn->amount));
  }
  if (m.ip_allow_list) {
    parts.push_back("ipAllowList sourceRange=[" + Join(m.ip_allow_list->source_range, ", ") + "]");
  }
  if (m.ip_white_list) {
    parts.push_back("ipWhiteList sourceRange=[" + Join(m.ip_white_list->source_range, ", ") + "]");
  }
  return parts.empty() ? std::string("{} (does nothing)") : Join(parts, ", ");
}

}  // namespace

std::string Location(const model::Object& o, const source::Location& loc) {
  return o.file().path() + ":" + std::to_string(loc.valid() ? loc.line : o.loc().line);
}

std::string RouteWhere(const provider::RouteResult& rr) {
  const model::Object& o = *rr.irtcp->object;
  return o.namespace_ + "/" + o.name + " (" + Location(o, rr.route->loc) + ")";
}

PlannedTls PlanTls(const provider::RouteResult& rr, const provider::Result& result) {
  PlannedTls out;
  const model::IngressRouteTCP& irt = *rr.irtcp;
  if (!irt.tls.present) {
    return out;
  }
  const model::RouteTls& t = irt.tls.value;
  if (t.passthrough.Or(false)) {
    out.mode = TlsMode::kPassthrough;
    return out;
  }
  out.mode = TlsMode::kTerminate;
  out.cert_resolver = t.cert_resolver.Or(std::string());
  const std::string& ns = irt.object->namespace_;
  const std::string secret = t.secret_name.Or(std::string());
  if (secret.empty()) {
    out.certificate = "by SNI among the loaded certificates, else " + DefaultCertificate(result);
  } else if (result.config.tls.certificates.contains(ns + "/" + secret)) {
    out.certificate = "secret " + ns + "/" + secret;
  } else {
    out.certificate = "secret " + ns + "/" + secret;
    std::string why;
    for (const provider::Event& e : result.events) {
      if ((e.code == provider::EventCode::kTlsSecretMissing ||
           e.code == provider::EventCode::kTlsSecretInvalid) &&
          e.object == irt.object) {
        why = e.error.empty() ? e.message : e.error;
        break;
      }
    }
    out.certificate_note = why.empty() ? std::string("not in the input")
                                       : "not loaded (" + why + "): Traefik falls back to " +
                                             DefaultCertificate(result);
  }
  // TLS options (rules.md §3.4 step 8b): unset means `default`, which always exists.
  if (!rr.router.tls || rr.router.tls->options.empty()) {
    out.options = "default";
    return out;
  }
  out.options = rr.router.tls->options;
  // The engine judged the reference (core/provider/references.cc); say what it found.
  for (const provider::Event& e : result.events) {
    if (e.code == provider::EventCode::kTlsOptionMissing && e.object == irt.object) {
      out.options_error = e.error;
      return out;
    }
  }
  std::string key = out.options;
  if (std::size_t at = key.find('@'); at != std::string::npos) {
    if (std::string_view(key).substr(at) != kCrdSuffix) {
      out.options_note = "from another provider: not in the input";
      return out;
    }
    key.resize(at);
  }
  if (!result.config.tls.options || !result.config.tls.options->contains(key)) {
    out.options_note = "not in the input";
  }
  return out;
}

std::vector<PlannedMiddleware> PlanMiddlewares(const provider::RouteResult& rr,
                                               const provider::Result& result) {
  std::vector<PlannedMiddleware> out;
  const std::vector<model::ObjectRef>& refs = rr.route->middlewares;
  for (std::size_t i = 0; i < rr.router.middlewares.size(); ++i) {
    PlannedMiddleware m;
    m.name = rr.router.middlewares[i];
    std::string key = m.name;
    if (std::size_t at = key.find('@'); at != std::string::npos) {
      if (std::string_view(key).substr(at) != kCrdSuffix) {
        m.found = true;  // another provider's: Traefik may well have it
        m.note = "from another provider: not in the input";
        out.push_back(std::move(m));
        continue;
      }
      key.resize(at);
    }
    auto it = result.config.tcp.middlewares.find(key);
    if (it != result.config.tcp.middlewares.end()) {
      m.found = true;
      m.spec = MiddlewareSpec(it->second);
      m.build_error = provider::MiddlewareBuildError(it->second, key + std::string(kCrdSuffix));
      out.push_back(std::move(m));
      continue;
    }
    // Missing for Traefik when the engine says so; otherwise the input just does not show it.
    const std::string path = i < refs.size() ? refs[i].path + "/name" : std::string();
    m.found =
        std::none_of(result.events.begin(), result.events.end(), [&](const provider::Event& e) {
          return e.code == provider::EventCode::kMiddlewareMissing &&
                 e.object == rr.irtcp->object && e.json_path == path;
        });
    if (m.found) {
      m.note = "not in the input";
    }
    out.push_back(std::move(m));
  }
  return out;
}

PlannedBackend PlanBackend(const provider::Backend& b) {
  PlannedBackend v;
  v.service = b.ns + "/" + b.ref->name.Or(std::string());
  v.port = b.ref->port.present ? b.ref->port.value.ToString() : "";
  v.service_key = b.service_key;
  v.weight = b.weight;
  v.tls = b.ref->tls.present && b.ref->tls.value;
  v.ok = b.ok;
  v.error = b.error;
  v.source = b.ok ? std::string(provider::ServerSourceName(b.source)) : "";
  if (b.load_balancer) {
    for (const provider::Server& s : b.load_balancer->servers) {
      v.servers.push_back({s.address, s.tls});
    }
  }
  Explain(b, v);
  // What the manifests cannot tell (no EndpointSlices, clusterIP or Nodes in a Git checkout),
  // as the engine found it.
  v.unknown = b.unknown;
  if (!v.unknown.empty()) {
    v.reason.clear();  // the unknown line says what would be used
  }
  return v;
}

}  // namespace irtcp::resolve::detail
