#include "core/gateway/traefik_model.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "core/config/traefik_config.h"
#include "core/rule_lang/route_table.h"

namespace irtcp::gateway {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kGroup = "gateway.networking.k8s.io";

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    return "";
  }
  return it->get<std::string>();
}

std::optional<std::int64_t> Int(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) {
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

const Json& Field(const Json& j, const char* key) {
  static const Json kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

struct Listener {
  std::string name;
  std::string protocol;
  std::int64_t port = 0;
  std::string hostname;
  std::string mode;  ///< TLS: "Passthrough" or "Terminate"
  std::string entry_point;
  std::vector<std::string> kinds;  ///< allowed route kinds (group checked)
  bool from_all = false;
  bool valid = false;
};

struct Gateway {
  std::string ns;
  std::string name;
  std::vector<Listener> listeners;
};

struct Grant {
  std::string ns;                                         ///< where it lives (the target namespace)
  std::vector<std::pair<std::string, std::string>> from;  ///< (kind, namespace)
  std::vector<std::pair<std::string, std::string>> to;    ///< (kind, name or "")
};

bool Granted(const std::vector<Grant>& grants, std::string_view from_kind, std::string_view from_ns,
             std::string_view to_ns, std::string_view to_name) {
  for (const Grant& g : grants) {
    if (g.ns != to_ns) {
      continue;
    }
    bool from = std::any_of(g.from.begin(), g.from.end(), [&](const auto& f) {
      return f.first == from_kind && f.second == from_ns;
    });
    bool to = std::any_of(g.to.begin(), g.to.end(), [&](const auto& t) {
      return t.first == "Service" && (t.second.empty() || t.second == to_name);
    });
    if (from && to) {
      return true;
    }
  }
  return false;
}

/// gw/kubernetes.go findMatchingHostnames: the intersection of the listener's hostname and the
/// route's hostnames (the more specific name of each matching pair).
bool WildcardCovers(std::string_view wildcard, std::string_view name) {
  // "*.x" covers "a.x" and "a.b.x" (Gateway API: any depth).
  std::string_view suffix = wildcard.substr(1);
  return name.size() > suffix.size() && name.ends_with(suffix);
}

std::vector<std::string> MatchingHostnames(const std::string& listener,
                                           const std::vector<std::string>& route) {
  if (listener.empty()) {
    return route;
  }
  std::vector<std::string> out;
  for (const std::string& h : route) {
    if (h == listener ||
        (listener.starts_with("*.") && !h.starts_with("*.") && WildcardCovers(listener, h))) {
      out.push_back(h);
    } else if (h.starts_with("*.") && !listener.starts_with("*.") && WildcardCovers(h, listener)) {
      out.push_back(listener);
    } else if (h.starts_with("*.") && listener.starts_with("*.")) {
      if (WildcardCovers(h, listener.substr(2))) {
        out.push_back(listener);
      } else if (WildcardCovers(listener, h.substr(2))) {
        out.push_back(h);
      }
    }
  }
  return out;
}

/// gw/tlsroute.go: exact names give HostSNI, `*.x` gives a one-label HostSNIRegexp.
std::string HostnameRule(const std::vector<std::string>& hostnames) {
  std::string rule;
  std::set<std::string> seen;
  for (const std::string& h : hostnames) {
    std::string part;
    if (h.starts_with("*.")) {
      part = "HostSNIRegexp(`^[a-z0-9-]+";
      for (char c : h.substr(1)) {
        if (c == '.') {
          part += "\\.";
        } else {
          part += c;
        }
      }
      part += "$`)";
    } else {
      part = "HostSNI(`" + h + "`)";
    }
    if (!seen.insert(part).second) {
      continue;
    }
    if (!rule.empty()) {
      rule += " || ";
    }
    rule += part;
  }
  return rule;
}

std::int64_t HostnamePriority(const std::vector<std::string>& hostnames) {
  std::int64_t best = 0;
  for (const std::string& h : hostnames) {
    auto stars = static_cast<std::int64_t>(std::count(h.begin(), h.end(), '*'));
    best = std::max(best, static_cast<std::int64_t>(h.size()) - stars);
  }
  return best;
}

std::string FirstEntryPointForPort(const provider::StaticConfig& config, std::int64_t port) {
  for (const provider::EntryPoint& ep : config.entry_points) {
    if (!ep.udp && EntryPointPort(ep.address) == port) {
      return ep.name;
    }
  }
  return "";
}

Listener ReadListener(const Json& l, const provider::StaticConfig& config,
                      const GatewayModelOptions& options) {
  Listener out;
  out.name = Str(l, "name");
  out.protocol = Str(l, "protocol");
  out.port = Int(l, "port").value_or(0);
  out.hostname = Str(l, "hostname");
  const Json& tls = Field(l, "tls");
  if (tls.is_object()) {
    out.mode = Str(tls, "mode");
    if (out.mode.empty()) {
      out.mode = "Terminate";
    }
  }
  const Json& allowed = Field(l, "allowedRoutes");
  out.from_all = Str(Field(allowed, "namespaces"), "from") == "All";
  const Json& kinds = Field(allowed, "kinds");
  if (kinds.is_array()) {
    for (const Json& k : kinds) {
      // Traefik compares the group as a pointer: it must be written.
      if (k.is_object() && Str(k, "group") == kGroup) {
        out.kinds.push_back(Str(k, "kind"));
      }
    }
  } else if (out.protocol == "TCP") {
    out.kinds = {"TCPRoute"};
  } else if (out.protocol == "TLS") {
    out.kinds = {"TLSRoute"};
  }
  out.entry_point = FirstEntryPointForPort(config, out.port);
  bool certs = tls.is_object() && Field(tls, "certificateRefs").is_array() &&
               !Field(tls, "certificateRefs").empty();
  if (out.entry_point.empty()) {
    out.valid = false;  // PortUnavailable
  } else if (out.protocol == "TCP") {
    out.valid = options.experimental_channel && !tls.is_object();
  } else if (out.protocol == "TLS") {
    out.valid = tls.is_object() && (out.mode == "Passthrough" || certs);
  }
  return out;
}

resolve::PlannedBackend ReadBackend(const Json& ref, std::string_view route_kind,
                                    const std::string& route_ns, const std::vector<Grant>& grants) {
  resolve::PlannedBackend b;
  std::string kind = Str(ref, "kind");
  std::string group = Str(ref, "group");
  std::string name = Str(ref, "name");
  std::string ns = Str(ref, "namespace");
  std::optional<std::int64_t> port = Int(ref, "port");
  b.weight = Int(ref, "weight").value_or(1);
  if (kind == "TraefikService") {
    b.service = name;
    b.ok = name.find('@') != std::string::npos && ns.empty();
    if (!b.ok) {
      b.error = "InvalidKind";
    }
    return b;
  }
  if (ns.empty()) {
    ns = route_ns;
  }
  b.service = ns + "/" + name;
  b.port = port ? std::to_string(*port) : "";
  if ((!kind.empty() && kind != "Service") || (!group.empty() && group != "core")) {
    b.error = "InvalidKind";
  } else if (!port) {
    b.error = "port is required";
  } else if (ns != route_ns && !Granted(grants, route_kind, route_ns, ns, name)) {
    b.error = "missing ReferenceGrant";
  } else {
    b.ok = true;
  }
  return b;
}

}  // namespace

int EntryPointPort(const std::string& address) {
  std::string_view a = address;
  std::string lower;
  for (char c : a) {
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  std::string_view l = lower;
  if (l.ends_with("/udp")) {
    return 0;
  }
  if (l.ends_with("/tcp")) {
    l.remove_suffix(4);
  }
  std::size_t colon = l.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= l.size()) {
    return 0;
  }
  std::string_view digits = l.substr(colon + 1);
  int port = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || port <= 0 || port > 65535) {
    return 0;
  }
  return port;
}

