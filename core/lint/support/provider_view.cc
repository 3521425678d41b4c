#include "core/lint/support/provider_view.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace irtcp::lint {

namespace {

using provider::EventCode;

struct EventRule {
  EventCode code;
  std::string_view rule;
};

// Every event code and the finding it becomes. A code listed with a rule-language rule (IRT109,
// IRT111) is reported by that rule from the parsed rules; "" is no finding.
constexpr EventRule kEventRules[] = {
    {EventCode::kNotVisible, "IRT408"},
    {EventCode::kLegacyGroup, "IRT404"},
    {EventCode::kIngressClassSkipped, "IRT408"},
    {EventCode::kDeprecatedClassAnnotation, "IRT410"},
    {EventCode::kIgnoredClassAnnotation, "IRT410"},
    {EventCode::kSecretOwnerHelm, "IRT408"},
    {EventCode::kTlsSecretMissing, "IRT202"},
    {EventCode::kTlsSecretInvalid, "IRT203"},
    {EventCode::kNoSecretName, ""},
    {EventCode::kEmptyMatch, "IRT109"},
    {EventCode::kCrossNamespaceRef, "IRT401"},
    {EventCode::kCrossProviderRef, "IRT402"},
    {EventCode::kCrossProviderNamespace, "IRT490"},
    {EventCode::kServiceNotFound, "IRT301"},
    {EventCode::kServiceNotWatched, "IRT408"},
    {EventCode::kExternalNameNotAllowed, "IRT303"},
    {EventCode::kServicePortNotFound, "IRT302"},
    {EventCode::kServicePortMissing, "IRT302"},
    {EventCode::kNoServers, "IRT305"},
    {EventCode::kNativeLbNoClusterIp, "IRT306"},
    {EventCode::kNodePortLbIgnored, "IRT307"},
    {EventCode::kNodePortFailed, "IRT307"},
    {EventCode::kExternalNamePortMismatch, "IRT304"},
    {EventCode::kRouterCollision, "IRT409"},
    {EventCode::kDuplicateMatch, "IRT111"},
    {EventCode::kProviderPanic, "IRT111"},
    {EventCode::kMiddlewareMissing, "IRT403"},
    {EventCode::kTlsOptionMissing, "IRT205"},
    {EventCode::kServersTransportMissing, "IRT310"},
    {EventCode::kTlsOptionCa, "IRT490"},
    {EventCode::kDefaultTlsOptionConflict, "IRT490"},
    {EventCode::kTlsStoreDefaultCertificate, "IRT490"},
    {EventCode::kTlsStoreCertificate, "IRT490"},
    {EventCode::kDefaultTlsStoreConflict, "IRT490"},
    {EventCode::kRootCasSecretsDeprecated, "IRT490"},
    {EventCode::kTransportCa, "IRT490"},
    {EventCode::kTransportCertificate, "IRT490"},
    {EventCode::kTransportDuration, "IRT490"},
};

/// Rules that compute their findings themselves although the engine records the same fact.
constexpr std::string_view kSelfReported[] = {"IRT109", "IRT111", "IRT404"};

bool SelfReported(std::string_view code) {
  return std::find(std::begin(kSelfReported), std::end(kSelfReported), code) !=
         std::end(kSelfReported);
}

diag::Diagnostic& ReportEvent(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                              const provider::Event& e) {
  std::string message = e.detail.empty() ? "Traefik: " + e.Text() : e.detail;
  diag::Diagnostic* d = nullptr;
  if (e.object != nullptr) {
    d = &ReportAt(sink, rule, *e.object, e.node, e.object->loc(), e.json_path, std::move(message));
    if (e.node == e.object->node) {
      d->end_offset = 0;  // the whole object: a caret at its start
    }
  } else {
    d = &sink.Report(rule, nullptr, source::Location{}, std::move(message));
  }
  d->help = e.help;
  if (e.severity.has_value()) {
    d->severity = *e.severity;
  }
  return *d;
}

constexpr std::string_view PluralKind(model::Kind k) {
  switch (k) {
    case model::Kind::kService:
      return "Services";
    case model::Kind::kSecret:
      return "Secrets";
    case model::Kind::kMiddlewareTCP:
      return "MiddlewareTCPs";
    case model::Kind::kTLSOption:
      return "TLSOptions";
    case model::Kind::kServersTransportTCP:
      return "ServersTransportTCPs";
    default:
      return model::KindName(k);
  }
}

}  // namespace

