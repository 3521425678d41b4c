#include "core/proxy/proxy_header.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <optional>

namespace irtcp::proxy {

namespace {

constexpr std::array<std::uint8_t, 12> kV2Signature = {0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d,
                                                       0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a};
constexpr std::string_view kV1Prefix = "PROXY ";
constexpr std::size_t kV1Max = 107;

/// Whether `data` is a prefix of `sig` (true) or `sig` a prefix of `data`.
bool Prefix(std::span<const std::uint8_t> data, std::span<const std::uint8_t> sig) {
  std::size_t n = std::min(data.size(), sig.size());
  return std::equal(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n), sig.begin());
}

ProxyHeader Invalid(std::string error) {
  ProxyHeader h;
  h.status = ProxyHeaderStatus::kInvalid;
  h.error = std::move(error);
  return h;
}

std::string Join(std::string_view ip, std::uint16_t port, bool v6) {
  std::string out = v6 ? "[" + std::string(ip) + "]" : std::string(ip);
  return out + ":" + std::to_string(port);
}

std::optional<std::uint16_t> ParsePort(std::string_view s) {
  // v1: decimal, no leading zeros except "0" itself, 0..65535.
  if (s.empty() || s.size() > 5 || (s.size() > 1 && s[0] == '0')) {
    return std::nullopt;
  }
  unsigned v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(v);
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

ProxyHeader ParseV1(std::span<const std::uint8_t> data) {
  std::string_view text(reinterpret_cast<const char*>(data.data()), std::min(data.size(), kV1Max));
  std::size_t crlf = text.find("\r\n");
  if (crlf == std::string_view::npos) {
    if (data.size() >= kV1Max) {
      return Invalid("PROXY v1 header longer than 107 bytes");
    }
    ProxyHeader h;  // kNeedMoreData
    return h;
  }
  std::vector<std::string_view> f = SplitSpaces(text.substr(0, crlf));
  ProxyHeader h;
  h.version = 1;
  h.length = crlf + 2;
  if (f.size() >= 2 && f[1] == "UNKNOWN") {
    h.status = ProxyHeaderStatus::kHeader;
    h.local = true;
    return h;
  }
  if (f.size() != 6 || (f[1] != "TCP4" && f[1] != "TCP6")) {
    return Invalid("malformed PROXY v1 header");
  }
  bool v6 = f[1] == "TCP6";
  std::array<std::uint8_t, 16> buf{};
  for (int i = 2; i <= 3; ++i) {
    std::string ip(f[static_cast<std::size_t>(i)]);
    if (inet_pton(v6 ? AF_INET6 : AF_INET, ip.c_str(), buf.data()) != 1) {
      return Invalid("bad address in PROXY v1 header: " + ip);
    }
  }
  std::optional<std::uint16_t> sport = ParsePort(f[4]);
  std::optional<std::uint16_t> dport = ParsePort(f[5]);
  if (!sport || !dport) {
    return Invalid("bad port in PROXY v1 header");
  }
  h.source = Join(f[2], *sport, v6);
  h.destination = Join(f[3], *dport, v6);
  h.status = ProxyHeaderStatus::kHeader;
  return h;
}

ProxyHeader ParseV2(std::span<const std::uint8_t> data) {
  ProxyHeader h;
  if (data.size() < 16) {
    return h;  // kNeedMoreData
  }
  std::uint8_t ver_cmd = data[12];
  std::uint8_t fam = data[13];
  std::size_t len = (static_cast<std::size_t>(data[14]) << 8) | data[15];
  if ((ver_cmd >> 4) != 2) {
    return Invalid("PROXY v2 header with version " + std::to_string(ver_cmd >> 4));
  }
  std::uint8_t cmd = ver_cmd & 0x0f;
  if (cmd > 1) {
    return Invalid("PROXY v2 header with unknown command " + std::to_string(cmd));
  }
  if (16 + len > kMaxProxyHeader) {
    return Invalid("PROXY v2 header longer than " + std::to_string(kMaxProxyHeader) + " bytes");
  }
  if (data.size() < 16 + len) {
    return h;
  }
  h.version = 2;
  h.length = 16 + len;
  h.status = ProxyHeaderStatus::kHeader;
  std::span<const std::uint8_t> addr = data.subspan(16, len);
  auto port = [&](std::size_t off) {
    return static_cast<std::uint16_t>((addr[off] << 8) | addr[off + 1]);
  };
  if (cmd == 0) {
    h.local = true;  // LOCAL: health checks of the sender; addresses are ignored
    return h;
  }
  std::uint8_t family = fam >> 4;
  std::uint8_t proto = fam & 0x0f;
  if (family == 0 || proto == 0) {
    h.local = true;  // UNSPEC: keep the real peer address
    return h;
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (family == 1) {
    if (len < 12) {
      return Invalid("PROXY v2 IPv4 address block too short");
    }
    inet_ntop(AF_INET, addr.data(), text, sizeof text);
    h.source = Join(text, port(8), false);
    inet_ntop(AF_INET, addr.data() + 4, text, sizeof text);
    h.destination = Join(text, port(10), false);
    return h;
  }
  if (family == 2) {
    if (len < 36) {
      return Invalid("PROXY v2 IPv6 address block too short");
    }
    inet_ntop(AF_INET6, addr.data(), text, sizeof text);
    h.source = Join(text, port(32), true);
    inet_ntop(AF_INET6, addr.data() + 16, text, sizeof text);
    h.destination = Join(text, port(34), true);
    return h;
  }
  h.local = true;  // AF_UNIX: no IP to take
  return h;
}

struct HostPort {
  std::string host;
  std::uint16_t port = 0;
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
};

std::optional<HostPort> SplitAddress(std::string_view s) {
  std::size_t colon = s.rfind(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  HostPort hp;
  std::string_view host = s.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    hp.v6 = true;
  }
  hp.host = std::string(host);
  std::optional<std::uint16_t> port = ParsePort(s.substr(colon + 1));
  if (!port || inet_pton(hp.v6 ? AF_INET6 : AF_INET, hp.host.c_str(), hp.bytes.data()) != 1) {
    return std::nullopt;
  }
  hp.port = *port;
  return hp;
}

}  // namespace

ProxyHeader ParseProxyHeader(std::span<const std::uint8_t> data) {
  ProxyHeader h;
  if (data.empty()) {
    return h;
  }
  if (Prefix(data, kV2Signature)) {
    return data.size() < kV2Signature.size() ? h : ParseV2(data);
  }
  auto v1 = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(kV1Prefix.data()),
                                          kV1Prefix.size());
  if (Prefix(data, v1)) {
    return data.size() < v1.size() ? h : ParseV1(data);
  }
  h.status = ProxyHeaderStatus::kNone;
  return h;
}

std::vector<std::uint8_t> BuildProxyHeader(int version, std::string_view source,
                                           std::string_view destination) {
  std::optional<HostPort> src = SplitAddress(source);
  std::optional<HostPort> dst = SplitAddress(destination);
  if (!src || !dst || src->v6 != dst->v6) {
    return {};
  }
  if (version == 1) {
    std::string line = std::string("PROXY ") + (src->v6 ? "TCP6 " : "TCP4 ") + src->host + " " +
                       dst->host + " " + std::to_string(src->port) + " " +
                       std::to_string(dst->port) + "\r\n";
    return {line.begin(), line.end()};
  }
  std::vector<std::uint8_t> out(kV2Signature.begin(), kV2Signature.end());
  out.push_back(0x21);  // version 2, PROXY
  out.push_back(src->v6 ? 0x21 : 0x11);
  std::size_t alen = src->v6 ? 16 : 4;
  std::size_t len = 2 * alen + 4;
  out.push_back(static_cast<std::uint8_t>(len >> 8));
  out.push_back(static_cast<std::uint8_t>(len & 0xff));
  out.insert(out.end(), src->bytes.begin(), src->bytes.begin() + static_cast<std::ptrdiff_t>(alen));
  out.insert(out.end(), dst->bytes.begin(), dst->bytes.begin() + static_cast<std::ptrdiff_t>(alen));
  for (std::uint16_t p : {src->port, dst->port}) {
    out.push_back(static_cast<std::uint8_t>(p >> 8));
    out.push_back(static_cast<std::uint8_t>(p & 0xff));
  }
  return out;
}

}  // namespace irtcp::proxy
