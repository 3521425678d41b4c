// OpenSSL's libcrypto set up once per process without reading the system openssl.cnf: irtcp
// only hashes and parses PEM, and loading the configuration was a measurable part of a
// pre-commit run's start-up.
#pragma once

namespace irtcp::util {

/// Initialises libcrypto (thread-safe, idempotent). Call before the first libcrypto use.
void InitCrypto();

}  // namespace irtcp::util
