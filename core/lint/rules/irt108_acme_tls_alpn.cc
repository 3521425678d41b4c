#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kAcmeTlsAlpn{"IRT108",
                                  "acme-tls-alpn",
                                  "ALPN(`acme-tls/1`), which Traefik reserves",
                                  R"md(## What it does
Reports `ALPN(`acme-tls/1`)` (the exact, case-sensitive value).

## Why is this bad?
`acme-tls/1` is the protocol of ACME TLS-ALPN-01 challenges, which Traefik answers itself.
Traefik rejects the rule (`invalid protocol value for ALPN matcher, "acme-tls/1" is not
allowed`) and drops the router.

## How to fix
Remove the matcher. To route challenges to another ACME client, enable `allowACMEByPass` on the
entry point and match with HostSNI instead.

## Fix safety
No automatic fix.
)md",
                                  diag::Severity::kError,
                                  diag::FixAvailability::kNone};

void CheckAcmeTlsAlpn(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 108, [&](const RouteMatch& r, const rule_lang::Error& e) {
    env.ReportInMatch(sink, kAcmeTlsAlpn, r, e.begin, e.end,
                      "ALPN(`acme-tls/1`) is reserved for ACME TLS-ALPN-01 challenges: Traefik "
                      "rejects the rule and drops the router");
  });
}

}  // namespace irtcp::lint
