// Test support for TLS towards backends: a blocking TLS server side for backend threads, with
// the test PKI of testdata/serve/backend-tls (gen.sh there regenerates it).
#pragma once

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <csignal>
#include <string>

#include "core/proxy/proxy_header.h"
#include "core/proxy/tls.h"
#include "tests/golden.h"

namespace irtcp::proxy::proxytest {

inline std::string BackendPki(const std::string& file) {
  return irtcp::testing::ReadFileOrDie(irtcp::testing::TestdataDir() / "serve" / "backend-tls" /
                                       file);
}

/// What a TLS "ping server" saw: the PROXY header in clear before the handshake ("" if none),
/// whether the handshake succeeded, and the SNI the client sent.
struct TlsPingResult {
  std::string header;
  bool handshake = false;
  std::string sni;
};

/// Serves one connection on `fd`: reads an optional PROXY header (in clear), then a TLS
/// handshake with server.crt (requiring a client certificate signed by the test CA when
/// `require_client_cert`), then answers PONG to a message starting with "ping".
inline TlsPingResult TlsPingServer(int fd, bool require_client_cert) {
  TlsPingResult out;
  // OpenSSL writes with write(2): a proxy that closes first must not kill the test.
  std::signal(SIGPIPE, SIG_IGN);
  char peek[256];
  ssize_t n = ::recv(fd, peek, sizeof peek, MSG_PEEK);
  if (n > 0) {
    ProxyHeader ph = ParseProxyHeader(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(peek), static_cast<std::size_t>(n)));
    if (ph.status == ProxyHeaderStatus::kHeader) {
      out.header = std::to_string(ph.version) + " " + ph.source + " " + ph.destination;
      ::recv(fd, peek, ph.length, MSG_WAITALL);
    }
  }
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  std::string err;
  UsePemPair(ctx, BackendPki("server.crt"), BackendPki("server.key"), &err);
  if (require_client_cert) {
    TrustPemCertificates(ctx, BackendPki("ca.crt"));
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  if (SSL_accept(ssl) == 1) {
    out.handshake = true;
    const char* sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    out.sni = sni == nullptr ? "" : sni;
    std::string got;
    char buf[1024];
    while (got.find("ping") == std::string::npos) {
      int r = SSL_read(ssl, buf, sizeof buf);
      if (r <= 0) {
        break;
      }
      got.append(buf, static_cast<std::size_t>(r));
    }
    if (got.find("ping") != std::string::npos) {
      SSL_write(ssl, "PONG", 4);
    }
    SSL_shutdown(ssl);
  }
  ERR_clear_error();
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return out;
}

/// priority.yml's tcp_tls10/12 client: a TLS handshake over `fd` with SNI `sni`, offering TLS
/// 1.0 to 1.2; then `send` and the first reply. The negotiated version ("TLSv1", "TLSv1.2"), or
/// "" when the handshake fails.
inline std::string TlsVersionClient(int fd, const std::string& sni, std::string* reply,
                                    const std::string& send = "HELLO") {
  std::signal(SIGPIPE, SIG_IGN);
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_security_level(ctx, 0);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           const_cast<char*>(sni.c_str()));  // SSL_set_tlsext_host_name without its C cast
  std::string version;
  if (SSL_connect(ssl) == 1) {
    version = SSL_get_version(ssl);
    SSL_write(ssl, send.data(), static_cast<int>(send.size()));
    char buf[256];
    int n = SSL_read(ssl, buf, sizeof buf);
    reply->assign(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    SSL_shutdown(ssl);
  }
  ERR_clear_error();
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return version;
}

/// What a TLS client saw: the handshake's outcome and parameters, and the first reply.
struct TlsProbeResult {
  bool ok = false;
  std::string version;
  std::string cipher;  ///< OpenSSL's name
  int group = 0;       ///< NID of the key-exchange group
  std::string reply;
};

/// A TLS client over `fd` with SNI `sni`, up to TLS `max_version`, presenting the test PKI's
/// client certificate when `client_cert`; sends `send` and reads the first reply.
inline TlsProbeResult TlsProbe(int fd, const std::string& sni, bool client_cert, int max_version,
                               const std::string& send = "HELLO") {
  std::signal(SIGPIPE, SIG_IGN);
  TlsProbeResult out;
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_max_proto_version(ctx, max_version);
  if (client_cert) {
    std::string err;
    UsePemPair(ctx, BackendPki("client.crt"), BackendPki("client.key"), &err);
  }
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           const_cast<char*>(sni.c_str()));  // SSL_set_tlsext_host_name without its C cast
  if (SSL_connect(ssl) == 1) {
    out.version = SSL_get_version(ssl);
    out.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl));
    out.group = static_cast<int>(SSL_get_negotiated_group(ssl));
    SSL_write(ssl, send.data(), static_cast<int>(send.size()));
    char buf[256];
    int n = SSL_read(ssl, buf, sizeof buf);
    // TLS 1.3 reports a refused client certificate only at the first read.
    out.ok = n > 0;
    out.reply.assign(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    SSL_shutdown(ssl);
  }
  ERR_clear_error();
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return out;
}

}  // namespace irtcp::proxy::proxytest