ProviderView::ProviderView(const RuleContext& ctx) {
  if (ctx.options.catalog != nullptr) {
    catalog_ = ctx.options.catalog;
  } else {
    own_catalog_ = std::make_unique<model::Catalog>(ctx.input);
    catalog_ = own_catalog_.get();
  }
  config_ = ctx.options.static_config != nullptr ? ctx.options.static_config : &default_config_;
  if (ctx.options.provider_result != nullptr) {
    result_ = ctx.options.provider_result;
  } else {
    provider::BuildOptions build;
    build.complete_input = ctx.options.strict_references;
    own_result_ = provider::Build(*catalog_, config_->provider, build);
    result_ = &own_result_;
  }
  for (const provider::IngressResult& ing : result_->ingresses) {
    if (ing.processed) {
      processed_.push_back(ing.irtcp);
    }
  }
}

std::string_view EventRuleCode(provider::EventCode code) {
  for (const EventRule& r : kEventRules) {
    if (r.code == code) {
      return r.rule;
    }
  }
  return "IRT490";
}

bool ReportsProviderEvents(std::string_view rule_code) {
  return std::any_of(std::begin(kEventRules), std::end(kEventRules),
                     [&](const EventRule& r) { return r.rule == rule_code; });
}

void ReportProviderEvents(const RuleContext& ctx, diag::DiagnosticSink& sink,
                          const diag::RuleInfo& rule) {
  for (const provider::Event& e : ctx.Shared<ProviderView>().result().events) {
    if (EventRuleCode(e.code) == rule.code) {
      ReportEvent(sink, rule, e);
    }
  }
}

void ReportOtherProviderEvents(const RuleContext& ctx, diag::DiagnosticSink& sink,
                               const diag::RuleInfo& rule) {
  for (const provider::Event& e : ctx.Shared<ProviderView>().result().events) {
    std::string_view code = EventRuleCode(e.code);
    if (code != rule.code || e.level < provider::EventLevel::kWarn || SelfReported(code)) {
      continue;
    }
    ReportEvent(sink, rule, e).severity =
        e.level == provider::EventLevel::kError ? diag::Severity::kError : diag::Severity::kWarning;
  }
}

std::vector<std::string> SkippedReferenceNotes(const RuleContext& ctx) {
  std::vector<std::string> out;
  if (ctx.options.strict_references) {
    return out;
  }
  for (const auto& [kind, namespaces] : ctx.Shared<ProviderView>().result().unchecked) {
    if (kind == model::Kind::kEndpointSlice || kind == model::Kind::kNode) {
      continue;  // servers, not references: UnknownServerNotes
    }
    std::string list;
    for (const std::string& ns : namespaces) {
      list += (list.empty() ? "" : ", ") + ns;
    }
    out.push_back("references to " + std::string(PluralKind(kind)) + " in namespace(s) " + list +
                  " were not checked: the input holds no " + std::string(model::KindName(kind)) +
                  " there (--strict-references checks them anyway)");
  }
  return out;
}

std::vector<std::string> UnknownServerNotes(const provider::Result& result) {
  constexpr std::size_t kMaxNotes = 10;
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  std::size_t more = 0;
  for (const provider::RouteResult& rr : result.routes) {
    for (const provider::Backend& b : rr.backends) {
      if (b.unknown.empty() || !seen.insert(b.unknown).second) {
        continue;
      }
      if (out.size() < kMaxNotes) {
        out.push_back(b.unknown);
      } else {
        ++more;
      }
    }
  }
  if (!out.empty()) {
    out.push_back("render writes services whose servers are unknown without servers" +
                  (more > 0 ? " (" + std::to_string(more) + " more not listed)" : std::string()));
  }
  return out;
}

}  // namespace irtcp::lint
