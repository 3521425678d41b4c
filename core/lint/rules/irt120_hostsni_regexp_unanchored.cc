#include <re2/re2.h>

#include <string>

#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniRegexpUnanchored{"IRT120",
                                              "hostsni-regexp-unanchored",
                                              "a v3 HostSNIRegexp without `^` or `$`",
                                              R"md(## What it does
Under the v3 rule syntax, reports `HostSNIRegexp` patterns that do not start with `^` (after
optional flags such as `(?i)`) or do not end with `$`. Patterns that begin or end with `.*`
are not reported at that end, and v2 templates are left to IRT119.

## Why is this bad?
v3 searches the pattern anywhere in the server name: `example\.com` also matches
`example.com.attacker.net` and `notexample.com`. (v2 anchored patterns itself.)

## How to fix
Anchor the pattern: ``HostSNIRegexp(`^[a-z]+\.example\.com$`)``.

## Fix safety
No automatic fix: anchoring changes which names match.
)md",
                                              diag::Severity::kWarning,
                                              diag::FixAvailability::kNone};

void CheckHostSniRegexpUnanchored(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  static const re2::RE2 kTemplate(R"(\{[A-Za-z_][A-Za-z0-9_]*(:[^}]*)?\})");
  static const re2::RE2 kFlags(R"(^(\(\?[a-zA-Z]+\))*)");
  ForEachArg(
      env, rule_lang::Matcher::kHostSniRegexp,
      [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
        if (r.syntax != rule_lang::Syntax::kV3 || re2::RE2::PartialMatch(a.value, kTemplate)) {
          return;
        }
        std::string p = a.value;
        re2::RE2::Replace(&p, kFlags, "");
        bool start = p.rfind('^', 0) == 0 || p.rfind("\\A", 0) == 0 || p.rfind(".*", 0) == 0;
        bool end =
            (!p.empty() && p.back() == '$' && (p.size() < 2 || p[p.size() - 2] != '\\')) ||
            (p.size() >= 2 && (p.substr(p.size() - 2) == "\\z" || p.substr(p.size() - 2) == ".*"));
        if (start && end) {
          return;
        }
        std::string missing = !start && !end ? "`^` and `$`" : (!start ? "`^`" : "`$`");
        env.ReportInMatch(sink, kHostSniRegexpUnanchored, r, a.begin, a.end,
                          "HostSNIRegexp is not anchored (no " + missing +
                              "): v3 searches the pattern anywhere in the server name")
            .help = "anchor it: `^...$`";
      });
}

}  // namespace irtcp::lint
