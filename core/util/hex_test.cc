#include "core/util/hex.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace irtcp::util {
namespace {

TEST(UtilHex, HexDigitValue) {
  struct Case {
    std::int32_t c;
    int want;
  };
  const Case cases[] = {
      {'0', 0},  {'9', 9},  {'a', 10}, {'f', 15}, {'A', 10}, {'F', 15}, {'g', -1}, {'G', -1},
      {'/', -1}, {':', -1}, {'@', -1}, {'`', -1}, {' ', -1}, {-1, -1},  {0, -1},   {0xFF10, -1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HexDigitValue(c.c), c.want) << c.c;
  }
  static_assert(HexDigitValue('c') == 12);
  // Plain (possibly signed) chars work too: bytes above 0x7F are not digits.
  EXPECT_EQ(HexDigitValue(static_cast<char>(0xE0)), -1);
}

}  // namespace
}  // namespace irtcp::util
