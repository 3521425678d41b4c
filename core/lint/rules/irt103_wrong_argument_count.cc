#include <algorithm>
#include <string>
#include <vector>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/printer.h"

namespace irtcp::lint {

const diag::RuleInfo kWrongArgumentCount{"IRT103",
                                         "wrong-argument-count",
                                         "a matcher call with no argument, or several under v3",
                                         R"md(## What it does
Reports matcher calls without argument (`HostSNI()`), and, under the v3 rule syntax (Traefik
v3's default), calls with more than one argument: `HostSNI(`a.com`, `b.com`)` is the v2 form.

## Why is this bad?
Traefik rejects the rule (`no args for matcher HostSNI`, `unexpected number of parameters; got
2, expected 1`) and drops the router.

## How to fix
Under v3 write one call per value joined by `||`:
``HostSNI(`a.com`) || HostSNI(`b.com`)``.

## Fix safety
The fix rewrites every multi-argument call of the rule as an `||` chain. It is unsafe: Traefik
names the router after a hash of the rule and its default priority is the rule's length, so the
router name changes (dashboards, metrics, references by name) and `priority:` is pinned to the
old effective value to keep the route order. The YAML quoting of `match` is kept or adjusted so
the file stays valid.
)md",
                                         diag::Severity::kError,
                                         diag::FixAvailability::kSometimes};

namespace {

std::optional<std::string> SplitMultiArgCalls(const RouteMatch& r) {
  std::vector<const rule_lang::Node*> calls;
  rule_lang::ForEachCall(*r.parsed->root, [&](const rule_lang::Node& c) {
    if (c.args.size() > 1) {
      calls.push_back(&c);
    }
  });
  std::string out = r.text;
  for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
    const rule_lang::Node& c = **it;
    std::string chain;
    for (const rule_lang::Arg& a : c.args) {
      chain += chain.empty() ? "" : " || ";
      chain += c.name;
      chain += '(';
      chain.append(r.text, a.begin, a.end - a.begin);
      chain += ')';
    }
    bool whole = c.begin == r.parsed->root->begin && c.end == r.parsed->root->end;
    if (!whole) {
      chain.insert(0, 1, '(');
      chain += ')';
    }
    out.replace(c.begin, c.end - c.begin, chain);
  }
  rule_lang::Error err;
  if (!rule_lang::Compile(out, rule_lang::Syntax::kV3, &err) &&
      err.kind == rule_lang::ErrorKind::kArgCount) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

void CheckWrongArgumentCount(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 103, [&](const RouteMatch& r, const rule_lang::Error& e) {
    const rule_lang::Node* call = nullptr;
    rule_lang::ForEachCall(*r.parsed->root, [&](const rule_lang::Node& c) {
      if (call == nullptr && c.begin <= e.begin && e.begin < std::max(c.end, c.begin + 1)) {
        call = &c;
      }
    });
    if (e.kind == rule_lang::ErrorKind::kNoArgs || call == nullptr) {
      env.ReportInMatch(
          sink, kWrongArgumentCount, r, e.begin, e.end,
          "matcher call without argument (Traefik: " + e.message + "); the router is dropped");
      return;
    }
    diag::Diagnostic& d = env.ReportInMatch(
        sink, kWrongArgumentCount, r, call->begin, call->end,
        call->name + " takes exactly one argument under the v3 rule syntax, got " +
            std::to_string(call->args.size()) + " (Traefik: " + e.message +
            "); several arguments are the v2 form");
    d.help = "write one call per value joined by `||`";
    if (std::optional<std::string> fixed = SplitMultiArgCalls(r)) {
      if (auto edits = RewriteMatch(r, *fixed)) {
        d.fix = diag::Fix{"split multi-argument calls into `||` chains (" + RewriteNote(r) + ")",
                          diag::Applicability::kUnsafe, std::move(*edits)};
      }
    }
  });
}

}  // namespace irtcp::lint
