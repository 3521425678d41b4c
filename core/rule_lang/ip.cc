#include "core/rule_lang/ip.h"

#include "core/util/hex.h"

namespace irtcp::rule_lang {
namespace {

constexpr std::array<std::uint8_t, 12> kV4InV6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool ParseIpv4(std::string_view s, std::uint8_t out[4]) {
  int fields = 0;
  std::size_t i = 0;
  while (true) {
    if (fields == 4) {
      return false;
    }
    std::size_t start = i;
    int val = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      val = val * 10 + (s[i] - '0');
      if (val > 255) {
        return false;
      }
      ++i;
    }
    std::size_t len = i - start;
    if (len == 0 || (len > 1 && s[start] == '0')) {
      return false;
    }
    out[fields++] = static_cast<std::uint8_t>(val);
    if (i == s.size()) {
      break;
    }
    if (s[i] != '.') {
      return false;
    }
    ++i;
  }
  return fields == 4;
}

bool ParseIpv6(std::string_view s, IpAddr* out) {
  std::array<std::uint8_t, 16> ip{};
  // Byte offsets are ints (ellipsis is -1 when absent); one cast, at the subscript.
  auto at = [&ip](int index) -> std::uint8_t& { return ip[static_cast<std::size_t>(index)]; };
  int ellipsis = -1;
  int i = 0;  // bytes filled
  std::size_t p = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    p = 2;
    if (p == s.size()) {
      out->bytes = ip;
      return true;
    }
  }
  while (i < 16) {
    std::size_t start = p;
    int acc = 0;
    while (p < s.size() && p - start < 4 && util::HexDigitValue(s[p]) >= 0) {
      acc = acc * 16 + util::HexDigitValue(s[p]);
      ++p;
    }
    if (p == start) {
      return false;
    }
    if (p < s.size() && util::HexDigitValue(s[p]) >= 0) {
      return false;  // more than 4 hex digits
    }
    if (p < s.size() && s[p] == '.') {
      // Embedded IPv4 in the last 32 bits.
      if (ellipsis < 0 && i != 12) {
        return false;
      }
      if (i + 4 > 16) {
        return false;
      }
      std::uint8_t v4[4];
      if (!ParseIpv4(s.substr(start), v4)) {
        return false;
      }
      for (int k = 0; k < 4; ++k) {
        at(i + k) = v4[k];
      }
      i += 4;
      p = s.size();
      break;
    }
    at(i) = static_cast<std::uint8_t>(acc >> 8);
    at(i + 1) = static_cast<std::uint8_t>(acc & 0xff);
    i += 2;
    if (p == s.size()) {
      break;
    }
    if (s[p] != ':') {
      return false;
    }
    ++p;
    if (p == s.size()) {
      return false;  // trailing single colon
    }
    if (s[p] == ':') {
      if (ellipsis >= 0) {
        return false;
      }
      ellipsis = i;
      ++p;
      if (p == s.size()) {
        break;
      }
    }
  }
  if (p != s.size()) {
    return false;
  }
  if (i < 16) {
    if (ellipsis < 0) {
      return false;
    }
    int n = 16 - i;
    for (int j = i - 1; j >= ellipsis; --j) {
      at(j + n) = at(j);
    }
    for (int j = ellipsis + n - 1; j >= ellipsis; --j) {
      at(j) = 0;
    }
  } else if (ellipsis >= 0) {
    return false;  // "::" must stand for at least one group
  }
  out->bytes = ip;
  return true;
}

