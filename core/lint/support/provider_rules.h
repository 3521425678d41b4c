// Provider and reference rules (IRT2xx TLS, IRT3xx services, IRT4xx cross-resource): one
// definition file per rule, core/lint/rules/irtNNN_<name>.cc; listed in core/lint/registry.cc. The
// rules that describe a provider decision map the provider model's events
// (core/lint/support/provider_view.h).
#pragma once

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"

namespace irtcp::lint {

#define IRTCP_DECLARE_RULE(Name)       \
  extern const diag::RuleInfo k##Name; \
  void Check##Name(const RuleContext& ctx, diag::DiagnosticSink& sink)

IRTCP_DECLARE_RULE(DuplicateObject);                   // IRT022 (the input as a whole)
IRTCP_DECLARE_RULE(PassthroughWithTlsSettings);        // IRT201
IRTCP_DECLARE_RULE(TlsSecretMissing);                  // IRT202
IRTCP_DECLARE_RULE(TlsSecretInvalid);                  // IRT203
IRTCP_DECLARE_RULE(CertResolverWithoutDomain);         // IRT204
IRTCP_DECLARE_RULE(TlsOptionMissing);                  // IRT205
IRTCP_DECLARE_RULE(TlsStoreIgnored);                   // IRT206
IRTCP_DECLARE_RULE(ServiceMissing);                    // IRT301
IRTCP_DECLARE_RULE(ServicePortNotFound);               // IRT302
IRTCP_DECLARE_RULE(ExternalNameNotAllowed);            // IRT303
IRTCP_DECLARE_RULE(ExternalNamePortMismatch);          // IRT304
IRTCP_DECLARE_RULE(ServiceWithoutServers);             // IRT305
IRTCP_DECLARE_RULE(NativeLbHeadless);                  // IRT306
IRTCP_DECLARE_RULE(NodePortLbIgnored);                 // IRT307
IRTCP_DECLARE_RULE(DeprecatedServiceOption);           // IRT308
IRTCP_DECLARE_RULE(AllWeightsZero);                    // IRT309
IRTCP_DECLARE_RULE(ServersTransportMissing);           // IRT310
IRTCP_DECLARE_RULE(WeightIgnored);                     // IRT311
IRTCP_DECLARE_RULE(CrossNamespaceReference);           // IRT401
IRTCP_DECLARE_RULE(CrossProviderReference);            // IRT402
IRTCP_DECLARE_RULE(MiddlewareMissing);                 // IRT403
IRTCP_DECLARE_RULE(LegacyApiGroup);                    // IRT404
IRTCP_DECLARE_RULE(IpWhiteList);                       // IRT405
IRTCP_DECLARE_RULE(UnknownEntryPoint);                 // IRT406
IRTCP_DECLARE_RULE(ImplicitEntryPoints);               // IRT407
IRTCP_DECLARE_RULE(ObjectNotWatched);                  // IRT408
IRTCP_DECLARE_RULE(RouterNameCollision);               // IRT409
IRTCP_DECLARE_RULE(DeprecatedIngressClassAnnotation);  // IRT410
IRTCP_DECLARE_RULE(DeprecatedApiGroup);                // IRT411
IRTCP_DECLARE_RULE(InvalidSourceRange);                // IRT412
IRTCP_DECLARE_RULE(ProviderLog);                       // IRT490

#undef IRTCP_DECLARE_RULE

}  // namespace irtcp::lint
