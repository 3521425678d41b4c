// The example of every finding kind: a small input that triggers it, run live by
// `irtcp explain CODE` (core/explain/rules.cc) under the file name "example.yaml", so the
// finding shown is the one irtcp produces today. tests/explain_test.cc checks that every
// registered code has an example and that the example reports that code.
#include <array>

#include "core/explain/rules.h"

namespace irtcp::explain {

namespace {

// A Service the IngressRouteTCP examples point at, so that reference checks do not fire.
#define IRTCP_DB_SERVICE                                   \
  "apiVersion: v1\n"                                       \
  "kind: Service\n"                                        \
  "metadata: {name: db, namespace: apps}\n"                \
  "spec:\n"                                                \
  "  clusterIP: 10.96.0.10\n"                              \
  "  ports: [{name: pg, port: 5432, targetPort: 15432}]\n" \
  "---\n"

constexpr std::array kExamples{
    RuleExample{"IRT001",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n"
                "  name: db\n   namespace: apps\n"},
    RuleExample{"IRT002", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n"},
    RuleExample{"IRT003",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - kind: Rule\n      match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT004",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT005",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                "- just\n- a list\n"},
    RuleExample{"IRT006",
                "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c]\n"
                "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e]\n"
                "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g]\n"
                "apiVersion: v1\nkind: ConfigMap\n"},
    RuleExample{"IRT007",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTcp\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  routes:\n"
                "    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT008",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  routes:\n"
                "    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n",
                "", "--max-file-size 64", 64},
    RuleExample{"IRT009",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata:\n  name: {{ .Release.Name }}-db\nspec:\n  routes:\n"
                "    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT010",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: postgres\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT011",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT012",
                "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\n"
                "metadata: {name: modern, namespace: apps}\nspec:\n  clientAuth:\n"
                "    clientAuthType: RequireClientCert\n"},
    RuleExample{"IRT013",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services:\n"
                "        - {name: db, port: 5432, proxyProtocol: {version: 3}}\n"},
    RuleExample{"IRT014",
                "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\n"
                "metadata: {name: slow, namespace: apps}\nspec:\n  dialTimeout: 10 seconds\n"},
    RuleExample{"IRT015",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: DB_Route, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT016",
                "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\n"
                "metadata: {name: backend, namespace: apps}\nspec:\n  tls:\n"
                "    rootCAs: [{secret: ca, configMap: ca}]\n"},
    RuleExample{"IRT017",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata:\n  name: db\n  namespace: apps\n  labels: {replicas: 3}\nspec:\n"
                "  entryPoints: [postgres]\n  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT018",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata:\n  name: db\n  namespace: apps\n  labels: {team: data platform}\n"
                "spec:\n  entryPoints: [postgres]\n  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT019", "", "", "", 0,
                "the bundled CRDs use no schema keyword beyond those of IRT010-IRT016; IRT019 "
                "comes from a CRD given with --crd (minLength, maxItems, oneOf, ...)"},
    RuleExample{"IRT020",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, nodePortLB: true}]\n",
                "", "--traefik-version 3.0"},
    RuleExample{"IRT021",
                "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\n"
                "metadata: {name: tls, namespace: apps}\nspec:\n  dialTimeout: 10s\n",
                "", "--traefik-version 2.11"},
    RuleExample{"IRT022", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
                "metadata: {name: limit, namespace: apps}\nspec: {inFlightConn: {amount: 10}}\n"
                "---\napiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
                "metadata: {name: limit, namespace: apps}\nspec: {inFlightConn: {amount: 50}}\n"},
    RuleExample{"IRT101",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT102",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: Host(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT103",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`a.example.com`, `b.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT104",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT105",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: |\n        HostSNI(`a.example.com`)\n"
                "        || HostSNI(`b.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT106",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNIRegexp(`^(a|b\\.example\\.com$`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT107",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: ClientIP(`10.0.0.0/33`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT108",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`) && ALPN(`acme-tls/1`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT109",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: \"\"\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT110",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      priority: 9223372036854774808\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT111",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`a.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"
                "    - match: HostSNI(`a.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT112",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`example.com/db`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT113",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`b\xc3\xbc"
                "cher.example`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT114",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: ClientIP(``)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT115",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`) && ALPN(`postgresql`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT116",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`10.0.0.1`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT117",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com:5432`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT118",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db_1.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT119",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNIRegexp(`{sub:[a-z]+}.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT120",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNIRegexp(`db\\.example\\.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT121",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNIRegexp(`^DB\\.example\\.com$`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT122",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`a.example.com`, `b.example.com`)\n"
                "      syntax: v2\n      services: [{name: db, port: 5432}]\n"
                "  tls: {passthrough: true}\n"},
    RuleExample{"IRT123",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*.example.com`)\n      priority: 100\n"
                "      services: [{name: db, port: 5432}]\n"
                "    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {passthrough: true}\n"},
    RuleExample{"IRT124",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: ClientIP(`10.0.0.0/8`)\n"
                "      services: [{name: db, port: 5432}]\n"
                "    - match: ClientIP(`10.1.0.0/9`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT125", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [web]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT201",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"
                "  tls:\n    passthrough: true\n    secretName: db-cert\n"},
    RuleExample{"IRT202",
                "apiVersion: v1\nkind: Secret\nmetadata: {name: other-cert, namespace: apps}\n"
                "type: kubernetes.io/tls\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {secretName: db-cert}\n"},
    RuleExample{"IRT203",
                "apiVersion: v1\nkind: Secret\nmetadata: {name: db-cert, namespace: apps}\n"
                "type: kubernetes.io/tls\nstringData: {tls.crt: not a certificate}\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n  tls: {secretName: db-cert}\n"},
    RuleExample{"IRT204",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"
                "  tls: {certResolver: le}\n"},
    RuleExample{"IRT205",
                "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\n"
                "metadata: {name: modern, namespace: apps}\nspec: {minVersion: VersionTLS13}\n"
                "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"
                "  tls: {options: {name: modrn}}\n"},
    RuleExample{"IRT206", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`db.example.com`)\n"
                "      services: [{name: db, port: 5432}]\n"
                "  tls:\n    store: {name: internal}\n"},
    RuleExample{"IRT301",
                "apiVersion: v1\nkind: Service\nmetadata: {name: cache, namespace: apps}\n"
                "spec:\n  ports: [{port: 6379}]\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT302", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 15432}]\n"},
    RuleExample{"IRT303",
                "apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: apps}\n"
                "spec: {type: ExternalName, externalName: db.example.com}\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: ext, port: 5432}]\n"},
    RuleExample{"IRT304",
                "apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: apps}\n"
                "spec:\n  type: ExternalName\n  externalName: db.example.com\n"
                "  ports: [{port: 5432}]\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: ext, port: 6543}]\n",
                "providers:\n  kubernetesCRD:\n    allowExternalNameServices: true\n"},
    RuleExample{"IRT305", IRTCP_DB_SERVICE
                "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n"
                "metadata:\n  name: db-1\n  namespace: apps\n"
                "  labels: {kubernetes.io/service-name: db}\naddressType: IPv4\n"
                "ports: [{name: pg, port: 15432}]\n"
                "endpoints: [{addresses: [10.0.0.1], conditions: {ready: false}}]\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT306",
                "apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: apps}\n"
                "spec:\n  clusterIP: None\n  ports: [{port: 5432}]\n---\n"
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, nativeLB: true}]\n"},
    RuleExample{"IRT307", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, nodePortLB: true}]\n"},
    RuleExample{"IRT308",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, terminationDelay: 400}]\n"},
    RuleExample{"IRT309",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services:\n"
                "        - {name: db, port: 5432, weight: 0}\n"
                "        - {name: db-replica, port: 5432, weight: 0}\n"},
    RuleExample{"IRT310",
                "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\n"
                "metadata: {name: pp, namespace: apps}\nspec: {proxyProtocol: {version: 2}}\n"
                "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, serversTransport: apps-pp}]\n"},
    RuleExample{"IRT311", IRTCP_DB_SERVICE
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432, weight: 0}]\n"},
    RuleExample{"IRT401",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, namespace: data, port: 5432}]\n"},
    RuleExample{"IRT402",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      middlewares: [{name: limit@file}]\n"
                "      services: [{name: db, port: 5432}]\n",
                "providers:\n  kubernetesCRD:\n    crossProviderNamespaces: [infra]\n"},
    RuleExample{"IRT403",
                "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
                "metadata: {name: limit, namespace: apps}\nspec: {inFlightConn: {amount: 10}}\n"
                "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      middlewares: [{name: limt}]\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT404",
                "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT405",
                "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
                "metadata: {name: office, namespace: apps}\n"
                "spec:\n  ipWhiteList: {sourceRange: [10.0.0.0/8]}\n"},
    RuleExample{"IRT406",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgress]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n",
                "entryPoints:\n  postgres: {address: ':5432'}\n"},
    RuleExample{"IRT407",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n",
                "entryPoints:\n  web: {address: ':80'}\n  postgres: {address: ':5432'}\n"},
    RuleExample{"IRT408",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n",
                "providers:\n  kubernetesCRD:\n    namespaces: [infra]\n"},
    RuleExample{"IRT409",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps-main}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"
                "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: main-db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT410",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n"
                "  name: db\n  namespace: apps\n"
                "  annotations: {kubernetes.io/ingress.class: traefik}\nspec:\n"
                "  entryPoints: [postgres]\n  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432}]\n"},
    RuleExample{"IRT411",
                "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRouteTCP\n"
                "metadata: {name: db, namespace: apps}\nspec:\n  entryPoints: [postgres]\n"
                "  routes:\n    - match: HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n",
                "", "--traefik-version 2.11"},
    RuleExample{"IRT412",
                "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
                "metadata: {name: office, namespace: apps}\n"
                "spec:\n  ipAllowList: {sourceRange: [10.0.0.0/8, 10.0.0.300/32]}\n"},
    RuleExample{"IRT490",
                "apiVersion: traefik.io/v1alpha1\nkind: TLSStore\n"
                "metadata: {name: default, namespace: apps}\n"
                "spec:\n  defaultCertificate: {secretName: missing-cert}\n"},
    RuleExample{"IRT501", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT502", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT503", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT504", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT505", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT506", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT507", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT508", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT509", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT510", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT511", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT512", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT513", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT514", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT515", "", "", "", 0,
                "reported by `irtcp render --to gateway-api`, not by validate: see the README "
                "section \"Migrating to Gateway API\" and testdata/render/gateway-*"},
    RuleExample{"IRT901",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n"
                "  name: db\n  namespace: apps\n  annotations: {irtcp.io/ignore: IRT104}\n"
                "spec:\n  entryPoints: [postgres]\n  routes:\n    - match: HostSNI(`*`)\n"
                "      services: [{name: db, port: 5432}]\n"},
};

#undef IRTCP_DB_SERVICE

}  // namespace

std::span<const RuleExample> RuleExamples() { return kExamples; }

const RuleExample* FindExample(std::string_view code) {
  for (const RuleExample& e : kExamples) {
    if (e.code == code) {
      return &e;
    }
  }
  return nullptr;
}

}  // namespace irtcp::explain
