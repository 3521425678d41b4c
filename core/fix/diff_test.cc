#include "core/fix/diff.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::fix {
namespace {

struct Case {
  const char* name;
  std::string before;
  std::string after;
  std::string want;
};

std::string Numbered(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) {
    s += "l" + std::to_string(i) + "\n";
  }
  return s;
}

TEST(FixDiff, Table) {
  const Case cases[] = {
      {"equal", "a\n", "a\n", ""},
      {"one line changed in the middle", Numbered(1, 10), Numbered(1, 4) + "L5\n" + Numbered(6, 10),
       "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n"},
      {"first line", "x\ny\n", "X\ny\n", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-x\n+X\n y\n"},
      {"single line file", "x\n", "y\n", "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n"},
      {"insertion only", "a\nb\n", "a\nnew\nb\n",
       "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+new\n b\n"},
      {"into empty file", "", "a\n", "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"},
      {"deletion only", "a\nb\nc\n", "a\nc\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\n-b\n c\n"},
      {"two hunks far apart", Numbered(1, 20), "L1\n" + Numbered(2, 19) + "L20\n",
       "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n"
       "@@ -17,4 +17,4 @@\n l17\n l18\n l19\n-l20\n+L20\n"},
      {"close changes share a hunk", Numbered(1, 9), "L1\n" + Numbered(2, 7) + "L8\nl9\n",
       "--- a/f\n+++ b/f\n@@ -1,9 +1,9 @@\n-l1\n+L1\n l2\n l3\n l4\n l5\n l6\n l7\n"
       "-l8\n+L8\n l9\n"},
      {"no newline at end", "a\nb", "a\nc",
       "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
       "\\ No newline at end of file\n"},
      {"newline added at end", "a", "a\n",
       "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"},
      {"CRLF kept", "a\r\nb\r\n", "a\r\nc\r\n",
       "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(UnifiedDiff(c.before, c.after, "a/f", "b/f"), c.want);
  }
}

TEST(FixDiff, ZeroContext) {
  EXPECT_EQ(UnifiedDiff("a\nb\nc\n", "a\nB\nc\n", "x", "y", 0),
            "--- x\n+++ y\n@@ -2 +2 @@\n-b\n+B\n");
}

TEST(FixDiff, LargeFileSmallChange) {
  std::string before = Numbered(1, 20000);
  std::string after = before;
  after.replace(after.find("l10000\n"), 7, "changed\n");
  std::string d = UnifiedDiff(before, after, "a", "b");
  EXPECT_NE(d.find("@@ -9997,7 +9997,7 @@\n"), std::string::npos) << d;
  EXPECT_NE(d.find("-l10000\n+changed\n"), std::string::npos);
}

}  // namespace
}  // namespace irtcp::fix
