// Traefik's TCP conformance cases that need a live proxy (testdata/conformance/traefik/rule-cases:
// priority.yml entrypoint_routing, lb.yml, middleware.yml, transport.yml, clienthello.yml), run
// through the proxy of `irtcp serve` over real loopback sockets. Each item either runs, with the
// expectation its file states, or is listed below as skipped with the reason; a test counts both,
// so an item can neither vanish nor be skipped silently.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "core/proxy/client_hello.h"
#include "core/proxy/proxy_header.h"
#include "core/proxy/testing.h"
#include "core/proxy/tls.h"
#include "core/proxy/tls_testing.h"
#include "tests/golden.h"

namespace irtcp::proxy {
namespace {

using namespace proxytest;  // NOLINT(google-build-using-namespace): the test helpers
using namespace std::chrono_literals;

YAML::Node Cases(const std::string& file) {
  return YAML::LoadFile(
      (irtcp::testing::TestdataDir() / "conformance/traefik/rule-cases" / file).string());
}

/// A YAML block scalar of `text`, indented by `indent` spaces.
std::string Block(const std::string& text, int indent) {
  std::string out = "|\n";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out += std::string(static_cast<std::size_t>(indent), ' ') + line + "\n";
  }
  return out;
}

/// A kubernetes.io/tls Secret in namespace t holding the test PKI's NAME.crt and NAME.key.
std::string TlsSecret(const std::string& name, const std::string& pki) {
  return "apiVersion: v1\nkind: Secret\nmetadata: {name: " + name +
         ", namespace: t}\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: " +
         Block(BackendPki(pki + ".crt"), 4) + "  tls.key: " + Block(BackendPki(pki + ".key"), 4) +
         "---\n";
}

/// A Secret in namespace t whose tls.ca is the test PKI's CA certificate.
std::string CaSecret(const std::string& name) {
  return "apiVersion: v1\nkind: Secret\nmetadata: {name: " + name +
         ", namespace: t}\nstringData:\n  tls.ca: " + Block(BackendPki("ca.crt"), 4) + "---\n";
}

/// Items skipped, with why. Everything else in the five files runs.
const std::map<std::string, std::string>& Skipped() {
  static const auto* skipped = new std::map<std::string, std::string>{
      {"router_test/Test_Routing#1",
       "needs Traefik's HTTP server, HTTPS fallback and ACME handler"},
      {"router_test/Test_Routing#2", "needs the ACME TLS-ALPN handler (serve has none)"},
      {"router_test/Test_Routing#5", "an HTTP router: serve has no HTTP server"},
      {"router_test/Test_Routing#8", "an HTTPS router: serve has no HTTPS server"},
      {"router_test/Test_Routing#9", "an HTTPS router: serve has no HTTPS server"},
      {"router_test/Test_Routing#11", "an HTTP router (and TLS termination)"},
      {"router_test/Test_Routing#12",
       "an HTTPS router on the entry point (disables the fast path)"},
      {"router_test/Test_Routing#13", "an HTTPS router (and TLS termination)"},
      {"router_test/Test_Routing#14", "an HTTPS router"},
      {"router_test/Test_Routing#15", "an HTTPS router (and TLS termination)"},
      {"router_test/Test_Routing#17", "HTTPS routers only"},
      {"router_test/Test_Routing#18", "HTTP and HTTPS routers (and TLS termination)"},
      {"wrr_load_balancer_test/TestWRRLoadBalancer_NoServiceUp",
       "server health (SetStatus): IngressRouteTCP has no TCP health check; unit-tested in "
       "wrr_test.cc"},
      {"wrr_load_balancer_test/TestWRRLoadBalancer_OneServerDown", "server health; wrr_test.cc"},
      {"wrr_load_balancer_test/TestWRRLoadBalancer_DownThenUp", "server health; wrr_test.cc"},
      {"wrr_load_balancer_test/TestWRRLoadBalancer_Propagate",
       "health propagation between balancers; wrr_test.cc"},
      {"dialer_test/TestConflictingConfig", "SPIFFE (needs a SPIFFE workload API)"},
      {"dialer_test/TestSpiffeMTLS#1", "SPIFFE"},
      {"dialer_test/TestSpiffeMTLS#2", "SPIFFE"},
      {"dialer_test/TestSpiffeMTLS#3", "SPIFFE"},
      {"dialer_test/TestSpiffeMTLS#4", "SPIFFE"},
      {"dialer_test/TestSpiffeMTLS#5", "SPIFFE"},
      {"dialer_test/TestSpiffeMTLS#6", "SPIFFE"},
      {"dialer_test/TestPeerCertSANs#1",
       "peerCertSANs: the CRD provider does not copy it for TCP (provider.md §13), so no "
       "manifest reaches it"},
      {"dialer_test/TestPeerCertSANs#2", "peerCertSANs: not copied for TCP (provider.md §13)"},
      {"router_test/Test_Router_acmeTLSALPNHandlerTimeout", "no ACME TLS-ALPN handler in serve"},
  };
  return *skipped;
}

/// Test_Routing's backend "tcp": reads with a 200 ms deadline and answers TCP-CLIENT-FIRST if
/// the client sent something, TCP-SERVER-FIRST otherwise, then closes.
void RoutingBackend(int c) {
  timeval tv{0, 200'000};
  ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[4096];
  ssize_t n = ::recv(c, buf, sizeof buf, 0);
  SendAll(c, n > 0 ? "TCP-CLIENT-FIRST" : "TCP-SERVER-FIRST");
}

std::string RoutingManifest(const std::vector<std::string>& routers) {
  std::string out = R"(apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: default, namespace: t}
spec: {minVersion: VersionTLS10, maxVersion: VersionTLS10}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: tls10, namespace: t}
spec: {minVersion: VersionTLS10, maxVersion: VersionTLS10}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: tls12, namespace: t}
spec: {minVersion: VersionTLS12, maxVersion: VersionTLS12}
---
)" + TlsSecret("foobar", "foobar");
  for (const std::string& r : routers) {
    if (r == "tcp-catchall") {
      out += R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: tcp-catchall, namespace: t}
spec:
  entryPoints: [web]
  routes: [{match: HostSNI(`*`), services: [{name: tcp, port: 1}]}]
---
)";
    } else if (r == "tcp-tls-catchall-passthrough") {
      out += R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: tcp-tls-catchall-passthrough, namespace: t}
