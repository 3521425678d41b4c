// IP and CIDR parsing and matching with Go's net / net/netip semantics (rules.md §3.3, §4.2).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::rule_lang {

/// A 16-byte address (IPv4 stored IPv4-mapped, like Go's net.IP from As16()).
struct IpAddr {
  std::array<std::uint8_t, 16> bytes{};
  bool Is4() const;  ///< IPv4 or IPv4-mapped IPv6 (Go's To4() != nil)
  friend bool operator==(const IpAddr&, const IpAddr&) = default;
};

/// netip.ParseAddr: dotted-quad without leading zeros, IPv6 (optionally with an embedded IPv4).
/// A zone (`%eth0`) is accepted only with `allow_zone` (and ignored).
std::optional<IpAddr> ParseIpAddr(std::string_view s, bool allow_zone);

/// The IP checker of Traefik's pkg/ip (ClientIP, IPAllowList).
class IpChecker {
 public:
  /// ip.NewChecker: each value an IP (net.ParseIP) or CIDR (net.ParseCIDR). On failure returns
  /// false and sets `*err` to Traefik's text ("parsing CIDR trusted IPs <nil>: invalid CIDR
  /// address: x", "no trusted IPs provided") and `*bad_index` to the failing value.
  bool Init(const std::vector<std::string>& values, std::string* err, std::size_t* bad_index);

  /// Checker.Contains on a remote IP string (lenient: zones accepted). False when empty or
  /// unparsable (Traefik logs a warning and does not match).
  bool Contains(std::string_view remote_ip) const;
  bool ContainsIp(const IpAddr& ip) const;

 private:
  struct Net {
    std::vector<std::uint8_t> ip;    ///< network number, 4 or 16 bytes
    std::vector<std::uint8_t> mask;  ///< same length as ip
  };
  std::vector<IpAddr> ips_;
  std::vector<Net> nets_;
};

/// net.SplitHostPort's host part of "host:port" / "[v6]:port"; nullopt when malformed.
std::optional<std::string> SplitHost(std::string_view host_port);

}  // namespace irtcp::rule_lang
