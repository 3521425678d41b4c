// Decoding Traefik's TCP CRDs into the typed model: typed values, int-or-string, presence
// (absent / null / wrong type), positions and JSON pointers.
#include "core/model/traefik.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace irtcp::model {
namespace {

struct Loaded {
  std::unique_ptr<InputSet> input = std::make_unique<InputSet>();
  diag::DiagnosticSink sink;

  const Object& Only(Kind kind) const {
    std::vector<const Object*> objects = input->OfKind(kind);
    EXPECT_EQ(objects.size(), 1U) << KindName(kind);
    return *objects.at(0);
  }
};

std::unique_ptr<Loaded> Load(const std::string& text) {
  auto loaded = std::make_unique<Loaded>();
  loaded->input->AddSource(std::make_shared<const source::SourceFile>("in.yaml", text),
                           yaml::LoadOptions{}, loaded->sink);
  EXPECT_TRUE(loaded->sink.empty()) << loaded->sink.diagnostics().front().message;
  return loaded;
}

void ExpectAt(const source::Location& loc, std::uint32_t line, std::uint32_t column) {
  EXPECT_EQ(loc.line, line);
  EXPECT_EQ(loc.column, column);
}

const char* const kRoute = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata:
  name: app
  namespace: prod
  annotations:
    kubernetes.io/ingress.class: traefik
spec:
  entryPoints: [tcp, tls]
  ingressClassName: ""
  routes:
    - match: HostSNI(`a.example.com`)
      priority: 10
      syntax: v3
      middlewares:
        - name: allow
          namespace: other
      services:
        - name: db
          port: 5432
          weight: 0
          nativeLB: false
          proxyProtocol: {}
          terminationDelay: 100
        - name: cache
          port: redis
        - name: quoted
          port: "6379"
        - name: bad
          port: [1]
          weight: heavy
          tls: "true"
    - just-a-string
  tls:
    passthrough: true
    options: {name: strict}
    domains:
      - main: example.com
        sans: [a.example.com]
)";