// Returns the address and whether it was written as IPv4 (BitLen 32).
std::optional<IpAddr> ParseAddrBits(std::string_view s, bool allow_zone, bool* is_v4_syntax) {
  for (char c : s) {
    if (c == '.') {
      std::uint8_t v4[4];
      if (!ParseIpv4(s, v4)) {
        return std::nullopt;
      }
      IpAddr a;
      for (std::size_t k = 0; k < 12; ++k) {
        a.bytes[k] = kV4InV6[k];
      }
      for (std::size_t k = 0; k < 4; ++k) {
        a.bytes[12 + k] = v4[k];
      }
      *is_v4_syntax = true;
      return a;
    }
    if (c == ':') {
      std::string_view addr = s;
      std::size_t pct = s.find('%');
      if (pct != std::string_view::npos) {
        if (!allow_zone || pct + 1 == s.size()) {
          return std::nullopt;
        }
        addr = s.substr(0, pct);
      }
      IpAddr a;
      if (!ParseIpv6(addr, &a)) {
        return std::nullopt;
      }
      *is_v4_syntax = false;
      return a;
    }
    if (c == '%') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

bool IpAddr::Is4() const {
  for (std::size_t k = 0; k < 12; ++k) {
    if (bytes[k] != kV4InV6[k]) {
      return false;
    }
  }
  return true;
}

std::optional<IpAddr> ParseIpAddr(std::string_view s, bool allow_zone) {
  bool v4 = false;
  return ParseAddrBits(s, allow_zone, &v4);
}

bool IpChecker::Init(const std::vector<std::string>& values, std::string* err,
                     std::size_t* bad_index) {
  ips_.clear();
  nets_.clear();
  if (values.empty()) {
    *err = "no trusted IPs provided";
    *bad_index = 0;
    return false;
  }
  for (std::size_t idx = 0; idx < values.size(); ++idx) {
    const std::string& v = values[idx];
    if (auto ip = ParseIpAddr(v, false)) {
      ips_.push_back(*ip);
      continue;
    }
    // net.ParseCIDR
    bool ok = false;
    std::size_t slash = v.find('/');
    if (slash != std::string::npos) {
      bool v4 = false;
      auto addr = ParseAddrBits(std::string_view(v).substr(0, slash), false, &v4);
      std::string_view len = std::string_view(v).substr(slash + 1);
      int bits = v4 ? 32 : 128;
      long n = 0;
      bool digits = !len.empty();
      for (char c : len) {
        if (c < '0' || c > '9') {
          digits = false;
          break;
        }
        n = n * 10 + (c - '0');
        if (n > 0xFFFFFF) {
          digits = false;
          break;
        }
      }
      if (addr && digits && n <= bits) {
        ok = true;
        std::size_t mlen = v4 ? 4 : 16;
        std::vector<std::uint8_t> mask(mlen, 0);
        for (std::size_t b = 0; b < mlen; ++b) {
          long rem = n - static_cast<long>(b) * 8;
          if (rem >= 8) {
            mask[b] = 0xff;
          } else if (rem > 0) {
            mask[b] = static_cast<std::uint8_t>(0xff << (8 - rem));
          }
        }
        // IP(addr16).Mask(m): an IPv4 mask on an IPv4-mapped address yields 4 bytes.
        std::vector<std::uint8_t> ip(addr->bytes.begin(), addr->bytes.end());
        if (mlen == 4) {
          ip.erase(ip.begin(), ip.begin() + 12);
        }
        for (std::size_t b = 0; b < mlen; ++b) {
          ip[b] = static_cast<std::uint8_t>(ip[b] & mask[b]);
        }
        // networkNumberAndMask: To4() of the network, trimming a 16-byte mask.
        Net net;
        if (ip.size() == 16) {
          IpAddr tmp;
          std::copy(ip.begin(), ip.end(), tmp.bytes.begin());
          if (tmp.Is4()) {
            ip.erase(ip.begin(), ip.begin() + 12);
            mask.erase(mask.begin(), mask.begin() + 12);
          }
        }
        net.ip = std::move(ip);
        net.mask = std::move(mask);
        nets_.push_back(std::move(net));
      }
    }
    if (!ok) {
      *err = "parsing CIDR trusted IPs <nil>: invalid CIDR address: " + v;
      *bad_index = idx;
      return false;
    }
  }
  return true;
}

bool IpChecker::ContainsIp(const IpAddr& addr) const {
  for (const IpAddr& ip : ips_) {
    if (ip == addr) {
      return true;
    }
  }
  bool is4 = addr.Is4();
  for (const Net& n : nets_) {
    std::size_t off = is4 ? 12 : 0;
    std::size_t len = 16 - off;
    if (n.ip.size() != len) {
      continue;
    }
    bool match = true;
    for (std::size_t b = 0; b < len; ++b) {
      if ((addr.bytes[off + b] & n.mask[b]) != n.ip[b]) {
        match = false;
        break;
      }
    }
    if (match) {
      return true;
    }
  }
  return false;
}

bool IpChecker::Contains(std::string_view remote_ip) const {
  if (remote_ip.empty()) {
    return false;
  }
  auto ip = ParseIpAddr(remote_ip, true);
  if (!ip) {
    return false;
  }
  return ContainsIp(*ip);
}

std::optional<std::string> SplitHost(std::string_view hp) {
  std::size_t colon = hp.rfind(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view host = hp.substr(0, colon);
  if (!host.empty() && host.front() == '[') {
    if (host.back() != ']') {
      return std::nullopt;
    }
    host = host.substr(1, host.size() - 2);
    if (host.find('[') != std::string_view::npos || host.find(']') != std::string_view::npos) {
      return std::nullopt;
    }
    return std::string(host);
  }
  if (host.find(':') != std::string_view::npos || host.find('[') != std::string_view::npos ||
      host.find(']') != std::string_view::npos) {
    return std::nullopt;  // "too many colons"
  }
  return std::string(host);
}

}  // namespace irtcp::rule_lang
