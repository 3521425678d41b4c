// Every route's `match` parsed and validated as Traefik does (the run's RuleLangEnv, shared by
// the IRT1xx rules), positions inside a match expression mapped back to the manifest, and the
// classification of match errors into rule codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/rule.h"
#include "core/lint/support/provider_view.h"
#include "core/model/traefik.h"
#include "core/rule_lang/ast.h"
#include "core/rule_lang/error.h"

namespace irtcp::lint {

/// One route of an IngressRouteTCP, with its `match` analysed. Every IngressRouteTCP of the input
/// is here: rules judge each route as written, also when something else keeps Traefik from
/// seeing it (the API group, namespace, labels or ingress class; IRT404/IRT408 report that).
struct RouteMatch {
  const model::IngressRouteTCP* irt = nullptr;
  const model::Route* route = nullptr;
  /// Traefik processes the IngressRouteTCP (provider.md §2, §4). Analyses of how routes meet at
  /// one Traefik's entry points (IRT123, IRT124, IRT125) use only these.
  bool processed = true;
  std::string text;   ///< the `match` value as decoded
  bool empty = true;  ///< `match` absent or "" (Traefik skips the route)
  rule_lang::Syntax syntax = rule_lang::Syntax::kV3;
  std::int64_t priority = 0;  ///< effective: configured, or the default when 0
  bool has_tls = false;
  bool passthrough = false;
  std::optional<rule_lang::MatchExpr> parsed;
  rule_lang::Error parse_error;  ///< set when !parsed (and !empty)
  rule_lang::Error build_error;  ///< AddRoute's validation error (parsed expressions only)
  std::string match_path;        ///< JSON pointer of `match`

  const model::Object& object() const { return *irt->object; }
  /// Parsed and accepted by AddRoute.
  bool valid() const { return parsed.has_value() && build_error.ok(); }
};

/// The classification of a match error into a lint rule code number (101, 102, ...).
int ErrorCode(const rule_lang::Error& error, std::string_view match);

/// The routes of the run with their match expressions analysed, built once per run
/// (`ctx.Shared<RuleLangEnv>()`).
class RuleLangEnv {
 public:
  explicit RuleLangEnv(const RuleContext& ctx);

  const ProviderView& env() const { return env_; }
  const std::vector<RouteMatch>& routes() const { return routes_; }

  /// Reports at bytes [begin, end) of the route's match text (mapped through the YAML scalar).
  diag::Diagnostic& ReportInMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                  const RouteMatch& r, std::uint32_t begin, std::uint32_t end,
                                  std::string message) const;
  /// Reports on the whole `match` value.
  diag::Diagnostic& ReportAtMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                  const RouteMatch& r, std::string message) const;

  /// Entry points a route listens on ("" stands for the unknown default entry points).
  std::vector<std::string> EntryPointsOf(const RouteMatch& r) const;

 private:
  const ProviderView& env_;
  std::vector<RouteMatch> routes_;
};

/// The argument of a parsed match that contains offset `offset` (nullptr when none), and its call.
const rule_lang::Arg* ArgAt(const rule_lang::Node& root, std::uint32_t offset,
                            const rule_lang::Node** call);

/// Calls fn(route, error) for every non-empty route whose first match error (the parse error,
/// else AddRoute's) classifies as `code`.
template <typename Fn>
void ForEachMatchError(const RuleLangEnv& env, int code, Fn&& fn) {
  for (const RouteMatch& r : env.routes()) {
    if (r.empty) {
      continue;
    }
    const rule_lang::Error& e = r.parsed ? r.build_error : r.parse_error;
    if (!e.ok() && ErrorCode(e, r.text) == code) {
      fn(r, e);
    }
  }
}

/// Calls fn(route, call, arg) for every argument of every (non-negated or negated) call of
/// `matcher` in match expressions that parse, skipping the argument AddRoute rejects (its own
/// rule says why).
template <typename Fn>
void ForEachArg(const RuleLangEnv& env, rule_lang::Matcher matcher, Fn&& fn) {
  for (const RouteMatch& r : env.routes()) {
    if (r.empty || !r.parsed) {
      continue;
    }
    rule_lang::ForEachCall(*r.parsed->root, [&](const rule_lang::Node& call) {
      if (call.matcher != matcher) {
        return;
      }
      for (const rule_lang::Arg& a : call.args) {
        const rule_lang::Error& e = r.build_error;
        if (!e.ok() && e.begin < a.end && e.end > a.begin) {
          continue;
        }
        fn(r, call, a);
      }
    });
  }
}

/// The router name Traefik gives the route: `<namespace>-<name>-<hash of the match>`.
std::string RouterName(const RouteMatch& r);

/// Human description of a route: `apps/db routes[2] (HostSNI(`a`))`.
std::string DescribeRoute(const RouteMatch& r);

}  // namespace irtcp::lint
