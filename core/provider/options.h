// Traefik's Kubernetes CRD provider options and the static-configuration facts irtcp needs.
// Defaults are Traefik's (provider.md section 1); `traefik_version` selects the release whose
// behaviour the provider models (versions.md).
#pragma once

#include <optional>
#include <string>
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
};

}  // namespace irtcp::provider
