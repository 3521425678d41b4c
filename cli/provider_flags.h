// Provider option flags shared by render, resolve and validate; the core turns them into
// provider::StaticConfig (config::BuildStaticConfig: flags, then --traefik-config, then Traefik's
// defaults).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config/static_config.h"

namespace irtcp::cli {

/// Every provider flag is optional: unset flags leave the lower layers (the --traefik-config
/// file, then Traefik's defaults) in place. The core builds the configuration from them.
using ProviderFlags = config::StaticConfigSource;

/// Adds the provider flags and --traefik-config to a subcommand. `flags` must outlive the app
/// (shared with the callback).
void AddProviderFlags(CLI::App& app, const std::shared_ptr<ProviderFlags>& flags);

}  // namespace irtcp::cli
