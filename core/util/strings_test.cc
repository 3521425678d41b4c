#include "core/util/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace irtcp::util {
namespace {

TEST(UtilStrings, EndsWith) {
  struct Case {
    std::string s, suffix;
    bool want;
  };
  const Case cases[] = {
      {"svc@kubernetescrd", "@kubernetescrd", true},
      {"svc@file", "@kubernetescrd", false},
      {"crd", "@kubernetescrd", false},
      {"", "", true},
      {"abc", "", true},
      {"abc", "abc", true},
      {"abc", "xabc", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EndsWith(c.s, c.suffix), c.want) << c.s << " / " << c.suffix;
  }
}

TEST(UtilStrings, GoList) {
  struct Case {
    std::vector<std::string> items;
    std::string want;
  };
  const Case cases[] = {
      {{}, "[]"},
      {{"a"}, "[a]"},
      {{"a", "b c", ""}, "[a b c ]"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(GoList(c.items), c.want);
  }
}

TEST(UtilStrings, DoubleQuoted) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"l1\nl2\tx\ry", "\"l1\\nl2\\tx\\ry\""},
      {std::string("nul\0bel\x07", 8), "\"nul\\x00bel\\x07\""},
      {"del\x7f", "\"del\\x7F\""},
      {"\xc3\xbc", "\"\xc3\xbc\""},  // UTF-8 is copied as it is
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DoubleQuoted(c.in), c.want);
    std::string appended = "x=";
    AppendDoubleQuoted(c.in, &appended);
    EXPECT_EQ(appended, "x=" + c.want);
  }
}

TEST(UtilStrings, JsonPointerToken) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"", ""},
      {"spec", "spec"},
      {"kubernetes.io/ingress.class", "kubernetes.io~1ingress.class"},
      {"a~b", "a~0b"},
      {"~/", "~0~1"},
      {"~1", "~01"},
  };
  for (const Case& c : cases) {
    std::string out = "/";
    AppendJsonPointerToken(c.in, &out);
    EXPECT_EQ(out, "/" + c.want);
  }
}

}  // namespace
}  // namespace irtcp::util

namespace irtcp::util {
namespace {

TEST(SplitCommaList, DropsEmptyItemsAndTrimsOnRequest) {
  struct Case {
    const char* text;
    Trim trim;
    std::vector<std::string> items;
  };
  const Case cases[] = {
      {"", Trim::kNone, {}},
      {"a", Trim::kNone, {"a"}},
      {"a,b", Trim::kNone, {"a", "b"}},
      {"a,,b,", Trim::kNone, {"a", "b"}},
      {",", Trim::kNone, {}},
      {" a , b ", Trim::kNone, {" a ", " b "}},
      {" a , b ", Trim::kSpaces, {"a", "b"}},
      {"a, ,b", Trim::kSpaces, {"a", "b"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string> out{"kept"};
    SplitCommaList(c.text, c.trim, &out);
    std::vector<std::string> expected{"kept"};
    expected.insert(expected.end(), c.items.begin(), c.items.end());
    EXPECT_EQ(out, expected);
  }
}

}  // namespace
}  // namespace irtcp::util
