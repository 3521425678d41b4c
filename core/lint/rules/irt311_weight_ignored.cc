#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kWeightIgnored{"IRT311",
                                    "weight-ignored",
                                    "weight on the only service of a route, which Traefik ignores",
                                    R"md(## What it does
Notes `weight` on a service ref when the route lists a single service.

## Why is this bad?
With one service Traefik builds a plain load balancer for it, not a weighted round robin, and
never reads `weight` (provider.md §8): the service gets every connection of the route, even
with `weight: 0`. The field suggests a traffic split that does not exist.

## How to fix
Remove `weight`, or add the other services the split was meant for.

## Fix safety
No automatic fix.
)md",
                                    diag::Severity::kInfo,
                                    diag::FixAvailability::kNone};

void CheckWeightIgnored(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    for (const model::Route& route : irt.routes) {
      if (route.services.size() != 1 || !route.services.front().weight.present) {
        continue;
      }
      const model::ServiceRef& ref = route.services.front();
      ReportAt(sink, kWeightIgnored, *irt.object, ref.weight.node, ref.weight.loc,
               ref.path + "/weight",
               "weight " + std::to_string(ref.weight.value) +
                   " is ignored: the route has a single service, which gets every connection")
          .help = "remove weight, or list the other services of the split";
    }
  }
}

}  // namespace irtcp::lint
