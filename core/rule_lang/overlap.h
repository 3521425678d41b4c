// Which routes can never win a connection, or race another route of the same priority: a
// conservative comparison of match expressions over their HostSNI, HostSNIRegexp, ALPN and
// ClientIP constraints (a regexp against an exact name is decided by running it; negations
// count as "unknown"). Used by the lint rules IRT123 and IRT124;
// `explain` and `serve` can ask the same question of their route tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/ast.h"

namespace irtcp::rule_lang {

/// One router as the overlap analysis sees it: a match expression Traefik accepted.
struct OverlapRoute {
  const MatchExpr* expr = nullptr;  ///< parsed and valid; must outlive the call
  Syntax syntax = Syntax::kV3;
  std::int64_t priority = 0;  ///< effective priority (configured, or the default)
  bool has_tls = false;       ///< without TLS the SNI is empty: HostSNI constraints never match
  /// Entry points the router listens on ("" may stand for "the default entry points").
  std::vector<std::string> entry_points;
  /// Routes with the same text and the same router name are one router (one replaces the
  /// other) and are not compared.
  std::string router_name;
};

/// A route that another route shadows (strictly higher priority, covers all it matches) or
/// races (same priority, and some connection matches both).
struct Overlap {
  std::size_t loser = 0;  ///< index into the routes given to FindOverlaps
  std::size_t winner = 0;
  std::string entry_point;  ///< one entry point they share
  bool tie = false;         ///< same priority (order unspecified) rather than strictly shadowed
};

/// For each route, reports the highest-priority route that shadows it, else the first earlier
/// route of equal priority it may race; at most one Overlap per losing route, in route order.
/// Each route is compared only with the routes whose SNI constraints can contain or meet its
/// own (an index by exact name, wildcard suffix and entry point): near-linear for routes with
/// names; a route whose SNI is unconstrained (every route without TLS, HostSNI(`*`), a regexp)
/// is compared with the routes of its entry points from the highest priority down, stopping at
/// the first that shadows it (a catch-all above it ends the walk at once). Still quadratic in
/// the worst case: many such routes, none covering another (disjoint ClientIP ranges), each
/// with a priority of its own.
std::vector<Overlap> FindOverlaps(std::span<const OverlapRoute> routes);

/// The same answer by comparing every pair (quadratic): the reference the tests hold
/// FindOverlaps to.
std::vector<Overlap> FindOverlapsPairwise(std::span<const OverlapRoute> routes);

/// Whether some connection matches both of two routes (their entry points and priorities are
/// not considered; a route without TLS sees no SNI).
enum class Intersection : std::uint8_t {
  kNone,     ///< no connection matches both
  kSome,     ///< some connection matches both
  kUnknown,  ///< the analysis cannot tell (negations, two regexps, mixed IP families)
};
Intersection Intersect(const OverlapRoute& a, const OverlapRoute& b);
/// True when every connection `inner` matches is matched by `outer` as well (conservative:
/// false when the analysis cannot tell).
bool Covers(const OverlapRoute& outer, const OverlapRoute& inner);

}  // namespace irtcp::rule_lang
