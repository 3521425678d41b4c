#include <array>
#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/text_util.h"
#include "core/util/spell.h"

namespace irtcp::lint {

const diag::RuleInfo kUnknownMatcher{"IRT102",
                                     "unknown-matcher",
                                     "a matcher that TCP routers do not know",
                                     R"md(## What it does
Reports calls to matchers other than the four TCP matchers `HostSNI`, `HostSNIRegexp`,
`ClientIP` and `ALPN` (each accepted as written, all lower-case, all upper-case or Title-case:
`hostsni`, `HOSTSNI`, `Hostsni`). HTTP matchers (`Host`, `PathPrefix`, `Header`, ...) get a
specific message: Traefik's own IngressRouteTCP ExternalName examples use `Host()`. Other names
get a "did you mean" suggestion (`hostSNI` -> `HostSNI`: matcher names are case-sensitive).

## Why is this bad?
Traefik logs `unsupported function: Host` and drops the router.

## How to fix
Use a TCP matcher. `Host(`example.net`)` becomes `HostSNI(`example.net`)`, which needs a `tls`
section on the IngressRouteTCP (TLS termination or passthrough: the name comes from the TLS
ClientHello); without TLS use `HostSNI(`*`)`. `HostRegexp` becomes `HostSNIRegexp`.

## Fix safety
No automatic fix: a HostSNI rule also needs TLS, which the rule cannot add by itself.
)md",
                                     diag::Severity::kError,
                                     diag::FixAvailability::kNone};

namespace {

constexpr std::array<std::string_view, 15> kHttpMatchers = {
    "Host",          "HostHeader", "HostRegexp",  "Path",         "PathPrefix",
    "PathRegexp",    "Method",     "Header",      "HeaderRegexp", "Headers",
    "HeadersRegexp", "Query",      "QueryRegexp", "Methods",      "Hosts"};
constexpr std::array<std::string_view, 4> kTcpMatchers = {"HostSNI", "HostSNIRegexp", "ClientIP",
                                                          "ALPN"};

}  // namespace

void CheckUnknownMatcher(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 102, [&](const RouteMatch& r, const rule_lang::Error& e) {
    const std::string prefix = "unsupported function: ";
    std::string name = e.message.rfind(prefix, 0) == 0 ? e.message.substr(prefix.size())
                                                       : r.text.substr(e.begin, e.end - e.begin);
    bool http = false;
    for (std::string_view h : kHttpMatchers) {
      http = http || h == name;
    }
    std::string message;
    std::string help;
    if (http) {
      message = "`" + name +
                "` is an HTTP matcher; TCP routers know only HostSNI, HostSNIRegexp, "
                "ClientIP and ALPN (Traefik: unsupported function: " +
                name + "), so the router is dropped";
      if (name == "Host" || name == "HostHeader" || name == "Hosts") {
        help =
            "use HostSNI(...) with the same domain; it needs `tls` on the IngressRouteTCP "
            "(without TLS, use HostSNI(`*`))";
      } else if (name == "HostRegexp") {
        help = "use HostSNIRegexp(...); it needs `tls` on the IngressRouteTCP";
      } else {
        help =
            "a TCP router cannot see paths, methods, headers or queries: use an IngressRoute "
            "(HTTP) for this";
      }
    } else {
      message = "unknown matcher `" + name + "` (Traefik: unsupported function: " + name +
                "); TCP matchers are HostSNI, HostSNIRegexp, ClientIP and ALPN";
      std::string_view close = util::ClosestMatch(name, kTcpMatchers);
      if (!close.empty()) {
        help = "did you mean `" + std::string(close) + "`?";
        if (rule_lang::AsciiLower(close) == rule_lang::AsciiLower(name)) {
          help += " (only the exact, all-lower, ALL-UPPER and Title-case spellings are accepted)";
        }
      }
    }
    std::uint32_t end = e.end > e.begin ? e.end : e.begin + static_cast<std::uint32_t>(name.size());
    env.ReportInMatch(sink, kUnknownMatcher, r, e.begin, end, message).help = help;
  });
}

}  // namespace irtcp::lint
