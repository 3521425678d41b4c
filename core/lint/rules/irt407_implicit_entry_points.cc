#include "core/config/traefik_config.h"
#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kImplicitEntryPoints{"IRT407",
                                          "implicit-entry-points",
                                          "an IngressRouteTCP without entryPoints",
                                          R"md(## What it does
Reports IngressRouteTCPs that list no `spec.entryPoints`, and names the entry points they bind
to when Traefik's static configuration is known: the entry points marked `asDefault`, else every
TCP entry point except `traefik`.

## Why is this bad?
The router listens on every default entry point, often including `web` and `websecure`, where a
TCP router is tried before the HTTP routers: a `HostSNI(`*`)` route there captures all plain
HTTP traffic.

## How to fix
List the entry points the route is meant for.

## Fix safety
No automatic fix.
)md",
                                          diag::Severity::kInfo,
                                          diag::FixAvailability::kNone};

void CheckImplicitEntryPoints(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  std::vector<std::string> defaults = config::DefaultEntryPoints(env.config());
  std::string list;
  for (const std::string& d : defaults) {
    list += (list.empty() ? "" : ", ") + d;
  }
  for (const model::IngressRouteTCP* irt : env.processed()) {
    if (irt->entry_points.present && !irt->entry_points.value.empty()) {
      continue;
    }
    std::string message = "no entryPoints: the routers bind to ";
    if (!env.config().entry_points_known) {
      message +=
          "Traefik's default entry points (those marked asDefault, else every TCP entry "
          "point but traefik; pass --traefik-config to name them)";
    } else if (defaults.empty()) {
      message += "no entry point at all: Traefik's static configuration has no TCP entry point";
    } else {
      message += "the default entry points: " + list;
    }
    yaml::NodeId spec = irt->object->doc->Get(irt->object->node, "spec");
    ReportAt(sink, kImplicitEntryPoints, *irt->object, yaml::kNoNode,
             spec != yaml::kNoNode ? irt->object->doc->node(spec).loc : irt->object->loc(),
             irt->object->path_prefix + "/spec", message);
  }
}

}  // namespace irtcp::lint
