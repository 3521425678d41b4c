// The dynamic configuration Traefik's CRD provider emits (tcp + tls sections), as data.
//
// Mirrors Traefik's Go types closely enough to reproduce its omitted-vs-empty rules
// (provider-cases/README.md "Serialization conventions"): std::optional is a Go pointer (written
// even when it points to a zero value), plain fields are omitempty values. Maps are std::map, so
// every serialisation is sorted. core/render turns this into YAML, JSON or TOML.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace irtcp::provider {

/// Text Traefik holds in memory that may come from a Secret (PEM certificates, keys, CAs).
/// The renderer writes `text` only when asked to include secrets; otherwise a placeholder
/// naming the Secret.
struct SecretText {
  std::string text;
  std::string secret_namespace;  ///< empty when the text does not come from a Secret
  std::string secret_name;
  std::string key;  ///< "tls.crt", "ca.crt", …

  bool from_secret() const { return !secret_name.empty(); }
};

struct Server {
  std::string address;
  bool tls = false;
};

struct ProxyProtocol {
  std::int64_t version = 0;  ///< omitted when 0
};

struct LoadBalancer {
  std::vector<Server> servers;
  std::string servers_transport;
  std::optional<ProxyProtocol> proxy_protocol;
  std::optional<std::int64_t> termination_delay;  ///< milliseconds (deprecated)
};

struct WeightedRef {
  std::string name;
  std::optional<std::int64_t> weight;
};

struct Weighted {
  std::vector<WeightedRef> services;
};

struct Service {
  std::optional<LoadBalancer> load_balancer;
  std::optional<Weighted> weighted;
};

struct Domain {
  std::string main;
  std::vector<std::string> sans;
};

struct RouterTls {
  bool passthrough = false;  ///< always written
  std::string options;
  std::string cert_resolver;
  std::vector<Domain> domains;
};

struct Router {
  std::vector<std::string> entry_points;
  std::vector<std::string> middlewares;
  std::string service;
  std::string rule;
  std::string rule_syntax;
  std::int64_t priority = 0;
  std::optional<RouterTls> tls;
};

struct InFlightConn {
  std::int64_t amount = 0;
};
struct SourceRange {
  std::vector<std::string> source_range;
};
struct Middleware {
  std::optional<InFlightConn> in_flight_conn;
  std::optional<SourceRange> ip_allow_list;
  std::optional<SourceRange> ip_white_list;
};

struct CertificatePair {
  SecretText cert_file;
  SecretText key_file;
};

struct Spiffe {
  std::vector<std::string> ids;
  std::string trust_domain;
};

struct TransportTls {
  std::string server_name;
  bool insecure_skip_verify = false;
  std::vector<SecretText> root_cas;
  std::vector<CertificatePair> certificates;
  std::string peer_cert_uri;
  std::optional<Spiffe> spiffe;
};

struct ServersTransport {
  std::int64_t dial_timeout_ns = 0;  ///< Go durations; 0 is omitted
  std::int64_t dial_keep_alive_ns = 0;
  std::int64_t termination_delay_ns = 0;
  std::optional<ProxyProtocol> proxy_protocol;
  std::optional<TransportTls> tls;
};

struct Tcp {
  std::map<std::string, Router> routers;
  std::map<std::string, Service> services;
  std::map<std::string, Middleware> middlewares;
  std::map<std::string, ServersTransport> servers_transports;
  /// Traefik v2's `tcp` section has no serversTransports at all (versions.md §4.7).
  bool has_servers_transports = true;
};

/// tls.certificates entry (emitted as a list sorted by `ns/secretName`).
struct Certificate {
  CertificatePair pair;
  std::vector<std::string> stores;
};

struct ClientAuth {
  std::vector<SecretText> ca_files;
  std::string client_auth_type;
};

struct TlsOptions {
  std::string min_version;
  std::string max_version;
  std::vector<std::string> cipher_suites;
  std::vector<std::string> curve_preferences;
  ClientAuth client_auth;  ///< value type: omitted when entirely empty
  bool sni_strict = false;
  std::vector<std::string> alpn_protocols;
  bool disable_session_tickets = false;
};

struct GeneratedCert {
  std::string resolver;
  std::optional<Domain> domain;
};

struct TlsStore {
  std::optional<CertificatePair> default_certificate;
  std::optional<GeneratedCert> default_generated_cert;
};

struct Tls {
  /// Keyed "ns/secretName"; written as a list in key order; omitted when empty.
  std::map<std::string, Certificate> certificates;
  std::optional<std::map<std::string, TlsOptions>> options;  ///< present iff a TLSOption is visible
  std::optional<std::map<std::string, TlsStore>> stores;     ///< present iff a TLSStore is visible
};

/// The `tcp` and `tls` sections of Traefik's dynamic configuration.
struct Configuration {
  Tcp tcp;
  Tls tls;
};

}  // namespace irtcp::provider
