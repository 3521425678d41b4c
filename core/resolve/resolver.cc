#include "core/resolve/resolver.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/config/traefik_config.h"
#include "core/provider/engine.h"
#include "core/rule_lang/priority.h"

namespace irtcp::resolve {

namespace {

std::string Location(const model::Object& o, const source::Location& loc) {
  return o.file().path() + ":" + std::to_string(loc.valid() ? loc.line : o.loc().line);
}

std::string SelectorText(const model::Service& svc) {
  std::string out;
  for (const auto& [k, v] : svc.selector.entries) {
    out += (out.empty() ? "" : ",") + k + "=" + v.value;
  }
  return out;
}

/// Explains a backend: the branch Traefik took and, when the manifests cannot say, what it would
/// use in a cluster.
void Explain(const model::Catalog& catalog, const provider::ProviderOptions& options,
             const provider::Backend& b, BackendView& v) {
  const model::ServiceRef& ref = *b.ref;
  std::string port_text;
  if (ref.port.present && ref.port.value.is_string && b.port != nullptr) {
    port_text = "port name \"" + ref.port.value.str_value + "\" -> Service port " +
                std::to_string(b.port_number);
  } else {
    port_text = "Service port " + std::to_string(b.port_number);
  }
  const model::Service* svc = b.service;
  switch (b.source) {
    case provider::ServerSource::kEndpoints: {
      std::string slices;
      for (const model::EndpointSlice* s : b.slices) {
        slices += (slices.empty() ? "" : ", ") + s->object->name;
      }
      std::string name = b.port != nullptr ? b.port->name.Or("") : "";
      v.reason = "ready endpoints of EndpointSlice(s) " + (slices.empty() ? "(none)" : slices) +
                 " (" + port_text + ", slice port named \"" + name + "\"" +
                 (b.slice_port != 0 ? " = " + std::to_string(b.slice_port) : std::string()) + ")";
      break;
    }
    case provider::ServerSource::kNativeLB:
      v.reason = "nativeLB: the Service's clusterIP with the " + port_text;
      break;
    case provider::ServerSource::kNodePort:
      v.reason = "nodePortLB: every node's InternalIP with nodePort " +
                 std::to_string(b.port != nullptr ? b.port->node_port.Or(0) : 0);
      break;
    case provider::ServerSource::kExternalName:
      v.reason = "ExternalName " + (svc != nullptr ? svc->external_name.Or("") : std::string()) +
                 " with the ref's port " + std::to_string(b.port_number);
      break;
    case provider::ServerSource::kNone:
      break;
  }
  if (!b.unknown.empty()) {
    v.unknown = b.unknown;  // the engine says what the manifests cannot tell
    return;
  }
  if (svc == nullptr || b.ok) {
    return;
  }
  // Manifests from Git have no EndpointSlices, clusterIPs or nodePorts: say what Traefik would
  // use instead of a bare "no servers".
  const std::string who = svc->object->namespace_ + "/" + svc->object->name;
  bool native = ref.native_lb.present ? ref.native_lb.value : options.native_lb_by_default;
  bool node_port = svc->EffectiveType() == "NodePort" && ref.node_port_lb.Or(false);
  if (node_port && catalog.nodes().empty()) {
    v.unknown =
        "no Node objects in the input: Traefik would use every node's InternalIP with "
        "nodePort " +
        (b.port != nullptr && b.port->node_port.present
             ? std::to_string(b.port->node_port.value)
             : std::string("(allocated by the API server)"));
  } else if (native && svc->EffectiveType() != "ExternalName" && !svc->cluster_ip.present) {
    v.unknown =
        "the manifest has no clusterIP (the API server allocates it): Traefik would use "
        "<clusterIP>:" +
        std::to_string(b.port != nullptr ? b.port->port.Or(0) : b.port_number);
  } else if (b.source == provider::ServerSource::kEndpoints && b.slices.empty() &&
             catalog.SlicesFor(svc->object->namespace_, svc->object->name).empty() &&
             b.port != nullptr) {
    std::string target = b.port->target_port.present ? b.port->target_port.value.ToString()
                                                     : std::to_string(b.port->port.Or(0));
    std::string selector = SelectorText(*svc);
    v.unknown = "no EndpointSlice for " + who +
                " in the input (manifests from Git?): Traefik would use the ready Pods " +
                (selector.empty() ? std::string("of the Service (it has NO selector: only "
                                                "manually managed EndpointSlices)")
                                  : "selected by " + selector) +
                " on target port " + target;
  }
}

std::string TlsMode(const model::IngressRouteTCP& irt, const provider::Router& router) {
  if (!router.tls) {
    return "none";
  }
  if (router.tls->passthrough) {
    return "passthrough";
  }
  std::string out = "terminate";
  std::vector<std::string> parts;
  if (irt.tls.value.secret_name.present && !irt.tls.value.secret_name.value.empty()) {
    parts.push_back("secret " + irt.object->namespace_ + "/" + irt.tls.value.secret_name.value);
  }
  if (!router.tls->cert_resolver.empty()) {
    parts.push_back("certResolver " + router.tls->cert_resolver);
  }
  if (!router.tls->options.empty()) {
    parts.push_back("options " + router.tls->options);
  }
  if (parts.empty()) {
    parts.push_back("default certificate");
  }
  out += " (";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i > 0 ? ", " : "") + parts[i];
  }
  return out + ")";
}

}  // namespace

