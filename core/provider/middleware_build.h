// What Traefik's TCP middleware builder (pkg/server/middleware/tcp) does with a middleware of
// the dynamic configuration at runtime: which allow list it builds and the error that stops it.
// resolve, serve and the IRT412 lint rule share these, so they agree on which routers Traefik
// drops for a middleware it cannot build.
#pragma once

#include <cstddef>
#include <string>

#include "core/provider/config.h"

namespace irtcp::provider {

/// The allow list the builder uses: ipAllowList when set, else the deprecated ipWhiteList (the
/// last of InFlightConn < IPWhiteList < IPAllowList wins, buildConstructor).
struct AllowList {
  const SourceRange* range = nullptr;  ///< nullptr: the middleware has no allow list
  bool white_list = false;             ///< the ipWhiteList spelling (IPWhiteLister texts)
};
AllowList EffectiveAllowList(const Middleware& m);

/// Traefik's error building middleware `name` (qualified, "ns-x@kubernetescrd"), "" when it
/// builds: `sourceRange is empty, IPAllowLister not created`, `cannot parse CIDRs [a b]: parsing
/// CIDR trusted IPs <nil>: invalid CIDR address: b` (ipWhiteList: `cannot parse CIDR whitelist
/// [..]: ..`), or `invalid middleware "<name>" configuration: invalid middleware type or
/// middleware does not exist` for a middleware of no known type. `*bad_index`, when given, is
/// set to the first sourceRange entry Traefik's IP checker rejects.
std::string MiddlewareBuildError(const Middleware& m, const std::string& name,
                                 std::size_t* bad_index = nullptr);

}  // namespace irtcp::provider
