// UTF-8 validity as Go (and the API server) define it: one table for the loader's IRT002 check
// and the rule language's decoder.
#include "core/util/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::util {
namespace {

TEST(Utf8, FirstInvalidByte) {
  constexpr std::size_t kValid = std::string_view::npos;
  struct Case {
    std::string text;
    std::size_t bad;
  };
  const Case cases[] = {
      {"", kValid},
      {"plain ascii", kValid},
      {"caf\xc3\xa9", kValid},       // 2 bytes
      {"\xe2\x82\xac", kValid},      // 3 bytes (euro sign)
      {"\xf0\x9f\x98\x80", kValid},  // 4 bytes
      {"\xef\xbf\xbd", kValid},      // U+FFFD itself is valid
      {"ab\xc0\x80", 2},             // overlong NUL
      {"\xe0\x80\xaf", 0},           // overlong '/'
      {"x\xed\xa0\x80", 1},          // UTF-16 surrogate
      {"\xf4\x90\x80\x80", 0},       // above U+10FFFF
      {"ok\xc3", 2},                 // truncated
      {"\x80", 0},                   // lone continuation byte
      {"latin1 \xe9t\xe9", 7},       // ISO-8859-1 text
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(FindInvalidUtf8(c.text), c.bad);
    EXPECT_EQ(IsValidUtf8(c.text), c.bad == kValid);
  }
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (std::int32_t r : {0x41, 0xE9, 0x20AC, 0x1F600}) {
    std::string s;
    AppendUtf8(r, &s);
    std::int32_t back = 0;
    std::size_t width = 0;
    DecodeUtf8(s, &back, &width);
    EXPECT_EQ(back, r);
    EXPECT_EQ(width, s.size());
  }
  std::int32_t r = 0;
  std::size_t width = 0;
  DecodeUtf8("\xff", &r, &width);
  EXPECT_EQ(r, kRuneError);
  EXPECT_EQ(width, 1U);
}

}  // namespace
}  // namespace irtcp::util
