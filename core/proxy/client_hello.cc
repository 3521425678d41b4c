#include "core/proxy/client_hello.h"

#include <algorithm>
#include <array>
#include <optional>

namespace irtcp::proxy {

namespace {

constexpr std::uint8_t kRecordHandshake = 0x16;
constexpr std::uint8_t kHandshakeClientHello = 0x01;
constexpr std::uint16_t kExtServerName = 0;
constexpr std::uint16_t kExtAlpn = 16;
constexpr std::size_t kRecordHeader = 5;
constexpr std::size_t kHandshakeHeader = 4;

/// A bounds-checked reader over untrusted bytes (Go's cryptobyte.String): every read either
/// succeeds whole or fails and leaves the reader unusable.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}

  bool empty() const { return pos_ == data_.size(); }
  bool U8(std::uint8_t* v) {
    if (data_.size() - pos_ < 1) {
      return false;
    }
    *v = data_[pos_++];
    return true;
  }
  bool U16(std::uint16_t* v) {
    if (data_.size() - pos_ < 2) {
      return false;
    }
    *v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
    pos_ += 2;
    return true;
  }
  bool Skip(std::size_t n) {
    if (data_.size() - pos_ < n) {
      return false;
    }
    pos_ += n;
    return true;
  }
  /// A sub-reader over the next `n` bytes.
  bool Bytes(std::size_t n, Reader* out) {
    if (data_.size() - pos_ < n) {
      return false;
    }
    *out = Reader(data_.subspan(pos_, n));
    pos_ += n;
    return true;
  }
  bool U8Prefixed(Reader* out) {
    std::uint8_t n = 0;
    return U8(&n) && Bytes(n, out);
  }
  bool U16Prefixed(Reader* out) {
    std::uint16_t n = 0;
    return U16(&n) && Bytes(n, out);
  }
  std::string Rest() const {
    return std::string(data_.begin() + static_cast<std::ptrdiff_t>(pos_), data_.end());
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
};

ClientHello Fail(HelloStatus status, std::string error) {
  ClientHello out;
  out.status = status;
  out.error = std::move(error);
  return out;
}

/// server_name (RFC 6066 §3) as Go's clientHelloMsg.unmarshal reads it: a non-empty list, names
/// non-empty, one host_name at most, no trailing dot.
bool ParseServerName(Reader ext, ClientHello& out, std::string* err) {
  Reader list(std::span<const std::uint8_t>{});
  if (!ext.U16Prefixed(&list) || list.empty()) {
    *err = "malformed server_name extension";
    return false;
  }
  while (!list.empty()) {
    std::uint8_t type = 0;
    Reader name(std::span<const std::uint8_t>{});
    if (!list.U8(&type) || !list.U16Prefixed(&name) || name.empty()) {
      *err = "malformed server_name extension";
      return false;
    }
    if (type != 0) {
      continue;
    }
    if (!out.sni.empty()) {
      *err = "multiple host names in server_name";
      return false;
    }
    out.sni = name.Rest();
    if (out.sni.ends_with('.')) {
      *err = "server name has a trailing dot";
      return false;
    }
  }
  if (!ext.empty()) {
    *err = "trailing bytes in server_name";
    return false;
  }
  return true;
}

bool ParseAlpn(Reader ext, ClientHello& out, std::string* err) {
  Reader list(std::span<const std::uint8_t>{});
  if (!ext.U16Prefixed(&list) || list.empty()) {
    *err = "malformed ALPN extension";
    return false;
  }
  while (!list.empty()) {
    Reader proto(std::span<const std::uint8_t>{});
    if (!list.U8Prefixed(&proto) || proto.empty()) {
      *err = "malformed ALPN extension";
      return false;
    }
    out.alpn.push_back(proto.Rest());
  }
  if (!ext.empty()) {
    *err = "trailing bytes in ALPN";
    return false;
  }
  return true;
}

/// The ClientHello body (after the 4-byte handshake header).
ClientHello ParseBody(std::span<const std::uint8_t> body) {
  ClientHello out;
  Reader r(body);
  Reader session(body);
  Reader ciphers(body);
  Reader compression(body);
  if (!r.Skip(2 + 32) || !r.U8Prefixed(&session) || !r.U16Prefixed(&ciphers) ||
      !r.U8Prefixed(&compression)) {
    return Fail(HelloStatus::kInvalid, "truncated ClientHello");
  }
  if (r.empty()) {
    out.status = HelloStatus::kTls;  // no extensions
    return out;
  }
  Reader exts(body);
  if (!r.U16Prefixed(&exts) || !r.empty()) {
    return Fail(HelloStatus::kInvalid, "malformed extensions");
  }
  std::vector<std::uint16_t> seen;
  while (!exts.empty()) {
    std::uint16_t type = 0;
    Reader data(body);
    if (!exts.U16(&type) || !exts.U16Prefixed(&data)) {
      return Fail(HelloStatus::kInvalid, "malformed extensions");
    }
    if (std::find(seen.begin(), seen.end(), type) != seen.end()) {
      return Fail(HelloStatus::kInvalid, "duplicate extension " + std::to_string(type));
    }
    seen.push_back(type);
    std::string err;
    if (type == kExtServerName && !ParseServerName(data, out, &err)) {
      return Fail(HelloStatus::kInvalid, err);
    }
    if (type == kExtAlpn && !ParseAlpn(data, out, &err)) {
      return Fail(HelloStatus::kInvalid, err);
    }
  }
  out.status = HelloStatus::kTls;
  return out;
}

}  // namespace

std::string_view HelloStatusName(HelloStatus status) {
  switch (status) {
    case HelloStatus::kNeedMoreData:
      return "need-more-data";
    case HelloStatus::kNotTls:
      return "not-tls";
    case HelloStatus::kTls:
      return "tls";
    case HelloStatus::kTooLarge:
      return "too-large";
    case HelloStatus::kInvalid:
      return "invalid";
  }
  return "invalid";
}

ClientHello ParseClientHello(std::span<const std::uint8_t> data) {
  ClientHello out;
  if (data.empty()) {
    return out;
  }
  if (data[0] == 0x80) {
    // An SSLv2-compatible hello: Traefik treats it as TLS without SNI; the handshake fails later.
    out.status = HelloStatus::kTls;
    out.sslv2 = true;
    return out;
  }
  if (data[0] != kRecordHandshake) {
    out.status = HelloStatus::kNotTls;
    return out;
  }
  // Reassemble the handshake message from the payloads of consecutive handshake records. Only the
  // bytes up to the end of the ClientHello are needed; the message length is known once its
  // 4-byte header has arrived.
  std::vector<std::uint8_t> message;
  std::optional<std::size_t> wanted;
  std::size_t pos = 0;
  while (true) {
    if (data.size() - pos < kRecordHeader) {
      return out;  // kNeedMoreData
    }
    if (data[pos] != kRecordHandshake) {
      return Fail(HelloStatus::kInvalid, "non-handshake record before the ClientHello ended");
    }
    if (data[pos + 1] != 0x03) {
      return Fail(HelloStatus::kInvalid, "not a TLS record version");
    }
    std::size_t length = (static_cast<std::size_t>(data[pos + 3]) << 8) | data[pos + 4];
    if (length > kMaxTlsRecord) {
      return Fail(HelloStatus::kInvalid,
                  "record length " + std::to_string(length) + " exceeds the TLS maximum");
    }
    pos += kRecordHeader;
    std::size_t available = std::min(length, data.size() - pos);
    std::size_t take = available;
    if (wanted) {
      take = std::min(take, *wanted - message.size());
    }
    message.insert(message.end(), data.begin() + static_cast<std::ptrdiff_t>(pos),
                   data.begin() + static_cast<std::ptrdiff_t>(pos + take));
    if (!wanted && message.size() >= kHandshakeHeader) {
      if (message[0] != kHandshakeClientHello) {
        return Fail(HelloStatus::kInvalid, "first handshake message is not a ClientHello");
      }
      std::size_t body = (static_cast<std::size_t>(message[1]) << 16) |
                         (static_cast<std::size_t>(message[2]) << 8) | message[3];
      if (body > kMaxClientHello) {
        return Fail(HelloStatus::kTooLarge, "ClientHello of " + std::to_string(body) +
                                                " bytes exceeds " +
                                                std::to_string(kMaxClientHello));
      }
      wanted = kHandshakeHeader + body;
      if (message.size() > *wanted) {
        message.resize(*wanted);
      }
    }
    if (wanted && message.size() == *wanted) {
      return ParseBody(std::span<const std::uint8_t>(message).subspan(kHandshakeHeader));
    }
    if (available < length) {
      return out;  // the record is not complete yet
    }
    pos += length;
  }
}

PostgresStatus DetectPostgresSslRequest(std::span<const std::uint8_t> data) {
  std::size_t n = std::min(data.size(), sizeof kPostgresSslRequest);
  if (!std::equal(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n),
                  std::begin(kPostgresSslRequest))) {
    return PostgresStatus::kNo;
  }
  return n == sizeof kPostgresSslRequest ? PostgresStatus::kYes : PostgresStatus::kNeedMoreData;
}

