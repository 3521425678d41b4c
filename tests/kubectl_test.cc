// The kubectl plugin end to end: the real kubectl finds `kubectl-irtcp` on PATH and runs it, exit
// codes reach the caller, messages say `kubectl irtcp`, and kubectl's completion reaches
// `kubectl_complete-irtcp`. Cluster mode (--from-cluster) runs against a stand-in kubectl
// (testdata/cluster/kubectl): no API server can run on the test machines.
#include "core/cluster/kubectl.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

/// A temporary directory holding kubectl-irtcp and kubectl_complete-irtcp (symlinks to the
/// binary under test), as `cmake --install` lays them out.
class PluginDir {
 public:
  PluginDir() {
    path_ = (fs::temp_directory_path() / "irtcp-plugin-XXXXXX").string();
    if (mkdtemp(path_.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
    }
    fs::create_symlink(IRTCP_BINARY, fs::path(path_) / "kubectl-irtcp");
    fs::create_symlink(IRTCP_BINARY, fs::path(path_) / "kubectl_complete-irtcp");
  }
  ~PluginDir() { fs::remove_all(path_); }
  PluginDir(const PluginDir&) = delete;
  PluginDir& operator=(const PluginDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Runs `argv` from the source tree with PATH = `path_prefix` + the current PATH.
cluster::ProcessResult RunWithPath(const std::string& path_prefix,
                                   const std::vector<std::string>& argv) {
  const char* path = std::getenv("PATH");
  std::vector<std::string> full = {"env", "-C", SourceDir().string(), "NO_COLOR=1",
                                   "PATH=" + path_prefix + ":" + (path != nullptr ? path : "")};
  full.insert(full.end(), argv.begin(), argv.end());
  return cluster::RunProcess(full);
}

bool HaveKubectl() {
  return cluster::RunProcess({"sh", "-c", "command -v kubectl"}).exit_code == 0;
}

TEST(KubectlPlugin, RealKubectlFindsAndRunsIt) {
  if (!HaveKubectl()) {
    GTEST_SKIP() << "no kubectl on PATH (Debian: kubernetes-client)";
  }
  PluginDir dir;
  cluster::ProcessResult list = RunWithPath(dir.path(), {"kubectl", "plugin", "list"});
  EXPECT_NE(list.out.find(dir.path() + "/kubectl-irtcp\n"), std::string::npos)
      << list.out << list.err;
  // kubectl_complete-irtcp is not a plugin (kubectl skips the completion helpers).
  EXPECT_EQ(list.out.find("kubectl_complete-irtcp"), std::string::npos) << list.out;

  cluster::ProcessResult clean =
      RunWithPath(dir.path(), {"kubectl", "irtcp", "validate", "testdata/kubectl/clean.yaml"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.err.find("kubectl irtcp: 0 error(s)"), std::string::npos) << clean.err;

  cluster::ProcessResult findings = RunWithPath(
      dir.path(),
      {"kubectl", "irtcp", "validate", "-f", "testdata/examples/01-configuration-example.yaml"});
  EXPECT_EQ(findings.exit_code, 1) << findings.err;
  EXPECT_NE(findings.out.find("testdata/examples/01-configuration-example.yaml:16:18: error: "),
            std::string::npos)
      << findings.out;

  cluster::ProcessResult missing =
      RunWithPath(dir.path(), {"kubectl", "irtcp", "validate", "-f", "testdata/kubectl/nope.yaml"});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("kubectl irtcp: error: testdata/kubectl/nope.yaml: "),
            std::string::npos)
      << missing.err;

  cluster::ProcessResult usage = RunWithPath(dir.path(), {"kubectl", "irtcp", "validate"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "paths is required\nRun with --help for more information.\n");

  cluster::ProcessResult help = RunWithPath(dir.path(), {"kubectl", "irtcp", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: kubectl irtcp "), std::string::npos) << help.out;
}

TEST(KubectlPlugin, KubectlCompletionReachesOurs) {
  if (!HaveKubectl()) {
    GTEST_SKIP() << "no kubectl on PATH (Debian: kubernetes-client)";
  }
  PluginDir dir;
  cluster::ProcessResult r =
      RunWithPath(dir.path(), {"kubectl", "__complete", "irtcp", "validate", "-o", ""});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find(':')), "text\njson\nsarif\ngithub\njunit\n") << r.out;
  cluster::ProcessResult sub = RunWithPath(dir.path(), {"kubectl", "__complete", "irtcp", "va"});
  EXPECT_EQ(sub.out.substr(0, sub.out.find(':')), "validate\n") << sub.out;
}

TEST(KubectlPlugin, FilenameSynonyms) {
  PluginDir dir;
  // -f DIR -R reads the directory (always recursively) like a PATH; -f may repeat.
  cluster::ProcessResult r =
      RunWithPath(dir.path(), {"kubectl-irtcp", "validate", "-R", "-f", "testdata/kubectl", "-f",
                               "testdata/kubectl/clean.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("kubectl irtcp: 0 error(s)"), std::string::npos) << r.err;
}

// -- cluster mode against the stand-in kubectl ------------------------------------------------

std::string StandIn() { return (SourceDir() / "testdata" / "cluster").string(); }

TEST(ClusterMode, ValidateNamesTheLiveObjects) {
  const std::string log = (fs::temp_directory_path() / "irtcp-kubectl-log").string();
  fs::remove(log);
  cluster::ProcessResult r =
      RunWithPath(StandIn(), {"env", "FAKE_KUBECTL_LOG=" + log, IRTCP_BINARY, "validate",
                              "--from-cluster", "--context", "prod", "-n", "apps"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectGolden(TestdataDir() / "cluster" / "validate.stdout", r.out);
  ExpectGolden(TestdataDir() / "cluster" / "validate.stderr", r.err);
  EXPECT_EQ(ReadFileOrDie(log),
            "--context=prod api-resources\n"
            "--context=prod get ingressroutetcps.traefik.io,middlewaretcps.traefik.io,"
            "serverstransporttcps.traefik.io,tlsoptions.traefik.io,tlsstores.traefik.io,"
            "ingressroutetcps.traefik.containo.us,middlewaretcps.traefik.containo.us,"
            "tlsoptions.traefik.containo.us,services,endpointslices.discovery.k8s.io "
            "--namespace=apps --output=yaml\n");
  fs::remove(log);
}

TEST(ClusterMode, ResolveAndRender) {
  cluster::ProcessResult resolve =
      RunWithPath(StandIn(), {IRTCP_BINARY, "resolve", "--from-cluster", "--context=prod", "-A"});
  EXPECT_EQ(resolve.exit_code, 0) << resolve.err;
  ExpectGolden(TestdataDir() / "cluster" / "resolve.stdout", resolve.out);
  cluster::ProcessResult render =
      RunWithPath(StandIn(), {IRTCP_BINARY, "render", "--from-cluster", "--kubeconfig", "kc.yaml",
                              "--context", "prod", "-n", "apps", "--include-secrets"});
  EXPECT_EQ(render.exit_code, 0) << render.err;
  ExpectGolden(TestdataDir() / "cluster" / "render.stdout", render.out);
}

TEST(ClusterMode, KubectlFailuresExit2WithKubectlsMessage) {
  struct Case {
    const char* name;
    std::vector<std::string> args;
    const char* err;
  };
  const Case cases[] = {
      {"wrong context",
       {"--context", "gone"},
       "irtcp: error: kubectl api-resources failed (exit 1): error: context \"gone\" does not "
       "exist\n"},
      {"unreachable",
       {"--context", "down"},
       "irtcp: error: kubectl api-resources failed (exit 1): The connection to the server "
       "127.0.0.1:6443 was refused - did you specify the right host or port?\n"},
      {"no Traefik CRDs",
       {"--context", "empty"},
       "irtcp: error: the cluster serves none of the Traefik TCP kinds (kubectl api-resources "
       "lists no IngressRouteTCP, MiddlewareTCP, ServersTransportTCP, TLSOption or TLSStore in "
       "traefik.io or traefik.containo.us): are Traefik's CRDs installed?\n"},
      {"unexpected arguments reach the stand-in",
       {"--context", "prod", "-n", "other"},
       "irtcp: error: kubectl get failed (exit 99): stand-in kubectl: unexpected arguments: "},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> argv = {IRTCP_BINARY, "validate", "--from-cluster"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    cluster::ProcessResult r = RunWithPath(StandIn(), argv);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.substr(0, std::string(c.err).size()), c.err);
  }
}

TEST(ClusterMode, MissingKubectlAndPluginMessages) {
  // PATH holds no kubectl at all.
  cluster::ProcessResult r =
      cluster::RunProcess({"env", "PATH=/nonexistent", IRTCP_BINARY, "validate", "--from-cluster"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "irtcp: error: kubectl: not found on PATH\n");
  PluginDir dir;
  cluster::ProcessResult plugin =
      RunWithPath(StandIn() + ":" + dir.path(),
                  {"kubectl-irtcp", "resolve", "--from-cluster", "--context", "gone"});
  EXPECT_EQ(plugin.exit_code, 2);
  EXPECT_EQ(plugin.err.substr(0, 27), "kubectl irtcp: error: kubec") << plugin.err;
  cluster::ProcessResult stray =
      RunWithPath(StandIn(), {IRTCP_BINARY, "validate", "--context", "prod", "x"});
  EXPECT_EQ(stray.exit_code, 2);
  EXPECT_EQ(stray.err,
            "irtcp: error: --context, --kubeconfig and -A read a cluster: add --from-cluster\n");
  cluster::ProcessResult fix = RunWithPath(StandIn(), {IRTCP_BINARY, "validate", "--from-cluster",
                                                       "--context=prod", "-n", "apps", "--fix"});
  EXPECT_EQ(fix.exit_code, 2);
  EXPECT_EQ(fix.err,
            "irtcp: error: --fix writes files; the objects read with --from-cluster are not files "
            "(use --diff to see the fixes)\n");
}

}  // namespace
}  // namespace irtcp::testing
