#include "core/resolve/route_plan.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/config/traefik_config.h"
#include "core/resolve/route_plan_details.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/priority.h"
#include "core/rule_lang/router_check.h"

namespace irtcp::resolve {

namespace {

/// Traefik names the routers of this provider `<name>@kubernetescrd`.
constexpr std::string_view kProvider = "kubernetescrd";

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i > 0 ? std::string(sep) : std::string()) + parts[i];
  }
  return out;
}

std::string Qualified(const std::string& name) { return name + "@" + std::string(kProvider); }

/// Entry points of a router, as today's resolve shows them: the router's, else the defaults of
/// the static configuration, else the implicit group when the entry points are unknown.
void PlanEntryPoints(const provider::RouteResult& rr, const provider::StaticConfig& config,
                     const std::vector<std::string>& defaults, PlannedRouter& p) {
  p.entry_points = rr.router.entry_points;
  if (p.entry_points.empty() && rr.irtcp->entry_points.present) {
    p.entry_points = rr.irtcp->entry_points.value;
  }
  if (p.entry_points.empty()) {
    p.default_entry_points = true;
    p.entry_points = config.entry_points_known
                         ? defaults
                         : std::vector<std::string>{std::string(kImplicitEntryPoint)};
  }
}

/// Router-manager step 0 (rules.md §3.4): unknown entry points are dropped with a warning; none
/// left is critical. Only when the static configuration is known.
bool CheckEntryPoints(const provider::StaticConfig& config, PlannedRouter& p) {
  if (!config.entry_points_known) {
    return true;
  }
  std::vector<std::string> valid;
  for (const std::string& ep : p.entry_points) {
    bool exists =
        std::any_of(config.entry_points.begin(), config.entry_points.end(),
                    [&](const provider::EntryPoint& e) { return e.name == ep && !e.udp; });
    if (exists) {
      valid.push_back(ep);
    } else {
      p.warnings.push_back("entryPoint \"" + ep + "\" doesn't exist");
    }
  }
  if (valid.empty()) {
    p.status = RouterStatus::kRejected;
    p.rejected_by = "router manager";
    p.reason = "no valid entryPoint for this router";
    return false;
  }
  p.entry_points = std::move(valid);
  return true;
}

/// The backends of the winning router. When other routes share its name, they are what
/// Traefik's final `tcp.services[R]` holds (provider.md §6.6): a later single service replaces the
/// earlier one, a weighted service accumulates the children of every route, a child name
/// written twice keeps the last servers. The winner's failed backends follow.
void PlanBackends(std::size_t index, const std::vector<std::size_t>& same_name,
                  const provider::Result& result, PlannedRouter& p) {
  const provider::RouteResult& rr = result.routes[index];
  auto svc = result.config.tcp.services.find(rr.name);
  if (svc == result.config.tcp.services.end() || same_name.size() < 2) {
    for (const provider::Backend& b : rr.backends) {
      p.backends.push_back(detail::PlanBackend(b));
    }
    return;
  }
  std::vector<std::pair<std::string, std::optional<std::int64_t>>> keys;
  if (svc->second.weighted) {
    for (const provider::WeightedRef& w : svc->second.weighted->services) {
      keys.emplace_back(w.name, w.weight);
    }
  } else {
    keys.emplace_back(rr.name, std::nullopt);
  }
  for (const auto& entry : keys) {
    const std::string& key = entry.first;
    // The last route (and ref) that wrote this service.
    for (auto it = same_name.rbegin(); it != same_name.rend(); ++it) {
      const provider::RouteResult& other = result.routes[*it];
      auto b =
          std::find_if(other.backends.rbegin(), other.backends.rend(),
                       [&](const provider::Backend& x) { return x.ok && x.service_key == key; });
      if (b != other.backends.rend()) {
        PlannedBackend pb = detail::PlanBackend(*b);
        pb.weight = entry.second;
        if (*it != index) {
          pb.inherited_from = detail::RouteWhere(other);
        }
        p.backends.push_back(std::move(pb));
        break;
      }
    }
  }
  for (const provider::Backend& b : rr.backends) {
    if (!b.ok) {
      p.backends.push_back(detail::PlanBackend(b));
    }
  }
}

