// Section 10 of provider.md: a route's service ref becomes a load balancer with servers, from a
// NodePort's nodes, an ExternalName, the clusterIP (nativeLB) or the EndpointSlices. Where the
// manifests cannot tell (a Service or EndpointSlices absent from a partial input), the servers
// are unknown rather than missing.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"
#include "core/util/strings.h"

namespace irtcp::provider {

namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// "name=80->8080, 443" for messages.
std::string PortList(const model::Service& svc) {
  std::string ports;
  for (const model::ServicePort& p : svc.ports) {
    std::string one = p.name.Or("").empty() ? std::string() : p.name.value + "=";
    one += p.port.present ? std::to_string(p.port.value) : "?";
    if (p.target_port.present) {
      one += "->" + p.target_port.value.ToString();
    }
    ports += (ports.empty() ? "" : ", ") + one;
  }
  return ports;
}

}  // namespace

Event& Engine::ServiceFailed(EventCode code, const model::Object& owner,
                             const model::ServiceRef& ref, std::string_view error,
                             yaml::NodeId node, std::string path) {
  if (node == yaml::kNoNode) {
    node = ref.node;
    path = ref.path;
  }
  Event& e = Emit(EventLevel::kError, code, "Cannot create service", std::string(error), &owner,
                  node, std::move(path));
  e.route = current_route_;
  e.service = static_cast<int>(ref.index);
  return e;
}

bool Engine::BuildLoadBalancer(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref,
                               Backend* b) {
  const model::Object& o = *irtcp.object;
  const std::string& parent_ns = o.namespace_;
  const std::string& ref_ns = ref.ns.Or(std::string());
  const std::string& sname = ref.name.Or(std::string());
  b->ns = ref_ns.empty() ? parent_ns : ref_ns;
  if (!ref_ns.empty() && !options_.allow_cross_namespace && ref_ns != parent_ns) {
    b->error = "tcp service " + ref_ns + "/" + sname + " is not in the parent resource namespace " +
               parent_ns;
    ServiceFailed(EventCode::kCrossNamespaceRef, o, ref, b->error, ref.ns.node,
                  ref.path + "/namespace")
        .detail = "Service " + ref_ns + "/" + sname +
                  " is not in the IngressRouteTCP's namespace " + parent_ns +
                  " and allowCrossNamespace is off; Traefik drops this service";
  }
  // A refused serversTransport drops the service too; it is judged (and reported) whatever
  // else is wrong with the ref, and Traefik's error is the first one it meets.
  // serversTransport exists from v3.0 (versions.md §2.1): v2 never reads the field.
  static const std::string kNone;
  const std::string& st =
      options_.traefik_version.AtLeast(3, 0) ? ref.servers_transport.Or(std::string()) : kNone;
  std::string transport;
  std::string refusal;
  if (!st.empty()) {
    EventCode code = EventCode::kCrossNamespaceRef;
    std::string detail;
    if (st.find('@') != std::string::npos) {
      if (!options_.allow_cross_namespace && util::EndsWith(st, "@kubernetescrd")) {
        refusal = "invalid reference to serversTransport " + st +
                  ": namespace-name@kubernetescrd format is not allowed when crossnamespace is "
                  "disallowed";
        detail = "serversTransport \"" + st +
                 "\" uses @kubernetescrd, and allowCrossNamespace is off; Traefik drops this "
                 "service";
      } else if (options_.cross_provider_namespaces.has_value() &&
                 !Contains(*options_.cross_provider_namespaces, parent_ns)) {
        refusal = "serversTransport \"" + st + "\" reference is not allowed: namespace \"" +
                  parent_ns + "\" is not in crossProviderNamespaces";
        code = EventCode::kCrossProviderRef;
        detail = "serversTransport \"" + st + "\" is a cross-provider reference, and namespace " +
                 parent_ns + " is not in crossProviderNamespaces; Traefik drops this service";
      }
      transport = st;
    } else {
      transport = Normalize(MakeId(parent_ns, st));
    }
    if (!refusal.empty()) {
      ServiceFailed(code, o, ref, refusal, ref.servers_transport.node,
                    ref.path + "/serversTransport")
          .detail = detail;
    }
  }
  if (!b->error.empty()) {
    return false;
  }
  std::vector<Server> servers;
  if (!LoadServers(o, ref, b, &servers, &b->error)) {
    return false;
  }
  if (!refusal.empty()) {
    b->error = refusal;
    return false;
  }
  LoadBalancer lb;
  lb.servers = std::move(servers);
  if (ref.proxy_protocol.present) {
    std::int64_t v = ref.proxy_protocol.value.version.Or(0);
    lb.proxy_protocol = ProxyProtocol{v != 0 ? v : 2};
  }
  if (st.empty() && ref.termination_delay.present) {
    lb.termination_delay = ref.termination_delay.value;
  }
  lb.servers_transport = std::move(transport);
  b->load_balancer = std::move(lb);
  return true;
}

