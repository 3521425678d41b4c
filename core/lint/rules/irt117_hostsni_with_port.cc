#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/ip.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniWithPort{"IRT117",
                                      "hostsni-with-port",
                                      "a port in a HostSNI value",
                                      R"md(## What it does
Reports `HostSNI` values with a `:port` suffix (`db.example.com:5432`). Traefik accepts `:` in
the value.

## Why is this bad?
The SNI is a bare host name and never carries a port: the matcher never matches. The port is
chosen by the entry point.

## How to fix
Remove the port; select the port with `entryPoints`.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kWarning,
                                      diag::FixAvailability::kNone};

void CheckHostSniWithPort(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachArg(env, rule_lang::Matcher::kHostSni,
             [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
               std::size_t colon = a.value.rfind(':');
               if (colon == std::string::npos || rule_lang::ParseIpAddr(a.value, false)) {
                 return;
               }
               env.ReportInMatch(sink, kHostSniWithPort, r, a.begin, a.end,
                                 "HostSNI(\"" + a.value +
                                     "\") has a port: the SNI never carries one, so it never "
                                     "matches")
                   .help = "write HostSNI(`" + a.value.substr(0, colon) +
                           "`) and pick the port with entryPoints";
             });
}

}  // namespace irtcp::lint