spec:
  entryPoints: [web]
  routes: [{match: HostSNI(`*`), services: [{name: tcp, port: 1}]}]
  tls: {passthrough: true}
---
)";
    } else if (r == "tcp-tls-catchall" || r == "tcp-tls") {
      // Terminating routers with the fixture's options (tls10 = TLS 1.0 only, tls12 = 1.2
      // only) and its one certificate, for foo.bar.
      const bool catchall = r == "tcp-tls-catchall";
      out +=
          "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: " + r +
          ", namespace: t}\nspec:\n  entryPoints: [web]\n  routes: [{match: HostSNI(`" +
          (catchall ? "*" : "foo.bar") +
          "`), services: [{name: tcp, port: 1}]}]\n  tls: {secretName: foobar, options: {name: " +
          (catchall ? "tls10" : "tls12") + "}}\n---\n";
    } else if (r == "http") {
      // An HTTP router does not change TCP routing (it does not disable the fast path); serve
      // has none, so it is left out.
    } else {
      ADD_FAILURE() << "router fixture " << r << " is not modelled";
    }
  }
  return out;
}

TEST(ProxyConformance, EntrypointRouting) {
  int ran_items = 0;
  int ran_checks = 0;
  for (const YAML::Node& item : Cases("priority.yml")) {
    if (item["kind"].as<std::string>("") != "entrypoint_routing" &&
        !item["allow_acme_tls_passthrough"]) {
      continue;
    }
    const std::string id = item["id"].as<std::string>();
    if (Skipped().count(id) != 0) {
      continue;
    }
    SCOPED_TRACE(id);
    Backend backend(64, RoutingBackend);
    ServeOptions o;
    o.mappings = {Map("t/tcp:1", backend.address())};
    o.read_timeout = 0ms;  // the fixture's entry point has no read timeout
    Harness h(RoutingManifest(item["routers"].as<std::vector<std::string>>()), o, {"web"});
    for (const YAML::Node& check : item["checks"]) {
      const std::string what = check["check"].as<std::string>();
      const std::string expect = check["expect"].as<std::string>();
      SCOPED_TRACE(what);
      int c = Dial(h.Address("web"));
      if (what == "tcp_client_first") {
        SendAll(c, "HELLO");
      } else if (what == "http") {
        SendAll(c, "GET / HTTP/1.1\r\nHost: foo.bar\r\n\r\n");
      } else if (what == "acme_tls") {
        SendAll(c, BuildClientHello("foo.bar", {"acme-tls/1"}));
      } else if (what == "tcp_tls10" || what == "tcp_tls12") {
        std::string got;
        std::string version = TlsVersionClient(c, "foo.bar", &got);
        ::close(c);
        std::string want = what == "tcp_tls10" ? "TLSv1" : "TLSv1.2";
        if (expect == "ok") {
          EXPECT_EQ(version, want);
          EXPECT_EQ(got, "TCP-CLIENT-FIRST");
        } else {
          EXPECT_EQ(expect, "wrong TLS version");
          EXPECT_NE(version, want);  // the route's options chose the other version
          EXPECT_FALSE(version.empty()) << "the handshake failed instead";
        }
        ++ran_checks;
        continue;
      } else if (what != "tcp_server_first") {
        ADD_FAILURE() << "check " << what << " is not modelled";
      }
      std::string reply = ReadAll(c);
      ::close(c);
      if (expect == "ok") {
        EXPECT_EQ(reply, what == "tcp_server_first" ? "TCP-SERVER-FIRST" : "TCP-CLIENT-FIRST");
      } else if (expect == "malformed HTTP response" ||
                 expect == "tls: first record does not look like a TLS handshake") {
        // The client got the TCP backend's clear-text answer instead of HTTP or a ServerHello.
        EXPECT_EQ(reply, "TCP-CLIENT-FIRST");
      } else {
        ADD_FAILURE() << "expectation " << expect << " is not modelled";
      }
      ++ran_checks;
    }
    ++ran_items;
  }
  // #3, #4, #6, #7, #10 and #16 run (12 checks); the other 12 items need HTTP/HTTPS routers or
  // the ACME handler.
  EXPECT_EQ(ran_items, 6);
  EXPECT_EQ(ran_checks, 12);
}

