// The provider engine: computes, offline, exactly what Traefik v3.7's Kubernetes CRD provider
// emits for the objects of a run (provider.md of Traefik's behaviour; its conformance cases are in
// testdata/conformance/), plus a structured account of every choice and every problem (the
// provider's log catalogue, section 14) with the object and field it concerns, for `irtcp resolve`
// and the provider lint rules.
//
//   model::Catalog catalog(loaded.input);
//   provider::Result result = provider::Build(catalog, options);
//   if (!result.fatal_error.empty()) { ... }  // e.g. a label selector that does not parse
//   render::Render(result.config, ...);       // the dynamic configuration
//   for (const provider::RouteResult& r : result.routes) { ... }  // per route, per backend
//   for (const provider::Event& e : result.events) { ... }        // drops, warnings
//
// Linear in the size of the input: every lookup is a hash lookup.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/catalog.h"
#include "core/provider/config.h"
#include "core/provider/label_selector.h"
#include "core/provider/options.h"
#include "core/rule_lang/ast.h"

namespace irtcp::provider {

enum class EventLevel : std::uint8_t { kDebug, kInfo, kWarn, kError };
std::string_view EventLevelName(EventLevel level);

/// What happened. Each code names one decision or problem, so that every consumer (validate's
/// lint rules, render's and resolve's findings, explain, serve) maps it to the same finding
/// (core/lint/support/provider_view.h). Codes marked "silent" are not log lines in Traefik.
enum class EventCode : std::uint8_t {
  kNotVisible,                  ///< silent: outside `namespaces`/`labelSelector`
  kLegacyGroup,                 ///< silent: traefik.containo.us, which Traefik v3 does not watch
  kIngressClassSkipped,         ///< silent: IRTCP skipped, its class does not match
  kDeprecatedClassAnnotation,   ///< warn: 'kubernetes.io/ingress.class' is deprecated
  kIgnoredClassAnnotation,      ///< silent: the annotation beside spec.ingressClassName
  kSecretOwnerHelm,             ///< silent: a TLS Secret labelled owner=helm (informer filter)
  kTlsSecretMissing,            ///< error: Error configuring TLS (secret does not exist)
  kTlsSecretInvalid,            ///< error: Error configuring TLS (entries missing, empty, not PEM)
  kNoSecretName,                ///< debug: No secret name provided
  kEmptyMatch,                  ///< error: Empty match rule (route skipped)
  kCrossNamespaceRef,           ///< error: a reference refused by allowCrossNamespace
  kCrossProviderRef,            ///< error: a `x@provider` ref refused by crossProviderNamespaces
  kCrossProviderNamespace,      ///< warn: Namespace "x" is ignored in cross-provider context
  kServiceNotFound,             ///< error: Cannot create service: service not found
  kServiceNotWatched,           ///< error: Cannot create service: namespace not watched
  kExternalNameNotAllowed,      ///< error: Cannot create service: externalName not allowed
  kServicePortNotFound,         ///< error: Cannot create service: service port not found
  kServicePortMissing,          ///< error: Cannot create service: port not defined
  kNoServers,                   ///< error: Cannot create service: no servers found
  kNativeLbNoClusterIp,         ///< error: Cannot create service: no clusterIP (headless)
  kNodePortLbIgnored,           ///< silent: nodePortLB on a Service that is not a NodePort
  kNodePortFailed,              ///< error: Cannot create service: nodes lookup / no nodes
  kExternalNamePortMismatch,    ///< warn: The port p from IngressRoute doesn't match …
  kRouterCollision,             ///< silent: two objects give one router name (last wins)
  kDuplicateMatch,              ///< silent: one object's match twice (last route wins)
  kProviderPanic,               ///< single-then-multi service collision: Traefik panics
  kMiddlewareMissing,           ///< runtime: middleware "x@kubernetescrd" does not exist
  kTlsOptionMissing,            ///< runtime: unknown TLS options (terminating routers only)
  kServersTransportMissing,     ///< runtime: no transport configuration found
  kTlsOptionCa,                 ///< TLSOption clientAuth secret unusable (CA skipped)
  kDefaultTlsOptionConflict,    ///< error: Default TLS Options defined in multiple namespaces
  kTlsStoreDefaultCertificate,  ///< TLSStore defaultCertificate unusable (store skipped)
  kTlsStoreCertificate,         ///< error: Unable to read certificate secret …
  kDefaultTlsStoreConflict,     ///< error: Default TLS Stores defined in multiple namespaces
  kRootCasSecretsDeprecated,    ///< warn: RootCAsSecrets option is deprecated …
  kTransportCa,                 ///< error: Error while loading CA … (CA skipped)
  kTransportCertificate,        ///< error: Error while loading certificates
  kTransportDuration,           ///< error: Error while reading DialTimeout/…
};

/// One provider log line (or silent decision), with where it comes from and what it means.
struct Event {
  EventLevel level = EventLevel::kError;
  EventCode code = EventCode::kServiceNotFound;
  std::string message;  ///< Traefik's log message ("Cannot create service")
  std::string error;    ///< Traefik's error field ("service not found"), may be empty
  const model::Object* object = nullptr;
  yaml::NodeId node = yaml::kNoNode;  ///< most precise node known (field, ref, or object)
  std::string json_path;              ///< JSON pointer of `node` in its document
  int route = -1;                     ///< route index (IRTCP events), -1 otherwise
  int service = -1;                   ///< service ref index within the route, -1 otherwise
  /// irtcp's one-line account for users (the finding's message); empty: "Traefik: " + Text().
  std::string detail;
  std::string help;  ///< how to fix, when irtcp knows more than the rule's documentation
  /// The finding's severity when it differs from its rule's default (e.g. a silent decision
  /// that drops a service).
  std::optional<diag::Severity> severity;

