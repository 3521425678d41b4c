// Internal to the route plan: a router's TLS, middlewares and backends, explained from the
// provider result and the input (route_plan_details.cc).
#pragma once

#include <string>
#include <vector>

#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/provider/options.h"
#include "core/resolve/route_plan.h"

namespace irtcp::resolve::detail {

/// "file:line" of `loc`, or of the object when `loc` is not set.
std::string Location(const model::Object& o, const source::Location& loc);

/// "ns/name (file:line)" of a route.
std::string RouteWhere(const provider::RouteResult& rr);

/// The TLS a router of `rr` has: mode, certificate source, resolved options and whether they
/// exist (rules.md §7.3; provider.md §9.1, §11).
PlannedTls PlanTls(const provider::RouteResult& rr, const provider::Result& result);

/// The router's middlewares with the MiddlewareTCP spec when the input has it. A middleware
/// Traefik cannot find (while the input holds MiddlewareTCPs in that namespace) gets
/// found = false and an empty note.
std::vector<PlannedMiddleware> PlanMiddlewares(const provider::RouteResult& rr,
                                               const provider::Result& result);

/// One service ref of a route, down to its servers, with how they were chosen.
PlannedBackend PlanBackend(const provider::Backend& b);

}  // namespace irtcp::resolve::detail
