// The two kinds of static configuration file: Traefik's own YAML or TOML file, and (YAML) the
// Kubernetes manifest of the workload that runs Traefik. Internal to core/config.
#pragma once

#include <optional>
#include <string>

#include "core/config/traefik_config.h"

namespace irtcp::config::internal {

/// A YAML static configuration file, or a manifest whose Traefik workload's args are read.
std::optional<TraefikConfig> ParseYaml(const std::string& display_path, std::string text,
                                       std::string* err);

/// A TOML static configuration file.
std::optional<TraefikConfig> ParseToml(const std::string& display_path, const std::string& text,
                                       std::string* err);

}  // namespace irtcp::config::internal
