#include "core/proxy/tls.h"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <unordered_map>

namespace irtcp::proxy {

namespace {

std::string OpenSslError() {
  unsigned long e = ERR_get_error();  // NOLINT(google-runtime-int): OpenSSL's type
  if (e == 0) {
    return "unknown TLS error";
  }
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CtxFree {
  void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using CtxPtr = std::unique_ptr<SSL_CTX, CtxFree>;

/// A certificate with its chain, key and the names it is valid for.
struct CertEntry {
  X509Ptr leaf;
  std::vector<X509Ptr> chain;
  PkeyPtr key;
  std::vector<std::string> names;  ///< lower-case DNS SANs, else the CN
  std::string origin;
};

std::vector<std::string> NamesOf(X509* cert) {
  std::vector<std::string> out;
  auto* sans =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (sans != nullptr) {
    for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
      const GENERAL_NAME* gn = sk_GENERAL_NAME_value(sans, i);
      if (gn->type == GEN_DNS) {
        const unsigned char* data = ASN1_STRING_get0_data(gn->d.dNSName);
        int len = ASN1_STRING_length(gn->d.dNSName);
        std::string name(reinterpret_cast<const char*>(data), static_cast<std::size_t>(len));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        out.push_back(name);
      }
    }
    GENERAL_NAMES_free(sans);
  }
  if (out.empty()) {
    char cn[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn) > 0) {
      out.emplace_back(cn);
    }
  }
  return out;
}

bool LoadPair(const std::string& cert_pem, const std::string& key_pem, CertEntry* out,
              std::string* err) {
  BIO* cb = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  out->leaf.reset(PEM_read_bio_X509(cb, nullptr, nullptr, nullptr));
  if (out->leaf == nullptr) {
    BIO_free(cb);
    *err = "tls.crt holds no PEM certificate";
    ERR_clear_error();
    return false;
  }
  while (X509* extra = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr)) {
    out->chain.emplace_back(extra);
  }
  ERR_clear_error();
  BIO_free(cb);
  BIO* kb = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  out->key.reset(PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr));
  BIO_free(kb);
  if (out->key == nullptr) {
    *err = "tls.key holds no PEM private key";
    ERR_clear_error();
    return false;
  }
  if (X509_check_private_key(out->leaf.get(), out->key.get()) != 1) {
    *err = "tls.key does not match tls.crt";
    ERR_clear_error();
    return false;
  }
  out->names = NamesOf(out->leaf.get());
  return true;
}

/// Traefik's generated default certificate ("TRAEFIK DEFAULT CERT"), self-signed, EC P-256.
bool GenerateDefault(CertEntry* out, std::string* err) {
  out->key.reset(EVP_EC_gen("P-256"));
  X509Ptr cert(X509_new());
  if (out->key == nullptr || cert == nullptr) {
    *err = "cannot generate the default certificate: " + OpenSslError();
    return false;
  }
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("TRAEFIK DEFAULT CERT"), -1, -1,
                             0);
  X509_set_issuer_name(cert.get(), name);
  X509_set_pubkey(cert.get(), out->key.get());
  if (X509_sign(cert.get(), out->key.get(), EVP_sha256()) == 0) {
    *err = "cannot sign the default certificate: " + OpenSslError();
    return false;
  }
  out->leaf = std::move(cert);
  out->names = {"traefik default cert"};
  out->origin = "generated default certificate";
  return true;
}

bool NameMatches(const std::string& pattern, const std::string& host) {
  if (pattern == host) {
    return true;
  }
  // "*.example.com" covers one label.
  if (pattern.size() > 2 && pattern[0] == '*' && pattern[1] == '.') {
    std::size_t dot = host.find('.');
    return dot != std::string::npos && host.substr(dot) == pattern.substr(1);
  }
  return false;
}

int VersionOf(const std::string& v, int fallback) {
  static const std::map<std::string, int> kVersions = {{"VersionTLS10", TLS1_VERSION},
                                                       {"VersionTLS11", TLS1_1_VERSION},
                                                       {"VersionTLS12", TLS1_2_VERSION},
                                                       {"VersionTLS13", TLS1_3_VERSION}};
  auto it = kVersions.find(v);
  return it == kVersions.end() ? fallback : it->second;
}

