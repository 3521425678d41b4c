#include "core/config/settings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/diag/diagnostic.h"
#include "core/provider/naming.h"
#include "core/util/spell.h"
#include "core/util/strings.h"

namespace irtcp::config::internal {

namespace {

// The options of providers.kubernetesCRD (Traefik v3.7), in Traefik's spelling.
constexpr std::array<std::string_view, 13> kCrdOptions{"namespaces",
                                                       "labelSelector",
                                                       "ingressClass",
                                                       "allowCrossNamespace",
                                                       "allowExternalNameServices",
                                                       "allowEmptyServices",
                                                       "nativeLBByDefault",
                                                       "crossProviderNamespaces",
                                                       "disableClusterScopeResources",
                                                       "throttleDuration",
                                                       "endpoint",
                                                       "token",
                                                       "certAuthFilePath"};

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool StartsWithFold(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

std::string Where(const std::string& file, const source::Location& loc) {
  if (!loc.valid()) {
    return file;
  }
  return file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::string DottedPath(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& p : path) {
    if (!out.empty()) {
      out += '.';
    }
    out += p;
  }
  return out;
}

bool IsBoolKey(const std::vector<std::string>& lower_path) {
  if (lower_path.size() == 2 && lower_path[0] == "providers") {
    return true;  // --providers.kubernetescrd enables the provider
  }
  if (lower_path.size() == 3 && lower_path[0] == "providers" && lower_path[1] == "kubernetescrd") {
    const std::string& k = lower_path[2];
    return k == "allowcrossnamespace" || k == "allowexternalnameservices" ||
           k == "allowemptyservices" || k == "nativelbbydefault" ||
           k == "disableclusterscoperesources";
  }
  if (lower_path.size() == 3 && lower_path[0] == "entrypoints") {
    return lower_path[2] == "asdefault";
  }
  if (lower_path.size() == 4 && lower_path[0] == "entrypoints" &&
      lower_path[2] == "proxyprotocol") {
    return lower_path[3] == "insecure";
  }
  if (lower_path.size() == 3 && lower_path[0] == "tcpserverstransport" && lower_path[1] == "tls") {
    return lower_path[2] == "insecureskipverify";
  }
  return false;
}

bool Interpreter::Apply(const Setting& s, std::string* err) {
  std::vector<std::string> lower;
  lower.reserve(s.path.size());
  for (const std::string& p : s.path) {
    lower.push_back(Lower(p));
  }
  if (lower.size() >= 2 && lower[0] == "providers" && lower[1] == "kubernetescrd") {
    return ApplyCrd(s, lower, err);
  }
  if (lower.size() == 3 && lower[0] == "providers" && lower[1] == "kubernetesgateway" &&
      lower[2] == "experimentalchannel") {
    std::optional<bool> b = Bool(s, err);
    if (!b) {
      return false;
    }
    config_.gateway_experimental_channel = *b;
    return true;
  }
  if (lower.size() >= 2 && lower[0] == "entrypoints") {
    return ApplyEntryPoint(s, lower, err);
  }
  if (!lower.empty() && lower[0] == "tcpserverstransport") {
    return ApplyTcpTransport(s, lower, err);
  }
  if (lower.size() == 2 && lower[0] == "core" && lower[1] == "defaultrulesyntax") {
    std::string v;
    if (!String(s, &v, err)) {
      return false;
    }
    if (v != "v2" && v != "v3") {
      *err =
          s.where + ": core.defaultRuleSyntax must be v2 or v3, got \"" + diag::Shorten(v) + "\"";
      return false;
    }
    config_.default_rule_syntax = v;
  }
  return true;
}

TraefikConfig Interpreter::Finish(std::string origin) {
  config_.origin = std::move(origin);
  if (config_.entry_points.empty() && config_.entry_points_complete) {
    // Traefik's static configuration default (SetEffectiveConfiguration).
    config_.entry_points.push_back(provider::MakeEntryPoint("http", ":80", false, false));
  }
  if (!config_.kubernetes_crd_enabled) {
    config_.notes.push_back(config_.origin +
                            ": providers.kubernetesCRD is not enabled: Traefik would read no "
                            "IngressRouteTCP at all");
  }
  return std::move(config_);
}

bool Interpreter::ApplyCrd(const Setting& s, const std::vector<std::string>& lower,
                           std::string* err) {
  if (lower.size() == 2) {
    if (s.type == Setting::Type::kScalar) {
      std::optional<bool> b = Bool(s, err);
      if (!b) {
        return false;
      }
      config_.kubernetes_crd_enabled = *b;
    } else {
      config_.kubernetes_crd_enabled = true;
    }
    return true;
  }
  config_.kubernetes_crd_enabled = true;
  if (lower.size() > 3) {
    *err = s.where + ": unknown option providers.kubernetesCRD." +
           DottedPath({s.path.begin() + 2, s.path.end()});
    return false;
  }
  const std::string& key = lower[2];
  auto set_bool = [&](std::optional<bool>& field) {
    std::optional<bool> b = Bool(s, err);
    if (!b) {
      return false;
    }
    field = b;
    return true;
  };
  if (key == "namespaces") {
    return List(s, &config_.namespaces, err);
  }
  if (key == "crossprovidernamespaces") {
    return List(s, &config_.cross_provider_namespaces, err);
  }
  if (key == "labelselector" || key == "ingressclass") {
    std::string v;
    if (!String(s, &v, err)) {
      return false;
    }
    (key == "labelselector" ? config_.label_selector : config_.ingress_class) = v;
    return true;
  }
  if (key == "allowcrossnamespace") {
    return set_bool(config_.allow_cross_namespace);
  }
  if (key == "allowexternalnameservices") {
    return set_bool(config_.allow_external_name_services);
  }
  if (key == "allowemptyservices") {
    return set_bool(config_.allow_empty_services);
  }
  if (key == "nativelbbydefault") {
    return set_bool(config_.native_lb_by_default);
  }
  if (key == "disableclusterscoperesources") {
    return set_bool(config_.disable_cluster_scope_resources);
  }
  if (key == "throttleduration" || key == "endpoint" || key == "token" ||
      key == "certauthfilepath") {
    return true;  // no effect on what the provider builds
  }
  // Traefik refuses to start on an unknown field ("field not found, node: ...").
  *err = s.where + ": unknown option providers.kubernetesCRD." + s.path[2];
  std::string_view close = util::ClosestMatch(s.path[2], kCrdOptions);
  if (!close.empty()) {
    *err += "; did you mean " + std::string(close) + "?";
  }
  return false;
}

bool Interpreter::ApplyEntryPoint(const Setting& s, const std::vector<std::string>& lower,
                                  std::string* err) {
  provider::EntryPoint& ep = EntryPointNamed(s.path[1]);
  if (lower.size() == 4 && lower[2] == "proxyprotocol") {
    if (lower[3] == "trustedips") {
      std::optional<std::vector<std::string>> ips;
      if (!List(s, &ips, err)) {
        return false;
      }
      ep.proxy_protocol_trusted_ips = ips.value_or(std::vector<std::string>{});
    } else if (lower[3] == "insecure") {
      std::optional<bool> b = Bool(s, err);
      if (!b) {
        return false;
      }
      ep.proxy_protocol_insecure = *b;
    }
    return true;
  }
  if (lower.size() == 5 && lower[2] == "transport" && lower[3] == "respondingtimeouts" &&
      lower[4] == "readtimeout") {
    ep.read_timeout_origin = s.where;
    return Duration(s, &ep.read_timeout, err);
  }
  if (lower.size() != 3) {
    return true;  // the entry point itself, or settings irtcp does not need (http, transport…)
  }
  if (lower[2] == "address") {
    std::string v;
    if (!String(s, &v, err)) {
      return false;
    }
    ep.address = v;
    std::string l = Lower(v);
    ep.udp = l.size() >= 4 && l.substr(l.size() - 4) == "/udp";
  } else if (lower[2] == "asdefault") {
    std::optional<bool> b = Bool(s, err);
    if (!b) {
      return false;
    }
    ep.as_default = *b;
  }
  return true;
}

bool Interpreter::ApplyTcpTransport(const Setting& s, const std::vector<std::string>& lower,
                                    std::string* err) {
  provider::StaticTcpTransport& t = config_.tcp_servers_transport;
  if (t.origin.empty()) {
    t.origin = s.where;
  }
  if (lower.size() == 2 && lower[1] == "dialtimeout") {
    return Duration(s, &t.dial_timeout, err);
  }
  if (lower.size() == 2 && lower[1] == "dialkeepalive") {
    return Duration(s, &t.dial_keep_alive, err);
  }
  if (lower.size() == 3 && lower[1] == "tls" && lower[2] == "insecureskipverify") {
    std::optional<bool> b = Bool(s, err);
    if (!b) {
      return false;
    }
    t.insecure_skip_verify = *b;
    return true;
  }
  if (lower.size() == 3 && lower[1] == "tls" && lower[2] == "rootcas") {
    std::optional<std::vector<std::string>> cas;
    if (!List(s, &cas, err)) {
      return false;
    }
    t.root_cas = cas.value_or(std::vector<std::string>{});
    return true;
  }
  return true;  // terminationDelay (never read, rules.md §10), spiffe, …: no effect here
}

bool Interpreter::Duration(const Setting& s, std::optional<std::string>* out, std::string* err) {
  std::string v;
  if (!String(s, &v, err)) {
    return false;
  }
  if (!provider::ParseTraefikDuration(v)) {
    *err = s.where + ": " + DottedPath(s.path) +
           " must be a duration (\"60s\", or seconds), got \"" + diag::Shorten(v) + "\"";
    return false;
  }
  *out = v;
  return true;
}

provider::EntryPoint& Interpreter::EntryPointNamed(const std::string& name) {
  auto [it, inserted] = entry_point_index_.emplace(name, config_.entry_points.size());
  if (inserted) {
    config_.entry_points.push_back(provider::MakeEntryPoint(name, "", false, false));
  }
  return config_.entry_points[it->second];
}

std::optional<bool> Interpreter::Bool(const Setting& s, std::string* err) {
  if (s.type == Setting::Type::kScalar) {
    if (s.typed_bool) {
      return s.typed_bool;
    }
    if (std::optional<bool> b = ParseGoBool(s.text)) {
      return b;
    }
  }
  *err = s.where + ": " + DottedPath(s.path) + " must be a boolean (true or false), got " +
         Describe(s);
  return std::nullopt;
}

bool Interpreter::String(const Setting& s, std::string* out, std::string* err) {
  if (s.type == Setting::Type::kNull) {
    out->clear();
    return true;
  }
  if (s.type != Setting::Type::kScalar) {
    *err = s.where + ": " + DottedPath(s.path) + " must be a string, got " + Describe(s);
    return false;
  }
  *out = s.text;
  return true;
}

bool Interpreter::List(const Setting& s, std::optional<std::vector<std::string>>* out,
                       std::string* err) {
  if (s.type == Setting::Type::kList && !s.list_has_non_scalars) {
    if (!out->has_value()) {
      out->emplace();
    }
    (*out)->insert((*out)->end(), s.items.begin(), s.items.end());
    return true;
  }
  if (s.type == Setting::Type::kNull) {
    out->emplace();
    return true;
  }
  if (s.type == Setting::Type::kScalar && !s.typed_bool) {
    // Flags and environment variables carry lists comma-separated ("a,b"); an empty value is an
    // empty list.
    if (!out->has_value()) {
      out->emplace();
    }
    std::vector<std::string> items;
    util::SplitCommaList(s.text, util::Trim::kSpaces, &items);
    for (std::string& item : items) {
      (*out)->push_back(std::move(item));
    }
    return true;
  }
  *err = s.where + ": " + DottedPath(s.path) + " must be a list of strings, got " + Describe(s);
  return false;
}

std::string Interpreter::Describe(const Setting& s) {
  switch (s.type) {
    case Setting::Type::kMap:
      return "a mapping";
    case Setting::Type::kList:
      return "a list";
    case Setting::Type::kNull:
      return "nothing";
    case Setting::Type::kScalar:
      break;
  }
  return "\"" + diag::Shorten(s.text) + "\"";
}

}  // namespace irtcp::config::internal
