#include <string>
#include <vector>

#include "core/lint/support/provider_rules.h"
#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/priority.h"

namespace irtcp::lint {

const diag::RuleInfo kCertResolverWithoutDomain{
    "IRT204",
    "cert-resolver-without-domain",
    "tls.certResolver on a route that names no domain to request a certificate for",
    R"md(## What it does
Reports routes of an IngressRouteTCP with `spec.tls.certResolver` when `spec.tls.domains` is
empty and the route's `match` names no concrete host: no `HostSNI`, only `HostSNI(`*`)`, or only
`HostSNIRegexp`/`ClientIP`/`ALPN`.

## Why is this bad?
Traefik's ACME provider takes the domains of a TCP router from `tls.domains`, else from the
`HostSNI` values of its rule. With neither it requests no certificate and says so only in a
DEBUG log line (`No domain parsed in provider ACME`); clients get Traefik's default certificate.
`HostSNI(`*`)` is not a domain either: a wildcard needs the DNS challenge and `*` alone is not a
name a CA signs.

## How to fix
Name the host in the rule (``HostSNI(`db.example.com`)``), or list the certificate's names in
`spec.tls.domains` (`- main: db.example.com`).

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

namespace {

bool HasDomains(const model::RouteTls& tls) {
  for (const model::TlsDomain& d : tls.domains) {
    if (!d.main.empty() || !d.sans.empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace

void CheckCertResolverWithoutDomain(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    if (r.empty || !r.has_tls || r.passthrough) {
      continue;  // passthrough: IRT201
    }
    const model::RouteTls& tls = r.irt->tls.value;
    if (tls.cert_resolver.Or("").empty() || HasDomains(tls)) {
      continue;
    }
    rule_lang::Error err;
    std::optional<std::vector<std::string>> hosts = rule_lang::ParseHostSni(r.text, &err);
    if (!hosts) {
      continue;  // IRT101
    }
    bool named = false;
    for (const std::string& h : *hosts) {
      named = named || (!h.empty() && h != "*");
    }
    if (named) {
      continue;
    }
    env.ReportAtMatch(sink, kCertResolverWithoutDomain, r,
                      "certResolver \"" + tls.cert_resolver.value +
                          "\" has no domain to request for this route: spec.tls.domains is "
                          "empty and the rule names no host (ACME requests no certificate; "
                          "clients get the default certificate)")
        .help = "name the host in HostSNI(`...`) or list it in spec.tls.domains";
  }
}

}  // namespace irtcp::lint
