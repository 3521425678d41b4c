#include "core/rule_lang/router_check.h"

#include <optional>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/priority.h"

namespace irtcp::rule_lang {

std::vector<std::string> RouterMatchErrors(const RouterMatchInput& in) {
  std::vector<std::string> out;
  if (in.match.empty()) {
    out.push_back("router has no rule");
    return out;
  }
  std::string quoted = "invalid rule: \"" + std::string(in.match) + "\" , ";
  Error err;
  std::optional<std::vector<std::string>> hosts = ParseHostSni(in.match, &err);
  if (!hosts) {
    out.push_back(quoted + err.message);
    return out;
  }
  if (in.reject_hostsni_without_tls && !in.has_tls && !hosts->empty() && (*hosts)[0] != "*") {
    out.push_back(quoted + "has HostSNI matcher, but no TLS on router");
    return out;
  }
  std::int64_t priority = in.priority == 0 ? DefaultPriority(in.match) : in.priority;
  bool internal = in.name.size() >= 9 && in.name.substr(in.name.size() - 9) == "@internal";
  if (in.enforce_max_priority && priority > kMaxUserPriority && !internal) {
    out.push_back("the router priority " + std::to_string(priority) +
                  " exceeds the max user-defined priority " + std::to_string(kMaxUserPriority));
    return out;
  }
  if (in.has_tls && !in.passthrough) {
    for (const std::string& h : *hosts) {
      for (char c : h) {
        if (static_cast<unsigned char>(c) > 0x7F) {
          out.push_back("invalid domain name value \"" + h +
                        "\", non-ASCII characters are not allowed");
          break;
        }
      }
    }
  }
  if (!Compile(in.match, in.syntax, &err)) {
    out.push_back(AddRouteMessage(err, in.match));
  }
  return out;
}

}  // namespace irtcp::rule_lang
