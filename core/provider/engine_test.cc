// The provider engine's pieces: what it decides for partial inputs (manifests from Git) and for
// complete ones (a cluster), and which event each mistake becomes.
#include "core/provider/engine.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace irtcp::provider {
namespace {

struct Built {
  model::InputSet input;
  std::unique_ptr<model::Catalog> catalog;
  Result result;
};

std::unique_ptr<Built> BuildText(const std::string& text, bool complete = false,
                                 const ProviderOptions& options = {}) {
  auto b = std::make_unique<Built>();
  diag::DiagnosticSink sink;
  b->input.AddSource(std::make_shared<const source::SourceFile>("in.yaml", text),
                     yaml::LoadOptions{}, sink);
  EXPECT_TRUE(sink.empty()) << "the test input must load cleanly";
  b->catalog = std::make_unique<model::Catalog>(b->input);
  BuildOptions build;
  build.complete_input = complete;
  b->result = Build(*b->catalog, options, build);
  return b;
}

std::vector<EventCode> Codes(const Result& r) {
  std::vector<EventCode> out;
  for (const Event& e : r.events) {
    if (e.level != EventLevel::kDebug || !e.detail.empty()) {
      out.push_back(e.code);
    }
  }
  return out;
}

bool Has(const Result& r, EventCode code) {
  for (const Event& e : r.events) {
    if (e.code == code) {
      return true;
    }
  }
  return false;
}

constexpr char kRoute[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: apps}
spec:
  entryPoints: [tcp]
  routes:
    - match: HostSNI(`*`)
      services: [{name: db, port: 5432}]
)";

constexpr char kService[] = R"(apiVersion: v1
kind: Service
metadata: {name: db, namespace: apps}
spec:
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
---
)";

constexpr char kOtherService[] = R"(apiVersion: v1
kind: Service
metadata: {name: cache, namespace: apps}
spec:
  ports: [{port: 6379}]
---
)";

TEST(ProviderEngine, ServiceAbsentFromPartialInputIsUnknown) {
  auto b = BuildText(kRoute);
  ASSERT_EQ(b->result.routes.size(), 1U);
  const Backend& backend = b->result.routes[0].backends.at(0);
  EXPECT_TRUE(backend.ok);
  EXPECT_NE(backend.unknown.find("Service apps/db is not in the input"), std::string::npos);
  EXPECT_TRUE(Codes(b->result).empty());
  EXPECT_EQ(b->result.unchecked.at(model::Kind::kService).count("apps"), 1U);
  // The router and its (server-less) service are written.
  EXPECT_EQ(b->result.config.tcp.routers.size(), 1U);
  ASSERT_EQ(b->result.config.tcp.services.size(), 1U);
  EXPECT_TRUE(b->result.config.tcp.services.begin()->second.load_balancer->servers.empty());
}

TEST(ProviderEngine, ServiceMissingWhereTheInputHoldsItsNamespace) {
  auto b = BuildText(std::string(kOtherService) + kRoute);
  EXPECT_EQ(Codes(b->result), std::vector<EventCode>{EventCode::kServiceNotFound});
  EXPECT_FALSE(b->result.routes[0].backends[0].ok);
  EXPECT_TRUE(b->result.config.tcp.services.empty());
}

TEST(ProviderEngine, CompleteInputMakesEveryAbsentObjectMissing) {
  auto b = BuildText(kRoute, /*complete=*/true);
  EXPECT_EQ(Codes(b->result), std::vector<EventCode>{EventCode::kServiceNotFound});
  EXPECT_TRUE(b->result.unchecked.empty());
}

TEST(ProviderEngine, EndpointSlicesAbsentMeansServersUnknownNotAnError) {
  auto b = BuildText(std::string(kService) + kRoute);
  const Backend& backend = b->result.routes[0].backends.at(0);
  EXPECT_TRUE(backend.ok);
  EXPECT_NE(backend.unknown.find("no EndpointSlice for apps/db"), std::string::npos);
  EXPECT_NE(backend.unknown.find("selected by app=db"), std::string::npos);
  EXPECT_TRUE(Codes(b->result).empty());
}

TEST(ProviderEngine, EndpointSlicesOfTheNamespaceButNoneReadyIsTraefiksError) {
  auto b = BuildText(std::string(kService) + R"(apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-x
  namespace: apps
  labels: {kubernetes.io/service-name: db}
ports: [{name: pg, port: 5432}]
endpoints: [{addresses: [10.0.0.1], conditions: {ready: false}}]
---
)" + kRoute);
  ASSERT_EQ(Codes(b->result), std::vector<EventCode>{EventCode::kNoServers});
  EXPECT_NE(b->result.events[0].detail.find("none of its endpoints is ready"), std::string::npos);
}

constexpr char kTlsOption[] = R"(apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: modern, namespace: apps}
spec: {minVersion: VersionTLS13}
---
)";

std::string RouteWithTls(const std::string& tls) {
  std::string text = kRoute;
  return text + "  tls: " + tls + "\n";
}

