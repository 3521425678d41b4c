#include "core/explain/text.h"

#include <gtest/gtest.h>

namespace irtcp::explain {
namespace {

TEST(ExplainText, Wrap) {
  struct Case {
    const char* text;
    std::size_t width;
    const char* indent;
    const char* want;
  };
  const Case cases[] = {
      {"", 40, "  ", ""},
      {"one two", 40, "  ", "  one two\n"},
      {"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii", 40, "",
       "aaaa bbbb cccc dddd eeee ffff gggg hhhh\niiii\n"},
      {"a\nb   c", 40, "", "a b c\n"},
      // A word longer than the line is not split.
      {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y", 40, "",
       "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ny\n"},
      // Widths count characters, not bytes.
      {"ééééé ééééé ééééé ééééé ééééé ééééé éééé", 40, "",
       "ééééé ééééé ééééé ééééé ééééé ééééé éééé\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Wrap(c.text, c.width, c.indent), c.want);
  }
  EXPECT_EQ(Wrap("aa bb cc dd ee ff gg hh ii jj kk ll mm nn", 40, "- ", "  "),
            "- aa bb cc dd ee ff gg hh ii jj kk ll mm\n  nn\n");
}

TEST(ExplainText, MarkdownForTerminal) {
  TextStyle plain{40, false};
  EXPECT_EQ(RenderMarkdown("## What it does\nReports `x` in\nthe file.\n\n- one\n- two\n", plain),
            "What it does\n  Reports `x` in the file.\n  - one\n  - two\n");
  EXPECT_EQ(RenderMarkdown("```yaml\na:  b\n```\n", plain), "      a:  b\n");
  TextStyle color{40, true};
  EXPECT_EQ(RenderMarkdown("## H\nuse `x`\n", color),
            "\x1b[1mH\x1b[0m\n  use \x1b[36m`x`\x1b[0m\n");
}

TEST(ExplainText, Roff) {
  EXPECT_EQ(RoffEscape("a-b\\c\n.d 'e"), "a\\-b\\ec\n\\&.d 'e");
  EXPECT_EQ(MarkdownToRoff("## Why\nUse `x`.\n\n- a\n"),
            ".SS Why\n.PP\nUse \\fBx\\fR.\n.IP \\(bu 2\na\n");
  EXPECT_EQ(MarkdownCell("a|b\nc"), "a\\|b c");
}

}  // namespace
}  // namespace irtcp::explain
