// Section 11 of provider.md: certificates from Secrets (route tls.secretName, TLSStores), TLS
// options and TLS stores.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <map>

#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"
#include "core/util/crypto_init.h"
#include "core/util/strings.h"

namespace irtcp::provider {

namespace {

/// Whether `text` holds a PEM private key (`key`) or certificate that libcrypto can read.
bool IsPem(const std::string& text, bool key) {
  util::InitCrypto();
  BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
  if (bio == nullptr) {
    return false;
  }
  bool ok = false;
  if (key) {
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    ok = pkey != nullptr;
    EVP_PKEY_free(pkey);
  } else {
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    ok = cert != nullptr;
    X509_free(cert);
  }
  BIO_free(bio);
  ERR_clear_error();
  return ok;
}

/// What makes a TLS Secret unusable ("" when tls.crt and tls.key are there and readable).
std::string SecretProblem(const model::Secret& secret) {
  std::string missing;
  std::string empty;
  std::string bad;
  for (std::string_view key : {"tls.crt", "tls.key"}) {
    const model::Secret::Entry* e = secret.Find(key);
    if (e == nullptr) {
      missing += (missing.empty() ? "" : ", ") + std::string(key);
    } else if (e->bad_base64) {
      bad += (bad.empty() ? "" : "; ") + std::string(key) + " is not valid base64";
    } else if (e->value.empty()) {
      empty += (empty.empty() ? "" : ", ") + std::string(key);
    } else if (!IsPem(e->value, key == "tls.key")) {
      bad += (bad.empty() ? "" : "; ") + std::string(key) + " does not hold a PEM " +
             (key == "tls.key" ? "private key" : "certificate");
    }
  }
  if (!missing.empty()) {
    return "is missing the following TLS data entries: " + missing;
  }
  if (!empty.empty()) {
    return "contains the following empty TLS data entries: " + empty;
  }
  if (!bad.empty()) {
    return "is unusable: " + bad;
  }
  return "";
}

}  // namespace

// Section 11.3.
void Engine::LoadTlsStores() {
  std::vector<std::string> default_namespaces;
  const model::Object* last_default = nullptr;  // where the conflict is reported
  bool any = false;
  std::map<std::string, TlsStore> stores;
  for (const model::TLSStore& store : catalog_.tls_stores()) {
    const model::Object& o = *store.object;
    if (!Visible(o, store.meta)) {
      continue;
    }
    any = true;
    std::string id = MakeId(o.namespace_, o.name);
    if (o.name == "default") {
      id = "default";
      default_namespaces.push_back(o.namespace_);
      last_default = &o;
    }
    TlsStore out;
    if (store.default_certificate_present) {
      CertificatePair pair;
      std::string err;
      const std::string& secret = store.default_certificate_secret.Or(std::string());
      if (!CertificateFromSecret(o.namespace_, secret, &pair, &err)) {
        std::string message = err;
        if (err.find("does not exist") != std::string::npos) {
          message = "Secret " + o.namespace_ + "/" + secret + " does not exist";
          err.clear();
        } else {
          message = "Could not get certificate blocks";
        }
        Emit(EventLevel::kError, EventCode::kTlsStoreDefaultCertificate, message, err, &o,
             store.default_certificate_secret.node,
             o.path_prefix + "/spec/defaultCertificate/secretName");
        continue;  // the whole store is skipped
      }
      out.default_certificate = std::move(pair);
    }
    if (store.default_generated_cert.present) {
      const model::GeneratedCertSpec& g = store.default_generated_cert.value;
      GeneratedCert gc;
      gc.resolver = g.resolver.Or(std::string());
      if (g.domain.present) {
        gc.domain = Domain{g.domain.value.main, g.domain.value.sans};
      }
      out.default_generated_cert = std::move(gc);
    }
    // Before v3.7 one unreadable certificates[] Secret drops the whole store (the certificates
    // loaded before it stay); from v3.7 only that certificate (versions.md §4.6).
    const bool skip_one = options_.traefik_version.AtLeast(3, 7);
    bool store_failed = false;
    for (std::size_t i = 0; i < store.certificates.size(); ++i) {
      const model::Field<std::string>& secret = store.certificates[i];
      CertificatePair pair;
      std::string err;
      if (!CertificateFromSecret(o.namespace_, secret.value, &pair, &err)) {
        Emit(EventLevel::kError, EventCode::kTlsStoreCertificate,
             skip_one ? "Unable to read certificate secret " + o.namespace_ + "/" + secret.value +
                            ", skipping (will retry on next configuration refresh)"
                      : "Failed to load certificates: unable to read secret " + o.namespace_ + "/" +
                            secret.value + ": the whole TLSStore is dropped",
             err, &o, secret.node,
             o.path_prefix + "/spec/certificates/" + std::to_string(i) + "/secretName");
        if (!skip_one) {
          store_failed = true;
          break;
        }
        continue;
      }
      std::string key = o.namespace_ + "/" + secret.value;
      if (result_.config.tls.certificates.count(key) == 0) {
        result_.config.tls.certificates.emplace(key, Certificate{std::move(pair), {id}});
      }
    }
    if (store_failed) {
      continue;
    }
    stores[id] = std::move(out);
  }
  if (default_namespaces.size() > 1) {
    stores.erase("default");
    Emit(EventLevel::kError, EventCode::kDefaultTlsStoreConflict,
         "Default TLS Stores defined in multiple namespaces: " + util::GoList(default_namespaces),
         "", last_default, yaml::kNoNode, "");
  }
  if (any) {
    result_.config.tls.stores = std::move(stores);
  }
}

void Engine::AddRouteCertificate(const model::Object& object, const model::RouteTls& tls,
                                 std::string_view ns, bool tcp) {
  if (tls.passthrough.Or(false)) {
    return;
  }
  const std::string& secret = tls.secret_name.Or(std::string());
  if (secret.empty()) {
    Emit(EventLevel::kDebug, EventCode::kNoSecretName, "No secret name provided", "", &object,
         yaml::kNoNode, "");
    return;
  }
  if (tcp) {
    JudgeRouteSecret(object, tls, ns);
  }
  std::string key = std::string(ns) + "/" + secret;
  if (result_.config.tls.certificates.count(key) != 0) {
    return;
  }
  CertificatePair pair;
  std::string err;
  if (CertificateFromSecret(ns, secret, &pair, &err)) {
    result_.config.tls.certificates.emplace(key, Certificate{std::move(pair), {}});
  }
}

void Engine::JudgeRouteSecret(const model::Object& object, const model::RouteTls& tls,
                              std::string_view ns) {
  const std::string& secret = tls.secret_name.value;
  const std::string id = std::string(ns) + "/" + secret;
  const std::string path = object.path_prefix + "/spec/tls/secretName";
  const model::Secret* s = catalog_.FindSecret(ns, secret);
  if (s == nullptr) {
    if (SecretProvided(ns, secret) || !Checks(model::Kind::kSecret, ns)) {
      return;  // made by cert-manager & co., or the input does not show that namespace
    }
    Event& e = Emit(EventLevel::kError, EventCode::kTlsSecretMissing, "Error configuring TLS",
                    "secret " + id + " does not exist", &object, tls.secret_name.node, path);
    e.detail = "Secret " + id +
               " is not in the input; Traefik serves its default certificate "
               "instead";
    for (const model::Secret& other : catalog_.secrets()) {
      if (other.object->name == secret) {
        e.help = "a Secret " + other.object->namespace_ + "/" + other.object->name +
                 " exists, but Traefik reads the Secret from the IngressRouteTCP's namespace";
        break;
      }
    }
    return;
  }
  if (VisibleSecret(ns, secret) == nullptr) {
    const model::StringMap::Entry* owner = s->meta.labels.Find("owner");
    if (owner != nullptr && owner->value == "helm" && helm_secrets_reported_.insert(s).second) {
      const model::Object& so = *s->object;
      Event& e = Emit(EventLevel::kDebug, EventCode::kSecretOwnerHelm,
                      "Secret filtered by the informer (owner=helm)", "", &so, owner->node,
                      so.path_prefix + "/metadata/labels/owner");
      e.detail = "Secret " + id +
                 " is labelled owner: helm, which Traefik's Secret informer filters out; "
                 "IngressRouteTCP " +
                 object.namespace_ + "/" + object.name + " cannot load its certificate";
      e.help = "remove the owner: helm label (Traefik serves its default certificate meanwhile)";
    }
    return;
  }
  auto [it, inserted] = certificate_problem_.try_emplace(id);
  if (inserted) {
    it->second = SecretProblem(*s);
  }
  if (it->second.empty()) {
    return;
  }
  Event& e = Emit(EventLevel::kError, EventCode::kTlsSecretInvalid, "Error configuring TLS",
                  "secret " + id + " " + it->second, &object, tls.secret_name.node, path);
  e.detail = "Secret " + id + " " + it->second + "; Traefik serves its default certificate instead";
  e.help =
      "the Secret is at " + s->object->file().path() + ":" + std::to_string(s->object->loc().line);
}

// Section 11.2.
void Engine::LoadTlsOptions() {
  static const std::vector<std::string> kDefaultCiphers = {
      "TLS_AES_128_GCM_SHA256",
      "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  };
  static const std::vector<std::string> kDefaultAlpn = {"h2", "http/1.1", "acme-tls/1"};
  std::map<std::string, TlsOptions> options;
  std::vector<std::string> default_namespaces;
  const model::Object* last_default = nullptr;  // where the conflict is reported
  bool any = false;
  for (const model::TLSOption& opt : catalog_.tls_options()) {
    const model::Object& o = *opt.object;
    if (!Visible(o, opt.meta)) {
      continue;
    }
    any = true;
    TlsOptions out;
    out.min_version = opt.min_version.Or(std::string());
    out.max_version = opt.max_version.Or(std::string());
    // Defaults applied first from v2.11.7 / v3.1.1 (versions.md §4.5): before, an absent
    // cipherSuites stays absent and an empty alpnProtocols gets the default list too.
    const version::TraefikVersion& v = options_.traefik_version;
    const bool defaults_first = v.major == 2 ? v.AtLeastPatch(2, 11, 7) : v.AtLeastPatch(3, 1, 1);
    out.cipher_suites = opt.cipher_suites.present ? opt.cipher_suites.value
                        : defaults_first          ? kDefaultCiphers
                                                  : std::vector<std::string>{};
    out.curve_preferences = opt.curve_preferences.Or({});
    if (opt.client_auth.present) {
      const model::ClientAuthSpec& ca = opt.client_auth.value;
      const std::vector<std::string>& names = ca.secret_names.Or({});
      for (std::size_t i = 0; i < names.size(); ++i) {
        std::string path = o.path_prefix + "/spec/clientAuth/secretNames/" + std::to_string(i);
        yaml::NodeId node = o.doc->ItemAt(ca.secret_names.node, static_cast<std::uint32_t>(i));
        std::string id = o.namespace_ + "/" + names[i];
        const model::Secret* s = VisibleSecret(o.namespace_, names[i]);
        if (s == nullptr) {
          Emit(EventLevel::kWarn, EventCode::kTlsOptionCa, "Secret " + id + " does not exist", "",
               &o, node, path);
          continue;
        }
        const model::Secret::Entry* e = s->Find("tls.ca");
        std::string key = "tls.ca";
        if (e == nullptr) {
          e = s->Find("ca.crt");
          key = "ca.crt";
        }
        if (e == nullptr) {
          Emit(EventLevel::kError, EventCode::kTlsOptionCa,
               "Failed to extract CA from secret " + id,
               "secret " + id + " contains neither tls.ca nor ca.crt", &o, node, path);
          continue;
        }
        out.client_auth.ca_files.push_back(SecretText{e->value, o.namespace_, names[i], key});
      }
      out.client_auth.client_auth_type = ca.client_auth_type.Or(std::string());
    }
    out.sni_strict = opt.sni_strict.Or(false);
    out.alpn_protocols =
        opt.alpn_protocols.present && (defaults_first || !opt.alpn_protocols.value.empty())
            ? opt.alpn_protocols.value
            : kDefaultAlpn;
    // disableSessionTickets exists from v3.4 (the CRD has no such field before).
    out.disable_session_tickets = v.AtLeast(3, 4) && opt.disable_session_tickets.Or(false);
    std::string id = MakeId(o.namespace_, o.name);
    if (o.name == "default") {
      id = "default";
      default_namespaces.push_back(o.namespace_);
      last_default = &o;
    }
    options[id] = std::move(out);
  }
  if (default_namespaces.size() > 1) {
    options.erase("default");
    Emit(EventLevel::kError, EventCode::kDefaultTlsOptionConflict,
         "Default TLS Options defined in multiple namespaces: " + util::GoList(default_namespaces),
         "", last_default, yaml::kNoNode, "");
  }
  if (any) {
    result_.config.tls.options = std::move(options);
  }
}

}  // namespace irtcp::provider
