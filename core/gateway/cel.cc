#include "core/gateway/cel.h"

#include <re2/re2.h>

#include <set>
#include <string_view>
#include <tuple>

namespace irtcp::gateway {

namespace {

using Json = nlohmann::ordered_json;

std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) {
    return "";
  }
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool Has(const Json& j, const char* key) { return j.is_object() && j.contains(key); }

const Json& Field(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) {
    return kNull;
  }
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

// CEL isIP(): an IPv4 or IPv6 address literal.
bool IsIp(const std::string& h) {
  static const RE2 kV4(
      R"(((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))");
  return RE2::FullMatch(h, kV4) ||
         (h.find(':') != std::string::npos && RE2::FullMatch(h, R"([0-9a-fA-F:.]+)"));
}

const RE2& Rfc1123() {
  static const RE2 kRe(R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)");
  return kRe;
}

void CheckGateway(const Json& spec, std::vector<std::string>& out) {
  const Json& listeners = Field(spec, "listeners");
  if (!listeners.is_array()) {
    return;
  }
  std::set<std::string> names;
  std::set<std::tuple<std::int64_t, std::string, std::string>> keys;
  bool tls_forbidden = false;
  bool mode_missing = false;
  bool hostname_forbidden = false;
  bool names_dup = false;
  bool keys_dup = false;
  bool terminate_empty = false;
  for (const Json& l : listeners) {
    const std::string protocol = Str(l, "protocol");
    const Json& tls = Field(l, "tls");
    if ((protocol == "HTTP" || protocol == "TCP" || protocol == "UDP") && Has(l, "tls")) {
      tls_forbidden = true;
    }
    if (protocol == "TLS" && (!tls.is_object() || Str(tls, "mode").empty())) {
      mode_missing = true;
    }
    if ((protocol == "TCP" || protocol == "UDP") && !Str(l, "hostname").empty()) {
      hostname_forbidden = true;
    }
    if (!names.insert(Str(l, "name")).second) {
      names_dup = true;
    }
    std::int64_t port =
        Field(l, "port").is_number_integer() ? Field(l, "port").get<std::int64_t>() : 0;
    if (!keys.emplace(port, protocol, Str(l, "hostname")).second) {
      keys_dup = true;
    }
    if (tls.is_object()) {
      std::string mode = Str(tls, "mode");
      if (mode.empty() || mode == "Terminate") {
        const Json& refs = Field(tls, "certificateRefs");
        const Json& options = Field(tls, "options");
        bool has_refs = refs.is_array() && !refs.empty();
        bool has_options = options.is_object() && !options.empty();
        if (!has_refs && !has_options) {
          terminate_empty = true;
        }
      }
    }
  }
  if (tls_forbidden) {
    out.emplace_back("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
  }
  if (mode_missing) {
    out.emplace_back("tls mode must be set for protocol TLS");
  }
  if (hostname_forbidden) {
    out.emplace_back("hostname must not be specified for protocols ['TCP', 'UDP']");
  }
  if (names_dup) {
    out.emplace_back("Listener name must be unique within the Gateway");
  }
  if (keys_dup) {
    out.emplace_back("Combination of port, protocol and hostname must be unique for each listener");
  }
  if (terminate_empty) {
    out.emplace_back("certificateRefs or options must be specified when mode is Terminate");
  }
}

void CheckHostnames(const Json& spec, std::vector<std::string>& out) {
  const Json& hostnames = Field(spec, "hostnames");
  if (!hostnames.is_array()) {
    return;
  }
  bool ip = false;
  bool rfc = false;
  bool wildcard = false;
  for (const Json& h : hostnames) {
    if (!h.is_string()) {
      continue;
    }
    const std::string s = h.get<std::string>();
    if (IsIp(s)) {
      ip = true;
    }
    if (s.find('*') == std::string::npos) {
      if (!RE2::FullMatch(s, Rfc1123())) {
        rfc = true;
      }
    } else if (!s.starts_with("*.") || !RE2::FullMatch(s.substr(2), Rfc1123())) {
      wildcard = true;
    }
  }
  if (ip) {
    out.emplace_back("Hostnames cannot contain an IP");
  }
  if (rfc) {
    out.emplace_back("Hostnames must be valid based on RFC-1123");
  }
  if (wildcard) {
    out.emplace_back(
        "Wildcards on hostnames must be the first label, and the rest of hostname must be valid "
        "based on RFC-1123");
  }
}

// The parentRefs rules compare group, kind, name and namespace with their defaults applied.
std::tuple<std::string, std::string, std::string, std::string> Parent(const Json& p) {
  std::string group = Has(p, "group") ? Str(p, "group") : "gateway.networking.k8s.io";
  std::string kind = Has(p, "kind") ? Str(p, "kind") : "Gateway";
  return {group, kind, Str(p, "name"), Str(p, "namespace")};
}

void CheckParentRefs(const Json& spec, std::vector<std::string>& out) {
  const Json& parents = Field(spec, "parentRefs");
  if (!parents.is_array()) {
    return;
  }
  bool unspecified = false;
  bool duplicate = false;
  for (std::size_t i = 0; i < parents.size(); ++i) {
    for (std::size_t j = 0; j < parents.size(); ++j) {
      if (i == j || Parent(parents[i]) != Parent(parents[j])) {
        continue;
      }
      const Json& a = parents[i];
      const Json& b = parents[j];
      bool a_set = !Str(a, "sectionName").empty() || Has(a, "port");
      bool b_set = !Str(b, "sectionName").empty() || Has(b, "port");
      if (!a_set || !b_set) {
        unspecified = true;
      } else if (Str(a, "sectionName") == Str(b, "sectionName") &&
                 Field(a, "port") == Field(b, "port")) {
        duplicate = true;
      }
    }
  }
  if (unspecified) {
    out.emplace_back(
        "sectionName or port must be specified when parentRefs includes 2 or more references to "
        "the same parent");
  }
  if (duplicate) {
    out.emplace_back(
        "sectionName or port must be unique when parentRefs includes 2 or more references to the "
        "same parent");
  }
}

void CheckBackendPorts(const Json& spec, std::vector<std::string>& out) {
  const Json& rules = Field(spec, "rules");
  if (!rules.is_array()) {
    return;
  }
  for (const Json& rule : rules) {
    const Json& refs = Field(rule, "backendRefs");
    if (!refs.is_array()) {
      continue;
    }
    for (const Json& ref : refs) {
      // Defaults: group "" and kind Service.
      bool service =
          Str(ref, "group").empty() && (!Has(ref, "kind") || Str(ref, "kind") == "Service");
      if (service && !Has(ref, "port")) {
        out.emplace_back("Must have port for Service reference");
        return;
      }
    }
  }
}

}  // namespace

std::vector<std::string> CheckCelRules(const nlohmann::ordered_json& object) {
  std::vector<std::string> out;
  const std::string kind = Str(object, "kind");
  const Json& spec = Field(object, "spec");
  if (kind == "Gateway") {
    CheckGateway(spec, out);
  } else if (kind == "TLSRoute" || kind == "TCPRoute") {
    if (kind == "TLSRoute") {
      CheckHostnames(spec, out);
    }
    CheckParentRefs(spec, out);
    CheckBackendPorts(spec, out);
  }
  return out;
}

}  // namespace irtcp::gateway
