// TLS termination for `serve` (libssl; the only place OpenSSL's SSL API is used): one
// certificate store holding every tls.secretName certificate of the input plus the TLSStore
// default certificate, else a generated default certificate; the router's TLSOption applied
// (min/max version, cipher suites, curves, ALPN, clientAuth, sniStrict) as rules.md §7.3 says.
//
// Sessions run over memory BIOs, so the proxy's event loop owns the socket and the bytes it
// already peeked (the ClientHello) are handed to OpenSSL first.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/provider/config.h"

struct ssl_ctx_st;  // OpenSSL's SSL_CTX

namespace irtcp::proxy {

/// Loads a PEM certificate (with the chain after it) and its PEM private key into `ctx`;
/// false with *err when either holds nothing or they do not match.
bool UsePemPair(ssl_ctx_st* ctx, const std::string& cert_pem, const std::string& key_pem,
                std::string* err);

/// Adds every PEM certificate of `pem` to the trust store of `ctx`; how many were added.
int TrustPemCertificates(ssl_ctx_st* ctx, const std::string& pem);

/// One TLS session over memory buffers.
class TlsSession {
 public:
  enum class Step : std::uint8_t { kDone, kWantRead, kClosed, kError };

  ~TlsSession();
  TlsSession(const TlsSession&) = delete;
  TlsSession& operator=(const TlsSession&) = delete;

  /// Ciphertext from the peer.
  void Feed(const std::uint8_t* data, std::size_t n);
  /// Ciphertext to send to the peer (drained).
  std::string TakeOutput();
  /// Drives the handshake; *err on kError.
  Step Handshake(std::string* err);
  /// Decrypted bytes into `out` (appended). kWantRead: needs more ciphertext; kClosed: the peer
  /// sent close_notify (or EOF after it); kError: a protocol error.
  Step Read(std::string& out);
  /// Encrypts `n` bytes (always accepted: the output buffer is memory).
  bool Write(const std::uint8_t* data, std::size_t n);
  /// Queues a close_notify.
  void Shutdown();
  std::string alpn() const;
  std::string version() const;

  struct Impl;
  explicit TlsSession(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// The certificate store and one server context per TLS option.
class TlsTerminator {
 public:
  /// Loads every certificate of the configuration; a certificate that does not parse is logged
  /// and left out (as Traefik does). Null with *err when no default certificate can be made.
  static std::unique_ptr<TlsTerminator> Create(const provider::Configuration& config,
                                               std::ostream& log, std::string* err);
  ~TlsTerminator();
  TlsTerminator(const TlsTerminator&) = delete;
  TlsTerminator& operator=(const TlsTerminator&) = delete;

  /// A server session for a router whose TLS options are `options` ("default", a name as on the
  /// router, possibly with @kubernetescrd). Null with *err when the options cannot be built.
  std::unique_ptr<TlsSession> NewServerSession(const std::string& options, std::string* err);

  struct Impl;

 private:
  explicit TlsTerminator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// What dials a backend with TLS (servers with `tls: true`; rules.md §10): the load balancer's
/// ServersTransportTCP `tls`, else the static tcpServersTransport (default@internal).
struct BackendTlsConfig {
  /// Any of serverName, insecureSkipVerify, rootCAs, certificates, peerCertURI is set. Without
  /// them Traefik hands Go an empty client config, which refuses every handshake.
  bool configured = false;
  std::string server_name;
  bool insecure_skip_verify = false;
  std::vector<std::string> root_cas;                       ///< PEM texts
  std::vector<std::pair<std::string, std::string>> certs;  ///< PEM certificate (chain), key
  std::string peer_cert_uri;  ///< deprecated: a URI SAN the backend's certificate must have
};

/// Client TLS sessions towards one kind of backend.
class TlsConnector {
 public:
  /// Null with *err when the configuration cannot work at all (Go's refusal of an empty config,
  /// a client certificate that does not load); a root CA that does not parse is logged to `log`
  /// and left out.
  static std::unique_ptr<TlsConnector> Create(const BackendTlsConfig& config, std::ostream& log,
                                              std::string* err);
  ~TlsConnector();
  TlsConnector(const TlsConnector&) = delete;
  TlsConnector& operator=(const TlsConnector&) = delete;

  /// A client session (SNI = serverName when it is a name; chain and name verified unless
  /// insecureSkipVerify).
  std::unique_ptr<TlsSession> NewClientSession(std::string* err) const;
  /// The checks after the handshake (peerCertURI); "" when the backend passes, else Traefik's
  /// error.
  std::string CheckPeer(const TlsSession& session) const;

  struct Impl;

 private:
  explicit TlsConnector(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Client side, for the check runner: a TLS handshake over the connected blocking socket `fd`
/// with `sni` and `alpn`; then reads up to `lines` newline-terminated lines of plaintext (bounded
/// by the socket's timeouts) into *plain. *cert_names gets the presented certificate's DNS names
/// (SANs, else CN) and *name_ok whether it is valid for `sni` (X509_check_host). False with *err
/// when the handshake fails.
bool TlsClientExchange(int fd, const std::string& sni, const std::vector<std::string>& alpn,
                       const std::string& send, std::size_t lines, std::string* plain,
                       std::vector<std::string>* cert_names, bool* name_ok, std::string* err);

}  // namespace irtcp::proxy
