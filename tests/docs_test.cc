// Every subcommand and flag of the real binary is documented in man/ and in every completion
// script (kube-linter's check-bats-tests.sh spirit): `IRTCP_DUMP_CLI=1 irtcp` lists them.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

std::string RoffEscape(const std::string& flag) {
  std::string out;
  for (char c : flag) {
    if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(Docs, EverySubcommandAndFlagIsInManAndCompletions) {
  RunResult r = RunIrtcp({}, SourceDir(), "", {"IRTCP_DUMP_CLI=1"});
  ASSERT_EQ(r.exit_code, 0);
  const std::string man = ReadFileOrDie(SourceDir() / "man" / "irtcp.1");
  const std::string bash = ReadFileOrDie(SourceDir() / "completions" / "irtcp.bash");
  const std::string zsh = ReadFileOrDie(SourceDir() / "completions" / "_irtcp");
  const std::string fish = ReadFileOrDie(SourceDir() / "completions" / "irtcp.fish");
  std::istringstream lines(r.out);
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    std::size_t space = line.find(' ');
    std::string item = space == std::string::npos ? line : line.substr(space + 1);
    SCOPED_TRACE(line);
    ++checked;
    if (space == std::string::npos) {
      EXPECT_NE(man.find(".B " + item), std::string::npos) << "man: subcommand " << item;
      EXPECT_NE(bash.find(item), std::string::npos);
      EXPECT_NE(zsh.find(item), std::string::npos);
      EXPECT_NE(fish.find("-a " + item), std::string::npos);
      continue;
    }
    EXPECT_NE(man.find(RoffEscape(item)), std::string::npos) << "man: " << item;
    EXPECT_NE(bash.find(item), std::string::npos) << "bash: " << item;
    EXPECT_NE(zsh.find(item), std::string::npos) << "zsh: " << item;
    EXPECT_NE(fish.find("-l " + item.substr(2)), std::string::npos) << "fish: " << item;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace irtcp::testing
