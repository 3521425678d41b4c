#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kNewlineEndsRule{"IRT105",
                                      "newline-ends-rule",
                                      "a line break right after `)` in a multi-line match",
                                      R"md(## What it does
Reports multi-line rules (YAML literal block scalars `|`, or quoted scalars with an escaped
line break) where a line ends right after `)` and the next line continues the rule:

```yaml
match: |
  HostSNI(`a.example.com`)
  || HostSNI(`b.example.com`)
```

## Why is this bad?
Traefik parses rules with Go's expression parser, which inserts a semicolon at a line break
after `)`. The rule ends there and the rest is a syntax error: `2:1: expected 'EOF', found
'||'`; the router is dropped.

## How to fix
End each line with the operator (`HostSNI(`a`) ||`), or use a folded scalar (`>-`), which
joins the lines with spaces.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

void CheckNewlineEndsRule(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 105, [&](const RouteMatch& r, const rule_lang::Error& e) {
    env.ReportInMatch(sink, kNewlineEndsRule, r, e.begin, e.end,
                      "the line break before this token ends the rule (Go inserts a semicolon "
                      "after `)`): Traefik rejects it with " +
                          e.message)
        .help = "end the previous line with the operator, or use a folded scalar `>-`";
  });
}

}  // namespace irtcp::lint
