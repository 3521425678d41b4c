// PROXY protocol v1 (text) and v2 (binary) headers (haproxy's proxy-protocol.txt): parsing what a
// trusted sender puts in front of a connection (rules.md §9.2) and writing one towards a backend
// (§9.1). Pure functions over bytes, like the ClientHello parser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::proxy {

/// v1 headers are at most 107 bytes; v2 headers 16 bytes plus their length field. We accept
/// v2 address blocks up to this size (TLVs included), which bounds the peek.
inline constexpr std::size_t kMaxProxyHeader = 16 + 2048;

enum class ProxyHeaderStatus : std::uint8_t {
  kNeedMoreData,  ///< a prefix of a v1 or v2 signature, or an incomplete header
  kNone,          ///< no PROXY header: the connection's own bytes start here
  kInvalid,       ///< a header signature followed by a malformed header
  kHeader,        ///< a complete header of `length` bytes
};

struct ProxyHeader {
  ProxyHeaderStatus status = ProxyHeaderStatus::kNeedMoreData;
  int version = 0;          ///< 1 or 2
  bool local = false;       ///< v2 LOCAL or v1 UNKNOWN: keep the real peer address
  std::string source;       ///< "ip:port" / "[v6]:port" of the original client
  std::string destination;  ///< "ip:port" of the original destination
  std::size_t length = 0;   ///< bytes the header takes (consume them)
  std::string error;
};

/// Parses the start of a connection. Headers are optional (as in go-proxyproto, which Traefik
/// uses): bytes that cannot start a signature give kNone.
ProxyHeader ParseProxyHeader(std::span<const std::uint8_t> data);

/// A header carrying `source` and `destination` ("ip:port", "[v6]:port"); both must be of the
/// same family. Empty when an address does not parse.
std::vector<std::uint8_t> BuildProxyHeader(int version, std::string_view source,
                                           std::string_view destination);

}  // namespace irtcp::proxy
