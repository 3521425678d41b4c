// Sections 6 to 9 of provider.md: IngressRouteTCPs, their routes, middlewares, services and the
// router each route becomes.
#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"

namespace irtcp::provider {

rule_lang::Syntax RouteSyntax(const model::Route& route, std::string_view default_rule_syntax,
                              const version::TraefikVersion& traefik_version) {
  if (!traefik_version.AtLeast(3, 0)) {
    return rule_lang::Syntax::kV2;
  }
  if (route.syntax.present && !route.syntax.value.empty()) {
    return rule_lang::SyntaxFromString(route.syntax.value);
  }
  return rule_lang::SyntaxFromString(default_rule_syntax);
}

void Engine::LoadIngressRouteTcps() {
  result_.ingresses.reserve(catalog_.ingress_route_tcps().size());
  for (const model::IngressRouteTCP& irtcp : catalog_.ingress_route_tcps()) {
    const model::Object& o = *irtcp.object;
    IngressResult ing;
    ing.irtcp = &irtcp;
    ing.visible = Visible(o, irtcp.meta);
    if (!ing.visible) {
      visibility_.CrdVisible(o, irtcp.meta, &ing.skip_reason);
      if (catalog_.input().Superseded(o)) {
        ing.skip_reason =
            "defined again later in the input: kubectl apply keeps only the later definition";
      }
      result_.ingresses.push_back(std::move(ing));
      continue;
    }
    ing.processed = IngressClassMatches(irtcp, &ing.effective_class);
    if (!ing.processed) {
      ing.skip_reason = "ingress class \"" + ing.effective_class +
                        "\" does not match the provider's ingressClass \"" +
                        options_.ingress_class + "\"";
      const bool by_name = irtcp.ingress_class_name.present;
      const model::Field<std::string>& field =
          by_name ? irtcp.ingress_class_name : irtcp.ingress_class_annotation;
      std::string what =
          by_name ? "ingressClassName \"" + ing.effective_class + "\" does not match"
          : field.present
              ? "ingress class annotation \"" + ing.effective_class + "\" does not match"
              : std::string("the object has no ingress class, so it does not match");
      std::string want = options_.ingress_class.empty() ? std::string("none, \"\" or \"traefik\"")
                                                        : "\"" + options_.ingress_class + "\"";
      Event& skipped =
          Emit(EventLevel::kDebug, EventCode::kIngressClassSkipped,
               "IngressRouteTCP skipped by ingress class", ing.skip_reason, &o, field.node,
               o.path_prefix + (by_name ? "/spec/ingressClassName" : "/metadata/annotations"));
      skipped.detail = std::move(what);
      skipped.detail += " the provider's ingressClass (expects ";
      skipped.detail += want;
      skipped.detail += "); Traefik ignores this IngressRouteTCP";
      result_.ingresses.push_back(std::move(ing));
      continue;
    }
    result_.ingresses.push_back(std::move(ing));
    ProcessIngress(irtcp);
  }
}

void Engine::ProcessIngress(const model::IngressRouteTCP& irtcp) {
  const model::Object& o = *irtcp.object;
  if (irtcp.tls.present) {
    AddRouteCertificate(o, irtcp.tls.value, o.namespace_, /*tcp=*/true);
  }
  // A refused TLS option drops every router of the object: one finding, whatever else is
  // wrong with its routes.
  if (irtcp.tls.present && irtcp.tls.value.options.present &&
      !irtcp.tls.value.options.value.name.Or(std::string()).empty()) {
    const model::ObjectRef& ref = irtcp.tls.value.options.value;
    RefKey r = ResolveRef(o.namespace_, ref.name.value, ref.ns.Or(std::string()));
    if (!r.error.empty()) {
      ReportRefusal(r, o, ref, "TLS option",
                    r.refusal == EventCode::kCrossProviderRef
                        ? "Traefik drops every router of this object"
                        : "Traefik drops every router of this object (its services stay)",
                    -1);
      Event& e = result_.events.back();
      e.message = "Invalid reference to TLSOption \"" + ref.name.value + "\"";
    }
  }
  std::string ingress_name = irtcp.IngressName();
  for (const model::Route& route : irtcp.routes) {
    ProcessRoute(irtcp, route, ingress_name);
  }
}

void Engine::ReportRefusal(const RefKey& r, const model::Object& o, const model::ObjectRef& ref,
                           std::string_view what, std::string_view effect, int route) {
  const std::string& name = ref.name.value;
  Event* e = nullptr;
  if (r.refusal == EventCode::kCrossProviderRef) {
    e = &Emit(EventLevel::kError, r.refusal, "", r.error, &o, ref.name.node, ref.path + "/name");
    e->detail = std::string(what) + " \"" + name +
                "\" is a cross-provider reference, and namespace " + o.namespace_ +
                " is not in crossProviderNamespaces; " + std::string(effect);
  } else {
    const bool at_name = r.cross_provider || !ref.ns.present;
    e = &Emit(EventLevel::kError, r.refusal, "", r.error, &o, at_name ? ref.name.node : ref.ns.node,
              ref.path + (at_name ? "/name" : "/namespace"));
    e->detail = std::string(what) + " \"" + name + "\"" +
                (r.cross_provider ? std::string(" uses @kubernetescrd,")
                                  : " is in namespace " + r.ns + ", not " + o.namespace_ + ",") +
                " and allowCrossNamespace is off; " + std::string(effect);
  }
  e->route = route;
}

bool Engine::ResolveMiddlewares(const model::IngressRouteTCP& irtcp, const model::Route& route,
                                RouteResult& rr) {
  const model::Object& o = *irtcp.object;
  const int route_index = static_cast<int>(route.index);
  for (const model::ObjectRef& m : route.middlewares) {
    const std::string& mname = m.name.Or(std::string());
    RefKey r = ResolveRef(o.namespace_, mname, m.ns.Or(std::string()));
    if (r.error.empty()) {
      if (r.cross_provider && m.ns.present && !m.ns.value.empty()) {
        Emit(EventLevel::kWarn, EventCode::kCrossProviderNamespace,
             "Namespace \"" + m.ns.value + "\" is ignored in cross-provider context", "", &o,
             m.node, m.path)
            .route = route_index;
      }
      rr.router.middlewares.push_back(std::move(r.key));
      continue;
    }
    ReportRefusal(r, o, m, "middleware", "Traefik drops this whole route", route_index);
    if (rr.status != RouteStatus::kMiddlewareError) {
      // Traefik logs the first refusal and skips the route.
      rr.status = RouteStatus::kMiddlewareError;
      rr.error = "invalid reference to middleware " + mname + ": " + r.error;
      result_.events.back().message = "Failed to create middleware keys";
      result_.events.back().error = rr.error;
    } else {
      result_.events.back().message = "Invalid reference to middleware \"" + mname + "\"";
    }
  }
  return rr.status != RouteStatus::kMiddlewareError;
}

void Engine::ProcessRoute(const model::IngressRouteTCP& irtcp, const model::Route& route,
                          const std::string& ingress_name) {
  const model::Object& o = *irtcp.object;
  const std::string& ns = o.namespace_;
  const int route_index = static_cast<int>(route.index);
  current_route_ = route_index;
  RouteResult rr;
  rr.irtcp = &irtcp;
  rr.route = &route;
  const std::string& match = route.match.Or(std::string());
  if (match.empty()) {
    rr.status = RouteStatus::kEmptyMatch;
    rr.error = "Empty match rule";
    Emit(EventLevel::kError, EventCode::kEmptyMatch, "Empty match rule", "", &o,
         route.match.node != yaml::kNoNode ? route.match.node : route.node,
         route.match.node != yaml::kNoNode ? route.path + "/match" : route.path)
        .route = route_index;
    result_.routes.push_back(std::move(rr));
    return;
  }
  std::string key = RouteKey(ingress_name, match);
  rr.name = MakeId(ns, key);
  const std::string& name = rr.name;

  // Middlewares (section 7): any refusal skips the whole route. Its services are still judged
  // (for findings only), so every mistake of the route shows at once.
  const bool middlewares_ok = ResolveMiddlewares(irtcp, route, rr);

  // Services (section 8).
  Tcp& tcp = result_.config.tcp;
  const std::size_t ref_count = route.services.size();
  for (const model::ServiceRef& ref : route.services) {
    Backend b;
    b.ref = &ref;
    bool ok = BuildLoadBalancer(irtcp, ref, &b);
    const std::string port_text = ref.port.present ? ref.port.value.ToString() : "0";
    b.service_key = name;
    if (ref_count != 1) {
      b.service_key += '-';
      b.service_key += ref.name.Or(std::string());
      b.service_key += '-';
      b.service_key += port_text;
    }
    if (!middlewares_ok) {
      continue;
    }
    if (!ok) {
      rr.backends.push_back(std::move(b));
      continue;
    }
    b.ok = true;
    if (ref_count == 1) {
      Service svc;
      svc.load_balancer = b.load_balancer;
      tcp.services[name] = std::move(svc);
    } else {
      b.weight = ref.weight.present ? ref.weight.value : 1;
      Service child;
      child.load_balancer = b.load_balancer;
      tcp.services[b.service_key] = std::move(child);
      auto it = tcp.services.find(name);
      if (it == tcp.services.end()) {
        Service parent;
        parent.weighted = Weighted{};
        it = tcp.services.emplace(name, std::move(parent)).first;
      }
      if (!it->second.weighted.has_value()) {
        Event& e = Emit(EventLevel::kError, EventCode::kProviderPanic,
                        "Traefik's provider panics on this input and loses the whole "
                        "configuration refresh",
                        "route " + std::to_string(route.index) +
                            " has several services and "
                            "reuses the match of an earlier route with a single service "
                            "(same router name " +
                            name + ")",
                        &o, route.match.node, route.path + "/match");
        e.route = route_index;
        it->second.weighted = Weighted{};
      }
      it->second.weighted->services.push_back(WeightedRef{b.service_key, b.weight});
    }
    rr.backends.push_back(std::move(b));
  }
  if (!middlewares_ok) {
    result_.routes.push_back(std::move(rr));
    return;
  }

  // Router (section 9).
  Router& router = rr.router;
  router.entry_points = irtcp.entry_points.Or({});
  router.service = name;
  router.rule = match;
  // ruleSyntax is not a TCPRouter field before v3 (versions.md §3.1).
  router.rule_syntax =
      options_.traefik_version.AtLeast(3, 0) ? route.syntax.Or(std::string()) : std::string();
  router.priority = route.priority.Or(0);
  if (irtcp.tls.present) {
    const model::RouteTls& t = irtcp.tls.value;
    RouterTls tls;
    tls.passthrough = t.passthrough.Or(false);
    tls.cert_resolver = t.cert_resolver.Or(std::string());
    for (const model::TlsDomain& d : t.domains) {
      tls.domains.push_back(Domain{d.main, d.sans});
    }
    if (t.options.present && !t.options.value.name.Or(std::string()).empty()) {
      const model::ObjectRef& ref = t.options.value;
      RefKey r = ResolveRef(ns, ref.name.value, ref.ns.Or(std::string()));
      if (!r.error.empty()) {  // reported once for the object (ProcessIngress)
        rr.status = RouteStatus::kTlsOptionError;
        rr.error = r.error;
        router.tls = std::move(tls);
        result_.routes.push_back(std::move(rr));
        return;
      }
      if (r.cross_provider && ref.ns.present && !ref.ns.value.empty()) {
        Emit(EventLevel::kWarn, EventCode::kCrossProviderNamespace,
             "Namespace \"" + ref.ns.value + "\" is ignored in cross-provider context", "", &o,
             ref.node, ref.path)
            .route = route_index;
      }
      tls.options = std::move(r.key);
    }
    router.tls = std::move(tls);
  }
  auto owner = router_owner_.find(name);
  if (owner != router_owner_.end()) {
    const model::IngressRouteTCP* prev = owner->second.first;
    const model::Object& p = *prev->object;
    const bool same = prev == &irtcp || (p.namespace_ == o.namespace_ && p.name == o.name);
    std::string where = prev == &irtcp ? "route " + std::to_string(owner->second.second) +
                                             " of the same IngressRouteTCP"
                                       : "IngressRouteTCP " + p.namespace_ + "/" + p.name +
                                             " route " + std::to_string(owner->second.second);
    Event& e =
        Emit(EventLevel::kDebug, same ? EventCode::kDuplicateMatch : EventCode::kRouterCollision,
             "Router " + name + " is written twice; the later one replaces " + where, "", &o,
             route.match.node, route.path + "/match");
    e.route = route_index;
    if (!same) {
      e.detail = "router name " + name + " is also the name of IngressRouteTCP " + p.namespace_ +
                 "/" + p.name + " routes[" + std::to_string(owner->second.second) +
                 "] (Traefik joins namespace and name with dashes); one router and its service "
                 "replace the other's";
      e.help = "rename one of the objects so that <namespace>-<name> differs";
    }
  }
  router_owner_[name] = {&irtcp, route.index};
  tcp.routers[name] = router;
  result_.routes.push_back(std::move(rr));
}

}  // namespace irtcp::provider
