#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kInvalidClientIp{"IRT107",
                                      "invalid-client-ip",
                                      "a ClientIP value that is neither an IP nor a CIDR",
                                      R"md(## What it does
Reports `ClientIP` arguments that Go's `net.ParseIP` and `net.ParseCIDR` both reject: `10.1`,
`010.0.0.1` (leading zeros), `10.0.0.1/33`, `fe80::1%eth0` (zones), ranges, host names, values
with spaces.

## Why is this bad?
Traefik logs `initializing IP checker for ClientIP matcher: parsing CIDR trusted IPs <nil>:
invalid CIDR address: ...` and drops the router.

## How to fix
Write one IPv4/IPv6 address or CIDR per `ClientIP` call, and join several with `||`.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

void CheckInvalidClientIp(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 107, [&](const RouteMatch& r, const rule_lang::Error& e) {
    const rule_lang::Arg* arg = ArgAt(*r.parsed->root, e.begin, nullptr);
    std::string value = arg != nullptr ? arg->value : r.text.substr(e.begin, e.end - e.begin);
    env.ReportInMatch(sink, kInvalidClientIp, r, e.begin, e.end,
                      "ClientIP value \"" + diag::Shorten(value) +
                          "\" is neither an IP address nor a CIDR (Traefik: " + e.message +
                          "); the router is dropped");
  });
}

}  // namespace irtcp::lint
