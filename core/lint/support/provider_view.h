// The provider model (core/provider/engine.h) as the lint rules see it: built once per run and
// shared, so that validate, render and resolve report each provider event with the same code,
// message and position. The IRT2xx-IRT4xx rules that describe a provider decision only map its
// events (ReportProviderEvents); they never re-derive Traefik's behaviour.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"
#include "core/lint/support/finding.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/provider/options.h"

namespace irtcp::lint {

/// The run's catalog, static configuration and provider result (`ctx.Shared<ProviderView>()`).
class ProviderView {
 public:
  explicit ProviderView(const RuleContext& ctx);

  const model::Catalog& catalog() const { return *catalog_; }
  const provider::StaticConfig& config() const { return *config_; }
  const provider::ProviderOptions& provider() const { return config_->provider; }
  const provider::Result& result() const { return *result_; }
  /// IngressRouteTCPs Traefik processes: current API group, namespace watched, labels matching
  /// the provider's labelSelector, ingress class accepted.
  const std::vector<const model::IngressRouteTCP*>& processed() const { return processed_; }

 private:
  std::unique_ptr<model::Catalog> own_catalog_;
  const model::Catalog* catalog_ = nullptr;
  provider::StaticConfig default_config_;
  const provider::StaticConfig* config_ = nullptr;
  provider::Result own_result_;
  const provider::Result* result_ = nullptr;
  std::vector<const model::IngressRouteTCP*> processed_;
};

/// The code of the finding an event becomes: a dedicated rule ("IRT301"), "IRT490" for the
/// provider's other warnings and errors, or "" when no finding describes it (debug decisions,
/// and facts the schema or a rule-language rule reports on its own: those codes are listed too,
/// so that IRT490 does not repeat them).
std::string_view EventRuleCode(provider::EventCode code);

/// Whether a rule reports provider events (render and resolve run exactly these rules).
bool ReportsProviderEvents(std::string_view rule_code);

/// Reports every event of the run's provider model whose code maps to `rule`.
void ReportProviderEvents(const RuleContext& ctx, diag::DiagnosticSink& sink,
                          const diag::RuleInfo& rule);

/// IRT490: the provider's warnings and errors that no dedicated rule describes.
void ReportOtherProviderEvents(const RuleContext& ctx, diag::DiagnosticSink& sink,
                               const diag::RuleInfo& rule);

/// Notes for the run summary: which reference checks were skipped and why (the input holds no
/// object of the referenced kind in that namespace). Empty with --strict-references.
std::vector<std::string> SkippedReferenceNotes(const RuleContext& ctx);

/// Notes on what the manifests cannot tell (servers of Services whose EndpointSlices, clusterIP
/// or Nodes are not in the input), for render and resolve.
std::vector<std::string> UnknownServerNotes(const provider::Result& result);

}  // namespace irtcp::lint