void PlanPriority(const provider::RouteResult& rr, PlannedRouter& p) {
  std::int64_t priority = rr.router.priority != 0 ? rr.router.priority : rr.route->priority.Or(0);
  if (priority != 0) {
    p.priority = priority;
    p.priority_source = "spec";
  } else {
    p.priority = rule_lang::DefaultPriority(p.rule);
    p.priority_source =
        p.priority == -1 ? "default (HostSNI(`*`) catch-all: -1)" : "default (rule length)";
  }
}

/// The router manager's checks after the provider (rules.md §3.4), in Traefik's order.
void CheckRouter(const provider::RouteResult& rr, const provider::StaticConfig& config,
                 PlannedRouter& p) {
  if (!CheckEntryPoints(config, p)) {
    return;
  }
  rule_lang::RouterMatchInput in;
  const std::string qualified = Qualified(p.name);
  in.name = qualified;
  in.match = p.rule;
  in.syntax = p.syntax;
  in.priority = rr.route->priority.Or(0);
  in.has_tls = p.tls.mode != TlsMode::kNone;
  in.passthrough = p.tls.mode == TlsMode::kPassthrough;
  const version::TraefikVersion& v = config.provider.traefik_version;
  in.reject_hostsni_without_tls = v.AtLeastPatch(2, 11, 1);
  in.enforce_max_priority = v.AtLeastPatch(2, 11, 1);
  std::vector<std::string> errors = rule_lang::RouterMatchErrors(in);
  if (errors.empty() && p.syntax == rule_lang::Syntax::kV3 && !v.AtLeast(3, 7)) {
    rule_lang::Error err;
    rule_lang::Error parse_err;
    std::optional<rule_lang::MatchExpr> expr = rule_lang::Parse(p.rule, &parse_err);
    if (expr && !rule_lang::ValidateHostSniBeforeV37(*expr, &err)) {
      errors.push_back(rule_lang::AddRouteMessage(err, p.rule));
    }
  }
  if (!errors.empty()) {
    p.status = RouterStatus::kRejected;
    p.rejected_by = "router manager";
    p.reason = Join(errors, "; ");
    return;
  }
  if (!p.tls.options_error.empty()) {
    // Traefik records the error and adds a route that closes matching TLS connections; it
    // builds no handler, so the service and middlewares do not matter.
    return;
  }
  bool serviced = std::any_of(p.backends.begin(), p.backends.end(),
                              [](const PlannedBackend& b) { return b.ok || !b.unknown.empty(); });
  if (!serviced) {
    p.status = RouterStatus::kDangling;
    p.reason = std::string(rr.backends.empty()
                               ? "the route lists no service: the router points at a service "
                                 "that does not exist"
                               : "no backend produced a service: the router points at a service "
                                 "that does not exist") +
               "; Traefik skips the router (the service \"" + qualified + "\" does not exist)";
    return;
  }
  // tcp.Chain.Then builds the middlewares last to first: the last failing one is the error.
  for (auto m = p.middlewares.rbegin(); m != p.middlewares.rend(); ++m) {
    if (!m->found) {
      p.status = RouterStatus::kRejected;
      p.rejected_by = "router manager";
      p.reason = "middleware \"" + m->name +
                 (m->name.find('@') == std::string::npos ? Qualified("") : std::string()) +
                 "\" does not exist";
      return;
    }
    if (!m->build_error.empty()) {
      p.status = RouterStatus::kRejected;
      p.rejected_by = "router manager";
      p.reason = m->build_error;
      return;
    }
  }
}

}  // namespace

std::string_view RouterStatusName(RouterStatus status) {
  switch (status) {
    case RouterStatus::kActive:
      return "ok";
    case RouterStatus::kDangling:
      return "dangling";
    case RouterStatus::kRejected:
      return "rejected";
    case RouterStatus::kReplaced:
      return "replaced";
  }
  return "ok";
}

std::string_view TlsModeName(TlsMode mode) {
  switch (mode) {
    case TlsMode::kNone:
      return "none";
    case TlsMode::kPassthrough:
      return "passthrough";
    case TlsMode::kTerminate:
      return "terminate";
  }
  return "none";
}

