// What the rule-language lint rules (IRT1xx) share: every route's `match` parsed and validated
// as Traefik does, positions inside the rule mapped back to the manifest, the classification of
// rule errors into codes, fix helpers that rewrite a `match` (keeping YAML valid and pinning the
// old priority), and the conservative route-overlap analysis behind IRT123/IRT124.
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

#define IRTCP_DECLARE_RULE(Name)       \
  extern const diag::RuleInfo k##Name; \
  void Check##Name(const RuleContext& ctx, diag::DiagnosticSink& sink)

IRTCP_DECLARE_RULE(RuleSyntaxError);          // IRT101
IRTCP_DECLARE_RULE(UnknownMatcher);           // IRT102
IRTCP_DECLARE_RULE(WrongArgumentCount);       // IRT103
IRTCP_DECLARE_RULE(HostSniWithoutTls);        // IRT104
IRTCP_DECLARE_RULE(NewlineEndsRule);          // IRT105
IRTCP_DECLARE_RULE(InvalidHostSniRegexp);     // IRT106
IRTCP_DECLARE_RULE(InvalidClientIp);          // IRT107
IRTCP_DECLARE_RULE(AcmeTlsAlpn);              // IRT108
IRTCP_DECLARE_RULE(EmptyMatch);               // IRT109
IRTCP_DECLARE_RULE(PriorityAboveMaximum);     // IRT110
IRTCP_DECLARE_RULE(DuplicateMatch);           // IRT111
IRTCP_DECLARE_RULE(InvalidHostSni);           // IRT112
IRTCP_DECLARE_RULE(NonAsciiHostSni);          // IRT113
IRTCP_DECLARE_RULE(EmptyMatcherArgument);     // IRT114
IRTCP_DECLARE_RULE(SniMatcherWithoutTls);     // IRT115
IRTCP_DECLARE_RULE(HostSniIpLiteral);         // IRT116
IRTCP_DECLARE_RULE(HostSniWithPort);          // IRT117
IRTCP_DECLARE_RULE(HostSniNotDnsName);        // IRT118
IRTCP_DECLARE_RULE(HostSniRegexpV2Template);  // IRT119
IRTCP_DECLARE_RULE(HostSniRegexpUnanchored);  // IRT120
IRTCP_DECLARE_RULE(HostSniRegexpUpperCase);   // IRT121
IRTCP_DECLARE_RULE(DeprecatedRuleSyntax);     // IRT122
IRTCP_DECLARE_RULE(ShadowedRoute);            // IRT123
IRTCP_DECLARE_RULE(AmbiguousRouteOrder);      // IRT124

#undef IRTCP_DECLARE_RULE

/// One route of an IngressRouteTCP Traefik processes, with its rule analysed.
struct RouteRule {
  const model::IngressRouteTCP* irt = nullptr;
  const model::Route* route = nullptr;
  std::string text;   ///< the `match` value as decoded
  bool empty = true;  ///< `match` absent or "" (Traefik skips the route)
  rule_lang::Syntax syntax = rule_lang::Syntax::kV3;
  std::int64_t priority = 0;  ///< effective: configured, or the default when 0
  bool has_tls = false;
  bool passthrough = false;
  std::optional<rule_lang::Rule> parsed;
  rule_lang::Error parse_error;  ///< set when !parsed (and !empty)
  rule_lang::Error build_error;  ///< AddRoute's validation error (parsed rules only)
  std::string match_path;        ///< JSON pointer of `match`

  const model::Object& object() const { return *irt->object; }
  /// Parsed and accepted by AddRoute.
  bool valid() const { return parsed.has_value() && build_error.ok(); }
};

/// The classification of a rule error into a rule code number (101, 102, ...).
int ErrorCode(const rule_lang::Error& error, std::string_view rule);

class RuleLangEnv {
 public:
  explicit RuleLangEnv(const RuleContext& ctx);

  const ProviderView& env() const { return env_; }
  const std::vector<RouteRule>& routes() const { return routes_; }

