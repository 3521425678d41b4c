#include "core/lint/support/route_overlaps.h"

#include "core/rule_lang/router_check.h"

namespace irtcp::lint {

std::vector<rule_lang::Overlap> FindOverlaps(const RuleLangEnv& env) {
  const std::vector<RouteMatch>& routes = env.routes();
  std::vector<rule_lang::OverlapRoute> in;
  std::vector<std::size_t> index;  // in[k] is routes[index[k]]
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const RouteMatch& r = routes[i];
    if (r.empty || !r.valid() || !r.processed) {
      continue;  // only the routes one Traefik sees meet at its entry points
    }
    rule_lang::RouterMatchInput check;
    check.match = r.text;
    check.syntax = r.syntax;
    check.priority = r.route->priority.Or(0);
    check.has_tls = r.has_tls;
    check.passthrough = r.passthrough;
    if (!rule_lang::RouterMatchErrors(check).empty()) {
      continue;  // Traefik drops the router
    }
    rule_lang::OverlapRoute o;
    o.expr = &*r.parsed;
    o.syntax = r.syntax;
    o.priority = r.priority;
    o.has_tls = r.has_tls;
    o.entry_points = env.EntryPointsOf(r);
    o.router_name = RouterName(r);
    in.push_back(std::move(o));
    index.push_back(i);
  }
  std::vector<rule_lang::Overlap> out = rule_lang::FindOverlaps(in);
  for (rule_lang::Overlap& o : out) {
    o.loser = index[o.loser];
    o.winner = index[o.winner];
  }
  return out;
}

}  // namespace irtcp::lint
