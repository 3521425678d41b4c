// The run pipeline: every subcommand's session over the same input, operational errors, and
// --fix without a terminal.
#include "core/run/session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>

#include "core/lint/support/provider_view.h"
#include "core/run/fixes.h"

namespace irtcp::run {
namespace {

namespace fs = std::filesystem;

/// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("irtcp-session-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

constexpr char kManifests[] = R"(apiVersion: v1
kind: Service
metadata: {name: cache, namespace: apps}
spec:
  ports: [{port: 6379}]
---
apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: office, namespace: apps}
spec:
  ipWhiteList:
    sourceRange: [10.0.0.0/8]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: db, namespace: apps}
spec:
  entryPoints: [tcp]
  routes:
    - match: HostSNI(`*`)
      middlewares: [{name: office}, {name: limit, namespace: other}]
      services: [{name: gone, port: 5432}]
    - match: HostSNI(`db.example.com`)
      services: [{name: cache, port: 6379, serversTransport: fast}]
  tls: {options: {name: modern}}
)";

using Place = std::tuple<std::string, std::uint32_t, std::uint32_t>;  // code, line, column

std::set<Place> ProviderFindings(const Session& s) {
  std::set<Place> out;
  for (const diag::Diagnostic& d : s.loaded->sink.diagnostics()) {
    if (lint::ReportsProviderEvents(d.rule->code)) {
      out.emplace(std::string(d.rule->code), d.location.line, d.location.column);
    }
  }
  return out;
}

SessionOptions Options(Command command, const std::string& path) {
  SessionOptions o;
  o.command = command;
  o.load.paths = {path};
  return o;
}

TEST(Session, EverySubcommandReportsTheProviderFindingsAlike) {
  TempDir dir;
  std::string path = dir.Write("in.yaml", kManifests);
  std::unique_ptr<Session> validate = RunSession(Options(Command::kValidate, path));
  std::unique_ptr<Session> render = RunSession(Options(Command::kRender, path));
  std::unique_ptr<Session> resolve = RunSession(Options(Command::kResolve, path));
  ASSERT_TRUE(validate->fatal_error.empty());
  std::set<Place> expected = ProviderFindings(*validate);
  // IRT401 (middleware), IRT301 (Service gone) at least; the exact set is the golden's business.
  EXPECT_GE(expected.size(), 2U);
  EXPECT_EQ(ProviderFindings(*render), expected);
  EXPECT_EQ(ProviderFindings(*resolve), expected);
}

TEST(Session, FatalErrorsStopEverySubcommand) {
  TempDir dir;
  std::string path = dir.Write("in.yaml", kManifests);
  for (Command c : {Command::kValidate, Command::kRender, Command::kResolve}) {
    SessionOptions o = Options(c, path);
    o.static_config.label_selector = "app in (";
    EXPECT_NE(RunSession(o)->fatal_error.find("Traefik would not start"), std::string::npos);
    SessionOptions bad_config = Options(c, path);
    bad_config.static_config.traefik_config = (dir.path() / "missing.toml").string();
    EXPECT_EQ(RunSession(bad_config)->fatal_error.rfind("--traefik-config: ", 0), 0U);
  }
}

TEST(Session, AnUnreadablePathIsReportedAndTheRestIsStillChecked) {
  TempDir dir;
  std::string path = dir.Write("in.yaml", kManifests);
  for (Command c : {Command::kValidate, Command::kRender, Command::kResolve}) {
    SessionOptions o = Options(c, path);
    o.load.paths.push_back((dir.path() / "missing.yaml").string());
    std::unique_ptr<Session> s = RunSession(o);
    EXPECT_TRUE(s->fatal_error.empty());
    ASSERT_EQ(s->summary.errors.size(), 1U);
    EXPECT_NE(s->summary.errors[0].find("missing.yaml"), std::string::npos);
    EXPECT_FALSE(s->provider.config.tcp.routers.empty());
  }
}

TEST(RunFixes, AppliesSafeFixesUntilStableWithoutWriting) {
  TempDir dir;
  std::string path = dir.Write("in.yaml", kManifests);
  SessionOptions o = Options(Command::kValidate, path);
  std::unique_ptr<Session> s = RunSession(o);
  FixRunResult fixed;
  std::string err;
  ASSERT_TRUE(RunFixes(*s, o, FixRunOptions{}, &fixed, &err)) << err;
  EXPECT_EQ(fixed.files_changed, 1U);
  EXPECT_GE(fixed.loop.applied, 1U);
  EXPECT_NE(fixed.loop.sources[0]->text().find("ipAllowList:"), std::string::npos);
  ASSERT_NE(fixed.session, nullptr);
  for (const diag::Diagnostic& d : fixed.session->loaded->sink.diagnostics()) {
    EXPECT_NE(d.rule->code, "IRT405") << "the fix left the finding it fixes";
  }
  // Nothing is written: the file on disk is unchanged.
  std::ifstream in(path, std::ios::binary);
  std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, kManifests);
}

}  // namespace
}  // namespace irtcp::run
