// Shared by the session-level fuzz targets (validate_fuzzer.cc, render_fuzzer.cc): the first
// byte picks the Traefik version, the rest is one manifest file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/project_config.h"
#include "core/run/session.h"

namespace irtcp::run {

/// Session options for `command` over fuzz input `data` (size >= 1).
inline SessionOptions FuzzSessionOptions(Command command, const std::uint8_t* data,
                                         std::size_t size) {
  static const std::vector<std::string_view> kVersions = config::KnownTraefikVersions();
  SessionOptions so;
  so.command = command;
  so.static_config.traefik_version = std::string(kVersions[data[0] % kVersions.size()]);
  so.load.threads = 1;
  so.load.collect.texts.push_back(
      {"fuzz.yaml", std::string(reinterpret_cast<const char*>(data + 1), size - 1)});
  return so;
}

}  // namespace irtcp::run
