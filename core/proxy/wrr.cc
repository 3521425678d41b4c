#include "core/proxy/wrr.h"

#include <algorithm>
#include <numeric>

namespace irtcp::proxy {

WeightedRoundRobin::WeightedRoundRobin(std::vector<std::int64_t> weights)
    : weights_(std::move(weights)), up_(weights_.size(), true) {
  for (std::int64_t w : weights_) {
    max_ = std::max(max_, w);
    gcd_ = std::gcd(gcd_, w);  // gcd(x, 0) = x, as Traefik's gcd
  }
}

void WeightedRoundRobin::SetUp(std::size_t index, bool up) {
  if (index < up_.size()) {
    up_[index] = up;
  }
}

std::optional<std::size_t> WeightedRoundRobin::Next() {
  if (weights_.empty() || std::none_of(up_.begin(), up_.end(), [](bool u) { return u; })) {
    return std::nullopt;  // "no servers in the pool"
  }
  if (max_ == 0) {
    return std::nullopt;  // "all servers have 0 weight"
  }
  // Traefik's loop never ends when every up server has weight 0 and a down one has more
  // (rules.md §8.2 caveat): bound it instead.
  if (std::none_of(weights_.begin(), weights_.end(),
                   [&, i = std::size_t{0}](std::int64_t w) mutable { return up_[i++] && w > 0; })) {
    return std::nullopt;
  }
  const auto n = static_cast<std::int64_t>(weights_.size());
  while (true) {
    index_ = (index_ + 1) % n;
    if (index_ == 0) {
      current_ -= gcd_;
      if (current_ <= 0) {
        current_ = max_;
      }
    }
    auto i = static_cast<std::size_t>(index_);
    if (up_[i] && weights_[i] >= current_) {
      return i;
    }
  }
}

}  // namespace irtcp::proxy
