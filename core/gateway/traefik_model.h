// irtcp's model of Traefik v3.7.9's Kubernetes Gateway provider for TCP and TLS
// (gateway-api mapping.md §1.2-1.7): Gateway API objects in, the routers Traefik would build out,
// as a route plan (per entry point, a TCP and a TLS table in Traefik's order), so that the
// translator can replay connections against its own output and the tests can do the same with
// the text `render --to gateway-api` printed.
//
// Modelled: listener -> entry point by port (the first entry point, in configuration order, whose
// address ends in ":<port>"), listener validity (TCP needs the experimental channel; TLS needs
// `tls`; Terminate needs a certificateRef), parentRef attachment by sectionName/port and
// allowedRoutes, the TLSRoute/listener hostname intersection, router rules
// (HostSNI / one-label HostSNIRegexp) and priorities (longest hostname minus one per `*`),
// TCPRoute catch-alls, weighted backendRefs (a failing ref keeps its weight and rejects its
// share), ReferenceGrants for cross-namespace Services, `TraefikService` name@provider refs, and
// the `deny-unknown-host` router on the default entry points.
//
// Not modelled: status conditions, Selector namespaces, Secrets' contents, EndpointSlices
// (backends are Service ports, not servers).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/provider/options.h"
#include "core/resolve/route_plan.h"

namespace irtcp::gateway {

/// Name and rule of the router the Gateway provider adds once any TLSRoute produced a router.
inline constexpr const char* kDenyUnknownHost = "deny-unknown-host";
inline constexpr const char* kDenyUnknownHostRule =
    "HostSNI(`*`) && !ALPN(`h2`) && !ALPN(`http/1.1`)";

struct GatewayModelOptions {
  /// The GatewayClass Traefik accepts (its controllerName is traefik.io/gateway-controller).
  std::string gateway_class = "traefik";
  /// providers.kubernetesGateway.experimentalChannel: TCPRoutes and TCP listeners need it.
  bool experimental_channel = true;
};

/// The routers Traefik builds from `documents` (Gateway, TLSRoute v1, TCPRoute v1alpha2,
/// ReferenceGrant v1beta1; other objects are ignored). Each router's `object` is the route's
/// "namespace/name"; each backend's `service` is "namespace/name" (or the TraefikService name),
/// `port` the port number and `ok` false when the ref does not resolve (missing ReferenceGrant,
/// no port, unsupported kind).
resolve::RoutePlan ModelGatewayProvider(const std::vector<nlohmann::ordered_json>& documents,
                                        const provider::StaticConfig& config,
                                        const GatewayModelOptions& options);

/// The port number at the end of an entry point address (":8443", "0.0.0.0:8443", "[::]:8443",
/// ":8443/tcp"); 0 when there is none or the address is UDP.
int EntryPointPort(const std::string& address);

}  // namespace irtcp::gateway
