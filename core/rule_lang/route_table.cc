#include "core/rule_lang/route_table.h"

#include <algorithm>

#include "core/rule_lang/priority.h"

namespace irtcp::rule_lang {

std::string SniIndexKey(std::string_view sni) {
  std::string out;
  out.reserve(sni.size());
  for (std::size_t i = 0; i < sni.size(); ++i) {
    char c = sni[i];
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (sni.substr(i, 3) == "\xE2\x84\xAA") {
      out.push_back('k');
      i += 2;
    } else if (sni.substr(i, 2) == "\xC5\xBF") {
      out.push_back('s');
      i += 1;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

RouteTable::RouteTable(std::vector<std::string> providers_precedence)
    : precedence_(std::move(providers_precedence)) {}

int RouteTable::ProviderRank(std::string_view provider) const {
  for (std::size_t i = 0; i < precedence_.size(); ++i) {
    if (precedence_[i] == provider) {
      return static_cast<int>(precedence_.size() - 1 - i);
    }
  }
  return -1;
}

bool RouteTable::Add(const RouteSpec& spec, Error* err) {
  std::optional<CompiledMatch> match = Compile(spec.match, spec.syntax, err);
  if (!match) {
    return false;
  }
  std::int64_t priority = spec.priority;
  if (priority == 0 && !spec.raw_priority) {
    priority = DefaultPriority(spec.match);
  }
  Add(spec.id, std::move(*match), priority, spec.provider, spec.tls);
  return true;
}

void RouteTable::Add(std::string id, CompiledMatch match, std::int64_t priority,
                     std::string provider, bool tls) {
  Route r{std::move(id),
          std::move(provider),
          tls,
          priority,
          0,
          static_cast<std::uint32_t>(routes_.size()),
          std::move(match)};
  r.provider_rank = ProviderRank(r.provider);
  routes_.push_back(std::move(r));
  built_ = false;
}

bool RouteTable::Before(const Route& a, const Route& b) {
  if (a.priority != b.priority) {
    return a.priority > b.priority;
  }
  if (a.provider_rank != b.provider_rank) {
    return a.provider_rank > b.provider_rank;
  }
  return a.insertion < b.insertion;
}

void RouteTable::Build() {
  std::sort(routes_.begin(), routes_.end(), Before);
  by_host_.clear();
  scanned_.clear();
  indexed_count_ = 0;
  for (std::uint32_t pos = 0; pos < routes_.size(); ++pos) {
    const auto& hosts = routes_[pos].match.exact_hosts();
    if (!hosts) {
      scanned_.push_back(pos);
      continue;
    }
    ++indexed_count_;
    for (const std::string& h : *hosts) {
      std::vector<std::uint32_t>& list = by_host_[h];
      if (list.empty() || list.back() != pos) {
        list.push_back(pos);  // positions ascend: Traefik order within a host
      }
    }
  }
  built_ = true;
}

const Route* RouteTable::PickLinear(const Connection& conn) const {
  if (!built_) {
    const Route* best = nullptr;
    for (const Route& r : routes_) {
      if ((best == nullptr || Before(r, *best)) && r.match.Matches(conn)) {
        best = &r;
      }
    }
    return best;
  }
  for (const Route& r : routes_) {
    if (r.match.Matches(conn)) {
      return &r;
    }
  }
  return nullptr;
}

const Route* RouteTable::Pick(const Connection& conn) const {
  if (!built_) {
    return PickLinear(conn);
  }
  std::uint32_t best = UINT32_MAX;
  // Exact HostSNI never matches an empty SNI. A candidate's key equals the SNI folded, or the
  // SNI folded without one trailing dot (v2 compares the value before trimming its dot).
  if (!conn.server_name.empty() && !by_host_.empty()) {
    std::string key = SniIndexKey(conn.server_name);
    auto probe = [&](const std::string& k) {
      auto it = by_host_.find(k);
      if (it == by_host_.end()) {
        return;
      }
      for (std::uint32_t pos : it->second) {
        if (pos >= best) {
          break;
        }
        if (routes_[pos].match.Matches(conn)) {
          best = pos;
          break;
        }
      }
    };
    probe(key);
    if (key.size() > 1 && key.back() == '.') {
      key.pop_back();
      probe(key);
    }
  }
  for (std::uint32_t pos : scanned_) {
    if (pos >= best) {
      break;
    }
    if (routes_[pos].match.Matches(conn)) {
      return &routes_[pos];
    }
  }
  return best == UINT32_MAX ? nullptr : &routes_[best];
}

}  // namespace irtcp::rule_lang
