// Serialises the provider's dynamic configuration (tcp + tls) as Traefik's file provider reads
// it: YAML, JSON or TOML, the same document in each. Deterministic: maps are sorted by key, lists
// keep the provider's order, and the same input renders to the same bytes.
//
// Omission rules: provider-cases/README.md "Serialization conventions" (Go omitempty, non-nil
// pointers written even when zero, the four tcp maps and `tls` always present).
#pragma once

#include <string>
#include <string_view>

#include "core/provider/config.h"

namespace irtcp::render {

enum class Format { kYaml, kJson, kToml };

/// "yaml", "json", "toml"; false on anything else.
bool ParseFormat(std::string_view name, Format* format);

struct RenderOptions {
  /// Write certificate, key and CA text that comes from Secrets. Otherwise each such value is a
  /// placeholder naming its Secret: `<secret ns/name: tls.crt, 1234 bytes; use
  /// --include-secrets>`.
  bool include_secrets = false;
};

/// The placeholder written instead of a Secret's value.
std::string SecretPlaceholder(const provider::SecretText& text);

/// Renders the configuration; the text ends with a newline.
std::string Render(const provider::Configuration& config, Format format,
                   const RenderOptions& options);

}  // namespace irtcp::render
