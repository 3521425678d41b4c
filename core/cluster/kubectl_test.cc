#include "core/cluster/kubectl.h"

#include <gtest/gtest.h>

namespace irtcp::cluster {
namespace {

TEST(ApiResources, ParsedFromTheRightWithEmptyShortNames) {
  const std::string table =
      "NAME               SHORTNAMES   APIVERSION            NAMESPACED   KIND\n"
      "services           svc          v1                    true         Service\n"
      "secrets                         v1                    true         Secret\n"
      "ingressroutetcps                traefik.io/v1alpha1   true         IngressRouteTCP\n"
      "namespaces         ns           v1                    false        Namespace\n";
  std::vector<ApiResource> rows;
  std::string err;
  ASSERT_TRUE(ParseApiResources(table, &rows, &err)) << err;
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].short_names, "svc");
  EXPECT_EQ(rows[1].name, "secrets");
  EXPECT_EQ(rows[1].short_names, "");
  EXPECT_EQ(rows[2].kind, "IngressRouteTCP");
  EXPECT_EQ(rows[2].Group(), "traefik.io");
  EXPECT_EQ(rows[2].api_version, "traefik.io/v1alpha1");
  EXPECT_TRUE(rows[2].namespaced);
  EXPECT_FALSE(rows[3].namespaced);
  EXPECT_EQ(rows[3].Group(), "");
}

TEST(ApiResources, Errors) {
  struct Case {
    const char* name;
    const char* table;
    const char* error;
  };
  constexpr Case kCases[] = {
      {"empty", "", "kubectl api-resources printed nothing"},
      {"wide output", "NAME SHORTNAMES APIVERSION NAMESPACED KIND VERBS\n",
       "kubectl api-resources: unexpected header \"NAME SHORTNAMES APIVERSION NAMESPACED KIND "
       "VERBS\" (expected NAME SHORTNAMES APIVERSION NAMESPACED KIND)"},
      {"short row", "NAME SHORTNAMES APIVERSION NAMESPACED KIND\nservices v1 Service\n",
       "kubectl api-resources: line 2: cannot read \"services v1 Service\""},
      {"not a bool", "NAME SHORTNAMES APIVERSION NAMESPACED KIND\nservices svc v1 yes Service\n",
       "kubectl api-resources: line 2: cannot read \"services svc v1 yes Service\""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::vector<ApiResource> rows;
    std::string err;
    EXPECT_FALSE(ParseApiResources(c.table, &rows, &err));
    EXPECT_EQ(err, c.error);
  }
}

TEST(ApiResources, ResourcesToFetch) {
  std::vector<ApiResource> served = {
      {"ingressroutetcps", "", "traefik.containo.us/v1alpha1", true, "IngressRouteTCP"},
      {"tlsoptions", "", "traefik.io/v1alpha1", true, "TLSOption"},
      {"ingressroutetcps", "", "traefik.io/v1alpha1", true, "IngressRouteTCP"},
      {"ingressroutes", "", "traefik.io/v1alpha1", true, "IngressRoute"},  // HTTP: not ours
      {"services", "svc", "v1", true, "Service"},
      {"secrets", "", "v1", true, "Secret"},
      {"endpointslices", "", "discovery.k8s.io/v1", true, "EndpointSlice"},
  };
  EXPECT_EQ(ResourcesToFetch(served, false),
            (std::vector<std::string>{"ingressroutetcps.traefik.io", "tlsoptions.traefik.io",
                                      "ingressroutetcps.traefik.containo.us", "services",
                                      "endpointslices.discovery.k8s.io"}));
  EXPECT_EQ(ResourcesToFetch(served, true).back(), "secrets");
  EXPECT_TRUE(ResourcesToFetch({served[4], served[5]}, true).empty());
}

TEST(ListOutput, OneSourcePerObjectWithoutServerFields) {
  const std::string list =
      "apiVersion: v1\n"
      "items:\n"
      "- apiVersion: traefik.io/v1alpha1\n"
      "  kind: IngressRouteTCP\n"
      "  metadata:\n"
      "    annotations:\n"
      "      kubectl.kubernetes.io/last-applied-configuration: |\n"
      "        {\"kind\":\"IngressRouteTCP\"}\n"
      "    creationTimestamp: \"2026-12-01T10:00:00Z\"\n"
      "    managedFields:\n"
      "    - apiVersion: traefik.io/v1alpha1\n"
      "      fieldsV1:\n"
      "        f:spec: {}\n"
      "      manager: kubectl\n"
      "    name: db\n"
      "    namespace: apps\n"
      "    resourceVersion: \"1\"\n"
      "    uid: 6f1c\n"
      "  spec:\n"
      "    routes:\n"
      "    - match: HostSNI(`*`)\n"
      "      services:\n"
      "      - name: db\n"
      "        port: \"5432\"\n"
      "  status: {}\n"
      "- apiVersion: v1\n"
      "  kind: Service\n"
      "  metadata:\n"
      "    annotations:\n"
      "      team: data\n"
      "    name: db\n"
      "    namespace: apps\n"
      "  spec:\n"
      "    ports:\n"
      "    - port: 5432\n"
      "  status:\n"
      "    loadBalancer: {}\n"
      "kind: List\n"
      "metadata:\n"
      "  resourceVersion: \"\"\n";
  std::vector<source::SourceFilePtr> out;
  std::string err;
  ASSERT_TRUE(SplitListOutput(list, &out, &err)) << err;
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0]->path(), "cluster:apps/IngressRouteTCP/db");
  EXPECT_EQ(out[0]->text(),
            "apiVersion: traefik.io/v1alpha1\n"
            "kind: IngressRouteTCP\n"
            "metadata:\n"
            "  name: db\n"
            "  namespace: apps\n"
            "spec:\n"
            "  routes:\n"
            "  - match: HostSNI(`*`)\n"
            "    services:\n"
            "    - name: db\n"
            "      port: \"5432\"\n");
  EXPECT_EQ(out[1]->path(), "cluster:apps/Service/db");
  EXPECT_EQ(out[1]->text(),
            "apiVersion: v1\n"
            "kind: Service\n"
            "metadata:\n"
            "  annotations:\n"
            "    team: data\n"
            "  name: db\n"
            "  namespace: apps\n"
            "spec:\n"
            "  ports:\n"
            "  - port: 5432\n");
}

