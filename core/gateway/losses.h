// The IRT5xx block: what `irtcp render --to gateway-api` cannot carry over from IngressRouteTCP to
// the Gateway API (mapping.md §3, the "✘" and "≈" rows) and the behaviour changes of §5. The
// translator (core/gateway/translate.cc) reports them; the registry lists them with every other
// code so that `--select`, suppressions and `explain` know them.
#pragma once

#include "core/diag/diagnostic.h"

namespace irtcp::gateway {

extern const diag::RuleInfo kUntranslatableMatch;       // IRT501
extern const diag::RuleInfo kMiddlewareLost;            // IRT502
extern const diag::RuleInfo kClientAuthLost;            // IRT503
extern const diag::RuleInfo kTlsOptionLost;             // IRT504
extern const diag::RuleInfo kBackendSettingLost;        // IRT505
extern const diag::RuleInfo kExternalNameBackend;       // IRT506
extern const diag::RuleInfo kCertificateLost;           // IRT507
extern const diag::RuleInfo kInvalidGatewayHostname;    // IRT508
extern const diag::RuleInfo kTrafficRedirected;         // IRT509
extern const diag::RuleInfo kEntryPointUntranslatable;  // IRT510
extern const diag::RuleInfo kRouteOrderChanges;         // IRT511
extern const diag::RuleInfo kBehaviourChange;           // IRT512
extern const diag::RuleInfo kGatewayRequirement;        // IRT513
extern const diag::RuleInfo kUnresolvedBackendPort;     // IRT514
extern const diag::RuleInfo kInactiveRouteSkipped;      // IRT515

}  // namespace irtcp::gateway
