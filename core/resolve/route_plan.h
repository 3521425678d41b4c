// The route plan: what Traefik routes with, built from the provider result. Per entry point, the
// routers Traefik actually builds there, ordered as its muxers order them (rule_lang::RouteTable),
// each with its TLS mode, middlewares and weighted services down to concrete servers; plus every
// route Traefik does not build, with why (rules.md §3.4, §6, §7; provider.md §5-§10).
//
//   provider::Result result = provider::Build(catalog, config.provider);
//   resolve::RoutePlan plan = resolve::BuildRoutePlan(result, config);
//   const resolve::PlannedRouter* r = plan.Pick("websecure", conn);  // what `serve` does
//
// `resolve` prints this plan and `serve` routes with it, so the two cannot disagree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/provider/options.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/route_table.h"

namespace irtcp::resolve {

/// Name of the entry point group used when the entry points are unknown and a router has none.
inline constexpr std::string_view kImplicitEntryPoint = "(default)";

enum class RouterStatus : std::uint8_t {
  kActive,    ///< in the route tables of its entry points
  kDangling,  ///< its service does not exist: Traefik's router manager skips it
  kRejected,  ///< dropped by the provider, or refused by the router manager
  kReplaced,  ///< a later route with the same router name overwrote it (provider.md §6.6)
};
/// "ok", "dangling", "rejected", "replaced".
std::string_view RouterStatusName(RouterStatus status);

enum class TlsMode : std::uint8_t { kNone, kPassthrough, kTerminate };
/// "none", "passthrough", "terminate".
std::string_view TlsModeName(TlsMode mode);

struct PlannedTls {
  TlsMode mode = TlsMode::kNone;
  /// kTerminate: where the certificate comes from (the route's Secret, the default TLSStore's
  /// certificate, or Traefik's generated default).
  std::string certificate;
  /// kTerminate: the route's Secret is not loaded (why, and what Traefik serves instead), or
  /// not in the input.
  std::string certificate_note;
  std::string options;        ///< kTerminate: resolved TLS options name ("default" when unset)
  std::string options_note;   ///< the options are not in the input (unknown, not an error)
  std::string options_error;  ///< Traefik's error: matching TLS connections are closed
  std::string cert_resolver;  ///< certResolver when set

  /// "none", "passthrough", "terminate (secret ns/x, options default)".
  std::string Describe() const;
};

struct PlannedServer {
  std::string address;
  bool tls = false;
};

/// One weighted (or the only) service of a router, down to its servers.
struct PlannedBackend {
  std::string service;                 ///< "ns/name" of the Kubernetes Service
  std::string port;                    ///< as written (number or name)
  std::string service_key;             ///< tcp.services key
  std::optional<std::int64_t> weight;  ///< weighted child weight (routes with several services)
  bool ok = false;                     ///< Traefik emits this backend
  std::string source;  ///< EndpointSlices, nativeLB, nodePortLB, ExternalName; "" when failed
  std::vector<PlannedServer> servers;
  /// `services[].tls` as written: the servers are dialled with TLS (known even when the Service
  /// is not in the input).
  bool tls = false;
  std::string reason;  ///< how the servers were chosen
  std::string error;   ///< Traefik's error when dropped
  /// Set when the servers cannot be known from the manifests ("endpoints unknown: ..."), with
  /// what Traefik would use in a cluster.
  std::string unknown;
  /// Set when another route with the same router name wrote this service and Traefik keeps it
  /// (a weighted service accumulates children, provider.md §6.6): that route.
  std::string inherited_from;
};

struct PlannedMiddleware {
  std::string name;  ///< resolved name (as on the router)
  bool found = false;
  std::string spec;  ///< the MiddlewareTCP spec when the input has it ("inFlightConn amount=10")
  std::string note;  ///< why the spec is not shown
  /// Traefik's error building it at runtime (provider/middleware_build.h), "" when it builds or
  /// is not in the input; the router manager then drops every router that uses it.
  std::string build_error;
};

/// One route of an IngressRouteTCP and what Traefik makes of it.
struct PlannedRouter {
  std::string name;      ///< router (and service) name; "" for a route without a match
  std::string object;    ///< "ns/name" of the IngressRouteTCP
  std::string location;  ///< "file:line" of the route
  std::vector<std::string> entry_points;  ///< where Traefik attaches it (defaults resolved)
  bool default_entry_points = false;      ///< spec.entryPoints empty: Traefik's defaults apply
  std::string rule;
  rule_lang::Syntax syntax = rule_lang::Syntax::kV3;
  std::int64_t priority = 0;    ///< effective priority
  std::string priority_source;  ///< "spec" or "default (...)"
  PlannedTls tls;
  std::vector<PlannedMiddleware> middlewares;
  std::vector<PlannedBackend> backends;
  RouterStatus status = RouterStatus::kActive;
  std::string rejected_by;  ///< kRejected: "provider" or "router manager"
  std::string reason;       ///< why it is not active (Traefik's error)
  std::string replaced_by;  ///< kReplaced: the route that replaced it ("ns/name (file:line)")
  std::vector<std::string> warnings;  ///< Traefik's non-fatal router warnings

