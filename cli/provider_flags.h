// Provider option flags shared by render, resolve and validate, and the one place where flags are
// turned into provider::StaticConfig (precedence: flags, then --traefik-config, then Traefik's
// defaults).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/provider/options.h"

namespace irtcp::cli {

/// Every provider flag is optional: unset flags leave the lower layers (the --traefik-config
/// file, then Traefik's defaults) in place.
struct ProviderFlags {
  std::optional<bool> allow_cross_namespace;
  std::optional<bool> allow_external_name_services;
  std::optional<bool> allow_empty_services;
  std::optional<bool> native_lb_by_default;
  std::optional<bool> disable_cluster_scope_resources;
  /// `--cross-provider-namespaces=` (empty value) is an empty list: no namespace may use
  /// cross-provider refs. Unset: every namespace may.
  std::optional<std::vector<std::string>> cross_provider_namespaces;
  std::vector<std::string> watch_namespaces;  ///< provider `namespaces`; empty: unset
  std::optional<std::string> label_selector;
  std::optional<std::string> ingress_class;
  std::optional<std::string> default_rule_syntax;
  /// --traefik-config FILE (bound by the config loader's flag; empty: none).
  std::string traefik_config;
};

/// Adds the provider flags and --traefik-config to a subcommand. `flags` must outlive the app
/// (shared with the callback).
void AddProviderFlags(CLI::App& app, const std::shared_ptr<ProviderFlags>& flags);

/// Applies the flags over `config` (which holds Traefik's defaults, or the --traefik-config
/// layer already applied over them).
void ApplyProviderFlags(const ProviderFlags& flags, provider::StaticConfig& config);

/// Traefik's defaults, then the --traefik-config file (when given), then the flags. The file's
/// notes (settings irtcp does not model, ...) are appended to *notes. False with *err (starting
/// with "--traefik-config: ") when the file cannot be read or parsed.
bool BuildStaticConfig(const ProviderFlags& flags, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err);

}  // namespace irtcp::cli
