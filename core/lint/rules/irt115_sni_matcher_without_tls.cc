#include <re2/re2.h>

#include <memory>
#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/router_check.h"

namespace irtcp::lint {

const diag::RuleInfo kSniMatcherWithoutTls{
    "IRT115",
    "sni-matcher-without-tls",
    "HostSNIRegexp, ALPN or a later HostSNI domain on a route without tls",
    R"md(## What it does
On IngressRouteTCPs without `tls`, reports matchers that need a TLS ClientHello and that
Traefik accepts anyway: `HostSNIRegexp` (unless its pattern matches the empty string), `ALPN`,
and HostSNI domains that are not the first HostSNI value of the rule (Traefik only checks the
first one, see IRT104: ``HostSNI(`*`) || HostSNI(`a.com`)`` is accepted). Negated calls are
not reported.

## Why is this bad?
Without TLS the server name is empty and there is no ALPN list: these matchers never match, so
the condition they are part of is always false.

## How to fix
Add `tls` to the IngressRouteTCP, or remove the matcher.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckSniMatcherWithoutTls(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    if (r.empty || !r.valid() || r.has_tls) {
      continue;
    }
    std::unique_ptr<rule_lang::NormNode> norm = rule_lang::Normalize(*r.parsed->root);
    bool first_host_seen = false;
    auto visit = [&](auto&& self, const rule_lang::NormNode& n) -> void {
      if (n.kind != rule_lang::NormNode::Kind::kLeaf) {
        self(self, *n.left);
        self(self, *n.right);
        return;
      }
      const rule_lang::Node& c = *n.call;
      if (c.matcher == rule_lang::Matcher::kHostSni) {
        for (const rule_lang::Arg& a : c.args) {
          bool first = !first_host_seen;
          first_host_seen = true;
          if (first || n.negated || a.value == "*") {
            continue;
          }
          env.ReportInMatch(sink, kSniMatcherWithoutTls, r, a.begin, a.end,
                            "HostSNI(" + r.text.substr(a.begin, a.end - a.begin) +
                                ") never matches on a route without `tls` (no SNI); Traefik "
                                "accepts it because it checks only the first HostSNI value")
              .help = "add `tls` to the IngressRouteTCP, or remove this matcher";
        }
        return;
      }
      if (n.negated) {
        return;
      }
      if (c.matcher == rule_lang::Matcher::kHostSniRegexp && !c.args.empty()) {
        std::string err;
        std::string pattern = c.args.front().value;
        if (r.syntax == rule_lang::Syntax::kV2) {
          pattern = rule_lang::PrepareV2Pattern(pattern, &err).value_or("");
        }
        auto re = rule_lang::CompileGoRegexp(pattern, &err);
        if (re != nullptr && RE2::PartialMatch("", *re)) {
          return;  // matches the empty server name: works without TLS
        }
        env.ReportInMatch(sink, kSniMatcherWithoutTls, r, c.begin, c.end,
                          "HostSNIRegexp never matches on a route without `tls`: the server "
                          "name is empty without TLS")
            .help = "add `tls` to the IngressRouteTCP, or remove this matcher";
      } else if (c.matcher == rule_lang::Matcher::kAlpn) {
        env.ReportInMatch(sink, kSniMatcherWithoutTls, r, c.begin, c.end,
                          "ALPN never matches on a route without `tls`: there is no ALPN list "
                          "without TLS")
            .help = "add `tls` to the IngressRouteTCP, or remove this matcher";
      }
    };
    visit(visit, *norm);
  }
}

}  // namespace irtcp::lint