TEST(ProviderEngine, TlsOptionsAreLookedUpOnlyForTerminatingRouters) {
  struct Case {
    const char* name;
    std::string tls;
    bool missing;
  };
  const Case cases[] = {
      {"passthrough never looks its options up", "{passthrough: true, options: {name: nope}}",
       false},
      {"terminating router with a typo", "{options: {name: nope}}", true},
      {"terminating router, option exists", "{options: {name: modern}}", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto b = BuildText(std::string(kService) + kTlsOption + RouteWithTls(c.tls));
    EXPECT_EQ(Has(b->result, EventCode::kTlsOptionMissing), c.missing);
  }
}

TEST(ProviderEngine, RefusedTlsOptionIsReportedOncePerObject) {
  std::string text = std::string(kService) + kRoute;
  text += "    - match: HostSNI(`b.example.com`)\n      services: [{name: db, port: 5432}]\n";
  text += "  tls: {options: {name: modern, namespace: other}}\n";
  auto b = BuildText(text);
  int refusals = 0;
  for (const Event& e : b->result.events) {
    refusals += e.code == EventCode::kCrossNamespaceRef ? 1 : 0;
  }
  EXPECT_EQ(refusals, 1);
  for (const RouteResult& rr : b->result.routes) {
    EXPECT_EQ(rr.status, RouteStatus::kTlsOptionError);
  }
  EXPECT_TRUE(b->result.config.tcp.routers.empty());
}

TEST(ProviderEngine, MiddlewareRefusalStillJudgesTheRoutesServices) {
  std::string text = std::string(kOtherService) + R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: apps}
spec:
  routes:
    - match: HostSNI(`*`)
      middlewares: [{name: limit, namespace: other}]
      services: [{name: gone, port: 1}]
)";
  auto b = BuildText(text);
  EXPECT_EQ(Codes(b->result),
            (std::vector<EventCode>{EventCode::kCrossNamespaceRef, EventCode::kServiceNotFound}));
  EXPECT_EQ(b->result.routes[0].status, RouteStatus::kMiddlewareError);
  EXPECT_TRUE(b->result.config.tcp.services.empty());  // the skipped route writes nothing
}

TEST(ProviderEngine, SecretChecksFollowThePartialInputRule) {
  struct Case {
    const char* name;
    std::string extra;
    std::vector<EventCode> codes;
  };
  const std::string secret_elsewhere = R"(apiVersion: v1
kind: Secret
metadata: {name: other, namespace: apps}
stringData: {a: b}
---
)";
  const std::string produced = R"(apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: c, namespace: apps}
spec: {secretName: cert}
---
)";
  const std::string not_pem = R"(apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: apps}
type: kubernetes.io/tls
stringData: {tls.crt: nope, tls.key: nope}
---
)";
  const Case cases[] = {
      {"no Secret in the namespace: unknown", "", {}},
      {"other Secrets there: missing", secret_elsewhere, {EventCode::kTlsSecretMissing}},
      {"made by cert-manager: fine", produced, {}},
      {"present but not PEM", not_pem, {EventCode::kTlsSecretInvalid}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto b = BuildText(c.extra + kService + RouteWithTls("{secretName: cert}"));
    EXPECT_EQ(Codes(b->result), c.codes);
  }
}

TEST(ProviderEngine, RouterNameCollisionAcrossObjectsAndDuplicateMatchWithinOne) {
  std::string text = std::string(kService) + R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: b-c, namespace: a}
spec:
  routes:
    - match: HostSNI(`*`)
      services: [{name: db, port: 5432, namespace: apps}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: c, namespace: a-b}
spec:
  routes:
    - match: HostSNI(`*`)
      services: [{name: db, port: 5432}]
    - match: HostSNI(`*`)
      services: [{name: db, port: 5432}]
)";
  ProviderOptions options;
  options.allow_cross_namespace = true;
  auto b = BuildText(text, false, options);
  EXPECT_TRUE(Has(b->result, EventCode::kRouterCollision));
  EXPECT_TRUE(Has(b->result, EventCode::kDuplicateMatch));
  EXPECT_EQ(b->result.config.tcp.routers.size(), 1U);
}

// kubectl apply keeps the later of two definitions of one object: Traefik sees that one only,
// and neither routes nor findings come from the earlier (IRT022 reports the pair; lint checks
// both).
TEST(ProviderEngine, LaterDefinitionOfAnObjectReplacesTheEarlier) {
  std::string text = std::string(kService) + R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: apps}
spec:
  entryPoints: [tcp]
  routes:
    - match: HostSNI(`*`) && ClientIP(`10.0.0.0/8`)
      services: [{name: missing, port: 5432}]
---
)" + kRoute;
  auto b = BuildText(text);
  ASSERT_EQ(b->result.config.tcp.routers.size(), 1U);
  EXPECT_EQ(b->result.config.tcp.routers.begin()->second.rule, "HostSNI(`*`)");
  EXPECT_FALSE(Has(b->result, EventCode::kServiceNotFound)) << "the earlier definition's service";
  ASSERT_EQ(b->result.ingresses.size(), 2U);
  EXPECT_FALSE(b->result.ingresses[0].processed);
  EXPECT_NE(b->result.ingresses[0].skip_reason.find("defined again later"), std::string::npos);
  EXPECT_TRUE(b->result.ingresses[1].processed);
}

TEST(ProviderEngine, InvalidLabelSelectorStopsTheProvider) {
  ProviderOptions options;
  options.label_selector = "app in (";
  auto b = BuildText(kRoute, false, options);
  EXPECT_FALSE(b->result.fatal_error.empty());
  EXPECT_TRUE(b->result.config.tcp.routers.empty());
}

}  // namespace
}  // namespace irtcp::provider
