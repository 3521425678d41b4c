// The value of a hexadecimal digit, for the decoders of escapes and addresses.
#pragma once

#include <cstdint>

namespace irtcp::util {

/// 0-15 for '0'-'9', 'a'-'f' and 'A'-'F'; -1 for anything else (any other character or rune).
constexpr int HexDigitValue(std::int32_t c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace irtcp::util
