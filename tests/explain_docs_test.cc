// The README's rule list is what `irtcp explain --rules -o markdown` prints (the man page's SEE
// ALSO points at it), so it cannot go stale.
#include <gtest/gtest.h>

#include <string>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

constexpr std::string_view kBegin = "<!-- BEGIN irtcp explain --rules -o markdown -->\n";
constexpr std::string_view kEnd = "<!-- END irtcp explain --rules -o markdown -->\n";

TEST(ExplainDocs, ReadmeRuleListIsGenerated) {
  RunResult r = RunIrtcp({"explain", "--rules", "-o", "markdown"}, SourceDir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::filesystem::path readme = SourceDir() / "README.md";
  std::string text = ReadFileOrDie(readme);
  std::size_t begin = text.find(kBegin);
  std::size_t end = text.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "README.md lacks " << kBegin;
  ASSERT_NE(end, std::string::npos) << "README.md lacks " << kEnd;
  begin += kBegin.size();
  std::string current = text.substr(begin, end - begin);
  std::string want = "\n" + r.out + "\n";
  if (g_update_golden) {
    WriteFile(readme, text.substr(0, begin) + want + text.substr(end));
    return;
  }
  EXPECT_EQ(current, want) << "regenerate with: build/dev/tests/irtcp_tests --update "
                              "--gtest_filter='ExplainDocs.*' (or paste the output of "
                              "`irtcp explain --rules -o markdown`)";
}

}  // namespace
}  // namespace irtcp::testing