TEST(ProxyConformance, WeightedRoundRobin) {
  int ran = 0;
  for (const YAML::Node& item : Cases("lb.yml")) {
    const std::string id = item["id"].as<std::string>();
    if (Skipped().count(id) != 0) {
      continue;
    }
    SCOPED_TRACE(id);
    std::string manifest = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: lb, namespace: t}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      services:
)";
    for (const auto& kv : item["servers"]) {
      manifest += "        - {name: " + kv.first.as<std::string>() +
                  ", port: 1, weight: " + std::to_string(kv.second.as<int>()) + "}\n";
    }
    ServeOptions o;
    o.stub_backends = true;
    Harness h(manifest, o, {"plain"});
    std::map<std::string, int> writes;
    int closes = 0;
    for (int i = 0; i < item["calls"].as<int>(); ++i) {
      int c = Dial(h.Address("plain"));
      std::string line = ReadLines(c, 1);
      ::close(c);
      if (line.empty()) {
        ++closes;
        continue;
      }
      // "irtcp-stub t/h1 -\n"
      writes[line.substr(13, line.find(' ', 13) - 13)]++;
    }
    std::map<std::string, int> want;
    for (const auto& kv : item["expect_writes"]) {
      want[kv.first.as<std::string>()] = kv.second.as<int>();
    }
    EXPECT_EQ(writes, want);
    EXPECT_EQ(closes, item["expect_closes"].as<int>());
    ++ran;
  }
  EXPECT_EQ(ran, 5);
}

