// Fix helpers of the IRT1xx rules: rewrite a route's `match` (keeping the YAML valid and pinning
// the old default priority, which the rewrite would change) or drop its `syntax:` line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/support/route_matches.h"

namespace irtcp::lint {

/// Edits that replace the route's `match` with `new_match` (re-quoted so the YAML stays valid)
/// and pin `priority:` to the old effective value when it was the default. nullopt when the
/// layout is one we do not rewrite (block scalars, flow mappings).
std::optional<std::vector<diag::Edit>> RewriteMatch(const RouteMatch& r,
                                                    std::string_view new_match);

/// The edit deleting the route's `syntax:` line; nullopt when it is not alone on its line.
std::optional<diag::Edit> DropSyntaxLine(const RouteMatch& r);

/// The part of a rewrite fix's description that says what else changes.
std::string RewriteNote(const RouteMatch& r);

}  // namespace irtcp::lint
