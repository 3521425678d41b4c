#include "core/util/terminal.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::util {
namespace {

TEST(UtilTerminal, Escapes) {
  struct Case {
    const char* name;
    std::string in, want;
  };
  const Case cases[] = {
      {"plain", "HostSNI(`a.example.com`)", "HostSNI(`a.example.com`)"},
      {"empty", "", ""},
      {"esc title sequence", "a\x1b]0;pwned\x07z", "a\\x1b]0;pwned\\x07z"},
      {"nul", std::string("a\0b", 3), "a\\x00b"},
      {"cr lf tab", "a\r\nb\tc", "a\\r\\nb\\tc"},
      {"del", "a\x7f", "a\\x7f"},
      {"c1 csi",
       "a\xc2\x9b"
       "31m",
       "a\\u{9b}31m"},
      {"c1 first", "\xc2\x80", "\\u{80}"},
      {"invalid byte", "caf\xe9!", "caf\\xe9!"},
      {"truncated sequence", "\xe2\x82", "\\xe2\\x82"},
      {"overlong slash", "\xc0\xaf", "\\xc0\\xaf"},
      {"bidi override",
       "a\xe2\x80\xae"
       "b",
       "a\\u{202e}b"},
      {"line separator",
       "a\xe2\x80\xa8"
       "b",
       "a\\u{2028}b"},
      {"utf8 kept", "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80",
       "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80"},
      {"backslash kept", "^.*\\.example\\.com$", "^.*\\.example\\.com$"},
      {"nbsp kept",
       "a\xc2\xa0"
       "b",
       "a\xc2\xa0"
       "b"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(TerminalSafe(c.in), c.want);
    EXPECT_EQ(IsTerminalSafe(c.in), c.in == c.want);
  }
}

TEST(UtilTerminal, AppendsAndWidth) {
  std::string out = "x:";
  AppendTerminalSafe("\x1b[2J", &out);
  EXPECT_EQ(out, "x:\\x1b[2J");
  EXPECT_EQ(TerminalSafeWidth("\x1b[2J"), 7U);
  EXPECT_EQ(TerminalSafeWidth("caf\xc3\xa9"), 4U);
  EXPECT_EQ(TerminalSafeWidth("a\tb"), 4U);
}

TEST(UtilTerminal, EveryByteIsSafeAfterEscaping) {
  // No single byte value survives escaping as a control character.
  for (int b = 0; b < 256; ++b) {
    std::string s(1, static_cast<char>(b));
    std::string escaped = TerminalSafe(s);
    for (char c : escaped) {
      auto u = static_cast<unsigned char>(c);
      EXPECT_TRUE(u >= 0x20 && u != 0x7F && u < 0x80) << "byte " << b;
    }
    EXPECT_TRUE(IsTerminalSafe(escaped)) << "byte " << b;
  }
}

}  // namespace
}  // namespace irtcp::util
