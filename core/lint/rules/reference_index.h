// The names under which Traefik registers the input's MiddlewareTCPs, HTTP Middlewares,
// TLSOptions and ServersTransportTCPs, built once per run so the reference rules (IRT205,
// IRT310, IRT403) look each reference up instead of comparing it with every object of the kind.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/lint/rule.h"
#include "core/model/traefik.h"

namespace irtcp::lint {

struct ReferenceIndex {
  explicit ReferenceIndex(const RuleContext& ctx);

  /// `<namespace>-<name>` normalised as Traefik does (provider.md 6.5), current API group only.
  std::unordered_set<std::string> middleware_tcp_keys;
  /// Namespaces holding any MiddlewareTCP (either API group).
  std::unordered_set<std::string> middleware_tcp_namespaces;
  /// HTTP Middlewares by the same key (the last one in input order), for the "did you mean" hint.
  std::unordered_map<std::string, const model::Object*> http_middlewares;
  /// TLSOptions by the key Traefik registers (`default`, else `<namespace>-<name>`).
  std::unordered_set<std::string> tls_option_keys;
  /// TLSOptions by `<namespace>/<name>` as written (the last one in input order).
  std::unordered_map<std::string, const model::TLSOption*> tls_options_by_name;
  /// ServersTransportTCPs by normalised `<namespace>-<name>`, current API group only.
  std::unordered_set<std::string> servers_transport_keys;
};

/// The key Traefik registers a namespaced object under: `<namespace>-<name>`, normalised.
std::string NormalizedKey(std::string_view ns, std::string_view name);
/// The key Traefik registers a TLSOption under: `default` for the one named default, else
/// `<namespace>-<name>` as written (not normalised).
std::string TlsOptionKey(const model::Object& o);

}  // namespace irtcp::lint