TEST(DecodeIngressRouteTCP, TypedFieldsAndPositions) {
  auto loaded = Load(kRoute);
  const Object& object = loaded->Only(Kind::kIngressRouteTCP);
  IngressRouteTCP r = DecodeIngressRouteTCP(object);
  EXPECT_EQ(r.object, &object);
  EXPECT_EQ(r.IngressName(), "app");
  EXPECT_EQ(r.entry_points.value, (std::vector<std::string>{"tcp", "tls"}));
  ASSERT_TRUE(r.ingress_class_name.present);  // present even when ""
  EXPECT_EQ(r.ingress_class_name.value, "");
  ExpectAt(r.ingress_class_name.loc, 10, 21);
  ASSERT_TRUE(r.ingress_class_annotation.present);
  EXPECT_EQ(r.ingress_class_annotation.value, "traefik");
  ExpectAt(r.ingress_class_annotation.loc, 7, 34);

  ASSERT_EQ(r.routes.size(), 2U);
  const Route& route = r.routes[0];
  EXPECT_EQ(route.path, "/spec/routes/0");
  ExpectAt(route.loc, 12, 7);
  ASSERT_TRUE(route.match.present);
  EXPECT_EQ(route.match.value, "HostSNI(`a.example.com`)");
  ExpectAt(route.match.loc, 12, 14);
  EXPECT_EQ(route.priority.Or(0), 10);
  EXPECT_EQ(route.syntax.Or(""), "v3");

  ASSERT_EQ(route.middlewares.size(), 1U);
  EXPECT_EQ(route.middlewares[0].name.value, "allow");
  EXPECT_EQ(route.middlewares[0].ns.value, "other");
  EXPECT_EQ(route.middlewares[0].path, "/spec/routes/0/middlewares/0");
  ExpectAt(route.middlewares[0].loc, 16, 11);

  ASSERT_EQ(route.services.size(), 4U);
  const ServiceRef& db = route.services[0];
  EXPECT_EQ(db.path, "/spec/routes/0/services/0");
  EXPECT_EQ(db.index, 0U);
  ExpectAt(db.loc, 19, 11);
  ASSERT_TRUE(db.port.present);
  EXPECT_FALSE(db.port.value.is_string);
  EXPECT_EQ(db.port.value.int_value, 5432);
  EXPECT_EQ(db.port.value.ToString(), "5432");
  ExpectAt(db.port.loc, 20, 17);
  EXPECT_TRUE(db.weight.present);  // pointer semantics: weight 0 is written
  EXPECT_EQ(db.weight.value, 0);
  EXPECT_TRUE(db.native_lb.present);
  EXPECT_FALSE(db.native_lb.value);
  EXPECT_FALSE(db.node_port_lb.present);  // absent: neither present nor invalid, no position
  EXPECT_FALSE(db.node_port_lb.invalid);
  EXPECT_FALSE(db.node_port_lb.loc.valid());
  EXPECT_TRUE(db.proxy_protocol.present);  // `{}` counts
  EXPECT_FALSE(db.proxy_protocol.value.version.present);
  EXPECT_EQ(db.termination_delay.Or(-1), 100);

  const ServiceRef& cache = route.services[1];
  ASSERT_TRUE(cache.port.present);
  EXPECT_TRUE(cache.port.value.is_string);
  EXPECT_EQ(cache.port.value.str_value, "redis");

  const ServiceRef& quoted = route.services[2];  // a quoted number is a port NAME
  ASSERT_TRUE(quoted.port.present);
  EXPECT_TRUE(quoted.port.value.is_string);
  EXPECT_EQ(quoted.port.value.ToString(), "6379");
  EXPECT_FALSE(quoted.port.value.IsZero());

  const ServiceRef& bad = route.services[3];  // wrong types: invalid, never present
  EXPECT_EQ(bad.name.value, "bad");
  EXPECT_FALSE(bad.port.present);
  EXPECT_TRUE(bad.port.invalid);
  ExpectAt(bad.port.loc, 30, 17);
  EXPECT_FALSE(bad.weight.present);
  EXPECT_TRUE(bad.weight.invalid);
  EXPECT_FALSE(bad.tls.present);
  EXPECT_TRUE(bad.tls.invalid);

  const Route& not_a_map = r.routes[1];  // kept so indexes stay aligned
  EXPECT_EQ(not_a_map.index, 1U);
  EXPECT_EQ(not_a_map.path, "/spec/routes/1");
  EXPECT_FALSE(not_a_map.match.present);
  EXPECT_FALSE(not_a_map.match.invalid);
  ExpectAt(not_a_map.loc, 33, 7);

  ASSERT_TRUE(r.tls.present);
  EXPECT_TRUE(r.tls.value.passthrough.Or(false));
  ASSERT_TRUE(r.tls.value.options.present);
  EXPECT_EQ(r.tls.value.options.value.name.value, "strict");
  EXPECT_FALSE(r.tls.value.options.value.ns.present);
  EXPECT_EQ(r.tls.value.options.value.path, "/spec/tls/options");
  EXPECT_FALSE(r.tls.value.secret_name.present);
  ASSERT_EQ(r.tls.value.domains.size(), 1U);
  EXPECT_EQ(r.tls.value.domains[0].main, "example.com");
  EXPECT_EQ(r.tls.value.domains[0].sans, (std::vector<std::string>{"a.example.com"}));
}

TEST(DecodeIngressRouteTCP, ListItemsNullsAndGenerateName) {
  auto loaded = Load(R"(apiVersion: v1
kind: List
items:
  - apiVersion: traefik.io/v1alpha1
    kind: IngressRouteTCP
    metadata:
      generateName: gen-
    spec:
      tls: null
      routes:
        - match: HostSNI(`b`)
          priority: null
          services: [{name: s, port: 0}]
)");
  const Object& object = loaded->Only(Kind::kIngressRouteTCP);
  EXPECT_EQ(object.path_prefix, "/items/0");
  IngressRouteTCP r = DecodeIngressRouteTCP(object);
  EXPECT_EQ(r.IngressName(), "gen-");
  EXPECT_FALSE(r.tls.present);  // null counts as absent
  EXPECT_FALSE(r.tls.invalid);
  EXPECT_FALSE(r.entry_points.present);
  ASSERT_EQ(r.routes.size(), 1U);
  EXPECT_EQ(r.routes[0].path, "/items/0/spec/routes/0");
  EXPECT_FALSE(r.routes[0].priority.present);
  EXPECT_FALSE(r.routes[0].priority.invalid);
  ExpectAt(r.routes[0].priority.loc, 12, 11);  // a null value points at its key
  ASSERT_EQ(r.routes[0].services.size(), 1U);
  EXPECT_EQ(r.routes[0].services[0].path, "/items/0/spec/routes/0/services/0");
  ASSERT_TRUE(r.routes[0].services[0].port.present);
  EXPECT_TRUE(r.routes[0].services[0].port.value.IsZero());  // "port not defined"
}

