// Decoding the Kubernetes core objects the provider reads (Service, EndpointSlice, Node, Secret,
// ConfigMap) and the base64 decoder Secrets use.
#include "core/model/k8s.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace irtcp::model {
namespace {

struct Loaded {
  std::unique_ptr<InputSet> input = std::make_unique<InputSet>();
  diag::DiagnosticSink sink;

  std::vector<const Object*> Of(Kind kind) const { return input->OfKind(kind); }
};

std::unique_ptr<Loaded> Load(const std::string& text) {
  auto loaded = std::make_unique<Loaded>();
  loaded->input->AddSource(std::make_shared<const source::SourceFile>("in.yaml", text),
                           yaml::LoadOptions{}, loaded->sink);
  EXPECT_TRUE(loaded->sink.empty()) << loaded->sink.diagnostics().front().message;
  return loaded;
}

TEST(DecodeService, PortsTypesAndMetadata) {
  auto loaded = Load(R"(apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: prod
  labels: {app: db, tier: 1}
spec:
  clusterIP: 10.0.0.10
  selector: {app: db}
  ports:
    - name: pg
      port: 5432
      targetPort: 5432
      protocol: TCP
    - just-a-string
    - port: 8080
      targetPort: http
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: db.example.com
)");
  std::vector<const Object*> services = loaded->Of(Kind::kService);
  ASSERT_EQ(services.size(), 2U);
  Service s = DecodeService(*services[0]);
  EXPECT_EQ(s.object, services[0]);
  EXPECT_FALSE(s.type.present);
  EXPECT_EQ(s.EffectiveType(), "ClusterIP");
  EXPECT_EQ(s.cluster_ip.Or(""), "10.0.0.10");
  ASSERT_NE(s.meta.labels.Find("tier"), nullptr);
  EXPECT_EQ(s.meta.labels.Find("tier")->value, "1");  // any scalar, as its text
  EXPECT_EQ(s.meta.labels.Find("missing"), nullptr);
  ASSERT_NE(s.selector.Find("app"), nullptr);
  EXPECT_EQ(s.selector.Find("app")->value, "db");

  ASSERT_EQ(s.ports.size(), 2U);  // the non-mapping item is skipped, indexes are kept
  const ServicePort& pg = s.ports[0];
  EXPECT_EQ(pg.index, 0U);
  EXPECT_EQ(pg.loc.line, 11U);
  EXPECT_EQ(pg.loc.column, 7U);
  EXPECT_EQ(pg.name.Or(""), "pg");
  EXPECT_EQ(pg.port.Or(0), 5432);
  ASSERT_TRUE(pg.target_port.present);
  EXPECT_FALSE(pg.target_port.value.is_string);
  EXPECT_EQ(pg.target_port.value.int_value, 5432);
  EXPECT_EQ(pg.protocol.Or(""), "TCP");
  EXPECT_FALSE(pg.node_port.present);

  const ServicePort& web = s.ports[1];
  EXPECT_EQ(web.index, 2U);
  EXPECT_FALSE(web.name.present);  // an unnamed port
  ASSERT_TRUE(web.target_port.present);
  EXPECT_TRUE(web.target_port.value.is_string);
  EXPECT_EQ(web.target_port.value.str_value, "http");
  EXPECT_EQ(web.node_port.Or(0), 30080);

  Service ext = DecodeService(*services[1]);
  EXPECT_EQ(ext.EffectiveType(), "ExternalName");
  EXPECT_EQ(ext.external_name.Or(""), "db.example.com");
  EXPECT_TRUE(ext.ports.empty());
}

TEST(DecodeEndpointSlice, PortsEndpointsAndReadiness) {
  auto loaded = Load(R"(apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-abc
  labels: {kubernetes.io/service-name: db}
addressType: IPv4
ports:
  - name: pg
    port: 5432
  - name: null
    port: 8080
endpoints:
  - addresses: [10.1.0.1, 10.1.0.2]
    conditions: {ready: true}
  - addresses: [10.1.0.3]
  - addresses: [10.1.0.4]
    conditions: {ready: false}
)");
  std::vector<const Object*> slices = loaded->Of(Kind::kEndpointSlice);
  ASSERT_EQ(slices.size(), 1U);
  EndpointSlice es = DecodeEndpointSlice(*slices[0]);
  EXPECT_EQ(es.service_name, "db");
  EXPECT_EQ(es.address_type.Or(""), "IPv4");
  ASSERT_EQ(es.ports.size(), 2U);
  EXPECT_EQ(es.ports[0].name.Or(""), "pg");
  EXPECT_FALSE(es.ports[1].name.present);  // null never matches a port name
  EXPECT_FALSE(es.ports[1].name.invalid);
  EXPECT_EQ(es.ports[1].port.Or(0), 8080);

  ASSERT_EQ(es.endpoints.size(), 3U);
  ASSERT_EQ(es.endpoints[0].addresses.size(), 2U);
  EXPECT_EQ(es.endpoints[0].addresses[1].value, "10.1.0.2");
  EXPECT_EQ(es.endpoints[0].addresses[1].loc.line, 13U);
  EXPECT_EQ(es.endpoints[0].addresses[1].loc.column, 27U);
  EXPECT_TRUE(es.endpoints[0].ready.present);
  EXPECT_TRUE(es.endpoints[0].ready.value);
  EXPECT_FALSE(es.endpoints[1].ready.present);  // absent: not ready for Traefik
  EXPECT_TRUE(es.endpoints[2].ready.present);
  EXPECT_FALSE(es.endpoints[2].ready.value);
  EXPECT_EQ(es.endpoints[2].loc.line, 16U);
}

TEST(DecodeNode, Addresses) {
  auto loaded = Load(R"(apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  addresses:
    - {type: InternalIP, address: 172.16.4.4}
    - {type: Hostname, address: n1}
)");
  Node n = DecodeNode(*loaded->Of(Kind::kNode).at(0));
  ASSERT_EQ(n.addresses.size(), 2U);
  EXPECT_EQ(n.addresses[0].type, "InternalIP");
  EXPECT_EQ(n.addresses[0].address, "172.16.4.4");
  EXPECT_EQ(n.addresses[1].type, "Hostname");
}

TEST(DecodeSecret, DataStringDataAndBadBase64) {
  auto loaded = Load(R"(apiVersion: v1
kind: Secret
metadata: {name: s}
type: kubernetes.io/tls
data:
  tls.crt: Q0VSVA==
  tls.key: not*base64
  empty: null
  ca.crt: b2xk
stringData:
  ca.crt: new
)");
  Secret s = DecodeSecret(*loaded->Of(Kind::kSecret).at(0));
  EXPECT_EQ(s.type.Or(""), "kubernetes.io/tls");
  ASSERT_NE(s.Find("tls.crt"), nullptr);
  EXPECT_EQ(s.Find("tls.crt")->value, "CERT");
  EXPECT_FALSE(s.Find("tls.crt")->bad_base64);
  EXPECT_FALSE(s.Find("tls.crt")->from_string_data);
  ASSERT_NE(s.Find("tls.key"), nullptr);
  EXPECT_TRUE(s.Find("tls.key")->bad_base64);
  EXPECT_FALSE(s.Find("tls.key")->from_string_data);
  ASSERT_NE(s.Find("empty"), nullptr);
  EXPECT_FALSE(s.Find("empty")->bad_base64);
  EXPECT_EQ(s.Find("empty")->value, "");
  ASSERT_NE(s.Find("ca.crt"), nullptr);  // stringData wins, as on the API server
  EXPECT_EQ(s.Find("ca.crt")->value, "new");
  EXPECT_TRUE(s.Find("ca.crt")->from_string_data);
  EXPECT_EQ(s.Find("tls.pem"), nullptr);
}

TEST(DecodeConfigMap, DataAsText) {
  auto loaded = Load(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: certs}
data:
  ca.crt: PEM
  n: 5
  gone: null
)");
  const Object& object = *loaded->Of(Kind::kConfigMap).at(0);
  EXPECT_EQ(object.namespace_, "certs");
  ConfigMap c = DecodeConfigMap(object);
  ASSERT_NE(c.data.Find("ca.crt"), nullptr);
  EXPECT_EQ(c.data.Find("ca.crt")->value, "PEM");
  ASSERT_NE(c.data.Find("n"), nullptr);
  EXPECT_EQ(c.data.Find("n")->value, "5");
  EXPECT_EQ(c.data.Find("gone"), nullptr);
}

TEST(DecodeBase64, StandardAlphabetWithPadding) {
  struct Case {
    std::string in;
    bool ok;
    std::string out;
  };
  for (const Case& tc : std::vector<Case>{
           {"", true, ""},
           {"YQ==", true, "a"},
           {"YWI=", true, "ab"},
           {"YWJj", true, "abc"},
           {"YW\nJj", true, "abc"},  // newlines are ignored
           {"YW\r\nJj", true, "abc"},
           {"+/+/", true, "\xfb\xff\xbf"},
           {"YQ", false, ""},        // missing padding
           {"Y===", false, ""},      // too much padding
           {"YQ==YQ==", false, ""},  // data after padding
           {"Y!==", false, ""},
           {"-_-_", false, ""},  // URL-safe alphabet is not accepted
       }) {
    SCOPED_TRACE(tc.in);
    std::string out;
    EXPECT_EQ(DecodeBase64(tc.in, &out), tc.ok);
    if (tc.ok) {
      EXPECT_EQ(out, tc.out);
    }
  }
}

}  // namespace
}  // namespace irtcp::model
