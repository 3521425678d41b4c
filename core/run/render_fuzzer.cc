// libFuzzer target: `render` and `resolve` on one input — the provider model, the route plan,
// the dynamic configuration in YAML, JSON and TOML, and resolve's text and JSON. The first
// byte picks the Traefik version.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/config/project_config.h"
#include "core/render/render.h"
#include "core/resolve/resolver.h"
#include "core/resolve/route_plan.h"
#include "core/run/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  if (size == 0) {
    return 0;
  }
  static const std::vector<std::string_view> kVersions = config::KnownTraefikVersions();
  run::SessionOptions so;
  so.command = run::Command::kRender;
  so.static_config.traefik_version = std::string(kVersions[data[0] % kVersions.size()]);
  so.load.threads = 1;
  so.load.collect.texts.push_back(
      {"fuzz.yaml", std::string(reinterpret_cast<const char*>(data + 1), size - 1)});
  std::unique_ptr<run::Session> session = run::RunSession(so);
  if (!session->fatal_error.empty() || session->loaded == nullptr) {
    return 0;
  }
  for (render::Format f : {render::Format::kYaml, render::Format::kJson, render::Format::kToml}) {
    (void)render::Render(session->provider.config, f, render::RenderOptions{});
  }
  resolve::RoutePlan plan = resolve::BuildRoutePlan(session->provider, session->static_config);
  std::ostringstream text;
  resolve::WriteResolveText(plan, text);
  std::ostringstream json;
  resolve::WriteResolveJson(plan, json);
  return 0;
}