namespace {

void Put16(std::vector<std::uint8_t>& out, std::size_t v) {
  out.push_back(static_cast<std::uint8_t>((v >> 8) & 0xff));
  out.push_back(static_cast<std::uint8_t>(v & 0xff));
}

void Extension(std::vector<std::uint8_t>& out, std::uint16_t type,
               const std::vector<std::uint8_t>& data) {
  Put16(out, type);
  Put16(out, data.size());
  out.insert(out.end(), data.begin(), data.end());
}

}  // namespace

std::vector<std::uint8_t> BuildClientHello(std::string_view sni,
                                           const std::vector<std::string>& alpn,
                                           std::size_t record_size) {
  std::vector<std::uint8_t> exts;
  if (!sni.empty()) {
    std::vector<std::uint8_t> d;
    Put16(d, sni.size() + 3);
    d.push_back(0);
    Put16(d, sni.size());
    d.insert(d.end(), sni.begin(), sni.end());
    Extension(exts, kExtServerName, d);
  }
  if (!alpn.empty()) {
    std::vector<std::uint8_t> list;
    for (const std::string& p : alpn) {
      list.push_back(static_cast<std::uint8_t>(p.size()));
      list.insert(list.end(), p.begin(), p.end());
    }
    std::vector<std::uint8_t> d;
    Put16(d, list.size());
    d.insert(d.end(), list.begin(), list.end());
    Extension(exts, kExtAlpn, d);
  }
  Extension(exts, 43, {0x02, 0x03, 0x04});        // supported_versions: TLS 1.3
  Extension(exts, 10, {0x00, 0x02, 0x00, 0x1d});  // supported_groups: x25519
  // signature_algorithms: ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256
  Extension(exts, 13, {0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01});
  std::vector<std::uint8_t> body = {0x03, 0x03};
  for (int i = 0; i < 32; ++i) {
    body.push_back(static_cast<std::uint8_t>(i * 7 + 1));
  }
  body.push_back(0);    // session id
  Put16(body, 2);       // cipher suites
  Put16(body, 0x1301);  // TLS_AES_128_GCM_SHA256
  body.push_back(1);    // compression methods
  body.push_back(0);    // null
  Put16(body, exts.size());
  body.insert(body.end(), exts.begin(), exts.end());
  std::vector<std::uint8_t> message = {kHandshakeClientHello,
                                       static_cast<std::uint8_t>((body.size() >> 16) & 0xff),
                                       static_cast<std::uint8_t>((body.size() >> 8) & 0xff),
                                       static_cast<std::uint8_t>(body.size() & 0xff)};
  message.insert(message.end(), body.begin(), body.end());
  std::vector<std::uint8_t> out;
  record_size = std::max<std::size_t>(record_size, 1);
  for (std::size_t off = 0; off < message.size(); off += record_size) {
    std::size_t n = std::min(record_size, message.size() - off);
    out.insert(out.end(), {kRecordHandshake, 0x03, 0x01});
    Put16(out, n);
    out.insert(out.end(), message.begin() + static_cast<std::ptrdiff_t>(off),
               message.begin() + static_cast<std::ptrdiff_t>(off + n));
  }
  return out;
}

}  // namespace irtcp::proxy