TEST(ListOutput, EmptyListAndErrors) {
  std::vector<source::SourceFilePtr> out;
  std::string err;
  EXPECT_TRUE(SplitListOutput("apiVersion: v1\nitems: []\nkind: List\n", &out, &err)) << err;
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(SplitListOutput("- a\n- b\n", &out, &err));
  EXPECT_EQ(err, "kubectl get printed something other than objects");
  EXPECT_FALSE(SplitListOutput("kind: List\nitems: [{a: 1}]\n", &out, &err));
  EXPECT_EQ(err, "kubectl get: items is not a block sequence");
  EXPECT_FALSE(SplitListOutput("kind: List\nitems:\n- a: [\n", &out, &err));
  EXPECT_NE(err.find("kubectl get printed YAML irtcp cannot read: line "), std::string::npos)
      << err;
}

TEST(Commands, FlagsReachKubectl) {
  ClusterOptions o;
  EXPECT_EQ(ApiResourcesCommand(o), (std::vector<std::string>{"kubectl", "api-resources"}));
  o.kubeconfig = "kc";
  o.context = "prod";
  o.ns = "apps";
  EXPECT_EQ(GetCommand(o, {"services", "secrets"}),
            (std::vector<std::string>{"kubectl", "--kubeconfig=kc", "--context=prod", "get",
                                      "services,secrets", "--namespace=apps", "--output=yaml"}));
  o.all_namespaces = true;
  EXPECT_EQ(GetCommand(o, {"services"})[5], "--all-namespaces");
}

TEST(Commands, MissingProgram) {
  ProcessResult r = RunProcess({"irtcp-no-such-program-here"});
  EXPECT_FALSE(r.started);
  EXPECT_EQ(r.err, "irtcp-no-such-program-here: not found on PATH");
  ProcessResult ok = RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_TRUE(ok.started);
  EXPECT_EQ(ok.exit_code, 3);
  EXPECT_EQ(ok.out, "out\n");
  EXPECT_EQ(ok.err, "err\n");
}

}  // namespace
}  // namespace irtcp::cluster