std::string PlannedTls::Describe() const {
  if (mode != TlsMode::kTerminate) {
    return std::string(TlsModeName(mode));
  }
  std::vector<std::string> parts;
  if (!certificate.empty()) {
    parts.push_back(certificate);
  }
  if (!cert_resolver.empty()) {
    parts.push_back("certResolver " + cert_resolver);
  }
  parts.push_back("options " + options + (options_note.empty() ? "" : " (" + options_note + ")"));
  return "terminate (" + Join(parts, ", ") + ")";
}

const EntryPointPlan* RoutePlan::FindEntryPoint(std::string_view name) const {
  for (const EntryPointPlan& ep : entry_points) {
    if (ep.name == name) {
      return &ep;
    }
  }
  return nullptr;
}

const PlannedRouter* RoutePlan::FindRouter(std::string_view name) const {
  auto it = active_.find(std::string(name));
  return it == active_.end() ? nullptr : &routers[it->second];
}

void RoutePlan::Reindex() {
  active_.clear();
  for (std::size_t i = 0; i < routers.size(); ++i) {
    if (routers[i].active()) {
      active_[routers[i].name] = i;
    }
  }
}

const PlannedRouter* RoutePlan::Pick(std::string_view entry_point,
                                     const rule_lang::Connection& conn, bool tls) const {
  const EntryPointPlan* ep = FindEntryPoint(entry_point);
  if (ep == nullptr) {
    return nullptr;
  }
  // Non-TLS matching (and the fast path) sees no SNI and no ALPN.
  rule_lang::Connection plain{"", {}, conn.remote_ip};
  // Fast path: with only routers without tls, Traefik matches before reading anything, so TLS
  // connections go through the non-TLS table too.
  bool fast_path = ep->tcp.size() > 0 && ep->tls.size() == 0;
  const rule_lang::Route* route = tls && !fast_path ? ep->tls.Pick(conn) : ep->tcp.Pick(plain);
  return route == nullptr ? nullptr : FindRouter(route->id);
}

const PlannedRouter* RoutePlan::Pick(std::string_view entry_point,
                                     const rule_lang::Connection& conn) const {
  return Pick(entry_point, conn, !conn.server_name.empty() || !conn.alpn.empty());
}

namespace {

/// One pair of muxers per entry point, filled in processing order (the RouteTable's last
/// tie-break, where Traefik's order is unspecified).
void BuildEntryPointTables(RoutePlan& plan) {
  plan.entry_points.clear();
  std::map<std::string, EntryPointPlan> eps;
  for (const PlannedRouter& p : plan.routers) {
    if (!p.active()) {
      continue;
    }
    rule_lang::Error err;
    std::optional<rule_lang::CompiledMatch> rule = rule_lang::Compile(p.rule, p.syntax, &err);
    if (!rule) {
      continue;  // unreachable: RouterMatchErrors compiled it
    }
    bool tls = p.tls.mode != TlsMode::kNone;
    for (const std::string& name : p.entry_points) {
      EntryPointPlan& ep = eps[name];
      ep.name = name;
      (tls ? ep.tls : ep.tcp).Add(p.name, *rule, p.priority, std::string(kProvider), tls);
    }
  }
  for (auto& [name, ep] : eps) {
    ep.tcp.Build();
    ep.tls.Build();
    plan.entry_points.push_back(std::move(ep));
  }
}

}  // namespace

std::vector<std::string> ReviveRouters(
    RoutePlan& plan, const std::function<bool(const PlannedBackend&)>& stands_in) {
  std::vector<std::string> revived;
  for (PlannedRouter& p : plan.routers) {
    if (p.status != RouterStatus::kDangling) {
      continue;
    }
    bool any = false;
    for (PlannedBackend& b : p.backends) {
      any = any || stands_in(b);
    }
    // A stand-in backend does not mend a middleware Traefik cannot build: the router manager
    // would still drop the router.
    for (const PlannedMiddleware& m : p.middlewares) {
      any = any && m.found && m.build_error.empty();
    }
    if (any) {
      p.status = RouterStatus::kActive;
      p.reason.clear();
      revived.push_back(p.name);
    }
  }
  if (!revived.empty()) {
    plan.Reindex();
    BuildEntryPointTables(plan);
  }
  return revived;
}

