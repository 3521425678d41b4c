#include "core/model/traefik.h"

#include "core/model/decode_util.h"

namespace irtcp::model {

using detail::Bool;
using detail::Int;
using detail::IntOrStr;
using detail::Join;
using detail::MapField;
using detail::String;
using detail::StringList;

namespace {

ObjectRef DecodeRef(const yaml::Document& doc, yaml::NodeId node, std::string path) {
  ObjectRef r;
  r.node = node;
  r.loc = doc.node(node).loc;
  r.path = std::move(path);
  r.name = String(doc, node, "name");
  r.ns = String(doc, node, "namespace");
  return r;
}

Field<ProxyProtocolSpec> DecodeProxyProtocol(const yaml::Document& doc, yaml::NodeId map) {
  auto f = MapField<ProxyProtocolSpec>(doc, map, "proxyProtocol");
  if (f.present) {
    f.value.version = Int(doc, f.node, "version");
  }
  return f;
}

TlsDomain DecodeDomain(const yaml::Document& doc, yaml::NodeId node) {
  TlsDomain d;
  d.node = node;
  d.main = std::string(doc.GetString(node, "main"));
  d.sans = StringList(doc, node, "sans").value;
  return d;
}

Field<RouteTls> DecodeRouteTls(const yaml::Document& doc, yaml::NodeId spec,
                               const std::string& path) {
  auto f = MapField<RouteTls>(doc, spec, "tls");
  if (!f.present) {
    return f;
  }
  yaml::NodeId tls = f.node;
  RouteTls& t = f.value;
  t.secret_name = String(doc, tls, "secretName");
  t.passthrough = Bool(doc, tls, "passthrough");
  t.options = MapField<ObjectRef>(doc, tls, "options");
  if (t.options.present) {
    t.options.value = DecodeRef(doc, t.options.node, Join(path, "tls/options"));
  }
  t.store = MapField<ObjectRef>(doc, tls, "store");
  if (t.store.present) {
    t.store.value = DecodeRef(doc, t.store.node, Join(path, "tls/store"));
  }
  t.cert_resolver = String(doc, tls, "certResolver");
  t.domains_node = doc.Get(tls, "domains");
  if (doc.IsSequence(t.domains_node)) {
    for (std::uint32_t i = 0; i < doc.Size(t.domains_node); ++i) {
      yaml::NodeId item = doc.ItemAt(t.domains_node, i);
      if (doc.IsMapping(item)) {
        t.domains.push_back(DecodeDomain(doc, item));
      }
    }
  }
  return f;
}

void DecodeClass(const Object& object, const ObjectMeta& meta, yaml::NodeId spec,
                 Field<std::string>* class_name, Field<std::string>* annotation) {
  const yaml::Document& doc = *object.doc;
  *class_name = String(doc, spec, "ingressClassName");
  if (const StringMap::Entry* e = meta.annotations.Find("kubernetes.io/ingress.class")) {
    annotation->value = e->value;
    annotation->node = e->node;
    annotation->loc = doc.node(e->node).loc;
    annotation->present = true;
  }
}

}  // namespace

std::string IngressRouteTCP::IngressName() const {
  if (!object->name.empty()) {
    return object->name;
  }
  return meta.generate_name.Or(std::string());
}

IngressRouteTCP DecodeIngressRouteTCP(const Object& object) {
  const yaml::Document& doc = *object.doc;
  IngressRouteTCP r;
  r.object = &object;
  r.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  std::string spec_path = object.path_prefix + "/spec";
  DecodeClass(object, r.meta, spec, &r.ingress_class_name, &r.ingress_class_annotation);
  r.entry_points = StringList(doc, spec, "entryPoints");
  r.tls = DecodeRouteTls(doc, spec, spec_path);
  r.routes_node = doc.Get(spec, "routes");
  if (!doc.IsSequence(r.routes_node)) {
    return r;
  }
  for (std::uint32_t i = 0; i < doc.Size(r.routes_node); ++i) {
    yaml::NodeId item = doc.ItemAt(r.routes_node, i);
    Route route;
    route.node = item;
    route.loc = doc.node(item).loc;
    route.index = i;
    route.path = spec_path + "/routes/" + std::to_string(i);
    if (!doc.IsMapping(item)) {
      r.routes.push_back(std::move(route));  // keeps indexes aligned; match is absent
      continue;
    }
    route.match = String(doc, item, "match");
    route.priority = Int(doc, item, "priority");
    route.syntax = String(doc, item, "syntax");
    route.middlewares_node = doc.Get(item, "middlewares");
    if (doc.IsSequence(route.middlewares_node)) {
      for (std::uint32_t j = 0; j < doc.Size(route.middlewares_node); ++j) {
        yaml::NodeId m = doc.ItemAt(route.middlewares_node, j);
        if (doc.IsMapping(m)) {
          route.middlewares.push_back(
              DecodeRef(doc, m, route.path + "/middlewares/" + std::to_string(j)));
        }
      }
    }
    route.services_node = doc.Get(item, "services");
    if (doc.IsSequence(route.services_node)) {
      for (std::uint32_t j = 0; j < doc.Size(route.services_node); ++j) {
        yaml::NodeId s = doc.ItemAt(route.services_node, j);
        ServiceRef ref;
        ref.node = s;
        ref.loc = doc.node(s).loc;
        ref.index = j;
        ref.path = route.path + "/services/" + std::to_string(j);
        if (doc.IsMapping(s)) {
          ref.name = String(doc, s, "name");
          ref.ns = String(doc, s, "namespace");
          ref.port = IntOrStr(doc, s, "port");
          ref.weight = Int(doc, s, "weight");
          ref.native_lb = Bool(doc, s, "nativeLB");
          ref.node_port_lb = Bool(doc, s, "nodePortLB");
          ref.tls = Bool(doc, s, "tls");
          ref.servers_transport = String(doc, s, "serversTransport");
          ref.proxy_protocol = DecodeProxyProtocol(doc, s);
          ref.termination_delay = Int(doc, s, "terminationDelay");
        }
        route.services.push_back(std::move(ref));
      }
    }
    r.routes.push_back(std::move(route));
  }
  return r;
}

IngressRouteHttp DecodeIngressRouteHttp(const Object& object) {
  const yaml::Document& doc = *object.doc;
  IngressRouteHttp r;
  r.object = &object;
  r.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  DecodeClass(object, r.meta, spec, &r.ingress_class_name, &r.ingress_class_annotation);
  r.tls = DecodeRouteTls(doc, spec, object.path_prefix + "/spec");
  return r;
}

MiddlewareTCP DecodeMiddlewareTCP(const Object& object) {
  const yaml::Document& doc = *object.doc;
  MiddlewareTCP m;
  m.object = &object;
  m.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  m.in_flight_conn = MapField<InFlightConnSpec>(doc, spec, "inFlightConn");
  if (m.in_flight_conn.present) {
    m.in_flight_conn.value.amount = Int(doc, m.in_flight_conn.node, "amount");
  }
  m.ip_allow_list = MapField<SourceRangeSpec>(doc, spec, "ipAllowList");
  if (m.ip_allow_list.present) {
    m.ip_allow_list.value.source_range = StringList(doc, m.ip_allow_list.node, "sourceRange");
  }
  m.ip_white_list = MapField<SourceRangeSpec>(doc, spec, "ipWhiteList");
  if (m.ip_white_list.present) {
    m.ip_white_list.value.source_range = StringList(doc, m.ip_white_list.node, "sourceRange");
  }
  return m;
}

ServersTransportTCP DecodeServersTransportTCP(const Object& object) {
  const yaml::Document& doc = *object.doc;
  ServersTransportTCP st;
  st.object = &object;
  st.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  st.dial_timeout = IntOrStr(doc, spec, "dialTimeout");
  st.dial_keep_alive = IntOrStr(doc, spec, "dialKeepAlive");
  st.termination_delay = IntOrStr(doc, spec, "terminationDelay");
  st.proxy_protocol = DecodeProxyProtocol(doc, spec);
  st.tls = MapField<TransportTlsSpec>(doc, spec, "tls");
  if (st.tls.present) {
    yaml::NodeId tls = st.tls.node;
    TransportTlsSpec& t = st.tls.value;
    t.server_name = String(doc, tls, "serverName");
    t.insecure_skip_verify = Bool(doc, tls, "insecureSkipVerify");
    t.root_cas_secrets = StringList(doc, tls, "rootCAsSecrets");
    yaml::NodeId cas = doc.Get(tls, "rootCAs");
    if (doc.IsSequence(cas)) {
      for (std::uint32_t i = 0; i < doc.Size(cas); ++i) {
        yaml::NodeId item = doc.ItemAt(cas, i);
        if (!doc.IsMapping(item)) {
          continue;
        }
        RootCaSpec ca;
        ca.node = item;
        ca.loc = doc.node(item).loc;
        ca.secret = String(doc, item, "secret");
        ca.config_map = String(doc, item, "configMap");
        t.root_cas.push_back(std::move(ca));
      }
    }
    t.certificates_secrets = StringList(doc, tls, "certificatesSecrets");
    t.peer_cert_uri = String(doc, tls, "peerCertURI");
    t.peer_cert_sans = StringList(doc, tls, "peerCertSANs");
    t.spiffe = MapField<SpiffeSpec>(doc, tls, "spiffe");
    if (t.spiffe.present) {
      t.spiffe.value.ids = StringList(doc, t.spiffe.node, "ids");
      t.spiffe.value.trust_domain = String(doc, t.spiffe.node, "trustDomain");
    }
  }
  return st;
}

TLSOption DecodeTLSOption(const Object& object) {
  const yaml::Document& doc = *object.doc;
  TLSOption o;
  o.object = &object;
  o.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  o.min_version = String(doc, spec, "minVersion");
  o.max_version = String(doc, spec, "maxVersion");
  o.cipher_suites = StringList(doc, spec, "cipherSuites");
  o.curve_preferences = StringList(doc, spec, "curvePreferences");
  o.client_auth = MapField<ClientAuthSpec>(doc, spec, "clientAuth");
  if (o.client_auth.present) {
    o.client_auth.value.secret_names = StringList(doc, o.client_auth.node, "secretNames");
    o.client_auth.value.client_auth_type = String(doc, o.client_auth.node, "clientAuthType");
  }
  o.sni_strict = Bool(doc, spec, "sniStrict");
  o.prefer_server_cipher_suites = Bool(doc, spec, "preferServerCipherSuites");
  o.alpn_protocols = StringList(doc, spec, "alpnProtocols");
  o.disable_session_tickets = Bool(doc, spec, "disableSessionTickets");
  return o;
}

TLSStore DecodeTLSStore(const Object& object) {
  const yaml::Document& doc = *object.doc;
  TLSStore s;
  s.object = &object;
  s.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  yaml::NodeId dc = doc.Get(spec, "defaultCertificate");
  s.default_certificate_present = doc.IsMapping(dc);
  s.default_certificate_secret = String(doc, dc, "secretName");
  s.default_generated_cert = MapField<GeneratedCertSpec>(doc, spec, "defaultGeneratedCert");
  if (s.default_generated_cert.present) {
    yaml::NodeId g = s.default_generated_cert.node;
    s.default_generated_cert.value.resolver = String(doc, g, "resolver");
    auto domain = MapField<TlsDomain>(doc, g, "domain");
    if (domain.present) {
      domain.value = DecodeDomain(doc, domain.node);
    }
    s.default_generated_cert.value.domain = std::move(domain);
  }
  yaml::NodeId certs = doc.Get(spec, "certificates");
  if (doc.IsSequence(certs)) {
    for (std::uint32_t i = 0; i < doc.Size(certs); ++i) {
      yaml::NodeId item = doc.ItemAt(certs, i);
      if (doc.IsMapping(item)) {
        s.certificates.push_back(String(doc, item, "secretName"));
      }
    }
  }
  return s;
}

}  // namespace irtcp::model
