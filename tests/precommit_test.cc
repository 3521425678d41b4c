// End-to-end: the hooks of .pre-commit-hooks.yaml run by the real pre-commit in a temporary git
// repository, offline (`repo: local` with the hook definitions copied verbatim). Skipped only when
// pre-commit is not installed (Debian package `pre-commit`, scripts/setup.sh).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

struct Shell {
  int exit_code = -1;
  std::string output;
};

/// Runs `command` with /bin/sh in `dir`, with the irtcp binary's directory first on PATH.
Shell Sh(const fs::path& dir, const std::string& command) {
  const fs::path log = dir.parent_path() / "output.log";  // outside the repository
  const std::string bin = fs::path(IRTCP_BINARY).parent_path().string();
  std::string full =
      "cd '" + dir.string() + "' && export PATH='" + bin + "':\"$PATH\" PRE_COMMIT_HOME='" +
      (dir.parent_path() / "pre-commit-home").string() + "' GIT_CONFIG_NOSYSTEM=1 HOME='" +
      dir.parent_path().string() + "' && (" + command + ") > '" + log.string() + "' 2>&1";
  int status = std::system(full.c_str());
  Shell r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.output = ReadFileOrDie(log);
  fs::remove(log);
  return r;
}

/// The hooks of .pre-commit-hooks.yaml, as a `repo: local` configuration.
std::string LocalConfig(bool with_fix_hook = false) {
  std::string hooks = ReadFileOrDie(SourceDir() / ".pre-commit-hooks.yaml");
  std::string config = "repos:\n  - repo: local\n    hooks:\n";
  std::istringstream in(hooks);
  std::string line;
  bool first_only = !with_fix_hook;
  int hook_count = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) {
      continue;
    }
    if (line.starts_with("- ")) {
      ++hook_count;
    }
    if (first_only && hook_count > 1) {
      break;  // the --fix hook is not installed here: it would rewrite the files under test
    }
    config += "      " + line + "\n";
  }
  return config;
}

constexpr const char* kService = R"(apiVersion: v1
kind: Service
metadata: {name: api, namespace: app}
spec:
  ports: [{port: 8080}]
)";

// The case from issue 9: route.yaml names Service app/api (in svc.yaml, unchanged) and holds
// another Service of namespace app, so a check of route.yaml alone would report api missing.
constexpr const char* kRoute = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: api, namespace: app}
spec:
  entryPoints: [websecure]
  routes:
    - match: HostSNI(`*`)
      services: [{name: api, port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: app}
spec:
  ports: [{port: 9000}]
)";

constexpr const char* kBroken = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: broken, namespace: app}
spec:
  entryPoints: [websecure]
  routes:
    - match: HostSNI(`db.example.com`)
      services: [{name: api, port: 8080}]
)";

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: app}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
)";

constexpr const char* kHelmTemplate = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata:
  name: {{ .Release.Name }}
spec:
  routes:
    - match: HostSNI(`{{ .Values.host }}`)
      services: [{name: {{ .Values.service }}, port: 8080}]
)";

TEST(PreCommit, HookRefusesBrokenManifestsAndPassesCleanOnes) {
  if (std::system("pre-commit --version > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "pre-commit is not installed (Debian package pre-commit; scripts/setup.sh)";
  }
  const fs::path root = fs::temp_directory_path() / ("irtcp-precommit-" + std::to_string(getpid()));
  fs::remove_all(root);
  const fs::path repo = root / "repo";
  fs::create_directories(repo / "charts" / "db" / "templates");
  WriteFile(repo / ".pre-commit-config.yaml", LocalConfig());
  WriteFile(repo / "svc.yaml", kService);
  WriteFile(repo / "deploy.yaml", kDeployment);
  WriteFile(repo / "charts" / "db" / "templates" / "route.yaml", kHelmTemplate);

  ASSERT_EQ(Sh(repo,
               "git init -q && git config user.email t@example.com && "
               "git config user.name test && git config commit.gpgsign false")
                .exit_code,
            0);
  // As a team adopts the hook: commit the configuration, then install.
  Shell setup = Sh(repo,
                   "git add .pre-commit-config.yaml && git commit -q -m pre-commit && "
                   "pre-commit install");
  ASSERT_EQ(setup.exit_code, 0) << setup.output;

  // Non-Traefik YAML and a Helm template are left alone. TODO(integrator): add a
  // docker-compose.yml here once documents without apiVersion/kind are skipped (the output half
  // of issue 9); today they are IRT005 errors.
  Shell first = Sh(repo, "git add -A && git commit -q -m base");
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("irtcp validate"), std::string::npos) << first.output;

  // The route's Service is in svc.yaml, which this commit does not touch.
  WriteFile(repo / "route.yaml", kRoute);
  Shell clean = Sh(repo, "git add route.yaml && git commit -q -m route");
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_EQ(clean.output.find("IRT301"), std::string::npos) << clean.output;

  // A broken IngressRouteTCP is refused, with the finding shown.
  WriteFile(repo / "broken.yaml", kBroken);
  Shell broken = Sh(repo, "git add broken.yaml && git commit -q -m broken");
  EXPECT_NE(broken.exit_code, 0) << broken.output;
  EXPECT_NE(broken.output.find("broken.yaml:7:22: error:"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("[IRT104 hostsni-without-tls]"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("Failed"), std::string::npos) << broken.output;
  Shell log = Sh(repo, "git log --oneline | wc -l");
  EXPECT_EQ(log.output, "3\n") << "the broken commit must not exist";

  // Deleting svc.yaml breaks route.yaml's reference: the whole repository is the context.
  Shell removed = Sh(repo,
                     "git rm -q svc.yaml && git add route.yaml && touch route.yaml && "
                     "pre-commit run --files route.yaml");
  EXPECT_NE(removed.exit_code, 0) << removed.output;
  EXPECT_NE(removed.output.find("IRT301"), std::string::npos) << removed.output;
  fs::remove_all(root);
}

TEST(PreCommit, FixHookRewritesTheChangedFile) {
  if (std::system("pre-commit --version > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "pre-commit is not installed (Debian package pre-commit; scripts/setup.sh)";
  }
  const fs::path root =
      fs::temp_directory_path() / ("irtcp-precommit-fix-" + std::to_string(getpid()));
  fs::remove_all(root);
  const fs::path repo = root / "repo";
  fs::create_directories(repo);
  WriteFile(repo / ".pre-commit-config.yaml", LocalConfig(/*with_fix_hook=*/true));
  ASSERT_EQ(Sh(repo,
               "git init -q && git config user.email t@example.com && "
               "git config user.name test && git config commit.gpgsign false && "
               "git add -A && git commit -q -m pre-commit && pre-commit install")
                .exit_code,
            0);
  WriteFile(repo / "allow.yaml", R"(apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: allow-office, namespace: default}
spec:
  ipWhiteList:
    sourceRange: ["10.0.0.0/8"]
)");
  Shell fixed = Sh(repo, "git add allow.yaml && pre-commit run irtcp-fix --files allow.yaml");
  EXPECT_NE(fixed.exit_code, 0) << "pre-commit fails a hook that changed files: " << fixed.output;
  EXPECT_NE(fixed.output.find("files were modified by this hook"), std::string::npos)
      << fixed.output;
  EXPECT_NE(ReadFileOrDie(repo / "allow.yaml").find("  ipAllowList:\n"), std::string::npos);
  Shell again = Sh(repo, "git add allow.yaml && git commit -q -m allow");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  fs::remove_all(root);
}

}  // namespace
}  // namespace irtcp::testing