ResolveReport Resolve(const model::Catalog& catalog, const provider::StaticConfig& config) {
  ResolveReport report;
  report.entry_points_known = config.entry_points_known;
  provider::Result result = provider::Build(catalog, config.provider);
  if (!result.fatal_error.empty()) {
    report.fatal_error = result.fatal_error;
    return report;
  }
  std::vector<std::string> defaults = config::DefaultEntryPoints(config);
  for (const provider::IngressResult& ir : result.ingresses) {
    if (!ir.processed) {
      report.skipped.push_back({ir.irtcp->object->namespace_ + "/" + ir.irtcp->object->name,
                                Location(*ir.irtcp->object, {}), ir.skip_reason});
    }
  }
  for (const provider::RouteResult& rr : result.routes) {
    RouteView v;
    const model::IngressRouteTCP& irt = *rr.irtcp;
    v.router = rr.name;
    v.object = irt.object->namespace_ + "/" + irt.object->name;
    v.location = Location(*irt.object, rr.route->loc);
    // A dropped route has no router: show what the object says.
    v.rule = rr.router.rule.empty() ? rr.route->match.Or("") : rr.router.rule;
    v.entry_points = rr.router.entry_points;
    if (v.entry_points.empty() && irt.entry_points.present) {
      v.entry_points = irt.entry_points.value;
    }
    if (v.entry_points.empty()) {
      v.default_entry_points = true;
      v.entry_points = config.entry_points_known ? defaults : std::vector<std::string>{"(default)"};
    }
    std::int64_t priority = rr.router.priority != 0 ? rr.router.priority : rr.route->priority.Or(0);
    if (priority != 0) {
      v.priority = priority;
      v.priority_source = "spec";
    } else {
      v.priority = rule_lang::DefaultPriority(v.rule);
      v.priority_source =
          v.priority == -1 ? "default (HostSNI(`*`) catch-all: -1)" : "default (rule length)";
    }
    v.tls = rr.status == provider::RouteStatus::kEmitted ||
                    rr.status == provider::RouteStatus::kTlsOptionError
                ? TlsMode(irt, rr.router)
                : std::string(irt.tls.present ? "(route dropped)" : "none");
    v.middlewares = rr.router.middlewares;
    switch (rr.status) {
      case provider::RouteStatus::kEmitted:
        v.status = rr.Dangling() ? "dangling" : "ok";
        if (rr.Dangling()) {
          v.status_reason = rr.backends.empty()
                                ? "the route lists no service: the router points at a service "
                                  "that does not exist"
                                : "no backend produced a service: the router points at a service "
                                  "that does not exist";
        }
        break;
      case provider::RouteStatus::kEmptyMatch:
        v.status = "dropped";
        v.status_reason = "empty match rule";
        break;
      case provider::RouteStatus::kMiddlewareError:
      case provider::RouteStatus::kTlsOptionError:
        v.status = "dropped";
        v.status_reason = rr.error;
        break;
    }
    for (const provider::Backend& b : rr.backends) {
      BackendView bv;
      bv.service = b.ns + "/" + b.ref->name.value;
      bv.port = b.ref->port.present ? b.ref->port.value.ToString() : "";
      bv.weight = b.weight;
      bv.ok = b.ok;
      bv.error = b.error;
      bv.source = b.ok ? std::string(provider::ServerSourceName(b.source)) : "";
      if (b.load_balancer) {
        for (const provider::Server& s : b.load_balancer->servers) {
          bv.servers.push_back({s.address, s.tls});
        }
      }
      Explain(catalog, config.provider, b, bv);
      if (!bv.unknown.empty()) {
        bv.reason.clear();  // the unknown line says what would be used
      }
      v.backends.push_back(std::move(bv));
    }
    report.routes.push_back(std::move(v));
  }
  if (!config.entry_points_known) {
    report.notes.push_back(
        "entry points unknown: routes without entryPoints are listed under (default); pass "
        "--traefik-config to name them");
  }
  return report;
}