bool Engine::LoadServers(const model::Object& owner, const model::ServiceRef& ref, Backend* b,
                         std::vector<Server>* servers, std::string* err) {
  const std::string& sname = ref.name.Or(std::string());
  const std::string& ns = b->ns;
  std::string id = ns + "/" + sname;
  if (!visibility_.NamespaceWatched(ns)) {
    *err = "failed to get service " + id + ": namespace is not within watched namespaces";
    ServiceFailed(EventCode::kServiceNotWatched, owner, ref, *err, ref.name.node,
                  ref.path + "/name")
        .detail = "Service " + id + " is in namespace " + ns +
                  ", which Traefik's CRD provider does not watch; Traefik drops this service";
    return false;
  }
  const model::Service* svc = catalog_.FindService(ns, sname);
  if (svc == nullptr) {
    if (!Checks(model::Kind::kService, ns)) {
      b->unknown = "Service " + id + " is not in the input: its servers are unknown";
      return true;
    }
    *err = "service not found";
    ServiceFailed(EventCode::kServiceNotFound, owner, ref, *err, ref.name.node, ref.path + "/name")
        .detail = "Service " + id +
                  " is not in the input; Traefik drops this service (\"service not found\")";
    return false;
  }
  b->service = svc;
  std::string_view type = svc->EffectiveType();
  bool external = type == "ExternalName";
  if (external && !options_.allow_external_name_services) {
    *err = "externalName services not allowed: " + id;
    Event& e = ServiceFailed(EventCode::kExternalNameNotAllowed, owner, ref, *err, ref.name.node,
                             ref.path + "/name");
    e.detail = "Service " + id +
               " is an ExternalName Service and allowExternalNameServices is off; Traefik drops "
               "this service (\"externalName services not allowed\")";
    e.help =
        "set providers.kubernetesCRD.allowExternalNameServices=true in Traefik's static "
        "configuration";
    return false;
  }
  const version::TraefikVersion& v = options_.traefik_version;
  // nodePortLB exists from v3.1 (versions.md §2.1, §4.4).
  const bool node_port_lb = v.AtLeast(3, 1) && ref.node_port_lb.Or(false);
  if (node_port_lb && type != "NodePort") {
    Emit(EventLevel::kDebug, EventCode::kNodePortLbIgnored, "nodePortLB ignored", "", &owner,
         ref.node_port_lb.node, ref.path + "/nodePortLB")
        .detail = "nodePortLB is ignored: Service " + id + " is of type " + std::string(type) +
                  ", not NodePort; Traefik balances over its endpoints instead";
  }
  if (!ref.port.present || ref.port.value.IsZero()) {
    *err = "ingressRoute service port not defined";
    ServiceFailed(EventCode::kServicePortMissing, owner, ref, *err, ref.node, ref.path).detail =
        "the ref to Service " + id +
        " names no port; Traefik drops this service (\"ingressRoute service port not defined\")";
    return false;
  }
  const model::IntOrString& port = ref.port.value;
  const model::ServicePort* matched = nullptr;
  for (const model::ServicePort& p : svc->ports) {
    if (port.is_string ? (p.name.Or(std::string()) == port.str_value)
                       : (p.port.present && p.port.value == port.int_value)) {
      matched = &p;
      break;
    }
  }
  std::int64_t port_number = 0;
  std::int64_t node_port = 0;
  std::string port_name;
  if (matched != nullptr) {
    b->port = matched;
    port_number = matched->port.Or(0);
    node_port = matched->node_port.Or(0);
    port_name = matched->name.Or(std::string());
  } else if (external && !port.is_string) {
    port_number = port.int_value;
    std::string declared;
    for (const model::ServicePort& p : svc->ports) {
      if (p.port.Or(0) != 0) {
        declared += (declared.empty() ? "" : ", ") + std::to_string(p.port.value);
      }
    }
    if (!declared.empty()) {
      Emit(EventLevel::kWarn, EventCode::kExternalNamePortMismatch,
           "The port " + std::to_string(port.int_value) +
               " from IngressRoute doesn't match with ports defined in the ExternalName service " +
               id + ".",
           "", &owner, ref.port.node, ref.path + "/port")
          .detail = "port " + port.ToString() +
                    " does not match the ports of ExternalName Service " + id + " (" + declared +
                    "); Traefik warns and connects to " + svc->external_name.Or("?") + ":" +
                    port.ToString();
    }
  } else {
    *err = "service port not found: " + port.ToString();
    std::string ports = PortList(*svc);
    Event& e = ServiceFailed(EventCode::kServicePortNotFound, owner, ref, *err, ref.port.node,
                             ref.path + "/port");
    e.detail = "port " + std::string(port.is_string ? "name \"" : "") + port.ToString() +
               (port.is_string ? "\"" : "") + " is not a port of " +
               std::string(external ? "ExternalName " : "") + "Service " + id + " (" +
               (ports.empty() ? std::string("it declares none") : "ports: " + ports) +
               "); Traefik drops this service (\"service port not found\")";
    if (port.is_string && !port.str_value.empty() &&
        port.str_value.find_first_not_of("0123456789") == std::string::npos) {
      e.help =
          "a quoted number is a port name; write port: " + port.str_value + " to use the number";
    } else if (!port.is_string) {
      for (const model::ServicePort& p : svc->ports) {
        if (p.target_port.present && !p.target_port.value.is_string &&
            p.target_port.value.int_value == port.int_value && p.port.present) {
          e.help = "the ref names the Service's port, not its targetPort: use port: " +
                   std::to_string(p.port.value);
          break;
        }
      }
    }
    return false;
  }
  b->port_number = port_number;
  // services[].tls reaches the servers from v3.2.4 (versions.md §0).
  const bool tls = ref.tls.Or(false) && v.AtLeastPatch(3, 2, 4);
  auto add = [&](std::string address) { servers->push_back(Server{std::move(address), tls}); };
  const bool native_lb =
      ref.native_lb.present ? ref.native_lb.value : options_.native_lb_by_default;

  // A. nodePortLB.
  if (type == "NodePort" && node_port_lb) {
    b->source = ServerSource::kNodePort;
    const std::string refid = ref.ns.Or(std::string()) + "/" + sname;
    if (options_.disable_cluster_scope_resources) {
      *err = "nodes lookup is disabled";
      Event& e = ServiceFailed(EventCode::kNodePortFailed, owner, ref, *err, ref.node_port_lb.node,
                               ref.path + "/nodePortLB");
      e.detail =
          "nodePortLB needs Nodes but disableClusterScopeResources is on; Traefik drops this "
          "service (\"nodes lookup is disabled\")";
      e.severity = diag::Severity::kError;
      return false;
    }
    if (catalog_.nodes().empty()) {
      if (!Checks(model::Kind::kNode, "")) {
        b->unknown =
            "no Node objects in the input: Traefik would use every node's InternalIP "
            "with nodePort " +
            (node_port != 0 ? std::to_string(node_port)
                            : std::string("(allocated by the API server)"));
        return true;
      }
      *err = "nodes not found for NodePort service " + refid;
      ServiceFailed(EventCode::kNodePortFailed, owner, ref, *err, ref.node_port_lb.node,
                    ref.path + "/nodePortLB")
          .severity = diag::Severity::kError;
      return false;
    }
    for (const model::Node& node : catalog_.nodes()) {
      for (const model::NodeAddress& a : node.addresses) {
        if (a.type == "InternalIP") {
          add(HostPort(a.address, node_port));
        }
      }
    }
    if (servers->empty()) {
      *err = "no servers were generated for service " + refid;
      ServiceFailed(EventCode::kNodePortFailed, owner, ref, *err, ref.node_port_lb.node,
                    ref.path + "/nodePortLB")
          .severity = diag::Severity::kError;
      return false;
    }
    return true;
  }
  // B. ExternalName (v2 checks nativeLB first: see C).
  if (external && (v.AtLeast(3, 0) || !native_lb)) {
    b->source = ServerSource::kExternalName;
    add(HostPort(svc->external_name.Or(std::string()), port_number));
    return true;
  }
  // C. nativeLB.
  if (native_lb) {
    b->source = ServerSource::kNativeLB;
    const std::string& ip = svc->cluster_ip.Or(std::string());
    const bool explicit_flag = ref.native_lb.present;
    const yaml::NodeId node = explicit_flag ? ref.native_lb.node : ref.node;
    const std::string path = ref.path + (explicit_flag ? "/nativeLB" : "");
    if (ip == "None") {
      *err = "getting native Kubernetes Service address: no clusterIP on headless service: " + id;
      ServiceFailed(EventCode::kNativeLbNoClusterIp, owner, ref, *err, node, path).detail =
          "Service " + id + " is headless (clusterIP: None) but this ref uses its cluster IP (" +
          (explicit_flag ? "nativeLB: true" : "nativeLBByDefault") +
          "); Traefik drops this service";
      return false;
    }
    if (ip.empty()) {
      if (!build_.complete_input) {
        b->unknown = "the manifest of Service " + id +
                     " has no clusterIP (the API server allocates it): Traefik would use "
                     "<clusterIP>:" +
                     std::to_string(port_number);
        return true;
      }
      *err = "getting native Kubernetes Service address: no clusterIP found for service: " + id;
      ServiceFailed(EventCode::kNativeLbNoClusterIp, owner, ref, *err, node, path);
      return false;
    }
    add(HostPort(ip, port_number));
    return true;
  }
  // D. EndpointSlices (v3.1+). Traefik 2.x and 3.0 read the Service's Endpoints object instead
  // (versions.md §4.4), which irtcp does not model: say so rather than guess.
  b->source = ServerSource::kEndpoints;
  if (!v.AtLeast(3, 1)) {
    b->unknown = "Traefik " + v.Line() + " takes the servers of Service " + b->ns + "/" + sname +
                 " from its Endpoints object (EndpointSlices only from v3.1), which irtcp does "
                 "not model: servers unknown";
    return true;
  }
  return LoadEndpointServers(owner, ref, b, port_name, servers, err);
}

