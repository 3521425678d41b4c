// libFuzzer target: `render` and `resolve` on one input — the provider model, the route plan,
// the dynamic configuration in YAML, JSON and TOML, and resolve's text and JSON. The first
// byte picks the Traefik version.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/render/render.h"
#include "core/resolve/resolver.h"
#include "core/resolve/route_plan.h"
#include "core/run/fuzz_session.h"
#include "core/run/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  if (size == 0) {
    return 0;
  }
  std::unique_ptr<run::Session> session =
      run::RunSession(run::FuzzSessionOptions(run::Command::kRender, data, size));
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
