#include <string>

#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kDuplicateMatch{"IRT111",
                                     "duplicate-match",
                                     "two routes of one IngressRouteTCP with the same match",
                                     R"md(## What it does
Reports a route whose `match` is byte-for-byte the `match` of an earlier route of the same
IngressRouteTCP.

## Why is this bad?
Traefik names a route's router and service `<namespace>-<name>-<hash of match>`, so both
routes produce the same names: the later route's router overwrites the earlier one, and their
services collide. When both have several services, the weighted children merge into one
service. When the earlier route has ONE service and the later one SEVERAL, Traefik's provider
panics while building the configuration and the whole configuration refresh is lost (every
IngressRouteTCP of the cluster keeps its previous state).

## How to fix
Merge the two routes into one (list all services under it), or make the rules differ.

## Fix safety
No automatic fix.
)md",
                                     diag::Severity::kError,
                                     diag::FixAvailability::kNone};

void CheckDuplicateMatch(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  const std::vector<RouteMatch>& routes = env.routes();
  std::size_t object_begin = 0;  // routes of one IngressRouteTCP are contiguous
  for (std::size_t j = 0; j < routes.size(); ++j) {
    const RouteMatch& b = routes[j];
    if (routes[object_begin].irt != b.irt) {
      object_begin = j;
    }
    if (b.empty) {
      continue;
    }
    for (std::size_t i = object_begin; i < j; ++i) {
      const RouteMatch& a = routes[i];
      if (a.empty || a.text != b.text) {
        continue;
      }
      std::string message = "same match as routes[" + std::to_string(a.route->index) +
                            "]: both map to one router name, and this route overwrites it";
      if (a.route->services.size() == 1 && b.route->services.size() > 1) {
        message +=
            "; the earlier route has one service and this one several, which makes "
            "Traefik's provider panic and lose the whole configuration refresh";
      } else if (a.route->services.size() > 1 && b.route->services.size() > 1) {
        message += "; the weighted services of both routes merge";
      }
      env.ReportAtMatch(sink, kDuplicateMatch, b, message).help =
          "merge the routes (list every service under one route), or make the rules differ";
      break;
    }
  }
}

}  // namespace irtcp::lint