void WriteResolveText(const ResolveReport& report, std::ostream& out) {
  if (!report.fatal_error.empty()) {
    out << "Traefik's CRD provider would not start: " << report.fatal_error << '\n';
    return;
  }
  // Group by entry point; within one, Traefik tries routers by priority, highest first.
  std::map<std::string, std::vector<const RouteView*>> by_ep;
  std::vector<const RouteView*> dropped;
  for (const RouteView& r : report.routes) {
    if (r.status == "dropped") {
      dropped.push_back(&r);
      continue;
    }
    for (const std::string& ep : r.entry_points) {
      by_ep[ep].push_back(&r);
    }
  }
  auto write_route = [&](const RouteView& r) {
    out << "  " << r.priority << "  " << r.rule << '\n';
    out << "      router   " << r.router << "  (" << r.object << ", " << r.location << ")\n";
    out << "      priority " << r.priority_source << '\n';
    if (r.default_entry_points) {
      out << "      entry    no entryPoints: bound to the default entry points\n";
    }
    out << "      tls      " << r.tls << '\n';
    if (!r.middlewares.empty()) {
      out << "      middle   ";
      for (std::size_t i = 0; i < r.middlewares.size(); ++i) {
        out << (i > 0 ? ", " : "") << r.middlewares[i];
      }
      out << '\n';
    }
    if (r.status != "ok") {
      out << "      status   " << r.status << ": " << r.status_reason << '\n';
    }
    for (const BackendView& b : r.backends) {
      out << "      -> " << b.service << ":" << b.port;
      if (b.weight) {
        out << "  weight " << *b.weight;
      }
      if (!b.ok) {
        out << "  DROPPED: " << b.error;
      }
      out << '\n';
      if (!b.servers.empty()) {
        out << "         servers ";
        for (std::size_t i = 0; i < b.servers.size(); ++i) {
          out << (i > 0 ? ", " : "") << b.servers[i].address << (b.servers[i].tls ? " (tls)" : "");
        }
        out << '\n';
      }
      if (!b.reason.empty()) {
        out << "         via     " << b.reason << '\n';
      }
      if (!b.unknown.empty()) {
        out << "         unknown " << b.unknown << '\n';
      }
    }
  };
  for (auto& [ep, routes] : by_ep) {
    std::stable_sort(routes.begin(), routes.end(), [](const RouteView* a, const RouteView* b) {
      return a->priority > b->priority;
    });
    out << "entry point " << ep << '\n';
    for (const RouteView* r : routes) {
      write_route(*r);
    }
    out << '\n';
  }
  if (!dropped.empty()) {
    out << "dropped routes (no router)\n";
    for (const RouteView* r : dropped) {
      write_route(*r);
    }
    out << '\n';
  }
  if (!report.skipped.empty()) {
    out << "objects Traefik skips\n";
    for (const SkippedObjectView& s : report.skipped) {
      out << "  " << s.object << " (" << s.location << "): " << s.reason << '\n';
    }
    out << '\n';
  }
  for (const std::string& n : report.notes) {
    out << "note: " << n << '\n';
  }
}

void WriteResolveJson(const ResolveReport& report, std::ostream& out) {
  nlohmann::ordered_json j;
  j["routes"] = nlohmann::ordered_json::array();
  for (const RouteView& r : report.routes) {
    nlohmann::ordered_json jr;
    jr["router"] = r.router;
    jr["object"] = r.object;
    jr["location"] = r.location;
    jr["entryPoints"] = r.entry_points;
    jr["defaultEntryPoints"] = r.default_entry_points;
    jr["rule"] = r.rule;
    jr["priority"] = r.priority;
    jr["prioritySource"] = r.priority_source;
    jr["tls"] = r.tls;
    jr["middlewares"] = r.middlewares;
    jr["status"] = r.status;
    if (!r.status_reason.empty()) {
      jr["statusReason"] = r.status_reason;
    }
    jr["backends"] = nlohmann::ordered_json::array();
    for (const BackendView& b : r.backends) {
      nlohmann::ordered_json jb;
      jb["service"] = b.service;
      jb["port"] = b.port;
      if (b.weight) {
        jb["weight"] = *b.weight;
      }
      jb["ok"] = b.ok;
      if (!b.source.empty()) {
        jb["source"] = b.source;
      }
      jb["servers"] = nlohmann::ordered_json::array();
      for (const ServerView& s : b.servers) {
        jb["servers"].push_back({{"address", s.address}, {"tls", s.tls}});
      }
      if (!b.reason.empty()) {
        jb["reason"] = b.reason;
      }
      if (!b.error.empty()) {
        jb["error"] = b.error;
      }
      if (!b.unknown.empty()) {
        jb["unknown"] = b.unknown;
      }
      jr["backends"].push_back(std::move(jb));
    }
    j["routes"].push_back(std::move(jr));
  }
  j["skipped"] = nlohmann::ordered_json::array();
  for (const SkippedObjectView& s : report.skipped) {
    j["skipped"].push_back({{"object", s.object}, {"location", s.location}, {"reason", s.reason}});
  }
  j["notes"] = report.notes;
  if (!report.fatal_error.empty()) {
    j["fatalError"] = report.fatal_error;
  }
  out << j.dump(2) << '\n';
}

}  // namespace irtcp::resolve
