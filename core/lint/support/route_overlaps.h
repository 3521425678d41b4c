// The route-overlap analysis (rule_lang::FindOverlaps) over the run's routes, computed once for
// IRT123 and IRT124.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/lint/rule.h"
#include "core/lint/support/route_matches.h"
#include "core/rule_lang/overlap.h"

namespace irtcp::lint {

/// rule_lang::FindOverlaps over the routes Traefik builds; the indices are into
/// RuleLangEnv::routes(). Runs on inputs of any size (an index, not every pair).
std::vector<rule_lang::Overlap> FindOverlaps(const RuleLangEnv& env);

/// FindOverlaps over the run's shared RuleLangEnv (`ctx.Shared<RouteOverlaps>()`).
struct RouteOverlaps {
  explicit RouteOverlaps(const RuleContext& ctx) : list(FindOverlaps(ctx.Shared<RuleLangEnv>())) {}
  std::vector<rule_lang::Overlap> list;
};

}  // namespace irtcp::lint
