// The router manager's rule-related checks (rules.md §3.4), in Traefik's order and wording.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/ast.h"

namespace irtcp::rule_lang {

/// Highest priority a user may set (MaxInt64 - 1000); routers named "*@internal" are exempt.
inline constexpr std::int64_t kMaxUserPriority = std::numeric_limits<std::int64_t>::max() - 1000;

struct RouterMatchInput {
  std::string_view name;   ///< router name (e.g. "ns-x-abc@kubernetescrd")
  std::string_view match;  ///< the router's rule (`match`) text
  Syntax syntax = Syntax::kV3;
  std::int64_t priority = 0;  ///< as configured (0 = default)
  bool has_tls = false;       ///< the router has a `tls` section
  bool passthrough = false;
  /// v2.11.1+ and v3 reject a HostSNI(domain) router without TLS, and a priority above
  /// kMaxUserPriority; v2.10 and v2.11.0 do neither (versions.md §0, §3.4): they log the TLS
  /// error and still add the router, which can never match.
  bool reject_hostsni_without_tls = true;
  bool enforce_max_priority = true;
};

/// Errors Traefik records on a TCP router because of its rule or priority, in order:
/// `router has no rule`, `invalid rule: "<r>" , <parse error>`, `invalid rule: "<r>" , has
/// HostSNI matcher, but no TLS on router`, the priority limit, non-ASCII HostSNI domains on
/// TLS-terminating routers, then AddRoute's error. Empty when the router is fine. A critical
/// error stops the checks that follow it, as in Traefik.
std::vector<std::string> RouterMatchErrors(const RouterMatchInput& in);

}  // namespace irtcp::rule_lang