RoutePlan BuildRoutePlan(const provider::Result& result, const provider::StaticConfig& config) {
  RoutePlan plan;
  plan.entry_points_known = config.entry_points_known;
  if (!result.fatal_error.empty()) {
    plan.fatal_error = result.fatal_error;
    return plan;
  }
  for (const provider::IngressResult& ir : result.ingresses) {
    if (!ir.processed) {
      const model::Object& o = *ir.irtcp->object;
      plan.skipped.push_back(
          {o.namespace_ + "/" + o.name, detail::Location(o, {}), ir.skip_reason});
    }
  }
  // Router names written more than once: the last route the provider emitted wins.
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;
  std::unordered_map<std::string, std::size_t> winner;
  for (std::size_t i = 0; i < result.routes.size(); ++i) {
    const provider::RouteResult& rr = result.routes[i];
    if (!rr.name.empty()) {
      by_name[rr.name].push_back(i);
    }
    if (rr.status == provider::RouteStatus::kEmitted) {
      winner[rr.name] = i;
    }
  }
  const std::vector<std::string> defaults = config::DefaultEntryPoints(config);
  for (std::size_t i = 0; i < result.routes.size(); ++i) {
    const provider::RouteResult& rr = result.routes[i];
    const model::IngressRouteTCP& irt = *rr.irtcp;
    PlannedRouter p;
    p.name = rr.name;
    p.object = irt.object->namespace_ + "/" + irt.object->name;
    p.location = detail::Location(*irt.object, rr.route->loc);
    // A dropped route has no router: show what the object says.
    p.rule = rr.router.rule.empty() ? rr.route->match.Or("") : rr.router.rule;
    p.syntax = provider::RouteSyntax(*rr.route, config.default_rule_syntax,
                                     config.provider.traefik_version);
    PlanEntryPoints(rr, config, defaults, p);
    PlanPriority(rr, p);
    p.tls = detail::PlanTls(rr, result);
    p.middlewares = detail::PlanMiddlewares(rr, result);
    switch (rr.status) {
      case provider::RouteStatus::kEmitted:
        break;
      case provider::RouteStatus::kEmptyMatch:
        p.status = RouterStatus::kRejected;
        p.rejected_by = "provider";
        p.reason = "Empty match rule";
        break;
      case provider::RouteStatus::kMiddlewareError:
        p.status = RouterStatus::kRejected;
        p.rejected_by = "provider";
        p.reason = rr.error;
        break;
      case provider::RouteStatus::kTlsOptionError:
        p.status = RouterStatus::kRejected;
        p.rejected_by = "provider";
        p.reason = "Invalid reference to TLSOption \"" +
                   irt.tls.value.options.value.name.Or(std::string()) + "\": " + rr.error;
        break;
    }
    if (rr.status == provider::RouteStatus::kEmitted && winner[rr.name] != i) {
      for (const provider::Backend& b : rr.backends) {
        p.backends.push_back(detail::PlanBackend(b));
      }
      p.status = RouterStatus::kReplaced;
      p.replaced_by = detail::RouteWhere(result.routes[winner[rr.name]]);
      p.reason =
          "a later route has the same match, hence the same router name; Traefik keeps "
          "only the last one";
    } else if (rr.status == provider::RouteStatus::kEmitted) {
      PlanBackends(i, by_name[rr.name], result, p);
      CheckRouter(rr, config, p);
    } else {
      for (const provider::Backend& b : rr.backends) {
        p.backends.push_back(detail::PlanBackend(b));
      }
    }
    if (!config.provider.traefik_version.AtLeastPatch(3, 2, 4)) {
      for (PlannedBackend& b : p.backends) {
        b.tls = false;  // services[].tls reaches the servers from v3.2.4 (versions.md §0)
      }
    }
    plan.routers.push_back(std::move(p));
  }
  plan.Reindex();
  BuildEntryPointTables(plan);
  if (!config.entry_points_known) {
    plan.notes.push_back(
        "entry points unknown: routes without entryPoints are listed under (default); pass "
        "--traefik-config to name them");
  }
  return plan;
}

}  // namespace irtcp::resolve
