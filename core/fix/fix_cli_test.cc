// End-to-end tests of `irtcp validate --fix` on copies of testdata/fix (never in place).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

class FixCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("irtcp-fixcli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* name : {"fixable.yaml", "fixable-crlf.yaml"}) {
      fs::copy_file(SourceDir() / "testdata" / "fix" / name, dir_ / name);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult Run(const std::vector<std::string>& args, const std::string& stdin_text = "") {
    std::vector<std::string> full = {"validate", "--color", "never"};
    full.insert(full.end(), args.begin(), args.end());
    return RunIrtcp(full, dir_, stdin_text);
  }

  fs::path dir_;
};

TEST_F(FixCli, SafeFixesWriteAndKeepTheRest) {
  const std::string before = ReadFileOrDie(dir_ / "fixable.yaml");
  RunResult r = Run({"--fix", "fixable.yaml"});
  const std::string after = ReadFileOrDie(dir_ / "fixable.yaml");
  EXPECT_EQ(after.find("ipWhiteList:"), std::string::npos) << after;
  EXPECT_NE(after.find("  ipAllowList:   # deprecated spelling\n"), std::string::npos) << after;
  EXPECT_NE(after.find("sourceRange: [\"10.0.0.0/8\", '192.168.0.0/16']"), std::string::npos);
  EXPECT_NE(after.find("# Middlewares for the TCP routers"), std::string::npos);
  EXPECT_NE(after.find("apiVersion: \"traefik.containo.us/v1alpha1\""), std::string::npos)
      << "the unsafe fix is not applied without --unsafe-fixes";
  EXPECT_EQ(r.out.find("IRT405"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("IRT404"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("irtcp: applied 2 fixes in 1 file\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 unsafe fix available with --unsafe-fixes"), std::string::npos) << r.err;

  // Idempotent: a second --fix changes nothing.
  RunResult again = Run({"--fix", "fixable.yaml"});
  EXPECT_EQ(ReadFileOrDie(dir_ / "fixable.yaml"), after);
  EXPECT_NE(again.err.find("irtcp: applied 0 fixes in 0 files\n"), std::string::npos) << again.err;
  EXPECT_EQ(again.exit_code, r.exit_code);
  EXPECT_NE(before, after);
}

TEST_F(FixCli, UnsafeFixesToo) {
  RunResult r = Run({"--fix", "--unsafe-fixes", "fixable.yaml"});
  const std::string after = ReadFileOrDie(dir_ / "fixable.yaml");
  EXPECT_NE(after.find("apiVersion: \"traefik.io/v1alpha1\"\n"), std::string::npos) << after;
  EXPECT_EQ(after.find("containo"), std::string::npos);
  EXPECT_EQ(r.out.find("IRT404"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("IRT405"), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  RunResult again = Run({"--fix", "--unsafe-fixes", "fixable.yaml"});
  EXPECT_EQ(ReadFileOrDie(dir_ / "fixable.yaml"), after);
  EXPECT_EQ(again.exit_code, 0);
}

TEST_F(FixCli, CrlfKept) {
  Run({"--fix", "--unsafe-fixes", "fixable-crlf.yaml"});
  const std::string after = ReadFileOrDie(dir_ / "fixable-crlf.yaml");
  EXPECT_NE(after.find("ipAllowList"), std::string::npos);
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (after[i] == '\n') {
      ASSERT_TRUE(i > 0 && after[i - 1] == '\r') << "lone LF at byte " << i;
    }
  }
}

TEST_F(FixCli, SymlinkTargetWrittenLinkKept) {
  fs::create_symlink("fixable.yaml", dir_ / "link.yaml");
  Run({"--fix", "link.yaml"});
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.yaml"));
  EXPECT_NE(ReadFileOrDie(dir_ / "fixable.yaml").find("ipAllowList"), std::string::npos);
}

TEST_F(FixCli, DiffWritesNothing) {
  const std::string before = ReadFileOrDie(dir_ / "fixable.yaml");
  RunResult r = Run({"--diff", "fixable.yaml"});
  EXPECT_EQ(ReadFileOrDie(dir_ / "fixable.yaml"), before);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("--- a/fixable.yaml\n+++ b/fixable.yaml\n@@ ", 0), 0U) << r.out;
  EXPECT_NE(r.out.find("-  ipWhiteList:   # deprecated spelling\n"
                       "+  ipAllowList:   # deprecated spelling\n"),
            std::string::npos)
      << r.out;
  Run({"--fix", "fixable.yaml"});
  RunResult clean = Run({"--diff", "fixable.yaml"});
  EXPECT_EQ(clean.out, "");
  EXPECT_EQ(clean.exit_code, 0);
}

TEST_F(FixCli, StdinPrintsFixedText) {
  const std::string input = ReadFileOrDie(dir_ / "fixable.yaml");
  RunResult r = Run({"--fix", "-"}, input);
  std::string want = input;
  for (std::size_t at = want.find("ipWhiteList"); at != std::string::npos;
       at = want.find("ipWhiteList")) {
    want.replace(at, 11, "ipAllowList");
  }
  EXPECT_EQ(r.out, want);
  EXPECT_NE(r.err.find("IRT404"), std::string::npos) << "findings go to stderr: " << r.err;
}

}  // namespace
}  // namespace irtcp::testing
