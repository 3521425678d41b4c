#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/router_check.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniWithoutTls{"IRT104",
                                        "hostsni-without-tls",
                                        "a HostSNI domain on an IngressRouteTCP without tls",
                                        R"md(## What it does
Reports rules whose HostSNI names a domain while the IngressRouteTCP has no `tls` section.
It follows Traefik's router manager exactly: only the FIRST HostSNI value of the rule (left to
right, negated ones included) is checked, so ``HostSNI(`*`) || HostSNI(`a.com`)`` passes and
``HostSNI(`a.com`) || HostSNI(`*`)`` fails. HostSNI domains after a first `*` are reported as
warnings by IRT115.

## Why is this bad?
Without TLS there is no ClientHello and no server name. Traefik logs `invalid rule: "..." , has
HostSNI matcher, but no TLS on router` and drops the router. Traefik 2.10 (and v2.11.0) log
the same error but still add the router, to the plain-TCP muxer where it can never match.

## How to fix
Add `tls` to the IngressRouteTCP (`tls: {passthrough: true}` to forward the TLS stream, or
`tls: {secretName: ...}` to terminate), or match every connection with ``HostSNI(`*`)``.

## Fix safety
No automatic fix: choosing between passthrough and termination is a design decision.
)md",
                                        diag::Severity::kError,
                                        diag::FixAvailability::kNone};

void CheckHostSniWithoutTls(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    if (r.empty || !r.parsed || r.has_tls) {
      continue;
    }
    rule_lang::RouterMatchInput in;
    in.match = r.text;
    in.syntax = r.syntax;
    bool dropped = false;
    for (const std::string& e : rule_lang::RouterMatchErrors(in)) {
      dropped = dropped || e.find("has HostSNI matcher, but no TLS on router") != std::string::npos;
    }
    if (!dropped) {
      continue;
    }
    const rule_lang::Arg* first = nullptr;
    rule_lang::ForEachCall(*r.parsed->root, [&](const rule_lang::Node& c) {
      if (first == nullptr && c.matcher == rule_lang::Matcher::kHostSni && !c.args.empty()) {
        first = &c.args.front();
      }
    });
    if (first == nullptr) {
      continue;
    }
    const bool kept = !ctx.options.traefik_version.AtLeastPatch(2, 11, 1);
    env.ReportInMatch(sink, kHostSniWithoutTls, r, first->begin, first->end,
                      "HostSNI(" + r.text.substr(first->begin, first->end - first->begin) +
                          ") on a route without `tls`: there is no SNI without TLS, and " +
                          (kept ? "Traefik " + ctx.options.traefik_version.Display() +
                                      " adds a router that never matches"
                                : std::string("Traefik drops the router")) +
                          " (has HostSNI matcher, but no TLS on router)")
        .help =
        "add `tls: {passthrough: true}` or `tls: {secretName: ...}` to the "
        "IngressRouteTCP, or match every connection with HostSNI(`*`)";
  }
}

}  // namespace irtcp::lint