  /// "message: error" (or the message alone).
  std::string Text() const;
};

/// Where a backend's servers came from (section 10.1 branches).
enum class ServerSource : std::uint8_t { kNone, kNodePort, kExternalName, kNativeLB, kEndpoints };
std::string_view ServerSourceName(ServerSource source);

/// One service ref of a route, resolved.
struct Backend {
  const model::ServiceRef* ref = nullptr;
  std::string service_key;  ///< tcp.services key (the route's name, or the child name)
  std::string ns;           ///< effective namespace of the Service
  const model::Service* service = nullptr;   ///< the Service found (visible), if any
  const model::ServicePort* port = nullptr;  ///< the matched Service port (null: synthetic/none)
  std::int64_t port_number = 0;              ///< Service port used (synthetic for ExternalName)
  ServerSource source = ServerSource::kNone;
  std::vector<const model::EndpointSlice*> slices;  ///< slices consulted (kEndpoints)
  std::int64_t slice_port = 0;                ///< endpoint port of the first slice that matched
  bool ok = false;                            ///< the load balancer was emitted
  std::string error;                          ///< Traefik's error when !ok
  std::optional<std::int64_t> weight;         ///< weighted child weight (several refs only)
  std::optional<LoadBalancer> load_balancer;  ///< what was emitted
  std::string unknown;  ///< non-empty when the input cannot tell the servers (Service or
                        ///< EndpointSlices not in the input): ok stays true, no servers
};

enum class RouteStatus : std::uint8_t {
  kEmitted,          ///< router written (it may still dangle: see backends)
  kEmptyMatch,       ///< skipped: no router, no service
  kMiddlewareError,  ///< skipped: no router, no service
  kTlsOptionError,   ///< router dropped, services kept (orphans)
};

/// One route of a processed IRTCP.
struct RouteResult {
  const model::IngressRouteTCP* irtcp = nullptr;
  const model::Route* route = nullptr;
  std::string name;  ///< router (and parent service) name; empty for kEmptyMatch
  RouteStatus status = RouteStatus::kEmitted;
  std::string error;  ///< reason when not emitted
  Router router;      ///< the router (as it would be written even when dropped)
  std::vector<Backend> backends;
  /// True when no backend produced a service: the router points at a missing service.
  bool Dangling() const;
};

/// An IRTCP and whether the provider processes it.
struct IngressResult {
  const model::IngressRouteTCP* irtcp = nullptr;
  bool visible = false;
  bool processed = false;  ///< visible and the ingress class matched
  std::string effective_class;
  std::string skip_reason;  ///< why it is not processed
};

struct Result {
  Configuration config;
  std::vector<Event> events;
  std::vector<IngressResult> ingresses;  ///< one per IRTCP of the catalog, input order
  std::vector<RouteResult> routes;       ///< routes of processed IRTCPs, processing order
  /// Set when the provider would not start (an invalid label selector); config is then empty.
  std::string fatal_error;
  /// Reference checks not made because the input holds no object of that kind in that
  /// namespace (manifests from Git are not the whole cluster): kind -> namespaces.
  std::map<model::Kind, std::set<std::string>> unchecked;
};

/// What the input is: the manifests of a repository (partial: an object absent from the input
/// is unknown unless the input holds objects of its kind in its namespace) or the whole cluster.
struct BuildOptions {
  /// --strict-references, and conformance cases: every absent object is missing.
  bool complete_input = false;
};

/// Runs the provider over the catalog. The catalog must outlive the result (results point into
/// it).
/// The rule syntax Traefik parses a route's match with (versions.md §3.1): v2 only on Traefik
/// 2.x (the `syntax` field does not exist there); on v3 the route's `syntax` ("v2" selects v2,
/// any other value v3), else core.defaultRuleSyntax.
rule_lang::Syntax RouteSyntax(const model::Route& route, std::string_view default_rule_syntax,
                              const version::TraefikVersion& traefik_version);

Result Build(const model::Catalog& catalog, const ProviderOptions& options,
             const BuildOptions& build = {});

/// Why the provider does not see an object.
enum class Hidden : std::uint8_t { kNo, kLegacyGroup, kNamespace, kLabels };

/// Whether the provider can see `object` (section 2); when not, *reason says why.
class Visibility {
 public:
  explicit Visibility(const ProviderOptions& options);
  bool selector_ok() const { return selector_error_.empty(); }
  const std::string& selector_error() const { return selector_error_; }
  bool NamespaceWatched(std::string_view ns) const;
  /// For Traefik CRD kinds, with their labels.
  Hidden Check(const model::Object& object, const model::ObjectMeta& meta) const;
  bool CrdVisible(const model::Object& object, const model::ObjectMeta& meta,
                  std::string* reason) const;

 private:
  const ProviderOptions& options_;
  std::string selector_error_;
  LabelSelector selector_;
};

}  // namespace irtcp::provider
