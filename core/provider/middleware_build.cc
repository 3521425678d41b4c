#include "core/provider/middleware_build.h"

#include "core/rule_lang/ip.h"

namespace irtcp::provider {

AllowList EffectiveAllowList(const Middleware& m) {
  AllowList out;
  if (m.ip_allow_list) {
    out.range = &*m.ip_allow_list;
  } else if (m.ip_white_list) {
    out.range = &*m.ip_white_list;
    out.white_list = true;
  }
  return out;
}

std::string MiddlewareBuildError(const Middleware& m, const std::string& name,
                                 std::size_t* bad_index) {
  AllowList allow = EffectiveAllowList(m);
  if (allow.range == nullptr) {
    if (m.in_flight_conn) {
      return {};
    }
    return "invalid middleware \"" + name +
           "\" configuration: invalid middleware type or middleware does not exist";
  }
  const std::vector<std::string>& ranges = allow.range->source_range;
  const char* lister = allow.white_list ? "IPWhiteLister" : "IPAllowLister";
  if (ranges.empty()) {
    return std::string("sourceRange is empty, ") + lister + " not created";
  }
  rule_lang::IpChecker checker;
  std::string why;
  std::size_t bad = 0;
  if (checker.Init(ranges, &why, &bad)) {
    return {};
  }
  if (bad_index != nullptr) {
    *bad_index = bad;
  }
  // Go's %s of a []string: "[a b c]".
  std::string list;
  for (const std::string& r : ranges) {
    list += (list.empty() ? "" : " ") + r;
  }
  return std::string(allow.white_list ? "cannot parse CIDR whitelist [" : "cannot parse CIDRs [") +
         list + "]: " + why;
}

}  // namespace irtcp::provider
