#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "core/lint/rules/provider_rules.h"
#include "core/resolve/lint_support.h"
#include "core/util/crypto_init.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsSecretInvalid{
    "IRT203",
    "tls-secret-invalid",
    "the Secret named by tls.secretName lacks tls.crt/tls.key or does not hold PEM",
    R"md(## What it does
Checks the Secret named by `spec.tls.secretName` (in the IngressRouteTCP's namespace, with
`stringData` merged into `data`): `tls.crt` and `tls.key` must both exist, be non-empty, be
valid base64 under `data`, and hold a PEM certificate and a PEM private key.

## Why is this bad?
Traefik logs `Error configuring TLS` (`secret <ns>/<name> is missing the following TLS data
entries: tls.crt, tls.key`, or `... contains the following empty TLS data entries`) and serves
its default certificate; a key or certificate that is not PEM fails when the certificate is
loaded.

## How to fix
Create the Secret with `kubectl create secret tls NAME --cert=... --key=...`, which writes both
keys in PEM.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

namespace {

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

}  // namespace

void CheckTlsSecretInvalid(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    if (!irt->tls.present || irt->tls.value.passthrough.Or(false)) {
      continue;
    }
    const model::Field<std::string>& name = irt->tls.value.secret_name;
    if (!name.present || name.value.empty()) {
      continue;
    }
    const std::string& ns = irt->object->namespace_;
    const model::Secret* secret = env.catalog().FindSecret(ns, name.value);
    if (secret == nullptr) {
      continue;  // IRT202
    }
    std::string missing;
    std::string empty;
    std::string bad;
    for (std::string_view key : {"tls.crt", "tls.key"}) {
      const model::Secret::Entry* e = secret->Find(key);
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
    std::string problem;
    if (!missing.empty()) {
      problem = "is missing the following TLS data entries: " + missing;
    } else if (!empty.empty()) {
      problem = "contains the following empty TLS data entries: " + empty;
    } else if (!bad.empty()) {
      problem = "is unusable: " + bad;
    } else {
      continue;
    }
    diag::Diagnostic& d =
        resolve::ReportAt(sink, kTlsSecretInvalid, *irt->object, name.node, name.loc,
                          irt->object->path_prefix + "/spec/tls/secretName",
                          "Secret " + ns + "/" + name.value + " " + problem +
                              "; Traefik serves its default certificate instead");
    d.help = "the Secret is at " + secret->object->file().path() + ":" +
             std::to_string(secret->object->loc().line);
  }
}

}  // namespace irtcp::lint