TEST(ProxyConformance, Middlewares) {
  int ran = 0;
  for (const YAML::Node& item : Cases("middleware.yml")) {
    const std::string id = item["id"].as<std::string>();
    if (Skipped().count(id) != 0) {
      continue;
    }
    SCOPED_TRACE(id);
    const std::string kind = item["middleware"].as<std::string>();
    std::string spec;
    if (kind == "inFlightConn") {
      spec = "inFlightConn: {amount: " + item["config"]["amount"].as<std::string>() + "}";
    } else {
      std::string list;
      for (const YAML::Node& r : item["config"]["sourceRange"]) {
        list += list.empty() ? "" : ", ";
        list += r.as<std::string>();
      }
      spec = kind;
      spec.append(": {sourceRange: [").append(list).append("]}");
    }
    std::string manifest = R"(apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: mw, namespace: t}
spec:
  )" + spec + R"(
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: t}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      middlewares: [{name: mw}]
      services: [{name: s, port: 1}]
)";
    Backend backend(16, [](int c) {
      SendAll(c, "OK");
      ReadAll(c);
    });
    ServeOptions o;
    o.mappings = {Map("t/s:1", backend.address())};
    // The remote addresses of the cases come in PROXY headers from a trusted loopback sender.
    o.listen = {{"plain", "127.0.0.1", 0, {"127.0.0.1/32"}, {}}};
    Harness h(manifest, o, {"plain"});
    auto connect_as = [&](const std::string& remote) {
      int c = Dial(h.Address("plain"));
      SendAll(c, BuildProxyHeader(1, remote, "127.0.0.1:1"));
      return c;
    };
    auto read_some = [](int c) {
      char buf[16];
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    };
    if (item["valid"]) {
      // Constructor cases: a valid middleware forwards; an invalid one is Traefik's build error.
      int c = connect_as("10.10.10.10:1");
      std::string got = read_some(c);
      ::close(c);
      if (item["valid"].as<bool>()) {
        EXPECT_EQ(got, "OK");
      } else {
        EXPECT_EQ(got, "");
        EXPECT_NE(h.log().find(item["derived_error"].as<std::string>()), std::string::npos)
            << h.log();
      }
    } else if (item["steps"]) {
      std::map<std::string, int> open;
      for (const YAML::Node& step : item["steps"]) {
        if (step["release"]) {
          ::close(open[step["release"].as<std::string>()]);
          std::this_thread::sleep_for(200ms);  // the proxy sees the close and releases
          continue;
        }
        int c = connect_as(step["remoteAddr"].as<std::string>());
        std::string got = read_some(c);
        EXPECT_EQ(got, step["expect"].as<std::string>() == "forwarded" ? "OK" : "")
            << step["conn"].as<std::string>();
        open[step["conn"].as<std::string>()] = c;
      }
      for (auto& [name, fd] : open) {
        ::close(fd);
      }
    } else {
      int c = connect_as(item["remoteAddr"].as<std::string>());
      std::string got = read_some(c);
      ::close(c);
      EXPECT_EQ(got, item["client_reads"].as<std::string>());
      EXPECT_EQ(got.empty(), item["expect"].as<std::string>() == "closed");
    }
    ++ran;
  }
  EXPECT_EQ(ran, 11);
}

