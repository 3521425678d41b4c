// Typed views of Traefik's TCP CRDs (IngressRouteTCP, MiddlewareTCP, ServersTransportTCP,
// TLSOption, TLSStore) and of the one part of the HTTP IngressRoute the TCP side needs
// (spec.tls.secretName feeds the shared certificate table).
//
// Every field is a Field<T> with its node and location, so lint rules can point at
// `route.match.loc` and map offsets inside the match string (node(match.node).begin). JSON
// pointers: each route / service ref / middleware ref carries `path` (object.path_prefix +
// "/spec/routes/0/services/1"); append "/port" etc. for a field.
//
// Wrong YAML types leave a field not `present` (with `invalid` set); decoding never fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/field.h"
#include "core/model/k8s.h"
#include "core/model/object.h"

namespace irtcp::model {

// -- IngressRouteTCP ------------------------------------------------------------------------------

/// A `{name, namespace}` reference (middlewares[], tls.options).
struct ObjectRef {
  Field<std::string> name;
  Field<std::string> ns;  ///< `namespace`
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
  std::string path;  ///< JSON pointer of the ref
};

struct ProxyProtocolSpec {
  Field<std::int64_t> version;
};

/// spec.routes[].services[]
struct ServiceRef {
  Field<std::string> name;
  Field<std::string> ns;       ///< `namespace`; empty = the IRTCP's namespace
  Field<IntOrString> port;     ///< int or string (a quoted number is a NAME)
  Field<std::int64_t> weight;  ///< pointer semantics: present with 0 is weight 0
  Field<bool> native_lb;       ///< `nativeLB`, tri-state via `present`
  Field<bool> node_port_lb;    ///< `nodePortLB`
  Field<bool> tls;
  Field<std::string> servers_transport;     ///< `serversTransport`
  Field<ProxyProtocolSpec> proxy_protocol;  ///< deprecated; present even as `{}`
  Field<std::int64_t> termination_delay;    ///< deprecated, milliseconds (read as ns at runtime)
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
  std::string path;
  std::uint32_t index = 0;
};

/// spec.routes[]
struct Route {
  Field<std::string> match;
  Field<std::int64_t> priority;
  Field<std::string> syntax;
  std::vector<ObjectRef> middlewares;
  yaml::NodeId middlewares_node = yaml::kNoNode;
  std::vector<ServiceRef> services;
  yaml::NodeId services_node = yaml::kNoNode;
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
  std::string path;
  std::uint32_t index = 0;
};

struct TlsDomain {
  std::string main;
  std::vector<std::string> sans;
  yaml::NodeId node = yaml::kNoNode;
};

/// spec.tls of an IngressRouteTCP (and, for secretName, of an IngressRoute).
struct RouteTls {
  Field<std::string> secret_name;
  Field<bool> passthrough;
  Field<ObjectRef> options;  ///< present when `options` is a mapping
  Field<std::string> cert_resolver;
  std::vector<TlsDomain> domains;
  yaml::NodeId domains_node = yaml::kNoNode;
  Field<ObjectRef> store;  ///< ignored by the provider
};

struct IngressRouteTCP {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::vector<std::string>> entry_points;
  std::vector<Route> routes;
  yaml::NodeId routes_node = yaml::kNoNode;
  Field<RouteTls> tls;  ///< present iff spec.tls is a mapping (null counts as absent)
  Field<std::string> ingress_class_name;  ///< `spec.ingressClassName`, present even when ""
  /// metadata.annotations["kubernetes.io/ingress.class"]
  Field<std::string> ingress_class_annotation;

  /// metadata.name, or metadata.generateName when the name is empty.
  std::string IngressName() const;
};

// -- IngressRoute (HTTP): only what feeds the TLS certificate table
// --------------------------------

struct IngressRouteHttp {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<RouteTls> tls;
  Field<std::string> ingress_class_name;
  Field<std::string> ingress_class_annotation;
};

// -- MiddlewareTCP
// ----------------------------------------------------------------------------------

struct InFlightConnSpec {
  Field<std::int64_t> amount;
};
struct SourceRangeSpec {
  Field<std::vector<std::string>> source_range;
};
struct MiddlewareTCP {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<InFlightConnSpec> in_flight_conn;
  Field<SourceRangeSpec> ip_allow_list;
  Field<SourceRangeSpec> ip_white_list;  ///< deprecated spelling
};

// -- ServersTransportTCP
// ----------------------------------------------------------------------------

struct RootCaSpec {
  Field<std::string> secret;
  Field<std::string> config_map;  ///< `configMap`
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
};

struct SpiffeSpec {
  Field<std::vector<std::string>> ids;
  Field<std::string> trust_domain;
};

struct TransportTlsSpec {
  Field<std::string> server_name;
  Field<bool> insecure_skip_verify;
  Field<std::vector<std::string>> root_cas_secrets;  ///< deprecated `rootCAsSecrets`
  std::vector<RootCaSpec> root_cas;                  ///< `rootCAs`
  Field<std::vector<std::string>> certificates_secrets;
  Field<std::string> peer_cert_uri;
  Field<std::vector<std::string>> peer_cert_sans;  ///< accepted by the CRD, ignored for TCP
  Field<SpiffeSpec> spiffe;
};

struct ServersTransportTCP {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<IntOrString> dial_timeout;
  Field<IntOrString> dial_keep_alive;
  Field<IntOrString> termination_delay;
  Field<ProxyProtocolSpec> proxy_protocol;
  Field<TransportTlsSpec> tls;
};

// -- TLSOption / TLSStore
// ---------------------------------------------------------------------------

struct ClientAuthSpec {
  Field<std::vector<std::string>> secret_names;
  Field<std::string> client_auth_type;
};

struct TLSOption {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::string> min_version;
  Field<std::string> max_version;
  Field<std::vector<std::string>> cipher_suites;
  Field<std::vector<std::string>> curve_preferences;
  Field<ClientAuthSpec> client_auth;
  Field<bool> sni_strict;
  Field<bool> prefer_server_cipher_suites;  ///< ignored by the provider
  Field<std::vector<std::string>> alpn_protocols;
  Field<bool> disable_session_tickets;
};

struct GeneratedCertSpec {
  Field<std::string> resolver;
  Field<TlsDomain> domain;
};

struct TLSStore {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::string> default_certificate_secret;  ///< spec.defaultCertificate.secretName
  bool default_certificate_present = false;
  Field<GeneratedCertSpec> default_generated_cert;
  std::vector<Field<std::string>> certificates;  ///< spec.certificates[].secretName
};

IngressRouteTCP DecodeIngressRouteTCP(const Object& object);
IngressRouteHttp DecodeIngressRouteHttp(const Object& object);
MiddlewareTCP DecodeMiddlewareTCP(const Object& object);
ServersTransportTCP DecodeServersTransportTCP(const Object& object);
TLSOption DecodeTLSOption(const Object& object);
TLSStore DecodeTLSStore(const Object& object);

}  // namespace irtcp::model