/// Go's cipher suite names (crypto/tls) -> OpenSSL's, for TLS 1.0-1.2 (Go does not let TLS 1.3
/// suites be configured).
const std::map<std::string, std::string>& CipherNames() {
  static const auto* names = new std::map<std::string, std::string>{
      {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"},
      {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"},
      {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384"},
      {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384"},
      {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "ECDHE-ECDSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA"},
      {"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA"},
      {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA"},
      {"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA"},
      {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "ECDHE-ECDSA-AES128-SHA256"},
      {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256"},
      {"TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256"},
      {"TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384"},
      {"TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA"},
      {"TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA"},
      {"TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256"},
      {"TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-RSA-DES-CBC3-SHA"},
      {"TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA"},
  };
  return *names;
}

const std::map<std::string, std::string>& CurveNames() {
  static const auto* names = new std::map<std::string, std::string>{
      {"CurveP256", "P-256"}, {"secp256r1", "P-256"}, {"CurveP384", "P-384"},
      {"secp384r1", "P-384"}, {"CurveP521", "P-521"}, {"secp521r1", "P-521"},
      {"X25519", "X25519"},   {"x25519", "X25519"},
  };
  return *names;
}

struct ServerOptions {
  provider::TlsOptions options;
  std::vector<std::uint8_t> alpn_wire;  ///< server preference order
};

}  // namespace

bool UsePemPair(SSL_CTX* ctx, const std::string& cert_pem, const std::string& key_pem,
                std::string* err) {
  CertEntry entry;
  if (!LoadPair(cert_pem, key_pem, &entry, err)) {
    return false;
  }
  SSL_CTX_use_certificate(ctx, entry.leaf.get());
  for (const X509Ptr& c : entry.chain) {
    SSL_CTX_add1_chain_cert(ctx, c.get());
  }
  SSL_CTX_use_PrivateKey(ctx, entry.key.get());
  return true;
}

int TrustPemCertificates(SSL_CTX* ctx, const std::string& pem) {
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  BIO* b = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  int added = 0;
  while (X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, x);
    X509_free(x);
    ++added;
  }
  ERR_clear_error();
  BIO_free(b);
  return added;
}

struct TlsSession::Impl {
  SSL* ssl = nullptr;
  BIO* in = nullptr;   // owned by ssl
  BIO* out = nullptr;  // owned by ssl
  ~Impl() {
    if (ssl != nullptr) {
      SSL_free(ssl);
    }
  }
};

TlsSession::TlsSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TlsSession::~TlsSession() = default;

void TlsSession::Feed(const std::uint8_t* data, std::size_t n) {
  if (n > 0) {
    BIO_write(impl_->in, data, static_cast<int>(n));
  }
}

std::string TlsSession::TakeOutput() {
  std::string out;
  char buf[16384];
  int n = 0;
  while ((n = BIO_read(impl_->out, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

TlsSession::Step TlsSession::Handshake(std::string* err) {
  int r = SSL_do_handshake(impl_->ssl);
  if (r == 1) {
    return Step::kDone;
  }
  int e = SSL_get_error(impl_->ssl, r);
  if (e == SSL_ERROR_WANT_READ) {
    return Step::kWantRead;
  }
  *err = "TLS handshake: " + OpenSslError();
  return Step::kError;
}

TlsSession::Step TlsSession::Read(std::string& out) {
  char buf[16384];
  while (true) {
    int n = SSL_read(impl_->ssl, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    int e = SSL_get_error(impl_->ssl, n);
    if (e == SSL_ERROR_WANT_READ) {
      return Step::kWantRead;
    }
    if (e == SSL_ERROR_ZERO_RETURN) {
      return Step::kClosed;
    }
    ERR_clear_error();
    return Step::kError;
  }
}

bool TlsSession::Write(const std::uint8_t* data, std::size_t n) {
  std::size_t off = 0;
  while (off < n) {
    int w = SSL_write(impl_->ssl, data + off,
                      static_cast<int>(std::min<std::size_t>(n - off, 1 << 20)));
    if (w <= 0) {
      ERR_clear_error();
      return false;
    }
    off += static_cast<std::size_t>(w);
  }
  return true;
}

void TlsSession::Shutdown() {
  SSL_shutdown(impl_->ssl);
  ERR_clear_error();
}

std::string TlsSession::alpn() const {
  const unsigned char* p = nullptr;
  unsigned int len = 0;
  SSL_get0_alpn_selected(impl_->ssl, &p, &len);
  return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), len);
}

std::string TlsSession::version() const { return SSL_get_version(impl_->ssl); }

struct TlsTerminator::Impl {
  std::vector<CertEntry> certs;
  CertEntry default_cert;
  std::map<std::string, provider::TlsOptions> options;  ///< by name, "default" included
  std::unordered_map<std::string, CtxPtr> contexts;
  std::unordered_map<std::string, std::string> context_errors;
  std::vector<std::unique_ptr<ServerOptions>> server_options;
  std::ostream* log = nullptr;

  const CertEntry* Select(const std::string& sni) const {
    std::string host = sni;
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const CertEntry& c : certs) {  // exact names first, as Traefik's store does
      if (std::find(c.names.begin(), c.names.end(), host) != c.names.end()) {
        return &c;
      }
    }
    for (const CertEntry& c : certs) {
      for (const std::string& n : c.names) {
        if (NameMatches(n, host)) {
          return &c;
        }
      }
    }
    return nullptr;
  }

  SSL_CTX* Context(const std::string& name, std::string* err);
};

namespace {

int SelectCertificate(SSL* ssl, void* arg) {
  auto* impl = static_cast<TlsTerminator::Impl*>(arg);
  auto* so = static_cast<ServerOptions*>(SSL_get_ex_data(ssl, 0));
  const char* sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  const CertEntry* c = sni != nullptr ? impl->Select(sni) : nullptr;
  if (c == nullptr) {
    if (so != nullptr && so->options.sni_strict) {
      return 0;  // strict SNI checking: no default certificate
    }
    c = &impl->default_cert;
  }
  STACK_OF(X509)* chain = sk_X509_new_null();
  for (const X509Ptr& x : c->chain) {
    sk_X509_push(chain, x.get());
  }
  int ok = SSL_use_cert_and_key(ssl, c->leaf.get(), c->key.get(), chain, 1);
  sk_X509_free(chain);
  return ok == 1 ? 1 : 0;
}

int SelectAlpn(SSL* ssl, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void* /*arg*/) {
  auto* so = static_cast<ServerOptions*>(SSL_get_ex_data(ssl, 0));
  if (so == nullptr || so->alpn_wire.empty()) {
    return SSL_TLSEXT_ERR_NOACK;
  }
  // Server preference, as Go's negotiateALPN.
  unsigned char* selected = nullptr;
  int r = SSL_select_next_proto(&selected, outlen, so->alpn_wire.data(),
                                static_cast<unsigned int>(so->alpn_wire.size()), in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) {
    return SSL_TLSEXT_ERR_NOACK;
  }
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

}  // namespace

SSL_CTX* TlsTerminator::Impl::Context(const std::string& name, std::string* err) {
  auto it = contexts.find(name);
  if (it != contexts.end()) {
    return it->second.get();
  }
  auto bad = context_errors.find(name);
  if (bad != context_errors.end()) {
    *err = bad->second;
    return nullptr;
  }
  std::string key = name.substr(0, name.find('@'));
  provider::TlsOptions o;
  auto opt = options.find(key);
  if (opt != options.end()) {
    o = opt->second;
  } else if (key != "default" && options.count("default") != 0) {
    o = options["default"];
  }
  if (o.alpn_protocols.empty()) {
    o.alpn_protocols = {"h2", "http/1.1", "acme-tls/1"};  // Traefik's default
  }
  auto fail = [&](std::string why) -> SSL_CTX* {
    context_errors[name] = why;
    *err = std::move(why);
    return nullptr;
  };
  CtxPtr ctx(SSL_CTX_new(TLS_server_method()));
  if (ctx == nullptr) {
    return fail(OpenSslError());
  }
  SSL_CTX_set_min_proto_version(ctx.get(), VersionOf(o.min_version, TLS1_2_VERSION));
  SSL_CTX_set_max_proto_version(ctx.get(), VersionOf(o.max_version, TLS1_3_VERSION));
  if (VersionOf(o.min_version, TLS1_2_VERSION) < TLS1_2_VERSION) {
    // Go still speaks TLS 1.0/1.1 when minVersion asks for it; OpenSSL's default security level
    // forbids them (and their SHA-1 signatures).
    SSL_CTX_set_security_level(ctx.get(), 0);
  }
  if (!o.cipher_suites.empty()) {
    std::string list;
    for (const std::string& c : o.cipher_suites) {
      auto n = CipherNames().find(c);
      if (n == CipherNames().end()) {
        if (c.starts_with("TLS_AES_") || c.starts_with("TLS_CHACHA20_")) {
          continue;  // TLS 1.3 suites are not configurable in Go
        }
        return fail("invalid CipherSuite: " + c);
      }
      list += (list.empty() ? "" : ":") + n->second;
    }
    if (!list.empty() && SSL_CTX_set_cipher_list(ctx.get(), list.c_str()) != 1) {
      return fail("cipher suites: " + OpenSslError());
    }
  }
  if (!o.curve_preferences.empty()) {
    std::string list;
    for (const std::string& c : o.curve_preferences) {
      auto n = CurveNames().find(c);
      if (n == CurveNames().end()) {
        return fail("invalid CurveID in curvePreferences: " + c);
      }
      list += (list.empty() ? "" : ":") + n->second;
    }
    if (SSL_CTX_ctrl(ctx.get(), SSL_CTRL_SET_GROUPS_LIST, 0, const_cast<char*>(list.c_str())) !=
        1) {
      return fail("curve preferences: " + OpenSslError());
    }
  }
  const std::string& auth = o.client_auth.client_auth_type;
  if (!auth.empty() && auth != "NoClientCert") {
    for (const provider::SecretText& ca : o.client_auth.ca_files) {
      if (TrustPemCertificates(ctx.get(), ca.text) == 0) {
        return fail("clientAuth: a CA file holds no PEM certificate");
      }
    }
    int mode = SSL_VERIFY_PEER;
    if (auth == "RequireAnyClientCert" || auth == "RequireAndVerifyClientCert") {
      mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
    if (auth == "RequestClientCert" || auth == "RequireAnyClientCert") {
      // Go checks nothing for these: accept whatever the client presents.
      SSL_CTX_set_verify(ctx.get(), mode, [](int, X509_STORE_CTX*) { return 1; });
    } else if (auth == "VerifyClientCertIfGiven" || auth == "RequireAndVerifyClientCert") {
      SSL_CTX_set_verify(ctx.get(), mode, nullptr);
    } else {
      return fail("unknown client auth type: " + auth);
    }
  }
  if (o.disable_session_tickets) {
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(ctx.get(), 0);
  }
  auto so = std::make_unique<ServerOptions>();
  so->options = o;
  for (const std::string& p : o.alpn_protocols) {
    so->alpn_wire.push_back(static_cast<std::uint8_t>(p.size()));
    so->alpn_wire.insert(so->alpn_wire.end(), p.begin(), p.end());
  }
  SSL_CTX_set_cert_cb(ctx.get(), SelectCertificate, this);
  SSL_CTX_set_alpn_select_cb(ctx.get(), SelectAlpn, nullptr);
  SSL_CTX_set_ex_data(ctx.get(), 0, so.get());
  server_options.push_back(std::move(so));
  SSL_CTX* raw = ctx.get();
  contexts[name] = std::move(ctx);
  return raw;
}

TlsTerminator::TlsTerminator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TlsTerminator::~TlsTerminator() = default;

std::unique_ptr<TlsTerminator> TlsTerminator::Create(const provider::Configuration& config,
                                                     std::ostream& log, std::string* err) {
  auto impl = std::make_unique<Impl>();
  impl->log = &log;
  for (const auto& [name, cert] : config.tls.certificates) {
    CertEntry e;
    std::string why;
    if (!LoadPair(cert.pair.cert_file.text, cert.pair.key_file.text, &e, &why)) {
      log << "irtcp serve: certificate " << name << ": " << why << "; left out\n";
      continue;
    }
    e.origin = "secret " + name;
    impl->certs.push_back(std::move(e));
  }
  bool have_default = false;
  if (config.tls.stores) {
    auto st = config.tls.stores->find("default");
    if (st != config.tls.stores->end() && st->second.default_certificate) {
      std::string why;
      if (LoadPair(st->second.default_certificate->cert_file.text,
                   st->second.default_certificate->key_file.text, &impl->default_cert, &why)) {
        impl->default_cert.origin = "TLSStore default certificate";
        have_default = true;
      } else {
        log << "irtcp serve: TLSStore default certificate: " << why << "; using a generated one\n";
      }
    }
  }
  if (!have_default && !GenerateDefault(&impl->default_cert, err)) {
    return nullptr;
  }
  if (config.tls.options) {
    impl->options = *config.tls.options;
  }
  return std::unique_ptr<TlsTerminator>(new TlsTerminator(std::move(impl)));
}

std::unique_ptr<TlsSession> TlsTerminator::NewServerSession(const std::string& options,
                                                            std::string* err) {
  SSL_CTX* ctx = impl_->Context(options, err);
  if (ctx == nullptr) {
    return nullptr;
  }
  auto s = std::make_unique<TlsSession::Impl>();
  s->ssl = SSL_new(ctx);
  if (s->ssl == nullptr) {
    *err = OpenSslError();
    return nullptr;
  }
  SSL_set_ex_data(s->ssl, 0, SSL_CTX_get_ex_data(ctx, 0));
  s->in = BIO_new(BIO_s_mem());
  s->out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(s->in, -1);
  SSL_set_bio(s->ssl, s->in, s->out);
  SSL_set_accept_state(s->ssl);
  return std::make_unique<TlsSession>(std::move(s));
}

struct TlsConnector::Impl {
  CtxPtr ctx;
  BackendTlsConfig config;
  bool server_name_is_ip = false;
};

TlsConnector::TlsConnector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TlsConnector::~TlsConnector() = default;

std::unique_ptr<TlsConnector> TlsConnector::Create(const BackendTlsConfig& config,
                                                   std::ostream& log, std::string* err) {
  if (!config.configured || (config.server_name.empty() && !config.insecure_skip_verify)) {
    // Go's crypto/tls refuses a client config with neither (rules.md §10).
    *err = "tls: either ServerName or InsecureSkipVerify must be specified in the tls.Config";
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->config = config;
  impl->ctx.reset(SSL_CTX_new(TLS_client_method()));
  if (impl->ctx == nullptr) {
    *err = OpenSslError();
    return nullptr;
  }
  SSL_CTX* ctx = impl->ctx.get();
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);  // Go's client default
  if (config.root_cas.empty()) {
    SSL_CTX_set_default_verify_paths(ctx);  // the system roots
  } else {
    for (const std::string& pem : config.root_cas) {
      if (TrustPemCertificates(ctx, pem) == 0) {
        log << "irtcp serve: a root CA of the backend TLS settings holds no PEM certificate; "
               "left out\n";
      }
    }
  }
  if (!config.insecure_skip_verify || !config.peer_cert_uri.empty()) {
    // peerCertURI is checked even with insecureSkipVerify, after verifying the chain.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  }
  if (!config.certs.empty()) {
    std::string load_err;
    if (!UsePemPair(ctx, config.certs.front().first, config.certs.front().second, &load_err)) {
      *err = "client certificate: " + load_err;
      return nullptr;
    }
  }
  in6_addr a6{};
  in_addr a4{};
  impl->server_name_is_ip = inet_pton(AF_INET, config.server_name.c_str(), &a4) == 1 ||
                            inet_pton(AF_INET6, config.server_name.c_str(), &a6) == 1;
  return std::unique_ptr<TlsConnector>(new TlsConnector(std::move(impl)));
}

std::unique_ptr<TlsSession> TlsConnector::NewClientSession(std::string* err) const {
  auto s = std::make_unique<TlsSession::Impl>();
  s->ssl = SSL_new(impl_->ctx.get());
  if (s->ssl == nullptr) {
    *err = OpenSslError();
    return nullptr;
  }
  const BackendTlsConfig& c = impl_->config;
  if (!c.server_name.empty() && !impl_->server_name_is_ip) {
    SSL_ctrl(s->ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(c.server_name.c_str()));
  }
  if (!c.insecure_skip_verify && c.peer_cert_uri.empty() && !c.server_name.empty()) {
    X509_VERIFY_PARAM* param = SSL_get0_param(s->ssl);
    if (impl_->server_name_is_ip) {
      X509_VERIFY_PARAM_set1_ip_asc(param, c.server_name.c_str());
    } else {
      X509_VERIFY_PARAM_set1_host(param, c.server_name.c_str(), c.server_name.size());
    }
  }
  s->in = BIO_new(BIO_s_mem());
  s->out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(s->in, -1);
  SSL_set_bio(s->ssl, s->in, s->out);
  SSL_set_connect_state(s->ssl);
  return std::make_unique<TlsSession>(std::move(s));
}

std::string TlsConnector::CheckPeer(const TlsSession& session) const {
  const std::string& want = impl_->config.peer_cert_uri;
  if (want.empty()) {
    return "";
  }
  X509* peer = SSL_get0_peer_certificate(session.impl().ssl);
  bool found = false;
  auto* sans = peer == nullptr ? nullptr
                               : static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(
                                     peer, NID_subject_alt_name, nullptr, nullptr));
  if (sans != nullptr) {
    for (int i = 0; i < sk_GENERAL_NAME_num(sans) && !found; ++i) {
      const GENERAL_NAME* gn = sk_GENERAL_NAME_value(sans, i);
      if (gn->type == GEN_URI) {
        const unsigned char* data = ASN1_STRING_get0_data(gn->d.uniformResourceIdentifier);
        auto len = static_cast<std::size_t>(ASN1_STRING_length(gn->d.uniformResourceIdentifier));
        std::string uri(reinterpret_cast<const char*>(data), len);
        found = uri.size() == want.size() &&
                std::equal(uri.begin(), uri.end(), want.begin(), [](char a, char b) {
                  return std::tolower(static_cast<unsigned char>(a)) ==
                         std::tolower(static_cast<unsigned char>(b));
                });
      }
    }
    GENERAL_NAMES_free(sans);
  }
  return found ? "" : "no matching SAN in peer certificate";
}

bool TlsClientExchange(int fd, const std::string& sni, const std::vector<std::string>& alpn,
                       const std::string& send, std::size_t lines, std::string* plain,
                       std::vector<std::string>* cert_names, bool* name_ok, std::string* err) {
  CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_VERSION);
  SSL_CTX_set_security_level(ctx.get(), 0);
  SSL* ssl = SSL_new(ctx.get());
  SSL_set_fd(ssl, fd);
  if (!sni.empty()) {
    // SSL_set_tlsext_host_name without its C cast.
    SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(sni.c_str()));
  }
  std::vector<std::uint8_t> wire;
  for (const std::string& p : alpn) {
    wire.push_back(static_cast<std::uint8_t>(p.size()));
    wire.insert(wire.end(), p.begin(), p.end());
  }
  if (!wire.empty()) {
    SSL_set_alpn_protos(ssl, wire.data(), static_cast<unsigned int>(wire.size()));
  }
  bool ok = SSL_connect(ssl) == 1;
  if (!ok) {
    *err = "TLS handshake failed: " + OpenSslError();
    SSL_free(ssl);
    return false;
  }
  X509* peer = SSL_get1_peer_certificate(ssl);
  if (peer != nullptr) {
    *cert_names = NamesOf(peer);
    *name_ok = !sni.empty() && X509_check_host(peer, sni.data(), sni.size(), 0, nullptr) == 1;
    X509_free(peer);
  }
  if (!send.empty()) {
    SSL_write(ssl, send.data(), static_cast<int>(send.size()));
  }
  char buf[4096];
  while (static_cast<std::size_t>(std::count(plain->begin(), plain->end(), '\n')) < lines) {
    int n = SSL_read(ssl, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    plain->append(buf, static_cast<std::size_t>(n));
  }
  ERR_clear_error();
  SSL_shutdown(ssl);
  SSL_free(ssl);
  return true;
}

}  // namespace irtcp::proxy