/// transport.yml items with `server_tls: true`: the same ping server behind TLS (the test PKI of
/// testdata/serve/backend-tls), the route's service with `tls: true`, the item's transport `tls`
/// as a ServersTransportTCP with its CA and client certificate in Secrets.
void RunTransportTls(const YAML::Node& item) {
  const YAML::Node tls = item["transport"]["tls"];
  const bool mtls = static_cast<bool>(tls["certificates"]);
  const bool require_cert = mtls || static_cast<bool>(item["require_client_cert"]);
  TlsPingResult seen;
  Backend backend(1, [&](int c) { seen = TlsPingServer(c, require_cert); });
  std::string spec = "  tls:\n";
  if (tls["serverName"]) {
    spec += "    serverName: " + tls["serverName"].as<std::string>() + "\n";
  }
  if (tls["insecureSkipVerify"]) {
    spec += "    insecureSkipVerify: " + tls["insecureSkipVerify"].as<std::string>() + "\n";
  }
  if (tls["rootCAs"]) {
    spec += "    rootCAs: [{secret: ca}]\n";
  }
  if (mtls) {
    spec += "    certificatesSecrets: [client]\n";
  }
  if (tls["peerCertURI"]) {
    spec += "    peerCertURI: " + tls["peerCertURI"].as<std::string>() + "\n";
  }
  if (item["transport"]["proxyProtocol"]) {
    spec += "  proxyProtocol: {version: " +
            item["transport"]["proxyProtocol"]["version"].as<std::string>() + "}\n";
  }
  std::string manifest = R"(apiVersion: v1
kind: Service
metadata: {name: ping, namespace: t}
spec: {ports: [{port: 1}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: ping-1, namespace: t, labels: {kubernetes.io/service-name: ping}}
addressType: IPv4
endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}}]
ports: [{name: "", port: 1}]
---
)" + CaSecret("ca") + TlsSecret("client", "client") +
                         R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransportTCP
metadata: {name: test, namespace: t}
spec:
)" + spec + R"(---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: t}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      services: [{name: ping, port: 1, serversTransport: test, tls: true}]
)";
  ServeOptions o;
  o.mappings = {Map("t/ping:1", backend.address())};
  o.listen = {{"plain", "127.0.0.1", 0, {"127.0.0.1/32"}, {}}};
  Harness h(manifest, o, {"plain"});
  int c = Dial(h.Address("plain"));
  if (item["client_conn"]) {
    SendAll(c, BuildProxyHeader(1, item["client_conn"]["remoteAddr"].as<std::string>(),
                                item["client_conn"]["localAddr"].as<std::string>()));
  }
  SendAll(c, "ping\n");
  std::string reply = ReadAll(c);
  ::close(c);
  YAML::Node e = item["expect"];
  SCOPED_TRACE(h.log());
  if (e["dial_error"] && e["dial_error"].as<bool>()) {
    EXPECT_EQ(reply, "");  // the handshake fails: the connection closes
    return;
  }
  EXPECT_EQ(reply, e["client_reads"] ? e["client_reads"].as<std::string>() : "PONG");
  EXPECT_TRUE(seen.handshake);
  if (tls["serverName"]) {
    EXPECT_EQ(seen.sni, tls["serverName"].as<std::string>());  // the SNI is the serverName
  }
  if (e["header_version"]) {
    EXPECT_EQ(seen.header, e["header_version"].as<std::string>() + " " +
                               e["header_source"].as<std::string>() + " " +
                               e["header_destination"].as<std::string>());
  } else {
    EXPECT_EQ(seen.header, "");
  }
}

/// transport.yml's "ping server": answers PONG to a message starting with "ping"; records the
/// PROXY header it got first, if any.
TEST(ProxyConformance, Transport) {
  int ran = 0;
  for (const YAML::Node& item : Cases("transport.yml")) {
    const std::string id = item["id"].as<std::string>();
    if (Skipped().count(id) != 0) {
      continue;
    }
    SCOPED_TRACE(id);
    if (item["server_tls"] && item["server_tls"].as<bool>()) {
      RunTransportTls(item);
      ++ran;
      continue;
    }
    std::string header;
    std::string first;
    Backend backend(3, [&](int c) {  // up to three tries (TestCloseWrite)
      std::string got;
      char buf[4096];
      while (got.find("ping") == std::string::npos) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) {
          break;
        }
        got.append(buf, static_cast<std::size_t>(n));
      }
      ProxyHeader ph = ParseProxyHeader(std::span<const std::uint8_t>(
          reinterpret_cast<const std::uint8_t*>(got.data()), got.size()));
      if (ph.status == ProxyHeaderStatus::kHeader) {
        header = std::to_string(ph.version) + " " + ph.source + " " + ph.destination;
        got.erase(0, ph.length);
      }
      first = got.substr(0, 4);
      std::this_thread::sleep_for(1ms);
      SendAll(c, "PONG");
    });
    std::string transport = "{}";
    YAML::Node t = item["transport"];
    if (t["terminationDelay"]) {
      transport = "{terminationDelay: " + t["terminationDelay"].as<std::string>() + "}";
    } else if (t["proxyProtocol"]) {
      transport =
          "{proxyProtocol: {version: " + t["proxyProtocol"]["version"].as<std::string>() + "}}";
    } else if (t["tls"] && t["tls"].size() == 0) {
      transport = "{tls: {}}";
    }
    std::string manifest = R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransportTCP
metadata: {name: test, namespace: t}
spec: )" + transport + R"(
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: t}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      services: [{name: ping, port: 1, serversTransport: test}]
)";
    ServeOptions o;
    o.mappings = {Map("t/ping:1", backend.address())};
    o.listen = {{"plain", "127.0.0.1", 0, {"127.0.0.1/32"}, {}}};
    Harness h(manifest, o, {"plain"});
    YAML::Node e = item["expect"];
    std::string reply;
    // TestCloseWrite races the backend's answer against a 10 ms terminationDelay; on a loaded
    // machine (CI runs two tests at once) the backend thread can be scheduled later than that,
    // so that item gets three tries. Every other item runs once.
    for (int attempt = 0; attempt < 3; ++attempt) {
      int c = Dial(h.Address("plain"));
      if (item["client_conn"]) {
        SendAll(c, BuildProxyHeader(1, item["client_conn"]["remoteAddr"].as<std::string>(),
                                    item["client_conn"]["localAddr"].as<std::string>()));
      }
      SendAll(c, "ping\n");
      if (id == "proxy_test/TestCloseWrite") {
        ::shutdown(c, SHUT_WR);
      }
      reply = ReadAll(c);
      ::close(c);
      if (id != "proxy_test/TestCloseWrite" || reply == e["client_reads"].as<std::string>()) {
        break;
      }
    }
    EXPECT_EQ(reply, e["client_reads"].as<std::string>());
    if (e["bytes"]) {
      EXPECT_EQ(reply.size(), e["bytes"].as<std::size_t>());
    }
    if (e["header_version"]) {
      EXPECT_EQ(header, e["header_version"].as<std::string>() + " " +
                            e["header_source"].as<std::string>() + " " +
                            e["header_destination"].as<std::string>());
    } else {
      EXPECT_EQ(header, "");
    }
    if (e["backend_receives_first"]) {
      EXPECT_EQ(first, e["backend_receives_first"].as<std::string>());
    }
    ++ran;
  }
  EXPECT_EQ(ran, 11);  // 5 in clear, 6 with TLS to the backend
}

