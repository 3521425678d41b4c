#include <re2/re2.h>

#include <string>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/printer.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniRegexpV2Template{"IRT119",
                                              "hostsni-regexp-v2-template",
                                              "a v2 `{name:regexp}` template in a v3 HostSNIRegexp",
                                              R"md(## What it does
Under the v3 rule syntax, reports `HostSNIRegexp` patterns that contain a v2 template group
such as `{subdomain:[a-z]+}` or `{sub}`.

## Why is this bad?
v3 takes the argument as a plain Go regexp: the braces are literal characters (or a repetition),
so the pattern no longer means what the v2 template meant and usually never matches. Traefik
accepts it silently.

## How to fix
Write the regexp v2 generated: ``HostSNIRegexp(`{sub:[a-z]+}.example.com`)`` becomes
``HostSNIRegexp(`(?i)^(?P<v0>[a-z]+)\.example\.com$`)`` (anchored and case-insensitive).

## Fix safety
The fix writes exactly that regexp. It is unsafe: the rule text changes, so the router name
changes, and `priority:` is pinned to the old effective value when it was the default.
)md",
                                              diag::Severity::kWarning,
                                              diag::FixAvailability::kSometimes};

namespace {

const re2::RE2& TemplateGroup() {
  static const re2::RE2 kGroup(R"(\{[A-Za-z_][A-Za-z0-9_]*(:[^}]*)?\})");
  return kGroup;
}

}  // namespace

void CheckHostSniRegexpV2Template(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachArg(env, rule_lang::Matcher::kHostSniRegexp,
             [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
               if (r.syntax != rule_lang::Syntax::kV3 ||
                   !re2::RE2::PartialMatch(a.value, TemplateGroup())) {
                 return;
               }
               diag::Diagnostic& d = env.ReportInMatch(
                   sink, kHostSniRegexpV2Template, r, a.begin, a.end,
                   "HostSNIRegexp uses a v2 `{name:regexp}` template, but v3 reads the argument "
                   "as a plain regexp: the braces are literal or a repetition");
               std::string err;
               std::optional<std::string> pattern = rule_lang::PrepareV2Pattern(a.value, &err);
               if (!pattern) {
                 return;
               }
               d.help = "write the regexp v2 generated: `" + *pattern + "`";
               std::string fixed = r.text;
               fixed.replace(a.begin, a.end - a.begin, rule_lang::QuoteArg(*pattern));
               rule_lang::Error check;
               if (!rule_lang::Compile(fixed, r.syntax, &check)) {
                 return;
               }
               if (auto edits = RewriteMatch(r, fixed)) {
                 d.fix = diag::Fix{
                     "write the v2 template as the equivalent anchored, "
                     "case-insensitive regexp (" +
                         RewriteNote(r) + ")",
                     diag::Applicability::kUnsafe, std::move(*edits)};
               }
             });
}

}  // namespace irtcp::lint