resolve::RoutePlan ModelGatewayProvider(const std::vector<nlohmann::ordered_json>& documents,
                                        const provider::StaticConfig& config,
                                        const GatewayModelOptions& options) {
  std::vector<Gateway> gateways;
  std::vector<Grant> grants;
  std::vector<const Json*> routes;
  for (const Json& doc : documents) {
    if (!doc.is_object()) {
      continue;
    }
    std::string api = Str(doc, "apiVersion");
    std::string kind = Str(doc, "kind");
    const Json& meta = Field(doc, "metadata");
    const Json& spec = Field(doc, "spec");
    if (kind == "Gateway" && api == "gateway.networking.k8s.io/v1") {
      if (Str(spec, "gatewayClassName") != options.gateway_class) {
        continue;
      }
      Gateway g;
      g.ns = Str(meta, "namespace");
      g.name = Str(meta, "name");
      const Json& listeners = Field(spec, "listeners");
      if (listeners.is_array()) {
        for (const Json& l : listeners) {
          g.listeners.push_back(ReadListener(l, config, options));
        }
      }
      gateways.push_back(std::move(g));
    } else if (kind == "ReferenceGrant" && api == "gateway.networking.k8s.io/v1beta1") {
      Grant g;
      g.ns = Str(meta, "namespace");
      for (const Json& f : Field(spec, "from").is_array() ? Field(spec, "from") : Json::array()) {
        if (Str(f, "group") == kGroup) {
          g.from.emplace_back(Str(f, "kind"), Str(f, "namespace"));
        }
      }
      for (const Json& t : Field(spec, "to").is_array() ? Field(spec, "to") : Json::array()) {
        std::string group = Str(t, "group");
        if (group.empty() || group == "core") {
          g.to.emplace_back(Str(t, "kind"), Str(t, "name"));
        }
      }
      grants.push_back(std::move(g));
    } else if ((kind == "TLSRoute" && api == "gateway.networking.k8s.io/v1") ||
               (kind == "TCPRoute" && api == "gateway.networking.k8s.io/v1alpha2" &&
                options.experimental_channel)) {
      routes.push_back(&doc);
    }
  }

  resolve::RoutePlan plan;
  plan.entry_points_known = config.entry_points_known;
  bool any_tls_router = false;
  for (const Json* doc : routes) {
    const std::string kind = Str(*doc, "kind");
    const bool tls_route = kind == "TLSRoute";
    const Json& meta = Field(*doc, "metadata");
    const Json& spec = Field(*doc, "spec");
    const std::string ns = Str(meta, "namespace");
    const std::string name = Str(meta, "name");
    std::vector<std::string> hostnames;
    if (tls_route && Field(spec, "hostnames").is_array()) {
      for (const Json& h : Field(spec, "hostnames")) {
        if (h.is_string()) {
          hostnames.push_back(h.get<std::string>());
        }
      }
    }
    std::vector<resolve::PlannedBackend> backends;
    const Json& rules = Field(spec, "rules");
    if (rules.is_array() && !rules.empty()) {
      const Json& refs = Field(rules[0], "backendRefs");
      if (refs.is_array()) {
        for (const Json& ref : refs) {
          backends.push_back(ReadBackend(ref, kind, ns, grants));
        }
      }
    }
    const Json& parents = Field(spec, "parentRefs");
    if (!parents.is_array()) {
      continue;
    }
    int index = 0;
    for (const Json& parent : parents) {
      std::string pns = Str(parent, "namespace");
      if (pns.empty()) {
        pns = ns;
      }
      const std::string pname = Str(parent, "name");
      const std::string section = Str(parent, "sectionName");
      const std::optional<std::int64_t> port = Int(parent, "port");
      for (const Gateway& g : gateways) {
        if (g.ns != pns || g.name != pname) {
          continue;
        }
        for (const Listener& l : g.listeners) {
          if (!l.valid || (!section.empty() && section != l.name) || (port && *port != l.port)) {
            continue;
          }
          if (std::find(l.kinds.begin(), l.kinds.end(), kind) == l.kinds.end()) {
            continue;
          }
          if (!l.from_all && ns != g.ns) {
            continue;
          }
          resolve::PlannedRouter r;
          r.object = ns;
          r.object += '/';
          r.object += name;
          r.entry_points = {l.entry_point};
          r.backends = backends;
          if (tls_route) {
            std::vector<std::string> match = MatchingHostnames(l.hostname, hostnames);
            if (match.empty()) {
              continue;  // NoMatchingListenerHostname
            }
            r.rule = HostnameRule(match);
            r.priority = HostnamePriority(match);
            r.tls.mode = l.mode == "Passthrough" ? resolve::TlsMode::kPassthrough
                                                 : resolve::TlsMode::kTerminate;
            any_tls_router = true;
          } else {
            r.rule = "HostSNI(`*`)";
            r.priority = 0;
          }
          // Traefik's shape (tlsroute-<ns>-<name>-gw-<gw ns>-<gw>-ep-<ep>-<i>), plus the
          // listener so that two listeners on one entry point give two routers.
          r.name = tls_route ? "tlsroute-" : "tcproute-";
          const std::pair<const char*, const std::string*> parts[] = {{"", &ns},
                                                                      {"-", &name},
                                                                      {"-gw-", &g.ns},
                                                                      {"-", &g.name},
                                                                      {"-ep-", &l.entry_point},
                                                                      {"-", &l.name}};
          for (const auto& [sep, part] : parts) {
            r.name += sep;
            r.name += *part;
          }
          r.name += '-';
          r.name += std::to_string(index);
          plan.routers.push_back(std::move(r));
        }
      }
      ++index;
    }
  }
  if (any_tls_router) {
    resolve::PlannedRouter deny;
    deny.name = kDenyUnknownHost;
    deny.rule = kDenyUnknownHostRule;
    deny.priority = 1;
    deny.tls.mode = resolve::TlsMode::kTerminate;
    deny.default_entry_points = true;
    deny.entry_points = config::DefaultEntryPoints(config);
    plan.routers.push_back(std::move(deny));
  }
  plan.Reindex();
  std::map<std::string, resolve::EntryPointPlan> eps;
  for (const resolve::PlannedRouter& r : plan.routers) {
    bool tls = r.tls.mode != resolve::TlsMode::kNone;
    for (const std::string& ep_name : r.entry_points) {
      resolve::EntryPointPlan& ep = eps[ep_name];
      ep.name = ep_name;
      rule_lang::RouteSpec route_spec;
      route_spec.id = r.name;
      route_spec.match = r.rule;
      route_spec.priority = r.priority;
      route_spec.tls = tls;
      rule_lang::Error err;
      (tls ? ep.tls : ep.tcp).Add(route_spec, &err);
    }
  }
  for (auto& [ep_name, ep] : eps) {
    ep.tcp.Build();
    ep.tls.Build();
    plan.entry_points.push_back(std::move(ep));
  }
  return plan;
}

}  // namespace irtcp::gateway