bool Engine::LoadEndpointServers(const model::Object& owner, const model::ServiceRef& ref,
                                 Backend* b, const std::string& port_name,
                                 std::vector<Server>* servers, std::string* err) {
  const std::string& sname = ref.name.Or(std::string());
  const std::string& ns = b->ns;
  const std::string id = ns + "/" + sname;
  std::vector<const model::EndpointSlice*> slices = catalog_.SlicesFor(ns, sname);
  std::stable_sort(slices.begin(), slices.end(),
                   [](const model::EndpointSlice* x, const model::EndpointSlice* y) {
                     const std::string& tx = x->meta.creation_timestamp.Or(std::string());
                     const std::string& ty = y->meta.creation_timestamp.Or(std::string());
                     if (tx != ty) {
                       return tx < ty;
                     }
                     return x->object->name < y->object->name;
                   });
  b->slices = slices;
  const bool tls = ref.tls.Or(false) && options_.traefik_version.AtLeastPatch(3, 2, 4);
  std::unordered_set<std::string_view> seen;
  std::size_t port_matches = 0;
  std::size_t endpoints = 0;
  std::set<std::string> slice_port_names;
  for (const model::EndpointSlice* es : slices) {
    std::int64_t slice_port = 0;
    for (const model::EndpointPort& p : es->ports) {
      if (p.name.present) {
        slice_port_names.insert(p.name.value);
      }
      if (slice_port == 0 && p.name.present && p.name.value == port_name) {
        slice_port = p.port.Or(0);
      }
    }
    if (slice_port == 0) {
      continue;
    }
    ++port_matches;
    if (b->slice_port == 0) {
      b->slice_port = slice_port;
    }
    for (const model::Endpoint& ep : es->endpoints) {
      ++endpoints;
      if (!ep.ready.present || !ep.ready.value) {
        continue;
      }
      for (const model::Field<std::string>& addr : ep.addresses) {
        if (!seen.insert(addr.value).second) {
          continue;
        }
        servers->push_back(Server{HostPort(addr.value, slice_port), tls});
      }
    }
  }
  if (!servers->empty()) {
    return true;
  }
  if (!Checks(model::Kind::kEndpointSlice, ns)) {
    const model::Service& svc = *b->service;
    std::string selector;
    for (const auto& [k, v] : svc.selector.entries) {
      selector += (selector.empty() ? "" : ",") + k + "=" + v.value;
    }
    const model::ServicePort* p = b->port;
    std::string target = p == nullptr             ? std::string("?")
                         : p->target_port.present ? p->target_port.value.ToString()
                                                  : std::to_string(p->port.Or(0));
    b->unknown = "no EndpointSlice for " + id +
                 " in the input (manifests from Git?): Traefik would use the ready Pods " +
                 (selector.empty() ? std::string("of the Service (it has NO selector: only "
                                                 "manually managed EndpointSlices)")
                                   : "selected by " + selector) +
                 " on target port " + target;
    return true;
  }
  std::string why;
  const model::Service& svc = *b->service;
  if (slices.empty()) {
    why = "no EndpointSlice in the input is labelled kubernetes.io/service-name: " + sname +
          (svc.selector.entries.empty() ? " (the Service has no selector)" : "");
  } else if (port_matches == 0) {
    std::string names;
    for (const std::string& n : slice_port_names) {
      names += (names.empty() ? "\"" : ", \"") + n + "\"";
    }
    why =
        "its EndpointSlices have no port named \"" + port_name + "\" (the Service port's name" +
        (names.empty() ? std::string("; their ports are unnamed)") : "; they have " + names + ")");
  } else if (endpoints == 0) {
    why = "its EndpointSlices list no endpoints";
  } else {
    why = "none of its endpoints is ready (conditions.ready: true)";
  }
  std::string detail =
      "Service " + id + " has no server for port " + ref.port.value.ToString() + ": " + why + "; ";
  if (options_.allow_empty_services) {
    Event& e = Emit(EventLevel::kDebug, EventCode::kNoServers, "Empty load balancer", "", &owner,
                    ref.port.node, ref.path + "/port");
    e.route = current_route_;
    e.service = static_cast<int>(ref.index);
    e.detail = detail + "Traefik emits an empty load balancer that refuses connections";
    return true;
  }
  *err = "no servers found for " + id;
  ServiceFailed(EventCode::kNoServers, owner, ref, *err, ref.port.node, ref.path + "/port").detail =
      detail + "Traefik drops this service (\"no servers found\")";
  return false;
}

}  // namespace irtcp::provider
