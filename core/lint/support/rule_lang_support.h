// What the rule-language lint rules (IRT1xx) share: their declarations (for the registry), the
// run's routes with their `match` analysed (route_matches.h), the fix helpers (match_fixes.h) and
// the route-overlap analysis behind IRT123/IRT124 (route_overlaps.h).
#pragma once

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"
#include "core/lint/support/match_fixes.h"
#include "core/lint/support/route_matches.h"
#include "core/lint/support/route_overlaps.h"

namespace irtcp::lint {

#define IRTCP_DECLARE_RULE(Name)       \
  extern const diag::RuleInfo k##Name; \
  void Check##Name(const RuleContext& ctx, diag::DiagnosticSink& sink)

IRTCP_DECLARE_RULE(RuleSyntaxError);          // IRT101
IRTCP_DECLARE_RULE(UnknownMatcher);           // IRT102
IRTCP_DECLARE_RULE(WrongArgumentCount);       // IRT103
IRTCP_DECLARE_RULE(HostSniWithoutTls);        // IRT104
IRTCP_DECLARE_RULE(NewlineEndsRule);          // IRT105
IRTCP_DECLARE_RULE(InvalidHostSniRegexp);     // IRT106
IRTCP_DECLARE_RULE(InvalidClientIp);          // IRT107
IRTCP_DECLARE_RULE(AcmeTlsAlpn);              // IRT108
IRTCP_DECLARE_RULE(EmptyMatch);               // IRT109
IRTCP_DECLARE_RULE(PriorityAboveMaximum);     // IRT110
IRTCP_DECLARE_RULE(DuplicateMatch);           // IRT111
IRTCP_DECLARE_RULE(InvalidHostSni);           // IRT112
IRTCP_DECLARE_RULE(NonAsciiHostSni);          // IRT113
IRTCP_DECLARE_RULE(EmptyMatcherArgument);     // IRT114
IRTCP_DECLARE_RULE(SniMatcherWithoutTls);     // IRT115
IRTCP_DECLARE_RULE(HostSniIpLiteral);         // IRT116
IRTCP_DECLARE_RULE(HostSniWithPort);          // IRT117
IRTCP_DECLARE_RULE(HostSniNotDnsName);        // IRT118
IRTCP_DECLARE_RULE(HostSniRegexpV2Template);  // IRT119
IRTCP_DECLARE_RULE(HostSniRegexpUnanchored);  // IRT120
IRTCP_DECLARE_RULE(HostSniRegexpUpperCase);   // IRT121
IRTCP_DECLARE_RULE(DeprecatedRuleSyntax);     // IRT122
IRTCP_DECLARE_RULE(ShadowedRoute);            // IRT123
IRTCP_DECLARE_RULE(AmbiguousRouteOrder);      // IRT124
IRTCP_DECLARE_RULE(CatchAllBeforeHttp);       // IRT125

#undef IRTCP_DECLARE_RULE

}  // namespace irtcp::lint
