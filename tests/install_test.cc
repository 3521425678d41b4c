// Installation: `cmake --install` lays out the binary, its kubectl names, the man pages and the
// completions; `cpack -G DEB` packages exactly that with Depends from dpkg-shlibdeps. Both run on
// the build directory the tests were built in.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/cluster/kubectl.h"
#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

fs::path BuildDir() { return fs::path(IRTCP_BINARY).parent_path().parent_path(); }

std::string TempDir() {
  std::string dir = (fs::temp_directory_path() / "irtcp-install-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
  }
  return dir;
}

const std::vector<std::string> kLayout = {
    "bin/irtcp",
    "bin/kubectl-irtcp -> irtcp",
    "bin/kubectl_complete-irtcp -> irtcp",
    "share/bash-completion/completions/irtcp",
    "share/fish/vendor_completions.d/irtcp.fish",
    "share/man/man1/irtcp.1",
    "share/man/man7/irtcp-rules.7",
    "share/zsh/site-functions/_irtcp",
};

TEST(Install, PrefixLayout) {
  const std::string prefix = TempDir();
  cluster::ProcessResult r =
      cluster::RunProcess({"cmake", "--install", BuildDir().string(), "--prefix", prefix});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(prefix)) {
    if (e.is_directory() && !e.is_symlink()) {
      continue;
    }
    std::string rel = e.path().lexically_relative(prefix).string();
    if (e.is_symlink()) {
      rel += " -> " + fs::read_symlink(e.path()).string();
    }
    files.push_back(rel);
  }
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, kLayout);
  EXPECT_EQ(ReadFileOrDie(fs::path(prefix) / "share/man/man1/irtcp.1"),
            ReadFileOrDie(SourceDir() / "man/irtcp.1"));
  // The installed plugin name runs as the plugin.
  cluster::ProcessResult help = cluster::RunProcess({prefix + "/bin/kubectl-irtcp", "--help"});
  EXPECT_NE(help.out.find("Usage: kubectl irtcp"), std::string::npos) << help.out;
  fs::remove_all(prefix);
}

TEST(Install, DebPackage) {
  if (cluster::RunProcess({"sh", "-c", "command -v cpack && command -v dpkg-shlibdeps"})
          .exit_code != 0) {
    GTEST_SKIP() << "cpack or dpkg-shlibdeps missing (scripts/setup.sh installs dpkg-dev)";
  }
  const std::string out = TempDir();
  cluster::ProcessResult r = cluster::RunProcess(
      {"cpack", "-G", "DEB", "--config", (BuildDir() / "CPackConfig.cmake").string(), "-B", out});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string deb;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".deb") {
      deb = e.path().string();
    }
  }
  ASSERT_FALSE(deb.empty()) << r.out;
  cluster::ProcessResult arch = cluster::RunProcess({"dpkg", "--print-architecture"});
  std::string a = arch.out.substr(0, arch.out.find('\n'));
  EXPECT_EQ(fs::path(deb).filename().string(), "irtcp_" IRTCP_TEST_VERSION "_" + a + ".deb");
  cluster::ProcessResult contents = cluster::RunProcess({"dpkg-deb", "-c", deb});
  ASSERT_EQ(contents.exit_code, 0) << contents.err;
  // "-rwxr-xr-x root/root 123 2026-12-07 14:00 ./usr/bin/irtcp": keep the path (and the target).
  std::vector<std::string> files;
  std::istringstream lines(contents.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t dot = line.find(" ./usr/");
    if (dot == std::string::npos || line[0] == 'd') {
      continue;
    }
    files.push_back(line.substr(dot + 7));
  }
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, kLayout) << contents.out;
  cluster::ProcessResult depends = cluster::RunProcess({"dpkg-deb", "-f", deb, "Depends"});
  EXPECT_NE(depends.out.find("libc6 (>= "), std::string::npos) << depends.out;
  // Linked statically (IRTCP_STATIC_DEPS; toml++ compiled in): libc6 is the only runtime package
  // (under the sanitizers libstdc++ and libgcc stay shared, as their runtimes expect).
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_EQ(depends.out.find("libstdc++6"), std::string::npos) << depends.out;
  EXPECT_EQ(depends.out.find("libgcc-s1"), std::string::npos) << depends.out;
#endif
  EXPECT_EQ(depends.out.find("libtomlplusplus"), std::string::npos) << depends.out;
  EXPECT_EQ(depends.out.find("libre2"), std::string::npos) << depends.out;
  EXPECT_EQ(depends.out.find("libyaml-0"), std::string::npos) << depends.out;
  fs::remove_all(out);
}

}  // namespace
}  // namespace irtcp::testing
