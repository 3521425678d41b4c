#include "core/util/crypto_init.h"

#include <openssl/crypto.h>

#include <mutex>

namespace irtcp::util {

void InitCrypto() {
  static std::once_flag once;
  std::call_once(once, [] { OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr); });
}

}  // namespace irtcp::util