TEST(DecodeIngressRouteHttp, TlsSecretAndClass) {
  auto loaded = Load(R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: web}
spec:
  ingressClassName: traefik
  tls: {secretName: web-cert}
)");
  IngressRouteHttp r = DecodeIngressRouteHttp(loaded->Only(Kind::kIngressRoute));
  EXPECT_EQ(r.ingress_class_name.Or(""), "traefik");
  EXPECT_FALSE(r.ingress_class_annotation.present);
  ASSERT_TRUE(r.tls.present);
  EXPECT_EQ(r.tls.value.secret_name.Or(""), "web-cert");
  ExpectAt(r.tls.value.secret_name.loc, 6, 21);
}

TEST(DecodeMiddlewareTCP, KnownMiddlewaresAndMixedLists) {
  auto loaded = Load(R"(apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: mw}
spec:
  inFlightConn: {amount: 10}
  ipWhiteList:
    sourceRange: ["10.0.0.0/8", 7]
)");
  MiddlewareTCP m = DecodeMiddlewareTCP(loaded->Only(Kind::kMiddlewareTCP));
  ASSERT_TRUE(m.in_flight_conn.present);
  EXPECT_EQ(m.in_flight_conn.value.amount.Or(0), 10);
  EXPECT_FALSE(m.ip_allow_list.present);
  ASSERT_TRUE(m.ip_white_list.present);
  const Field<std::vector<std::string>>& range = m.ip_white_list.value.source_range;
  EXPECT_TRUE(range.present);  // a list, with one item of the wrong type skipped
  EXPECT_TRUE(range.invalid);
  EXPECT_EQ(range.value, (std::vector<std::string>{"10.0.0.0/8"}));
}

TEST(DecodeServersTransportTCP, DurationsAndTls) {
  auto loaded = Load(R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransportTCP
metadata: {name: st}
spec:
  dialTimeout: 30s
  dialKeepAlive: 15
  terminationDelay: [x]
  proxyProtocol: {version: 2}
  tls:
    serverName: db.internal
    insecureSkipVerify: true
    rootCAs:
      - secret: ca
      - configMap: ca-cm
      - not-a-map
    certificatesSecrets: [client]
    spiffe: {ids: ["spiffe://x/y"], trustDomain: x}
)");
  ServersTransportTCP st = DecodeServersTransportTCP(loaded->Only(Kind::kServersTransportTCP));
  ASSERT_TRUE(st.dial_timeout.present);
  EXPECT_TRUE(st.dial_timeout.value.is_string);
  EXPECT_EQ(st.dial_timeout.value.str_value, "30s");
  ASSERT_TRUE(st.dial_keep_alive.present);
  EXPECT_FALSE(st.dial_keep_alive.value.is_string);
  EXPECT_EQ(st.dial_keep_alive.value.int_value, 15);
  EXPECT_TRUE(st.termination_delay.invalid);
  EXPECT_EQ(st.proxy_protocol.value.version.Or(0), 2);
  ASSERT_TRUE(st.tls.present);
  const TransportTlsSpec& tls = st.tls.value;
  EXPECT_EQ(tls.server_name.Or(""), "db.internal");
  EXPECT_TRUE(tls.insecure_skip_verify.Or(false));
  ASSERT_EQ(tls.root_cas.size(), 2U);
  EXPECT_EQ(tls.root_cas[0].secret.Or(""), "ca");
  EXPECT_FALSE(tls.root_cas[0].config_map.present);
  EXPECT_EQ(tls.root_cas[1].config_map.Or(""), "ca-cm");
  ExpectAt(tls.root_cas[1].loc, 14, 9);
  EXPECT_EQ(tls.certificates_secrets.value, (std::vector<std::string>{"client"}));
  EXPECT_FALSE(tls.root_cas_secrets.present);
  ASSERT_TRUE(tls.spiffe.present);
  EXPECT_EQ(tls.spiffe.value.ids.value, (std::vector<std::string>{"spiffe://x/y"}));
  EXPECT_EQ(tls.spiffe.value.trust_domain.Or(""), "x");
}

