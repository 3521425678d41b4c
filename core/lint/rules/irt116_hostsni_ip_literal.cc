#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/ip.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniIpLiteral{"IRT116",
                                       "hostsni-ip-literal",
                                       "an IP address in HostSNI",
                                       R"md(## What it does
Reports `HostSNI` values that are IP addresses (`10.0.0.1`, `10::10`).

## Why is this bad?
TLS clients do not send an SNI for IP addresses (RFC 6066 forbids literal addresses in
server_name), so the SNI is empty and the matcher never matches.

## How to fix
Match the client address with `ClientIP`, or match every connection with ``HostSNI(`*`)``
on an entry point dedicated to that address.

## Fix safety
No automatic fix.
)md",
                                       diag::Severity::kWarning,
                                       diag::FixAvailability::kNone};

void CheckHostSniIpLiteral(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachArg(env, rule_lang::Matcher::kHostSni,
             [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
               if (!rule_lang::ParseIpAddr(a.value, false)) {
                 return;
               }
               env.ReportInMatch(sink, kHostSniIpLiteral, r, a.begin, a.end,
                                 "HostSNI(\"" + a.value +
                                     "\") is an IP address: clients send no SNI for IP "
                                     "addresses, so it never matches");
             });
}

}  // namespace irtcp::lint
