// Traefik's Kubernetes CRD provider options and the static-configuration facts irtcp needs.
// Defaults are Traefik's (provider.md section 1); `traefik_version` selects the release whose
// behaviour the provider models (versions.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/version/traefik_version.h"

namespace irtcp::provider {

/// providers.kubernetesCRD.* as Traefik reads them.
struct ProviderOptions {
  /// The Traefik that reads the manifests (--traefik-version; default 3.7 = v3.7.9).
  version::TraefikVersion traefik_version = version::DefaultVersion();
  std::vector<std::string> namespaces;  ///< empty: every namespace is watched
  std::string label_selector;           ///< applies to Traefik CRD kinds only
  std::string ingress_class;
  bool allow_cross_namespace = false;
  bool allow_external_name_services = false;
  bool allow_empty_services = false;
  bool native_lb_by_default = false;
  /// Unset (nullopt): every namespace may use cross-provider refs. An empty list: none may.
  std::optional<std::vector<std::string>> cross_provider_namespaces;
  bool disable_cluster_scope_resources = false;
};

/// A TCP entry point of the static configuration.
struct EntryPoint {
  std::string name;
  std::string address;  ///< ":5432"
  bool as_default = false;
  bool udp = false;  ///< address ends in /udp
  /// proxyProtocol.trustedIPs / insecure (rules.md §9.2): whose PROXY header is believed.
  std::vector<std::string> proxy_protocol_trusted_ips;
  bool proxy_protocol_insecure = false;
  /// transport.respondingTimeouts.readTimeout as written ("60s", "10"); unset: Traefik's 60 s.
  std::optional<std::string> read_timeout;
  std::string read_timeout_origin;  ///< "traefik.yaml:12:20", for messages
};

inline EntryPoint MakeEntryPoint(std::string name, std::string address, bool as_default = false,
                                 bool udp = false) {
  EntryPoint ep;
  ep.name = std::move(name);
  ep.address = std::move(address);
  ep.as_default = as_default;
  ep.udp = udp;
  return ep;
}

/// The static tcpServersTransport: what `default@internal` is built from for load balancers
/// that name no ServersTransportTCP (rules.md §10). Durations as written.
struct StaticTcpTransport {
  std::optional<std::string> dial_timeout;
  std::optional<std::string> dial_keep_alive;
  bool insecure_skip_verify = false;
  std::vector<std::string> root_cas;  ///< file paths or PEM texts, as Traefik's FileOrContent
  std::string origin;                 ///< where the section is, for messages
};

/// What irtcp knows of Traefik's static configuration (flags, then --traefik-config, then
/// Traefik's defaults).
struct StaticConfig {
  ProviderOptions provider;
  /// Known entry points; `entry_points_known` is false when neither a flag nor a config file named
  /// any (then entry point checks are skipped).
  std::vector<EntryPoint> entry_points;
  bool entry_points_known = false;
  std::string default_rule_syntax = "v3";  ///< core.defaultRuleSyntax
  StaticTcpTransport tcp_servers_transport;
};

}  // namespace irtcp::provider
