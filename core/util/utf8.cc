#include "core/util/utf8.h"

namespace irtcp::util {

void DecodeUtf8(std::string_view s, std::int32_t* rune, std::size_t* width) {
  auto b0 = static_cast<unsigned char>(s[0]);
  *rune = kRuneError;
  *width = 1;
  if (b0 < 0x80) {
    *rune = b0;
    return;
  }
  std::size_t n = 0;
  std::int32_t min = 0;
  std::int32_t r = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    r = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    r = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    r = b0 & 0x07;
    min = 0x10000;
  } else {
    return;
  }
  if (s.size() < n) {
    return;
  }
  for (std::size_t i = 1; i < n; ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) {
      return;
    }
    r = (r << 6) | (b & 0x3F);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) {
    return;
  }
  *rune = r;
  *width = n;
}

void AppendUtf8(std::int32_t r, std::string* out) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) {
    r = kRuneError;
  }
  auto u = static_cast<std::uint32_t>(r);
  if (u < 0x80) {
    out->push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (u >> 6)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (u >> 12)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (u >> 18)));
    out->push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
}

std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    std::int32_t r = 0;
    std::size_t w = 0;
    DecodeUtf8(s.substr(i), &r, &w);
    if (r == kRuneError && w == 1) {
      return i;
    }
    i += w;
  }
  return std::string_view::npos;
}

}  // namespace irtcp::util
