#include <string>
#include <unordered_map>

#include "core/lint/rules/provider_rules.h"
#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kRouterNameCollision{
    "IRT409",
    "router-name-collision",
    "routes of two IngressRouteTCPs that Traefik gives the same router name",
    R"md(## What it does
Reports a route whose router name equals the router name of a route in another IngressRouteTCP.
Traefik names a router `<namespace>-<name>-<hash of the match>`, joining with dashes, so
`a-b/c` and `a/b-c` both give `a-b-c-<hash>` when their `match` is the same. (Two routes of one
IngressRouteTCP with the same `match` are IRT111.)

## Why is this bad?
The provider writes both routers, and their services, under one name: one replaces the other
without a log line, and which one survives depends on the order in which Traefik lists the
objects. Half of the traffic you expect to route goes to the other object's backends.

## How to fix
Rename one of the objects (or its namespace) so the dash-joined names differ, or make the rules
differ.

## Fix safety
No automatic fix: renaming an object is a deployment change.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckRouterNameCollision(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  const std::vector<RouteMatch>& routes = env.routes();
  std::unordered_map<std::string, std::size_t> first;
  first.reserve(routes.size());
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const RouteMatch& r = routes[i];
    if (r.empty) {
      continue;  // Traefik skips the route
    }
    const model::Object& o = r.object();
    auto [it, inserted] = first.try_emplace(RouterName(r), i);
    if (inserted) {
      continue;
    }
    const RouteMatch& other = routes[it->second];
    const model::Object& p = other.object();
    if (other.irt == r.irt || (p.namespace_ == o.namespace_ && p.name == o.name)) {
      continue;  // one object's match twice (IRT111), or one object given twice (kubectl keeps one)
    }
    env.ReportAtMatch(sink, kRouterNameCollision, r,
                      "router name " + it->first + " is also the name of IngressRouteTCP " +
                          p.namespace_ + "/" + p.name + " routes[" +
                          std::to_string(other.route->index) +
                          "] (Traefik joins namespace and name with dashes); one router and its "
                          "service replace the other's")
        .help = "rename one of the objects so that <namespace>-<name> differs";
  }
}

}  // namespace irtcp::lint
