// Routes ordered as Traefik's TCP muxer orders them, with an SNI index (rules.md §6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/rule_lang/matcher.h"

namespace irtcp::rule_lang {

struct RouteSpec {
  std::string id;  ///< opaque identity (router name, ...)
  std::string match;
  Syntax syntax = Syntax::kV3;
  std::int64_t priority = 0;  ///< 0 means DefaultPriority(match) (router manager behaviour)
  bool raw_priority = false;  ///< use `priority` verbatim even when 0 (muxer-level tests)
  std::string provider;       ///< provider of the router, for precedence tie-breaks
  bool tls = false;           ///< opaque to the table; kept for the caller
};

struct Route {
  std::string id;
  std::string provider;
  bool tls = false;
  std::int64_t priority = 0;    ///< effective priority
  int provider_rank = -1;       ///< higher wins ties; -1 = provider not in the precedence list
  std::uint32_t insertion = 0;  ///< Add() order; our deterministic last tie-break
  CompiledMatch match;
};

/// A set of routes and the connection -> route decision. Routes are ordered by priority
/// descending, then provider rank descending (the provider listed first in
/// providers.precedence wins), then insertion order (Traefik leaves this last tie unspecified).
/// Pick() returns the first route in that order whose match expression matches, like Traefik's
/// linear scan, but routes that can only match a known set of SNIs (exact HostSNI under `||`, or
/// `&&`-ed with other matchers) are found through a hash map; only the other routes are scanned,
/// and only up to the best indexed candidate.
class RouteTable {
 public:
  explicit RouteTable(std::vector<std::string> providers_precedence = {});

  /// Compiles and adds a route; returns false (route not added) with Traefik's error otherwise.
  bool Add(const RouteSpec& spec, Error* err);
  /// Adds an already compiled match expression with an effective priority.
  void Add(std::string id, CompiledMatch match, std::int64_t priority, std::string provider = "",
           bool tls = false);

  /// Sorts and indexes. Call after the last Add(); until then Pick() uses a slower full scan.
  void Build();

  /// The winning route, or nullptr. Thread-safe for concurrent const use after Build().
  const Route* Pick(const Connection& conn) const;
  /// Reference implementation: Traefik's linear scan over the ordered routes (needs Build()).
  const Route* PickLinear(const Connection& conn) const;

  /// Routes in Traefik order (after Build()).
  const std::vector<Route>& routes() const { return routes_; }
  std::size_t size() const { return routes_.size(); }
  /// Number of routes served by the SNI index (after Build()).
  std::size_t indexed_count() const { return indexed_count_; }

 private:
  int ProviderRank(std::string_view provider) const;
  static bool Before(const Route& a, const Route& b);

  std::vector<std::string> precedence_;
  std::vector<Route> routes_;
  bool built_ = false;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_host_;
  std::vector<std::uint32_t> scanned_;
  std::size_t indexed_count_ = 0;
};

/// Lower-cases an SNI for index lookups (ASCII, plus the two non-ASCII runes that fold to ASCII
/// letters: U+212A KELVIN SIGN -> k, U+017F LONG S -> s).
std::string SniIndexKey(std::string_view sni);

}  // namespace irtcp::rule_lang
