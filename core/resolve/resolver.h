// `irtcp resolve`: what each IngressRouteTCP route becomes in Traefik — router name, entry
// points, rule, effective priority, TLS mode, middlewares and concrete backend servers, each with
// the reason for the choice — computed with the provider engine (core/provider/engine.h).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/model/catalog.h"
#include "core/provider/options.h"

namespace irtcp::resolve {

struct ServerView {
  std::string address;
  bool tls = false;
};

/// One service ref of a route, resolved.
struct BackendView {
  std::string service;                 ///< "ns/name"
  std::string port;                    ///< as written (number or name)
  std::optional<std::int64_t> weight;  ///< weighted child weight (routes with several services)
  std::string source;  ///< EndpointSlices, nativeLB, nodePortLB, ExternalName, or "" when failed
  bool ok = false;     ///< Traefik emits this backend
  std::vector<ServerView> servers;
  std::string reason;  ///< how the servers were chosen
  std::string error;   ///< Traefik's error when dropped
  /// What irtcp cannot know from the manifests and what Traefik would use instead (manifests
  /// from Git: no EndpointSlices, clusterIPs or nodePorts).
  std::string unknown;
};

struct RouteView {
  std::string router;    ///< router (and service) name; "" for a route without a match
  std::string object;    ///< "ns/name" of the IngressRouteTCP
  std::string location;  ///< "file:line" of the route
  std::vector<std::string> entry_points;
  bool default_entry_points = false;  ///< spec.entryPoints empty: Traefik's defaults apply
  std::string rule;
  std::int64_t priority = 0;
  std::string priority_source;  ///< "spec" or "default (...)"
  std::string tls;              ///< none, passthrough, terminate (...)
  std::vector<std::string> middlewares;
  std::string status;  ///< ok, dangling, dropped
  std::string status_reason;
  std::vector<BackendView> backends;
};

struct SkippedObjectView {
  std::string object;
  std::string location;
  std::string reason;
};

struct ResolveReport {
  std::vector<RouteView> routes;  ///< processing order
  std::vector<SkippedObjectView> skipped;
  std::vector<std::string> notes;
  bool entry_points_known = false;
  std::string fatal_error;  ///< the provider would not start (bad label selector)
};

/// Resolves every route of every IngressRouteTCP in `catalog`.
ResolveReport Resolve(const model::Catalog& catalog, const provider::StaticConfig& config);

/// Text: one table per entry point, routes in Traefik's matching order (priority, highest
/// first), each with its backends and servers; then dropped routes and skipped objects.
void WriteResolveText(const ResolveReport& report, std::ostream& out);
/// JSON: {"routes": [...], "skipped": [...], "notes": [...]}.
void WriteResolveJson(const ResolveReport& report, std::ostream& out);

}  // namespace irtcp::resolve
