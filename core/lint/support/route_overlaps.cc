#include "core/lint/support/route_overlaps.h"

#include "core/rule_lang/router_check.h"

namespace irtcp::lint {

std::vector<rule_lang::Overlap> FindOverlaps(const RuleLangEnv& env) {
  const std::vector<RouteMatch>& routes = env.routes();
  // The comparison is quadratic: beyond the limit, skip the analysis before spending anything on
  // it (OverlapAnalysisNote tells the user).
  std::size_t candidates = 0;
  for (const RouteMatch& r : routes) {
    candidates += r.empty || !r.processed ? 0U : 1U;
  }
  if (candidates > rule_lang::kMaxOverlapRoutes) {
    return {};
  }
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

std::optional<std::string> OverlapAnalysisNote(const RuleContext& ctx) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  std::size_t routes = 0;
  for (const model::IngressRouteTCP* irt : env.processed()) {
    for (const model::Route& route : irt->routes) {
      routes += route.match.present && !route.match.value.empty() ? 1U : 0U;
    }
  }
  if (routes <= rule_lang::kMaxOverlapRoutes) {
    return std::nullopt;
  }
  return "shadowed and ambiguous route checks (IRT123, IRT124) skipped: " + std::to_string(routes) +
         " routes, more than the " + std::to_string(rule_lang::kMaxOverlapRoutes) +
         " they compare pairwise; run them on fewer files";
}

}  // namespace irtcp::lint
