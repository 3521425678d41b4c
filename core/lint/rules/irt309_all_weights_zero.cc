#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kAllWeightsZero{"IRT309",
                                     "all-weights-zero",
                                     "every service of a weighted route has weight 0",
                                     R"md(## What it does
Reports a route with two or more services whose `weight` is `0` on every one of them.

## Why is this bad?
Traefik builds a weighted round robin over the services; with a total weight of zero it sends
no connection anywhere. (With a single service `weight` is ignored, so that case is fine.)

## How to fix
Give at least one service a positive weight, or remove `weight` (the default is 1).

## Fix safety
No automatic fix.
)md",
                                     diag::Severity::kWarning,
                                     diag::FixAvailability::kNone};

void CheckAllWeightsZero(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    for (const model::Route& route : irt.routes) {
      if (route.services.size() < 2) {
        continue;
      }
      bool all_zero = true;
      for (const model::ServiceRef& ref : route.services) {
        all_zero = all_zero && ref.weight.present && ref.weight.value == 0;
      }
      if (all_zero) {
        ReportAt(sink, kAllWeightsZero, *irt.object, route.services_node, route.loc,
                 route.path + "/services",
                 "all " + std::to_string(route.services.size()) +
                     " services of this route have weight 0: Traefik sends it no "
                     "connection");
      }
    }
  }
}

}  // namespace irtcp::lint
