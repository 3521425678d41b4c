// The provider engine's internals, shared by its source files, one per section of provider.md:
// engine.cc (the run, events, lookups, references), visibility.cc (sections 2 and 4),
// routes.cc (sections 6-9), services.cc (section 10), tls.cc (section 11), transports.cc
// (sections 12 and 13: middlewares and servers transports) and references.cc (what fails at run
// time: references to middlewares, TLS options and transports that do not exist).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/provider/engine.h"

namespace irtcp::provider {

/// A middleware, TLS option or serversTransport reference as the provider resolves it
/// (section 7): the key it emits, or why it refuses.
struct RefKey {
  std::string key;  ///< normalised `<ns>-<name>`, or `name@provider` verbatim
  std::string ns;   ///< target namespace (same-provider refs)
  bool cross_provider = false;
  std::string error;  ///< Traefik's reason when refused
  EventCode refusal = EventCode::kCrossNamespaceRef;
};

class Engine {
 public:
  Engine(const model::Catalog& catalog, const ProviderOptions& options, const BuildOptions& build)
      : catalog_(catalog), options_(options), build_(build), visibility_(options) {}

  Result Run();

 private:
  // engine.cc ------------------------------------------------------------------------------------
  Event& Emit(EventLevel level, EventCode code, std::string message, std::string error,
              const model::Object* object, yaml::NodeId node, std::string json_path);
  /// Whether a reference to `kind` in `ns` can be judged: the input is complete, or holds an
  /// object of that kind there (a Secret also counts when a Certificate, SealedSecret or
  /// ExternalSecret there produces one). Records the namespace as unchecked otherwise.
  bool Checks(model::Kind kind, std::string_view ns);
  /// A Secret of that name exists in the input or is produced by an object there.
  bool SecretProvided(std::string_view ns, std::string_view name) const;
  const model::Secret* VisibleSecret(std::string_view ns, std::string_view name) const;
  /// tls.crt/tls.key of a Secret (section 11.1); false with *err on failure.
  bool CertificateFromSecret(std::string_view ns, std::string_view name, CertificatePair* out,
                             std::string* err) const;
  RefKey ResolveRef(std::string_view parent_ns, std::string_view name,
                    std::string_view ref_ns) const;

  // visibility.cc --------------------------------------------------------------------------------
  /// Whether the provider sees a Traefik object; emits kNotVisible (with irtcp's account of the
  /// namespace or label selector) when not.
  bool Visible(const model::Object& o, const model::ObjectMeta& meta);
  bool IngressClassMatches(const model::IngressRouteTCP& irtcp, std::string* effective);
  void LoadHttpIngressRoutes();

  // routes.cc ------------------------------------------------------------------------------------
  void LoadIngressRouteTcps();
  void ProcessIngress(const model::IngressRouteTCP& irtcp);
  void ProcessRoute(const model::IngressRouteTCP& irtcp, const model::Route& route,
                    const std::string& ingress_name);
  /// Resolves a route's middlewares; false (route skipped) on the first refusal, after reporting
  /// every refused reference.
  bool ResolveMiddlewares(const model::IngressRouteTCP& irtcp, const model::Route& route,
                          RouteResult& rr);
  void ReportRefusal(const RefKey& r, const model::Object& o, const model::ObjectRef& ref,
                     std::string_view what, std::string_view effect, int route);

  // services.cc ----------------------------------------------------------------------------------
  bool BuildLoadBalancer(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref,
                         Backend* backend);
  /// `owner` is the IngressRouteTCP holding `ref` (where findings about the reference go).
  bool LoadServers(const model::Object& owner, const model::ServiceRef& ref, Backend* backend,
                   std::vector<Server>* servers, std::string* err);
  bool LoadEndpointServers(const model::Object& owner, const model::ServiceRef& ref, Backend* b,
                           const std::string& port_name, std::vector<Server>* servers,
                           std::string* err);
  /// The event for a service Traefik cannot create, with irtcp's account.
  Event& ServiceFailed(EventCode code, const model::Object& owner, const model::ServiceRef& ref,
                       std::string_view error, yaml::NodeId node, std::string path);

  // tls.cc ---------------------------------------------------------------------------------------
  void LoadTlsStores();
  void AddRouteCertificate(const model::Object& object, const model::RouteTls& tls,
                           std::string_view ns, bool tcp);
  /// Findings about an IngressRouteTCP's tls.secretName (missing, filtered, unusable).
  void JudgeRouteSecret(const model::Object& object, const model::RouteTls& tls,
                        std::string_view ns);
  void LoadTlsOptions();

  // transports.cc --------------------------------------------------------------------------------
  void LoadMiddlewares();
  void LoadServersTransports();

  // references.cc --------------------------------------------------------------------------------
  void CheckReferences();
  void CheckMiddlewareRefs(const RouteResult& rr);
  void CheckTlsOptionRef(const model::IngressRouteTCP& irtcp);
  void CheckTransportRef(const model::IngressRouteTCP& irtcp, const model::ServiceRef& ref);

  const model::Catalog& catalog_;
  const ProviderOptions& options_;
  const BuildOptions& build_;
  Visibility visibility_;
  Result result_;
  /// Router name -> (IRTCP, route index) that wrote it last.
  std::unordered_map<std::string, std::pair<const model::IngressRouteTCP*, std::uint32_t>>
      router_owner_;
  /// What is wrong with a route certificate's Secret, by "ns/secret" ("" = usable), so that
  /// every IngressRouteTCP naming it is told and each Secret is parsed once.
  std::unordered_map<std::string, std::string> certificate_problem_;
  /// "ns/name" of every Secret a Certificate, SealedSecret or ExternalSecret of the input
  /// produces (filled once, at the start of Run).
  std::unordered_set<std::string> produced_secrets_;
  /// HTTP Middlewares by "ns-name" (a TCP route naming one gets a pointed note).
  std::optional<std::unordered_map<std::string, const model::Object*>> http_middlewares_;
  /// owner=helm Secrets already reported.
  std::unordered_set<const model::Secret*> helm_secrets_reported_;
  /// Index of the route being processed (events about its service refs carry it).
  int current_route_ = -1;
};

}  // namespace irtcp::provider
