// `irtcp resolve`: what each IngressRouteTCP route becomes in Traefik — router name, entry
// points, rule, effective priority, TLS mode, middlewares and concrete backend servers, each with
// the reason for the choice — printed from the route plan (core/resolve/route_plan.h), the same
// plan `serve` routes with.
#pragma once

#include <ostream>

#include "core/resolve/route_plan.h"

namespace irtcp::resolve {

/// Text: one table per entry point with the routers Traefik builds there, in its matching order
/// (TLS and plain connections apart when both kinds exist), each with its backends and servers;
/// then the routes Traefik does not route to (rejected, replaced, dangling) with why, the
/// skipped objects and the notes.
void WriteResolveText(const RoutePlan& plan, std::ostream& out, bool color = false);
/// JSON: {"entryPoints": [...], "routes": [...], "skipped": [...], "notes": [...]}.
void WriteResolveJson(const RoutePlan& plan, std::ostream& out);

}  // namespace irtcp::resolve
