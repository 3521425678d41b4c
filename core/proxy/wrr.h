// Traefik's weighted round robin (pkg/tcp/wrr_load_balancer.go, rules.md §8.2), exactly: the same
// sequence of picks for the same weights and order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace irtcp::proxy {

/// Picks indexes into a list of weighted entries. Not thread-safe (one per event loop).
class WeightedRoundRobin {
 public:
  explicit WeightedRoundRobin(std::vector<std::int64_t> weights);

  /// The next entry, or nullopt: no entries, none up, or every weight 0 ("all servers have 0
  /// weight"; Traefik closes the connection).
  std::optional<std::size_t> Next();
  /// Health: a down entry is skipped (Traefik's SetStatus).
  void SetUp(std::size_t index, bool up);

 private:
  std::vector<std::int64_t> weights_;
  std::vector<bool> up_;
  std::int64_t max_ = 0;
  std::int64_t gcd_ = 0;
  std::int64_t current_ = 0;
  std::int64_t index_ = -1;
};

}  // namespace irtcp::proxy