TEST(ProxyConformance, ClientHello) {
  constexpr char kPassthrough[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: t}
spec:
  entryPoints: [web]
  routes: [{match: HostSNI(`foo.example.com`) || HostSNI(`test.localhost`), services: [{name: s, port: 1}]}]
  tls: {passthrough: true}
)";
  int ran = 0;
  for (const YAML::Node& item : Cases("clienthello.yml")) {
    const std::string id = item["id"].as<std::string>();
    if (Skipped().count(id) != 0) {
      continue;
    }
    SCOPED_TRACE(id);
    std::string received;
    Backend backend(1, [&](int c) {
      char buf[8];
      ssize_t n = ::recv(c, buf, sizeof buf, MSG_WAITALL);
      received.assign(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
      if (received == std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8)) {
        SendAll(c, "S");
      }
      SendAll(c, "OK");
      std::this_thread::sleep_for(50ms);
    });
    ServeOptions o;
    o.mappings = {Map("t/s:1", backend.address())};
    o.read_timeout = 60s;  // Traefik's default: the failures below must not need it
    Harness h(kPassthrough, o, {"web"});
    int c = Dial(h.Address("web"));
    auto start = std::chrono::steady_clock::now();
    if (item["client_sends_hex"]) {
      std::string hex = item["client_sends_hex"].as<std::string>();
      std::string bytes;
      std::istringstream in(hex);
      for (std::string b; in >> b;) {
        bytes += static_cast<char>(std::stoi(b, nullptr, 16));
      }
      SendAll(c, bytes);
      EXPECT_EQ(ReadAll(c), "");  // the error closes the connection
      EXPECT_LT(std::chrono::steady_clock::now() - start,
                std::chrono::seconds(item["expect"]["within_seconds"].as<int>()));
    } else if (id == "router_test/TestPostgresTLSTermination") {
      // The case's SNI is test.localhost; the test certificate is for db.example.com, so the
      // route and the handshake use that name. Its own proxy: a terminating route.
      ::close(c);
      Backend plain(1, [](int b) { SendAll(b, "OK\n"); });
      ServeOptions to;
      to.mappings = {Map("apps/db:5432", plain.address())};
      Harness th(irtcp::testing::ReadFileOrDie(irtcp::testing::TestdataDir() / "serve" / "tls" /
                                               "routes.yaml"),
                 to, {"websecure"});
      c = Dial(th.Address("websecure"));
      SendAll(c, std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8));
      char s = 0;
      ASSERT_EQ(::recv(c, &s, 1, 0), 1);
      EXPECT_EQ(s, 'S');
      std::string got;
      std::vector<std::string> names;
      bool name_ok = false;
      std::string err;
      EXPECT_TRUE(TlsClientExchange(c, "db.example.com", {}, "", 1, &got, &names, &name_ok, &err))
          << err;
      EXPECT_EQ(got, "OK\n");  // client_reads_after_tls: OK
      EXPECT_TRUE(name_ok);
    } else if (id == "router_test/Test_clientHelloInfo_tlsRecordFragmentation") {
      // First record carries len(serverName)/2 = 7 bytes of the handshake.
      SendAll(c, BuildClientHello("foo.example.com", {}, 7));
      EXPECT_EQ(ReadAll(c), "OK");  // routed by the SNI of the reassembled hello
    } else {
      SendAll(c, std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8));
      char s = 0;
      ASSERT_EQ(::recv(c, &s, 1, 0), 1);
      EXPECT_EQ(s, 'S');
      SendAll(c, BuildClientHello("test.localhost", {}));
      EXPECT_EQ(ReadAll(c), "OK");  // the backend's own `S` was swallowed
      EXPECT_EQ(received, std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8));
    }
    ::close(c);
    ++ran;
  }
  EXPECT_EQ(ran, 5);
}

// The other side of the transport.yml TLS items: what must fail does (so the items above
// cannot pass by skipping verification).
TEST(ProxyBackendTls, RefusesWhatGoRefuses) {
  for (const char* text : {
           // the name does not match the certificate (example.com, *.example.com, 127.0.0.1)
           "{transport: {tls: {serverName: wrong.example.org, rootCAs: [ca]}}, server_tls: true, "
           "expect: {dial_error: true}}",
           // the system roots do not know the test CA
           "{transport: {tls: {serverName: example.com}}, server_tls: true, "
           "expect: {dial_error: true}}",
           // neither serverName nor insecureSkipVerify: Go refuses the config
           "{transport: {tls: {rootCAs: [ca]}}, server_tls: true, expect: {dial_error: true}}",
           // the backend wants a client certificate and gets none
           "{transport: {tls: {serverName: example.com, rootCAs: [ca]}}, server_tls: true, "
           "require_client_cert: true, expect: {dial_error: true}}",
       }) {
    SCOPED_TRACE(text);
    RunTransportTls(YAML::Load(text));
  }
}

