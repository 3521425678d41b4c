// --traefik-config: reading Traefik's static configuration (a YAML or TOML file, or the Kubernetes
// manifest that runs Traefik) into the provider options and entry points irtcp needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/provider/options.h"

namespace irtcp::config {

/// What a static configuration file says. Every setting is unset when the file does not mention
/// it, so that command-line flags can override it and Traefik's defaults fill in the rest.
struct TraefikConfig {
  /// Where the settings came from, for messages: "traefik.toml", or
  /// "deploy.yaml: Deployment kube-system/traefik, container traefik".
  std::string origin;
  /// The providers.kubernetesCRD block is present (the CRD provider is enabled at all).
  bool kubernetes_crd_enabled = false;
  std::optional<std::vector<std::string>> namespaces;
  std::optional<std::string> label_selector;
  std::optional<std::string> ingress_class;
  std::optional<bool> allow_cross_namespace;
  std::optional<bool> allow_external_name_services;
  std::optional<bool> allow_empty_services;
  std::optional<bool> native_lb_by_default;
  /// Set to an empty vector by `crossProviderNamespaces: []` (no namespace may): distinct from
  /// unset.
  std::optional<std::vector<std::string>> cross_provider_namespaces;
  std::optional<bool> disable_cluster_scope_resources;
  /// Entry points in the order the file defines them (TOML: by name). When the file defines none,
  /// Traefik creates `http` on `:80`; that default is already filled in here unless
  /// `entry_points_complete` is false (a Deployment whose args point at a --configFile irtcp cannot
  /// see).
  std::vector<provider::EntryPoint> entry_points;
  bool entry_points_complete = true;
  std::optional<std::string> default_rule_syntax;  ///< core.defaultRuleSyntax ("v2" or "v3")
  /// tcpServersTransport (dialTimeout, dialKeepAlive, tls.insecureSkipVerify, tls.rootCAs).
  provider::StaticTcpTransport tcp_servers_transport;
  /// providers.kubernetesGateway.experimentalChannel (TCPRoute is watched only when true).
  std::optional<bool> gateway_experimental_channel;
  /// The container image of the Deployment/DaemonSet that runs Traefik ("traefik:v2.11.3"), and
  /// where it is ("deploy.yaml:21:18"): the Traefik version when no flag names one.
  std::optional<std::string> image;
  std::string image_origin;
  /// Things the user should know (the CRD provider is off; a --configFile was not read).
  std::vector<std::string> notes;
};

enum class ConfigFormat { kAuto, kYaml, kToml };

/// Reads a static configuration file. The format follows the extension (`.toml` is TOML, anything
/// else YAML); a YAML stream whose documents are Kubernetes objects is searched for the Deployment
/// or DaemonSet that runs Traefik, and its container args are read. Keys are case-insensitive, as
/// in Traefik's loader. On error returns nullopt and sets *err to "file:line:col: message".
std::optional<TraefikConfig> LoadTraefikConfig(const std::string& path, std::string* err);

/// Same as LoadTraefikConfig on text already in memory (tests; `display_path` names it in errors).
std::optional<TraefikConfig> ParseTraefikConfig(const std::string& display_path, std::string text,
                                                ConfigFormat format, std::string* err);

/// Writes the settings `file` names over `config` (which holds Traefik's defaults or a lower
/// layer). Entry points replace the configured list and make it known.
void ApplyTraefikConfig(const TraefikConfig& file, provider::StaticConfig& config);

/// Entry points a router without `entryPoints` binds to: those marked asDefault, else every TCP
/// entry point except `traefik` (Traefik's runtime rule). Empty when none are known.
std::vector<std::string> DefaultEntryPoints(const provider::StaticConfig& config);

/// strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
std::optional<bool> ParseGoBool(std::string_view text);

}  // namespace irtcp::config
