// Positions: 1-based lines and character columns, the same through both paths (ASCII files take
// a shortcut; files with multi-byte characters walk the line).
#include "core/source/source_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace irtcp::source {
namespace {

TEST(SourceFile, LocationsInAsciiAndUtf8Files) {
  struct Case {
    std::string text;
    std::uint32_t offset;  // byte offset asked for
    std::uint32_t line;
    std::uint32_t column;  // in characters
  };
  const Case cases[] = {
      {"a: b\nc: d\n", 0, 1, 1},
      {"a: b\nc: d\n", 5, 2, 1},
      {"a: b\nc: d\n", 8, 2, 4},
      {"a: \xc3\xa9\nc: d\n", 3, 1, 4},    // before the é
      {"a: \xc3\xa9 x\nc: d\n", 6, 1, 6},  // after it: 2 bytes, 1 character
      {"a: \xc3\xa9\nc: d\n", 9, 2, 4},    // next line unaffected
      {"\xEF\xBB\xBF"
       "a: b\n",
       3, 1, 1},  // a byte order mark is not a column
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    SourceFile f("t.yaml", c.text);
    Location at = f.LocationAt(c.offset);
    EXPECT_EQ(at.line, c.line);
    EXPECT_EQ(at.column, c.column);
    EXPECT_EQ(at.offset, c.offset);
    // libyaml's marks are 0-based line and character column; FromMark must map back.
    Location from_mark = f.FromMark(c.line - 1, c.column - 1);
    EXPECT_EQ(from_mark, at);
  }
}

// Lines break where libyaml breaks them, or its marks and our lines disagree: a file with
// classic-Mac line ends (lone CR) was one long line 1 with every finding at 1:N.
TEST(SourceFile, LinesBreakLikeLibyaml) {
  struct Case {
    std::string text;
    std::vector<std::string> lines;
  };
  const Case cases[] = {
      {"a: 1\nb: 2\n", {"a: 1", "b: 2"}},
      {"a: 1\r\nb: 2\r\n", {"a: 1", "b: 2"}},
      {"a: 1\rb: 2\rc: 3", {"a: 1", "b: 2", "c: 3"}},
      {"a: 1\r\rb: 2", {"a: 1", "", "b: 2"}},
      {"a: 1\xC2\x85"
       "b: 2",
       {"a: 1", "b: 2"}},  // NEL
      {"a: 1\xE2\x80\xA8"
       "b: 2\xE2\x80\xA9"
       "c",
       {"a: 1", "b: 2", "c"}},                                     // LS, PS
      {"a: \xC2\xA9\xE2\x80\xA6\n", {"a: \xC2\xA9\xE2\x80\xA6"}},  // other characters
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    SourceFile f("t.yaml", c.text);
    ASSERT_EQ(f.line_count(), c.lines.size());
    for (std::uint32_t i = 0; i < c.lines.size(); ++i) {
      EXPECT_EQ(f.LineText(i + 1), c.lines[i]);
    }
  }
  SourceFile cr("t.yaml", "a: 1\rbb: 2\r");
  EXPECT_EQ(cr.LocationAt(8), (Location{2, 4, 8}));
  EXPECT_EQ(cr.FromMark(1, 3), (Location{2, 4, 8}));
}

TEST(SourceFile, MarkPastTheEndIsClamped) {
  SourceFile f("t.yaml", "a: b");
  EXPECT_EQ(f.FromMark(0, 10).offset, 4U);
  SourceFile u("t.yaml", "a: \xc3\xa9");
  EXPECT_EQ(u.FromMark(0, 10).offset, 5U);
}

}  // namespace
}  // namespace irtcp::source
