// The generated docs (man pages, completions) match what the binary generates, render without
// warnings, and work in real shells. Every subcommand and flag of the real binary is documented
// in man/ and in every completion script (kube-linter's check-bats-tests.sh spirit).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <sstream>

#include "core/cluster/kubectl.h"
#include "core/lint/registry.h"
#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGenerated[] = {"man/irtcp.1", "man/irtcp-rules.7", "completions/irtcp.bash",
                                      "completions/_irtcp", "completions/irtcp.fish"};

std::string TempDir() {
  std::string dir = (fs::temp_directory_path() / "irtcp-docs-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
  }
  return dir;
}

/// Runs `script` with bash; returns stdout, failing the test on a non-zero exit.
std::string Shell(const std::string& script, std::string* err = nullptr) {
  cluster::ProcessResult r = cluster::RunProcess({"bash", "-c", script});
  EXPECT_TRUE(r.started) << r.err;
  EXPECT_EQ(r.exit_code, 0) << script << "\n" << r.err;
  if (err != nullptr) {
    *err = r.err;
  }
  return r.out;
}

bool Have(const std::string& program) {
  return cluster::RunProcess({"sh", "-c", "command -v " + program}).exit_code == 0;
}

/// The codes of the registry starting with `prefix`, space-separated.
std::string CodesStartingWith(std::string_view prefix) {
  std::string out;
  for (const lint::Rule& r : lint::AllRules()) {
    if (r.info->code.substr(0, prefix.size()) == prefix) {
      out += (out.empty() ? "" : " ") + std::string(r.info->code);
    }
  }
  return out;
}

TEST(Docs, GeneratedFilesAreUpToDate) {
  const std::string dir = TempDir();
  RunResult r = RunIrtcp({}, SourceDir(), "", {"IRTCP_GENERATE_DOCS=" + dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* file : kGenerated) {
    SCOPED_TRACE(file);
    const std::string generated = ReadFileOrDie(fs::path(dir) / file);
    if (g_update_golden) {
      WriteFile(SourceDir() / file, generated);
      continue;
    }
    std::string checked_in;
    if (fs::exists(SourceDir() / file)) {
      checked_in = ReadFileOrDie(SourceDir() / file);
    }
    EXPECT_TRUE(checked_in == generated)
        << file << " differs from what the binary generates from the CLI definition and the "
        << "registry. Regenerate it: scripts/gen-docs.sh (after building irtcp), then review "
        << "and commit the diff.";
  }
  fs::remove_all(dir);
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
    std::string roff;
    for (char c : item) {
      roff += c == '-' ? std::string("\\-") : std::string(1, c);
    }
    EXPECT_NE(man.find(roff), std::string::npos) << "man: " << item;
    EXPECT_NE(bash.find(item), std::string::npos) << "bash: " << item;
    EXPECT_NE(zsh.find(item), std::string::npos) << "zsh: " << item;
    EXPECT_NE(fish.find("-l " + item.substr(2)), std::string::npos) << "fish: " << item;
  }
  EXPECT_GT(checked, 20);
  // Every rule has its section in the rules page.
  const std::string rules = ReadFileOrDie(SourceDir() / "man" / "irtcp-rules.7");
  for (const lint::Rule& rule : lint::AllRules()) {
    EXPECT_NE(rules.find(".SS " + std::string(rule.info->code) + " "), std::string::npos)
        << rule.info->code;
  }
}

TEST(Docs, ManPagesRenderWithoutWarnings) {
  if (!Have("man") || !Have("groff")) {
    GTEST_SKIP() << "man-db and groff-base are not installed (scripts/setup.sh installs them)";
  }
  for (const char* page : {"man/irtcp.1", "man/irtcp-rules.7"}) {
    SCOPED_TRACE(page);
    std::string err;
    const std::string text = Shell("cd '" + SourceDir().string() +
                                       "' && MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings=all -E "
                                       "UTF-8 -l '" +
                                       page + "'",
                                   &err);
    EXPECT_EQ(err, "") << "groff warnings";
    EXPECT_NE(text.find("irtcp"), std::string::npos);
  }
  const std::string one = Shell("cd '" + SourceDir().string() +
                                "' && MANWIDTH=80 man -E UTF-8 -l man/irtcp.1 | col -b");
  EXPECT_NE(one.find("EXIT STATUS"), std::string::npos);
  EXPECT_NE(one.find("--from-cluster"), std::string::npos);
}

TEST(Completion, Bash) {
  const std::string dir = TempDir();  // no files that could match
  const std::string out = Shell("cd '" + dir + "' && source '" +
                                (SourceDir() / "completions" / "irtcp.bash").string() + "' && " +
                                R"(c() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
  COMPREPLY=(); _irtcp; echo "${COMPREPLY[*]}"; }
c irtcp va; c irtcp validate -o ""; c irtcp explain IRT30; c kubectl-irtcp render --fail-on w
complete -p irtcp kubectl-irtcp)");
  fs::remove_all(dir);
  EXPECT_EQ(out,
            "validate\n"
            "text json sarif github junit\n" +
                CodesStartingWith("IRT30") +
                "\n"
                "warning\n"
                "complete -o filenames -F _irtcp irtcp\n"
                "complete -o filenames -F _irtcp kubectl-irtcp\n");
}

TEST(Completion, Zsh) {
  if (!Have("zsh")) {
    GTEST_SKIP() << "zsh is not installed (scripts/setup.sh installs it)";
  }
  const std::string dir = TempDir();
  const std::string out =
      Shell("cd '" + dir + "' && zsh -f '" +
            (SourceDir() / "tests" / "shell" / "zsh_complete.zsh").string() + "' '" +
            (SourceDir() / "completions").string() +
            "' 'irtcp va' 'irtcp validate -o ' 'irtcp explain IRT30' 'irtcp render --fail-on w'");
  fs::remove_all(dir);
  EXPECT_EQ(
      out, "validate\ntext json sarif github junit\n" + CodesStartingWith("IRT30") + "\nwarning\n");
}

TEST(Completion, Fish) {
  if (!Have("fish")) {
    GTEST_SKIP() << "fish is not installed (scripts/setup.sh installs it)";
  }
  const std::string dir = TempDir();
  WriteFile(fs::path(dir) / "t.fish",
            "source '" + (SourceDir() / "completions" / "irtcp.fish").string() + "'\n" +
                R"(for l in 'irtcp va' 'irtcp validate -o ' 'irtcp explain IRT30' \
    'kubectl-irtcp render --fail-on w'
  echo (complete -C"$l" | string replace -r '\t.*' '')
end
)");
  // fish sorts what it offers.
  const std::string out = Shell("cd '" + dir + "' && fish --no-config t.fish");
  fs::remove_all(dir);
  EXPECT_EQ(
      out, "validate\ngithub json junit sarif text\n" + CodesStartingWith("IRT30") + "\nwarning\n");
}

}  // namespace
}  // namespace irtcp::testing
