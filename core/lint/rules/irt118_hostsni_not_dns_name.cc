#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/ip.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniNotDnsName{"IRT118",
                                        "hostsni-not-dns-name",
                                        "a HostSNI value Traefik accepts but DNS does not",
                                        R"md(## What it does
Reports `HostSNI` values that pass Traefik's character check but are not DNS host names:
empty labels (`a..b`, a leading dot), labels longer than 63 characters or names longer than
253, labels that start or end with `-`, and `_` (not allowed in host names). `*`, IP addresses
(IRT116) and values with a port (IRT117) are left to other rules.

## Why is this bad?
No certificate and no client will use such a name in the SNI, so the matcher never matches;
it usually is a typo.

## How to fix
Correct the host name.

## Fix safety
No automatic fix.
)md",
                                        diag::Severity::kWarning,
                                        diag::FixAvailability::kNone};

namespace {

std::string DnsProblem(std::string_view host) {
  if (host.rfind("*.", 0) == 0) {
    host.remove_prefix(2);
  }
  if (!host.empty() && host.back() == '.') {
    host.remove_suffix(1);
  }
  if (host.size() > 253) {
    return "is longer than 253 characters";
  }
  std::size_t start = 0;
  while (true) {
    std::size_t dot = host.find('.', start);
    std::string_view label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) {
      return "has an empty label";
    }
    if (label.size() > 63) {
      return "has a label longer than 63 characters";
    }
    if (label.front() == '-' || label.back() == '-') {
      return "has a label that starts or ends with '-'";
    }
    if (label.find('_') != std::string_view::npos) {
      return "contains '_', which host names do not allow";
    }
    if (label.find('*') != std::string_view::npos) {
      return "has a '*' inside a label";
    }
    if (dot == std::string_view::npos) {
      return "";
    }
    start = dot + 1;
  }
}

}  // namespace

void CheckHostSniNotDnsName(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachArg(env, rule_lang::Matcher::kHostSni,
             [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
               if (a.value == "*" || a.value.find(':') != std::string::npos ||
                   rule_lang::ParseIpAddr(a.value, false)) {
                 return;
               }
               for (char c : a.value) {
                 if (static_cast<unsigned char>(c) >= 0x80) {
                   return;  // IRT113
                 }
               }
               std::string problem = DnsProblem(a.value);
               if (problem.empty()) {
                 return;
               }
               env.ReportInMatch(sink, kHostSniNotDnsName, r, a.begin, a.end,
                                 "HostSNI(\"" + a.value + "\") is not a DNS host name: it " +
                                     problem + "; no client sends it as SNI");
             });
}

}  // namespace irtcp::lint
