// Golden tests for `irtcp resolve`: testdata/resolve/<case>/input.yaml (+ optional `args`, run
// from the case directory) against expected.txt (text) and expected.json (-o json).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/golden.h"

namespace irtcp::resolve {
namespace {

namespace fs = std::filesystem;

TEST(ResolveGolden, Cases) {
  fs::path root = irtcp::testing::SourceDir() / "testdata" / "resolve";
  int cases = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(root)) {
    if (!e.is_directory()) {
      continue;
    }
    SCOPED_TRACE(e.path().filename().string());
    std::vector<std::string> extra;
    if (fs::exists(e.path() / "args")) {
      std::istringstream words(irtcp::testing::ReadFileOrDie(e.path() / "args"));
      std::string w;
      while (words >> w) {
        extra.push_back(w);
      }
    }
    for (const char* format : {"text", "json"}) {
      std::vector<std::string> args = {"resolve", "-o", format};
      args.insert(args.end(), extra.begin(), extra.end());
      args.push_back("input.yaml");
      irtcp::testing::RunResult r = irtcp::testing::RunIrtcp(args, e.path());
      EXPECT_EQ(r.exit_code, 0) << r.err;
      std::string actual = r.out;
      if (!r.err.empty()) {
        actual += "--- stderr\n" + r.err;
      }
      irtcp::testing::ExpectGolden(
          e.path() / (std::string("expected.") + (format[0] == 't' ? "txt" : "json")), actual);
    }
    ++cases;
  }
  EXPECT_GE(cases, 2);
}

TEST(ResolveGolden, FailOnDroppedRoutes) {
  fs::path dir = irtcp::testing::SourceDir() / "testdata" / "resolve" / "cluster-dump";
  irtcp::testing::RunResult r = irtcp::testing::RunIrtcp(
      {"resolve", "--fail-on", "error", "--allow-external-name-services", "input.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 1);
}

// Every backend is fine in these cases; only the router is rejected or replaced.
TEST(ResolveGolden, FailOnRejectedOrReplacedRouters) {
  for (const char* name : {"host-matcher", "hostsni-without-tls", "priority-above-maximum",
                           "acme-tls-alpn", "duplicate-match"}) {
    SCOPED_TRACE(name);
    fs::path dir = irtcp::testing::SourceDir() / "testdata" / "resolve" / name;
    EXPECT_EQ(irtcp::testing::RunIrtcp({"resolve", "input.yaml"}, dir).exit_code, 0);
    EXPECT_EQ(
        irtcp::testing::RunIrtcp({"resolve", "--fail-on", "error", "input.yaml"}, dir).exit_code,
        1);
  }
}

TEST(ResolveGolden, BadTraefikConfigExitsTwo) {
  fs::path dir = irtcp::testing::SourceDir() / "testdata" / "config";
  irtcp::testing::RunResult r = irtcp::testing::RunIrtcp(
      {"resolve", "--traefik-config", "bad-option.yaml", "traefik.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "irtcp: error: --traefik-config: bad-option.yaml:3:27: unknown option "
            "providers.kubernetesCRD.allowCrossNamespaces; did you mean allowCrossNamespace?\n");
}

}  // namespace
}  // namespace irtcp::resolve
