#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kRuleSyntaxError{"IRT101",
                                      "rule-syntax-error",
                                      "a match rule that Traefik cannot parse",
                                      R"md(## What it does
Parses `spec.routes[].match` exactly as Traefik does (Go's expression parser, then
vulcand/predicate) and reports syntax errors at their column: unterminated strings, unknown
escapes in double-quoted arguments, missing operands, stray tokens, single-quoted arguments,
unsupported operators (`&`, `|`, `==`, `and`, ...), identifiers used as values.

Unknown matcher names (IRT102) and the line-break trap of block scalars (IRT105) have their own
codes.

## Why is this bad?
Traefik logs `error while parsing rule ...` and drops the router: the route receives no
connection.

## How to fix
Write the rule in Traefik's grammar: matchers `HostSNI`, `HostSNIRegexp`, `ClientIP`, `ALPN`
with backquoted arguments, joined by `&&`, `||`, `!` and parentheses:
``HostSNI(`db.example.com`) && ClientIP(`10.0.0.0/8`)``.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

void CheckRuleSyntaxError(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 101, [&](const RouteMatch& r, const rule_lang::Error& e) {
    std::string cause =
        e.message.empty() ? "the rule is a bare string, not a matcher call" : e.message;
    env.ReportInMatch(sink, kRuleSyntaxError, r, e.begin, e.end,
                      "Traefik cannot parse the rule: " + cause + "; the router is dropped");
  });
}

}  // namespace irtcp::lint