  /// Reports at bytes [begin, end) of the route's rule (mapped through the YAML scalar).
  diag::Diagnostic& ReportInRule(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                 const RouteRule& r, std::uint32_t begin, std::uint32_t end,
                                 std::string message) const;
  /// Reports on the whole `match` value.
  diag::Diagnostic& ReportAtMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                  const RouteRule& r, std::string message) const;

  /// Edits that replace the route's `match` with `new_rule` (re-quoted so the YAML stays valid)
  /// and pin `priority:` to the old effective value when it was the default. nullopt when the
  /// layout is one we do not rewrite (block scalars, flow mappings).
  std::optional<std::vector<diag::Edit>> RewriteMatch(const RouteRule& r,
                                                      std::string_view new_rule) const;
  /// The edit deleting the route's `syntax:` line; nullopt when it is not alone on its line.
  std::optional<diag::Edit> DropSyntaxLine(const RouteRule& r) const;

  /// Entry points a route listens on ("" stands for the unknown default entry points).
  std::vector<std::string> EntryPointsOf(const RouteRule& r) const;

 private:
  const ProviderView& env_;
  std::vector<RouteRule> routes_;
};

/// A YAML scalar holding `value`, in the style of `like` when that is valid for the value.
std::string EncodeScalar(std::string_view value, bool prefer_plain, bool prefer_double);

/// The argument of `r.parsed` that contains rule offset `offset` (nullptr when none), and its call.
const rule_lang::Arg* ArgAt(const rule_lang::Node& root, std::uint32_t offset,
                            const rule_lang::Node** call);

/// A pair of routes found by the overlap analysis.
struct RouteOverlap {
  std::size_t loser = 0;  ///< index into RuleLangEnv::routes()
  std::size_t winner = 0;
  std::string entry_point;  ///< one entry point they share ("" = the default entry points)
  bool tie = false;         ///< same priority (IRT124) rather than strictly ordered (IRT123)
};
/// Compares routes pairwise; returns nothing above kMaxOverlapRoutes non-empty routes.
std::vector<RouteOverlap> FindOverlaps(const RuleLangEnv& env);
inline constexpr std::size_t kMaxOverlapRoutes = 3000;
/// The run-summary note when FindOverlaps skips this input for its size.
std::optional<std::string> OverlapAnalysisNote(const RuleContext& ctx);

/// FindOverlaps over the run's shared RuleLangEnv, computed once for IRT123 and IRT124
/// (`ctx.Shared<RouteOverlaps>()`).
struct RouteOverlaps {
  explicit RouteOverlaps(const RuleContext& ctx) : list(FindOverlaps(ctx.Shared<RuleLangEnv>())) {}
  std::vector<RouteOverlap> list;
};

/// Calls fn(route, error) for every non-empty route whose first rule error (the parse error, else
/// AddRoute's) classifies as `code`.
template <typename Fn>
void ForEachRuleError(const RuleLangEnv& env, int code, Fn&& fn) {
  for (const RouteRule& r : env.routes()) {
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
/// `matcher` in rules that parse, skipping the argument AddRoute rejects (its own rule says why).
template <typename Fn>
void ForEachArg(const RuleLangEnv& env, rule_lang::Matcher matcher, Fn&& fn) {
  for (const RouteRule& r : env.routes()) {
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

/// The part of a rewrite fix's description that says what else changes.
inline std::string RewriteNote(const RouteRule& r) {
  std::string note = "the router name changes";
  if (!(r.route->priority.present && r.route->priority.value != 0)) {
    note += "; `priority: " + std::to_string(r.priority) + "` pinned to keep the route order";
  }
  return note;
}

/// The router name Traefik gives the route: `<namespace>-<name>-<hash of the match>`.
std::string RouterName(const RouteRule& r);

/// Human description of a route: `apps/db route 2 (HostSNI(`a`))`.
std::string DescribeRoute(const RouteRule& r);

}  // namespace irtcp::lint
