// The effective static configuration of a run: Traefik's defaults, then the --traefik-config
// file, then the provider flags (each layer overrides the one before).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/provider/options.h"

namespace irtcp::config {

/// What the user set: the configuration file and every provider option given as a flag. Unset
/// options leave the lower layers in place.
struct StaticConfigSource {
  std::string traefik_config;  ///< --traefik-config FILE ("" = none)
  std::optional<bool> allow_cross_namespace;
  std::optional<bool> allow_external_name_services;
  std::optional<bool> allow_empty_services;
  std::optional<bool> native_lb_by_default;
  std::optional<bool> disable_cluster_scope_resources;
  /// An empty list: no namespace may use cross-provider refs. Unset: every namespace may.
  std::optional<std::vector<std::string>> cross_provider_namespaces;
  std::vector<std::string> watch_namespaces;  ///< provider `namespaces`; empty: unset
  std::optional<std::string> label_selector;
  std::optional<std::string> ingress_class;
  std::optional<std::string> default_rule_syntax;
  /// serve --entrypoint: added to the file's entry points (one of the same name has its address
  /// replaced); they make the entry points known.
  std::vector<provider::EntryPoint> entry_points;
};

/// Applies the flag layer of `source` over `config`.
void ApplyOverrides(const StaticConfigSource& source, provider::StaticConfig& config);

/// Traefik's defaults, then the file (when given), then the flags. The file's notes (settings
/// irtcp does not model, ...) are appended to *notes. False with *err (starting with
/// "--traefik-config: ") when the file cannot be read or parsed.
bool BuildStaticConfig(const StaticConfigSource& source, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err);

}  // namespace irtcp::config