TEST(DecodeTLSOption, FieldsAndWrongTypes) {
  auto loaded = Load(R"(apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: opts}
spec:
  minVersion: VersionTLS12
  cipherSuites: [TLS_AES_128_GCM_SHA256]
  clientAuth:
    secretNames: [ca]
    clientAuthType: RequireAndVerifyClientCert
  sniStrict: "true"
  alpnProtocols: [h2]
)");
  TLSOption o = DecodeTLSOption(loaded->Only(Kind::kTLSOption));
  EXPECT_EQ(o.min_version.Or(""), "VersionTLS12");
  EXPECT_FALSE(o.max_version.present);
  EXPECT_EQ(o.cipher_suites.value, (std::vector<std::string>{"TLS_AES_128_GCM_SHA256"}));
  ASSERT_TRUE(o.client_auth.present);
  EXPECT_EQ(o.client_auth.value.secret_names.value, (std::vector<std::string>{"ca"}));
  EXPECT_EQ(o.client_auth.value.client_auth_type.Or(""), "RequireAndVerifyClientCert");
  EXPECT_FALSE(o.sni_strict.present);  // a quoted "true" is a string, not a boolean
  EXPECT_TRUE(o.sni_strict.invalid);
  ExpectAt(o.sni_strict.loc, 10, 14);
  EXPECT_EQ(o.alpn_protocols.value, (std::vector<std::string>{"h2"}));
}

TEST(DecodeTLSStore, DefaultCertificateAndGeneratedCert) {
  auto loaded = Load(R"(apiVersion: traefik.io/v1alpha1
kind: TLSStore
metadata: {name: default}
spec:
  defaultCertificate: {secretName: default-cert}
  defaultGeneratedCert:
    resolver: le
    domain: {main: example.com, sans: [www.example.com]}
  certificates:
    - secretName: one
    - not-a-map
    - secretName: two
)");
  TLSStore s = DecodeTLSStore(loaded->Only(Kind::kTLSStore));
  EXPECT_TRUE(s.default_certificate_present);
  EXPECT_EQ(s.default_certificate_secret.Or(""), "default-cert");
  ASSERT_TRUE(s.default_generated_cert.present);
  EXPECT_EQ(s.default_generated_cert.value.resolver.Or(""), "le");
  ASSERT_TRUE(s.default_generated_cert.value.domain.present);
  EXPECT_EQ(s.default_generated_cert.value.domain.value.main, "example.com");
  EXPECT_EQ(s.default_generated_cert.value.domain.value.sans,
            (std::vector<std::string>{"www.example.com"}));
  ASSERT_EQ(s.certificates.size(), 2U);
  EXPECT_EQ(s.certificates[0].value, "one");
  EXPECT_EQ(s.certificates[1].value, "two");
  ExpectAt(s.certificates[1].loc, 12, 19);

  auto empty = Load(R"(apiVersion: traefik.io/v1alpha1
kind: TLSStore
metadata: {name: default}
spec: {}
)");
  TLSStore e = DecodeTLSStore(empty->Only(Kind::kTLSStore));
  EXPECT_FALSE(e.default_certificate_present);
  EXPECT_FALSE(e.default_certificate_secret.present);
  EXPECT_FALSE(e.default_generated_cert.present);
  EXPECT_TRUE(e.certificates.empty());
}

}  // namespace
}  // namespace irtcp::model
