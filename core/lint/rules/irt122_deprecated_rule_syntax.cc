#include <algorithm>
#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/printer.h"

namespace irtcp::lint {

const diag::RuleInfo kDeprecatedRuleSyntax{"IRT122",
                                           "deprecated-rule-syntax",
                                           "a route with the deprecated `syntax: v2`",
                                           R"md(## What it does
Reports routes with `syntax: v2`. The field, and the v2 rule syntax, are deprecated since
Traefik v3.0 and will be removed.

## Why is this bad?
v2 rules will stop working in a future Traefik release; v2 and v3 differ (multi-argument
calls, `{name:regexp}` templates that v2 anchors and makes case-insensitive, the `*` value).

## How to fix
Drop `syntax: v2` and write the rule in v3 syntax.

## Fix safety
When the rule means the same under v3 (single-argument calls, no HostSNIRegexp, no HostSNI
value ending in a dot), the fix only deletes the `syntax: v2` line: the rule text, hence the
router name and priority, stay, so the fix is safe. Otherwise the fix translates the rule
(`||` chains for multi-argument calls, the anchored case-insensitive regexp for templates)
and is unsafe: the router name changes, and `priority:` is pinned to the old effective value
when it was the default.
)md",
                                           diag::Severity::kWarning,
                                           diag::FixAvailability::kSometimes};

namespace {

bool SameUnderV3(const rule_lang::MatchExpr& rule) {
  bool same = true;
  rule_lang::ForEachCall(*rule.root, [&](const rule_lang::Node& c) {
    same = same && c.args.size() == 1 && c.matcher != rule_lang::Matcher::kHostSniRegexp &&
           !(c.matcher == rule_lang::Matcher::kHostSni && c.args[0].value.size() > 1 &&
             c.args[0].value.back() == '.');
  });
  rule_lang::Error err;
  return same && rule_lang::Validate(rule, rule_lang::Syntax::kV3, &err);
}

}  // namespace

void CheckDeprecatedRuleSyntax(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  if (!ctx.options.traefik_version.AtLeast(3, 0)) {
    return;  // v2 has no `syntax` field (IRT020 reports it) and only the v2 syntax
  }
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  for (const RouteMatch& r : env.routes()) {
    const model::Field<std::string>& syntax = r.route->syntax;
    if (r.empty || !syntax.present || syntax.value != "v2") {
      continue;
    }
    diag::Diagnostic& d = ReportAt(
        sink, kDeprecatedRuleSyntax, r.object(), syntax.node, syntax.loc, r.route->path + "/syntax",
        "`syntax: v2` is deprecated: the v2 rule syntax will be removed from Traefik");
    if (!r.valid()) {
      continue;
    }
    std::optional<diag::Edit> drop = DropSyntaxLine(r);
    if (!drop) {
      continue;
    }
    if (SameUnderV3(*r.parsed)) {
      d.fix = diag::Fix{"remove `syntax: v2` (the rule means the same under v3)",
                        diag::Applicability::kSafe,
                        {*drop}};
      continue;
    }
    rule_lang::Error err;
    std::optional<std::string> v3 = rule_lang::TranslateV2ToV3(*r.parsed, &err);
    if (!v3) {
      continue;
    }
    std::optional<std::vector<diag::Edit>> edits = RewriteMatch(r, *v3);
    if (!edits) {
      continue;
    }
    edits->push_back(*drop);
    std::sort(edits->begin(), edits->end(),
              [](const diag::Edit& a, const diag::Edit& b) { return a.begin < b.begin; });
    d.help = "under v3 the rule is: " + *v3;
    d.fix = diag::Fix{"remove `syntax: v2` and translate the rule to v3 (" + RewriteNote(r) + ")",
                      diag::Applicability::kUnsafe, std::move(*edits)};
  }
}

}  // namespace irtcp::lint