// Both sides at once: the route terminates the client's TLS and dials its backend with TLS.
TEST(ProxyBackendTls, TerminateThenTlsToTheBackend) {
  TlsPingResult seen;
  Backend backend(1, [&](int c) { seen = TlsPingServer(c, false); });
  std::string manifest =
      CaSecret("ca") + TlsSecret("foobar", "foobar") + R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransportTCP
metadata: {name: test, namespace: t}
spec: {tls: {serverName: example.com, rootCAs: [{secret: ca}]}}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: r, namespace: t}
spec:
  entryPoints: [websecure]
  routes:
    - match: HostSNI(`foo.bar`)
      services: [{name: ping, port: 1, serversTransport: test, tls: true}]
  tls: {secretName: foobar}
)";
  ServeOptions o;
  o.mappings = {Map("t/ping:1", backend.address())};
  Harness h(manifest, o, {"websecure"});
  int c = Dial(h.Address("websecure"));
  std::string reply;
  EXPECT_EQ(TlsVersionClient(c, "foo.bar", &reply, "ping\n"), "TLSv1.2");
  ::close(c);
  EXPECT_EQ(reply, "PONG") << h.log();
  EXPECT_TRUE(seen.handshake);
  EXPECT_EQ(seen.sni, "example.com");
}

// TLSOption fields beyond versions and ALPN (rules.md §7.3): cipherSuites, curvePreferences and
// clientAuth, each on its own router of one terminating entry point.
TEST(ProxyTlsOptions, CipherSuitesCurvesAndClientAuth) {
  Backend backend(8, RoutingBackend);
  std::string manifest =
      TlsSecret("foobar", "foobar") + CaSecret("clients") + R"(apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: ciphers, namespace: t}
spec:
  maxVersion: VersionTLS12
  cipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: curves, namespace: t}
spec: {curvePreferences: [CurveP384]}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: mtls, namespace: t}
spec:
  clientAuth: {secretNames: [clients], clientAuthType: RequireAndVerifyClientCert}
)";
  for (const char* name : {"ciphers", "curves", "mtls"}) {
    manifest +=
        std::string("---\napiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n") +
        "metadata: {name: " + name + ", namespace: t}\nspec:\n  entryPoints: [web]\n" +
        "  routes: [{match: HostSNI(`" + name +
        ".foo.bar`), services: [{name: tcp, port: 1}]}]\n  tls: {secretName: foobar, options: " +
        "{name: " + name + "}}\n";
  }
  ServeOptions o;
  o.mappings = {Map("t/tcp:1", backend.address())};
  Harness h(manifest, o, {"web"});
  auto probe = [&](const std::string& sni, bool cert, int max) {
    int c = Dial(h.Address("web"));
    TlsProbeResult r = TlsProbe(c, sni, cert, max);
    ::close(c);
    return r;
  };
  // cipherSuites: the one suite the option allows is negotiated, though the client offers
  // AES-256 first.
  TlsProbeResult r = probe("ciphers.foo.bar", false, TLS1_2_VERSION);
  EXPECT_TRUE(r.ok) << h.log();
  EXPECT_EQ(r.cipher, "ECDHE-ECDSA-AES128-GCM-SHA256");  // not the default first choice
  EXPECT_EQ(r.reply, "TCP-CLIENT-FIRST");
  // curvePreferences: P-384 although the client prefers X25519.
  r = probe("curves.foo.bar", false, TLS1_3_VERSION);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.group, NID_secp384r1);
  // clientAuth RequireAndVerifyClientCert: refused without a certificate, accepted with one
  // signed by the CA of the option's Secret.
  EXPECT_FALSE(probe("mtls.foo.bar", false, TLS1_3_VERSION).ok);
  r = probe("mtls.foo.bar", true, TLS1_3_VERSION);
  EXPECT_TRUE(r.ok) << h.log();
  EXPECT_EQ(r.reply, "TCP-CLIENT-FIRST");
}

TEST(ProxyConformance, EverySkipNamesAnExistingItem) {
  std::set<std::string> ids;
  for (const char* f :
       {"priority.yml", "lb.yml", "middleware.yml", "transport.yml", "clienthello.yml"}) {
    for (const YAML::Node& item : Cases(f)) {
      ids.insert(item["id"].as<std::string>());
    }
  }
  for (const auto& [id, why] : Skipped()) {
    EXPECT_EQ(ids.count(id), 1u) << id;
  }
}

}  // namespace
}  // namespace irtcp::proxy
