// The first bytes of a connection: a TLS ClientHello (SNI and ALPN) or not, as Traefik's TCP
// router peeks them (rules.md §7.2 step 3). Pure: no Asio, no OpenSSL, no allocation beyond the
// result, so it can be fuzzed and table-tested on bytes alone (Envoy's tls_inspector).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::proxy {

/// Largest ClientHello handshake message accepted (Envoy's TLS_MAX_CLIENT_HELLO); the peek
/// buffer never grows past this plus the record headers.
inline constexpr std::size_t kMaxClientHello = std::size_t{64} * 1024;
/// Largest TLS record payload Go's record layer accepts (16384 + 2048); a longer record length
/// fails at once instead of waiting for the bytes (clienthello.yml oversizedRecordLength).
inline constexpr std::size_t kMaxTlsRecord = 16384 + 2048;
/// The peek buffer: the ClientHello plus one record header per record it may span.
inline constexpr std::size_t kMaxPeekBytes = kMaxClientHello + 5 * (kMaxClientHello / 16384 + 2);

enum class HelloStatus : std::uint8_t {
  kNeedMoreData,  ///< a prefix of a ClientHello (or nothing yet): read more
  kNotTls,        ///< the first byte is not a TLS handshake record: plain TCP
  kTls,           ///< a complete ClientHello; `sni` and `alpn` are set
  kTooLarge,      ///< the ClientHello is longer than kMaxClientHello
  kInvalid,       ///< starts like TLS but is malformed: Traefik closes the connection
};
/// "need-more-data", "not-tls", "tls", "too-large", "invalid".
std::string_view HelloStatusName(HelloStatus status);

struct ClientHello {
  HelloStatus status = HelloStatus::kNeedMoreData;
  std::string sni;                ///< server_name host_name as sent ("" when absent)
  std::vector<std::string> alpn;  ///< offered protocols in client order
  bool sslv2 = false;             ///< first byte 0x80: Traefik treats it as TLS, no SNI/ALPN
  std::string error;              ///< kInvalid / kTooLarge: what is wrong
};

/// Parses what the client sent so far. Handshake messages may span several records, and records
/// several reads: call again with the longer buffer while the status is kNeedMoreData.
ClientHello ParseClientHello(std::span<const std::uint8_t> data);

/// Postgres SSLRequest (`00 00 00 08 04 d2 16 2f`), which Traefik answers with `S` before the
/// ClientHello (rules.md §7.2 step 2).
inline constexpr std::uint8_t kPostgresSslRequest[8] = {0x00, 0x00, 0x00, 0x08,
                                                        0x04, 0xd2, 0x16, 0x2f};
enum class PostgresStatus : std::uint8_t { kNeedMoreData, kNo, kYes };
/// Whether `data` starts with the SSLRequest: kNeedMoreData while it is a proper prefix of it.
PostgresStatus DetectPostgresSslRequest(std::span<const std::uint8_t> data);

/// A ClientHello record for `sni` and `alpn` (TLS 1.2 record, TLS 1.3 offered through
/// supported_versions), split into records of at most `record_size` handshake bytes. For tests,
/// the check runner and benchmarks; not a TLS implementation.
std::vector<std::uint8_t> BuildClientHello(std::string_view sni,
                                           const std::vector<std::string>& alpn,
                                           std::size_t record_size = 16384);

}  // namespace irtcp::proxy
