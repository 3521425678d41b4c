// What the provider and reference lint rules (IRT2xx-IRT4xx) share with `resolve`: the decoded
// input, the effective static configuration, Traefik's reference rules (provider.md sections 4,
// 7 and 10) and the policy for references into namespaces the input does not cover.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"
#include "core/model/catalog.h"
#include "core/provider/options.h"

namespace irtcp::resolve {

/// The view one reference rule works on. Uses the catalog and static configuration of the
/// context when they are set, else decodes the input and takes Traefik's defaults.
class LintEnv {
 public:
  explicit LintEnv(const lint::RuleContext& ctx);

  const model::Catalog& catalog() const { return *catalog_; }
  const provider::StaticConfig& config() const { return *config_; }
  const provider::ProviderOptions& provider() const { return config_->provider; }
  const model::InputSet& input() const { return ctx_.input; }

  /// Whether a reference to `kind` in `ns` is checked for existence: with --strict-references,
  /// or when the input holds at least one object of that kind in that namespace (a Secret also
  /// counts when a cert-manager Certificate, SealedSecret or ExternalSecret produces one).
  bool ChecksReferences(model::Kind kind, std::string_view ns) const;

  /// IngressRouteTCPs Traefik processes: current API group, namespace watched, labels matching
  /// the provider's labelSelector, ingress class accepted.
  /// Computed once per run (shared by every rule).
  const std::vector<const model::IngressRouteTCP*>& ProcessedRoutes() const;

 private:
  const lint::RuleContext& ctx_;
  const model::Catalog* catalog_ = nullptr;
  provider::StaticConfig default_config_;
  const provider::StaticConfig* config_ = nullptr;
};

/// The input decoded when the context brings no catalog (`ctx.Shared<SharedCatalog>()`).
struct SharedCatalog {
  explicit SharedCatalog(const lint::RuleContext& ctx) : catalog(ctx.input) {}
  model::Catalog catalog;
};

/// LintEnv::ProcessedRoutes' list, as a shared analysis (`ctx.Shared<ProcessedIngressRoutes>()`).
struct ProcessedIngressRoutes {
  explicit ProcessedIngressRoutes(const lint::RuleContext& ctx);
  std::vector<const model::IngressRouteTCP*> list;
};

/// Reports a finding at a node of `object` (or at `loc` when the node is absent), with its JSON
/// pointer and the node's end for the caret.
diag::Diagnostic& ReportAt(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                           const model::Object& object, yaml::NodeId node, source::Location loc,
                           std::string json_path, std::string message);

/// The class Traefik sees on an IngressRouteTCP: spec.ingressClassName when present (even ""),
/// else the kubernetes.io/ingress.class annotation, else "".
std::string EffectiveIngressClass(const model::IngressRouteTCP& irt);
/// shouldProcessIngress: class equal to the provider's, or provider "" and class "traefik".
bool IngressClassAccepted(std::string_view provider_class, std::string_view object_class);
/// The namespace is watched (every namespace when the option is empty).
bool NamespaceWatched(const provider::ProviderOptions& options, std::string_view ns);

/// Result of resolving a middleware or TLS option reference (provider.md section 7).
struct RefResolution {
  std::string key;  ///< the name Traefik emits (normalised, or verbatim for `x@provider`)
  std::string ns;   ///< target namespace (same-provider refs)
  bool cross_provider = false;
  std::string error;  ///< Traefik's reason when the reference is refused ("" = accepted)
};
RefResolution ResolveObjectRef(std::string_view parent_ns, std::string_view name,
                               std::string_view ref_ns, const provider::ProviderOptions& options);

/// True when a Secret `ns/name` exists in the input, or a Certificate (spec.secretName),
/// SealedSecret or ExternalSecret there produces it.
bool SecretProvided(const model::Catalog& catalog, std::string_view ns, std::string_view name);

/// Notes for the run summary: which reference checks were skipped and why (the input holds no
/// object of the referenced kind in that namespace). Empty with --strict-references.
std::vector<std::string> SkippedReferenceNotes(const lint::RuleContext& ctx);

}  // namespace irtcp::resolve

namespace irtcp::resolve {

/// Where a service ref leads, decided in Traefik's order (provider.md section 10 steps 1-3).
struct ServiceLookup {
  enum class Outcome : std::uint8_t {
    kRefused,     ///< cross-namespace while allowCrossNamespace is off (IRT401 reports it)
    kUnchecked,   ///< the input holds no Service in that namespace
    kMissing,     ///< no such Service (IRT301)
    kNotAllowed,  ///< ExternalName while allowExternalNameServices is off (IRT303)
    kFound,
  };
  Outcome outcome = Outcome::kUnchecked;
  std::string ns;
  const model::Service* service = nullptr;
};
ServiceLookup LookupService(const LintEnv& env, const model::IngressRouteTCP& irt,
                            const model::ServiceRef& ref);

/// The Service port a ref selects: by number (never targetPort) or, for a string, by name.
const model::ServicePort* FindServicePort(const model::Service& service,
                                          const model::IntOrString& port);

/// Calls fn(irt, route, ref) for every service ref of every IngressRouteTCP Traefik processes.
template <typename Fn>
void ForEachServiceRef(const LintEnv& env, Fn&& fn) {
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    for (const model::Route& route : irt->routes) {
      if (!route.match.present || route.match.value.empty()) {
        continue;  // Traefik skips the route ("Empty match rule")
      }
      for (const model::ServiceRef& ref : route.services) {
        fn(*irt, route, ref);
      }
    }
  }
}

}  // namespace irtcp::resolve