  bool active() const { return status == RouterStatus::kActive; }
};

/// The routers Traefik builds on one entry point. Traefik keeps two TCP muxers per entry point
/// (rules.md §7.1): TLS connections are matched only against routers with `tls`, plain ones only
/// against routers without; each table is in Traefik's order.
struct EntryPointPlan {
  std::string name;
  rule_lang::RouteTable tcp;  ///< routers without tls (muxerTCP); Route::id is the router name
  rule_lang::RouteTable tls;  ///< routers with tls, passthrough or terminating (muxerTCPTLS)
};

struct SkippedObject {
  std::string object;
  std::string location;
  std::string reason;
};

/// Everything `resolve` shows and `serve` routes with.
class RoutePlan {
 public:
  /// Every route of every processed IngressRouteTCP, processing order (active or not).
  std::vector<PlannedRouter> routers;
  std::vector<EntryPointPlan> entry_points;  ///< sorted by name
  std::vector<SkippedObject> skipped;        ///< IngressRouteTCPs the provider does not process
  std::vector<std::string> notes;
  bool entry_points_known = false;
  std::string fatal_error;  ///< the provider would not start (bad label selector)

  const EntryPointPlan* FindEntryPoint(std::string_view name) const;
  /// The active router with this name, or nullptr.
  const PlannedRouter* FindRouter(std::string_view name) const;

  /// The router Traefik hands the connection to on `entry_point` (rules.md §7.2), or nullptr
  /// (Traefik then answers with its HTTP/HTTPS fallback). `tls` says whether the client sent a
  /// ClientHello; when only routers without tls exist, Traefik matches every connection against
  /// them with an empty SNI and ALPN before reading anything (the fast path).
  const PlannedRouter* Pick(std::string_view entry_point, const rule_lang::Connection& conn,
                            bool tls) const;
  /// As above; the connection is TLS when it carries an SNI or ALPN protocols.
  const PlannedRouter* Pick(std::string_view entry_point, const rule_lang::Connection& conn) const;

  /// Rebuilds the name index; BuildRoutePlan calls it (call it again after editing `routers`).
  void Reindex();

 private:
  std::unordered_map<std::string, std::size_t> active_;  ///< router name -> index in routers
};

/// Builds the plan. `result` must come from provider::Build over `catalog` with
/// `config.provider`; the plan copies what it needs and does not point into either.
RoutePlan BuildRoutePlan(const provider::Result& result, const provider::StaticConfig& config);

/// `serve --backend`: a router Traefik skips because none of its backends produced a service
/// (kDangling) becomes active when `stands_in` says a mapping replaces one of those backends; the
/// entry point tables are rebuilt. Returns the names of the revived routers.
std::vector<std::string> ReviveRouters(RoutePlan& plan,
                                       const std::function<bool(const PlannedBackend&)>& stands_in);

}  // namespace irtcp::resolve
