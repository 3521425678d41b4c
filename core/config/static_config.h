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
  /// The static configuration as text instead of a file (explain's rule examples); read as
  /// `traefik_config` names it (default "traefik.yaml").
  std::string traefik_config_text;
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
  /// --traefik-version as given ("2.11", "v3.1.2", "traefik:v2.11.3"); unset: the configuration
  /// file's, else the image tag of a Traefik Deployment given to --traefik-config, else 3.7.
  std::optional<std::string> traefik_version;
  /// Where traefik_version came from, for messages ("--traefik-version", ".irtcp.yaml:3:18").
  std::string traefik_version_origin = "--traefik-version";
  /// serve --entrypoint: added to the file's entry points (one of the same name has its address
  /// replaced); they make the entry points known.
  std::vector<provider::EntryPoint> entry_points;
};

struct TraefikConfig;

/// The Traefik version of a run: --traefik-version (or the configuration file's
/// traefik-version), else the image tag of the Traefik workload in `file`, else 3.7. Notes say
/// where it came from when not from a flag, and which behaviour changes a named older patch
/// predates. False with *err (the supported versions) on a version irtcp does not know.
bool ResolveTraefikVersion(const StaticConfigSource& source, const TraefikConfig* file,
                           version::TraefikVersion* out, std::vector<std::string>* notes,
                           std::string* err);

/// Applies the flag layer of `source` over `config`.
void ApplyOverrides(const StaticConfigSource& source, provider::StaticConfig& config);

/// Traefik's defaults, then the file (when given), then the flags. The file's notes (settings
/// irtcp does not model, ...) are appended to *notes. False with *err (starting with
/// "--traefik-config: ") when the file cannot be read or parsed.
bool BuildStaticConfig(const StaticConfigSource& source, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err);

}  // namespace irtcp::config
