#include "core/lint/registry.h"

#include <array>
#include <vector>

#include "core/gateway/losses.h"
#include "core/input/collect.h"
#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"
#include "core/lint/support/rule_lang_support.h"
#include "core/lint/suppression.h"
#include "core/model/object.h"
#include "core/schema/rules.h"
#include "core/util/spell.h"
#include "core/yaml/load.h"

namespace irtcp::lint {

namespace {

// Sorted by code; the ONLY place a finding kind is listed. Codes are never reused.
// IRT0xx input and schema, IRT1xx rule language, IRT2xx TLS, IRT3xx services,
// IRT4xx cross-resource, IRT5xx translation losses (Gateway API), IRT9xx meta.
constexpr std::array kRules{
    // -- IRT0xx: input ---------------------------------------------------------------------------
    Rule{&yaml::kYamlSyntax, nullptr},                // IRT001
    Rule{&yaml::kInvalidEncoding, nullptr},           // IRT002
    Rule{&schema::kUnknownField, nullptr},            // IRT003
    Rule{&yaml::kDuplicateKey, nullptr},              // IRT004
    Rule{&model::kNotAnObject, nullptr},              // IRT005
    Rule{&yaml::kYamlLimits, nullptr},                // IRT006
    Rule{&model::kNearMissKind, nullptr},             // IRT007
    Rule{&input::kFileTooLarge, nullptr},             // IRT008
    Rule{&input::kHelmTemplate, nullptr},             // IRT009
    Rule{&schema::kTypeMismatch, nullptr},            // IRT010
    Rule{&schema::kMissingField, nullptr},            // IRT011
    Rule{&schema::kValueNotInEnum, nullptr},          // IRT012
    Rule{&schema::kValueOutOfRange, nullptr},         // IRT013
    Rule{&schema::kPatternMismatch, nullptr},         // IRT014
    Rule{&schema::kInvalidObjectName, nullptr},       // IRT015
    Rule{&schema::kConflictingFields, nullptr},       // IRT016
    Rule{&schema::kNonStringMetaValue, nullptr},      // IRT017
    Rule{&schema::kInvalidLabel, nullptr},            // IRT018
    Rule{&schema::kSchemaViolation, nullptr},         // IRT019
    Rule{&schema::kFieldNeedsNewerTraefik, nullptr},  // IRT020
    Rule{&schema::kKindNeedsNewerTraefik, nullptr},   // IRT021
    Rule{&kDuplicateObject, &CheckDuplicateObject},   // IRT022
    // -- IRT003, IRT01x-IRT02x: schema (core/schema)
    // -----------------------------------------------
    // -- IRT1xx: rule language (core/rule_lang, core/lint/rules) ---------------------------------
    Rule{&kRuleSyntaxError, &CheckRuleSyntaxError},                  // IRT101
    Rule{&kUnknownMatcher, &CheckUnknownMatcher},                    // IRT102
    Rule{&kWrongArgumentCount, &CheckWrongArgumentCount},            // IRT103
    Rule{&kHostSniWithoutTls, &CheckHostSniWithoutTls},              // IRT104
    Rule{&kNewlineEndsRule, &CheckNewlineEndsRule},                  // IRT105
    Rule{&kInvalidHostSniRegexp, &CheckInvalidHostSniRegexp},        // IRT106
    Rule{&kInvalidClientIp, &CheckInvalidClientIp},                  // IRT107
    Rule{&kAcmeTlsAlpn, &CheckAcmeTlsAlpn},                          // IRT108
    Rule{&kEmptyMatch, &CheckEmptyMatch},                            // IRT109
    Rule{&kPriorityAboveMaximum, &CheckPriorityAboveMaximum},        // IRT110
    Rule{&kDuplicateMatch, &CheckDuplicateMatch},                    // IRT111
    Rule{&kInvalidHostSni, &CheckInvalidHostSni},                    // IRT112
    Rule{&kNonAsciiHostSni, &CheckNonAsciiHostSni},                  // IRT113
    Rule{&kEmptyMatcherArgument, &CheckEmptyMatcherArgument},        // IRT114
    Rule{&kSniMatcherWithoutTls, &CheckSniMatcherWithoutTls},        // IRT115
    Rule{&kHostSniIpLiteral, &CheckHostSniIpLiteral},                // IRT116
    Rule{&kHostSniWithPort, &CheckHostSniWithPort},                  // IRT117
    Rule{&kHostSniNotDnsName, &CheckHostSniNotDnsName},              // IRT118
    Rule{&kHostSniRegexpV2Template, &CheckHostSniRegexpV2Template},  // IRT119
    Rule{&kHostSniRegexpUnanchored, &CheckHostSniRegexpUnanchored},  // IRT120
    Rule{&kHostSniRegexpUpperCase, &CheckHostSniRegexpUpperCase},    // IRT121
    Rule{&kDeprecatedRuleSyntax, &CheckDeprecatedRuleSyntax},        // IRT122
    Rule{&kShadowedRoute, &CheckShadowedRoute},                      // IRT123
    Rule{&kAmbiguousRouteOrder, &CheckAmbiguousRouteOrder},          // IRT124
    Rule{&kCatchAllBeforeHttp, &CheckCatchAllBeforeHttp},            // IRT125
    // -- IRT2xx-IRT4xx: TLS, services, references (core/provider, core/lint/rules) ---------------
    Rule{&kPassthroughWithTlsSettings, &CheckPassthroughWithTlsSettings},              // IRT201
    Rule{&kTlsSecretMissing, &CheckTlsSecretMissing},                                  // IRT202
    Rule{&kTlsSecretInvalid, &CheckTlsSecretInvalid},                                  // IRT203
    Rule{&kCertResolverWithoutDomain, &CheckCertResolverWithoutDomain},                // IRT204
    Rule{&kTlsOptionMissing, &CheckTlsOptionMissing},                                  // IRT205
    Rule{&kTlsStoreIgnored, &CheckTlsStoreIgnored},                                    // IRT206
    Rule{&kServiceMissing, &CheckServiceMissing},                                      // IRT301
    Rule{&kServicePortNotFound, &CheckServicePortNotFound},                            // IRT302
    Rule{&kExternalNameNotAllowed, &CheckExternalNameNotAllowed},                      // IRT303
    Rule{&kExternalNamePortMismatch, &CheckExternalNamePortMismatch},                  // IRT304
    Rule{&kServiceWithoutServers, &CheckServiceWithoutServers},                        // IRT305
    Rule{&kNativeLbHeadless, &CheckNativeLbHeadless},                                  // IRT306
    Rule{&kNodePortLbIgnored, &CheckNodePortLbIgnored},                                // IRT307
    Rule{&kDeprecatedServiceOption, &CheckDeprecatedServiceOption},                    // IRT308
    Rule{&kAllWeightsZero, &CheckAllWeightsZero},                                      // IRT309
    Rule{&kServersTransportMissing, &CheckServersTransportMissing},                    // IRT310
    Rule{&kWeightIgnored, &CheckWeightIgnored},                                        // IRT311
    Rule{&kCrossNamespaceReference, &CheckCrossNamespaceReference},                    // IRT401
    Rule{&kCrossProviderReference, &CheckCrossProviderReference},                      // IRT402
    Rule{&kMiddlewareMissing, &CheckMiddlewareMissing},                                // IRT403
    Rule{&kLegacyApiGroup, &CheckLegacyApiGroup},                                      // IRT404
    Rule{&kIpWhiteList, &CheckIpWhiteList},                                            // IRT405
    Rule{&kUnknownEntryPoint, &CheckUnknownEntryPoint},                                // IRT406
    Rule{&kImplicitEntryPoints, &CheckImplicitEntryPoints},                            // IRT407
    Rule{&kObjectNotWatched, &CheckObjectNotWatched},                                  // IRT408
    Rule{&kRouterNameCollision, &CheckRouterNameCollision},                            // IRT409
    Rule{&kDeprecatedIngressClassAnnotation, &CheckDeprecatedIngressClassAnnotation},  // IRT410
    Rule{&kDeprecatedApiGroup, &CheckDeprecatedApiGroup},                              // IRT411
    Rule{&kInvalidSourceRange, &CheckInvalidSourceRange},                              // IRT412
    // -- IRT490: what render reports from the provider engine (core/provider) --------------------
    Rule{&kProviderLog, &CheckProviderLog},  // IRT490
    // -- IRT5xx: losses when translating to Gateway API (core/gateway, render --to gateway-api) --
    Rule{&gateway::kUntranslatableMatch, nullptr},       // IRT501
    Rule{&gateway::kMiddlewareLost, nullptr},            // IRT502
    Rule{&gateway::kClientAuthLost, nullptr},            // IRT503
    Rule{&gateway::kTlsOptionLost, nullptr},             // IRT504
    Rule{&gateway::kBackendSettingLost, nullptr},        // IRT505
    Rule{&gateway::kExternalNameBackend, nullptr},       // IRT506
    Rule{&gateway::kCertificateLost, nullptr},           // IRT507
    Rule{&gateway::kInvalidGatewayHostname, nullptr},    // IRT508
    Rule{&gateway::kTrafficRedirected, nullptr},         // IRT509
    Rule{&gateway::kEntryPointUntranslatable, nullptr},  // IRT510
    Rule{&gateway::kRouteOrderChanges, nullptr},         // IRT511
    Rule{&gateway::kBehaviourChange, nullptr},           // IRT512
    Rule{&gateway::kGatewayRequirement, nullptr},        // IRT513
    Rule{&gateway::kUnresolvedBackendPort, nullptr},     // IRT514
    Rule{&gateway::kInactiveRouteSkipped, nullptr},      // IRT515
    // -- IRT9xx: meta (reported by the session after the checks) ---------------------------------
    Rule{&kUnusedSuppression, nullptr},  // IRT901
};

}  // namespace

std::span<const Rule> AllRules() { return kRules; }

const diag::RuleInfo* FindRule(std::string_view code_or_name) {
  for (const Rule& r : kRules) {
    if (r.info->code == code_or_name || r.info->name == code_or_name) {
      return r.info;
    }
  }
  return nullptr;
}

void RunChecks(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  for (const Rule& r : kRules) {
    if (r.check != nullptr) {
      r.check(ctx, sink);
    }
  }
}

void RunProviderChecks(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  for (const Rule& r : kRules) {
    if (r.check != nullptr && ReportsProviderEvents(r.info->code)) {
      r.check(ctx, sink);
    }
  }
}

std::vector<std::string> CheckNotes(const RuleContext& ctx) { return SkippedReferenceNotes(ctx); }

std::string_view SuggestRule(std::string_view text) {
  std::vector<std::string_view> candidates;
  for (const Rule& r : kRules) {
    candidates.push_back(r.info->code);
    candidates.push_back(r.info->name);
  }
  return util::ClosestMatch(text, candidates);
}

}  // namespace irtcp::lint
