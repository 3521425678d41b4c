#include "core/report/fingerprint.h"

#include <cstdint>

namespace irtcp::report {

namespace {

/// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
void Mix(std::uint64_t& h, std::string_view part) {
  for (char c : part) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= 0xffU;  // a separator no UTF-8 text contains
  h *= 0x100000001b3ULL;
}

}  // namespace

std::string Fingerprint(const diag::Diagnostic& d, std::string_view file) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  Mix(h, d.code());
  Mix(h, file);
  if (!d.object.empty()) {
    Mix(h, d.object);
    Mix(h, d.json_path);
  } else {
    Mix(h, d.json_path);
    Mix(h, d.message);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[h & 0xfU];
    h >>= 4;
  }
  return out;
}

}  // namespace irtcp::report
