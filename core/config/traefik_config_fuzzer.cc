// libFuzzer target: Traefik's static configuration reader — YAML, TOML, and Deployment or
// DaemonSet manifests with args and env — the first byte picks the file kind. Whatever parses
// is applied to a static configuration as render/resolve/serve do.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/config/traefik_config.h"
#include "core/provider/options.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  if (size == 0) {
    return 0;
  }
  const char* name = (data[0] & 1) != 0 ? "traefik.toml" : "traefik.yaml";
  std::string err;
  std::optional<config::TraefikConfig> file = config::ParseTraefikConfig(
      name, std::string(reinterpret_cast<const char*>(data + 1), size - 1),
      config::ConfigFormat::kAuto, &err);
  if (file) {
    provider::StaticConfig sc;
    config::ApplyTraefikConfig(*file, sc);
    (void)config::DefaultEntryPoints(sc);
  }
  return 0;
}
