#include "core/fix/apply.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace irtcp::fix {
namespace {

using diag::Applicability;

diag::Fix MakeFix(std::vector<diag::Edit> edits, Applicability a = Applicability::kSafe) {
  diag::Fix f;
  f.description = "test";
  f.applicability = a;
  f.edits = std::move(edits);
  return f;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<diag::Fix> fixes;
  Selection selection;
  std::string want;
  std::size_t applied;
  std::size_t overlapping;
  std::size_t not_selected;
  std::size_t invalid;
};

TEST(FixApply, Table) {
  const Case cases[] = {
      {"no fixes", "a: 1\n", {}, Selection::kSafe, "a: 1\n", 0, 0, 0, 0},
      {"one replacement",
       "kind: ipWhiteList\n",
       {MakeFix({{6, 17, "ipAllowList"}})},
       Selection::kSafe,
       "kind: ipAllowList\n",
       1,
       0,
       0,
       0},
      {"insertion and deletion",
       "abcdef",
       {MakeFix({{0, 0, ">"}}), MakeFix({{3, 5, ""}})},
       Selection::kSafe,
       ">abcf",
       2,
       0,
       0,
       0},
      {"given out of order",
       "0123456789",
       {MakeFix({{8, 9, "I"}}), MakeFix({{1, 2, "B"}}), MakeFix({{4, 5, "E"}})},
       Selection::kSafe,
       "0B23E567I9",
       3,
       0,
       0,
       0},
      {"edits of one fix out of order",
       "0123456789",
       {MakeFix({{8, 9, "I"}, {1, 2, "B"}})},
       Selection::kSafe,
       "0B234567I9",
       1,
       0,
       0,
       0},
      {"overlap: first by position wins",
       "0123456789",
       {MakeFix({{3, 6, "x"}}), MakeFix({{2, 4, "y"}})},
       Selection::kSafe,
       "01y456789",
       1,
       1,
       0,
       0},
      {"touching fixes wait a pass",
       "0123456789",
       {MakeFix({{2, 4, "x"}}), MakeFix({{4, 6, "y"}})},
       Selection::kSafe,
       "01x456789",
       1,
       1,
       0,
       0},
      {"overlap with the second edit of a fix",
       "0123456789",
       {MakeFix({{0, 1, "A"}, {7, 8, "H"}}), MakeFix({{5, 9, "z"}}), MakeFix({{3, 4, "D"}})},
       Selection::kSafe,
       "A12D456H89",
       2,
       1,
       0,
       0},
      {"identical fixes apply once",
       "abc",
       {MakeFix({{1, 2, "B"}}), MakeFix({{1, 2, "B"}})},
       Selection::kSafe,
       "aBc",
       1,
       0,
       0,
       0},
      {"unsafe left out under --fix",
       "abc",
       {MakeFix({{0, 1, "A"}}), MakeFix({{2, 3, "C"}}, Applicability::kUnsafe)},
       Selection::kSafe,
       "Abc",
       1,
       0,
       1,
       0},
      {"unsafe taken with --unsafe-fixes",
       "abc",
       {MakeFix({{0, 1, "A"}}), MakeFix({{2, 3, "C"}}, Applicability::kUnsafe)},
       Selection::kSafeAndUnsafe,
       "AbC",
       2,
       0,
       0,
       0},
      {"out of range is invalid",
       "abc",
       {MakeFix({{2, 9, "x"}}), MakeFix({{2, 1, "x"}})},
       Selection::kSafe,
       "abc",
       0,
       0,
       0,
       2},
      {"self-overlapping fix is invalid",
       "abcdef",
       {MakeFix({{0, 3, "x"}, {2, 4, "y"}})},
       Selection::kSafe,
       "abcdef",
       0,
       0,
       0,
       1},
      {"empty fix is invalid", "abc", {MakeFix({})}, Selection::kSafe, "abc", 0, 0, 0, 1},
      {"LF file keeps LF",
       "a:\n  b: 1\n",
       {MakeFix({{5, 9, "c: 2\n  d: 3"}})},
       Selection::kSafe,
       "a:\n  c: 2\n  d: 3\n",
       1,
       0,
       0,
       0},
      {"CRLF file gets CRLF",
       "a:\r\n  b: 1\r\n",
       {MakeFix({{6, 10, "c: 2\n  d: 3"}})},
       Selection::kSafe,
       "a:\r\n  c: 2\r\n  d: 3\r\n",
       1,
       0,
       0,
       0},
      {"CRLF replacement stays CRLF",
       "a:\r\nb\r\n",
       {MakeFix({{4, 5, "x\r\ny"}})},
       Selection::kSafe,
       "a:\r\nx\r\ny\r\n",
       1,
       0,
       0,
       0},
      {"other documents untouched",
       "# head\na: 1\n---\nb: 'q' # c\n---\nc: 3\n",
       {MakeFix({{19, 22, "\"q\""}})},
       Selection::kSafe,
       "# head\na: 1\n---\nb: \"q\" # c\n---\nc: 3\n",
       1,
       0,
       0,
       0},
      {"UTF-8 around the edit",
       "n: \xC3\xA9t\xC3\xA9 x\n",
       {MakeFix({{9, 10, "\xE2\x9C\x93"}})},
       Selection::kSafe,
       "n: \xC3\xA9t\xC3\xA9 \xE2\x9C\x93\n",
       1,
       0,
       0,
       0},
      {"edit inside a UTF-8 character is invalid",
       "\xC3\xA9t\xC3\xA9",
       {MakeFix({{1, 3, "x"}})},
       Selection::kSafe,
       "\xC3\xA9t\xC3\xA9",
       0,
       0,
       0,
       1},
      {"edit at end of text",
       "abc",
       {MakeFix({{3, 3, "\n"}})},
       Selection::kSafe,
       "abc\n",
       1,
       0,
       0,
       0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<const diag::Fix*> ptrs;
    for (const diag::Fix& f : c.fixes) {
      ptrs.push_back(&f);
    }
    ApplyResult r = ApplyFixes(c.text, ptrs, c.selection);
    EXPECT_EQ(r.text, c.want);
    EXPECT_EQ(r.applied, c.applied);
    EXPECT_EQ(r.overlapping, c.overlapping);
    EXPECT_EQ(r.not_selected, c.not_selected);
    EXPECT_EQ(r.invalid, c.invalid);
  }
}

TEST(FixApply, UsesCrlf) {
  EXPECT_FALSE(UsesCrlf(""));
  EXPECT_FALSE(UsesCrlf("a\nb\r\n"));
  EXPECT_TRUE(UsesCrlf("a\r\nb\n"));
  EXPECT_FALSE(UsesCrlf("\n"));
}

}  // namespace
}  // namespace irtcp::fix
