// The proxy over real loopback sockets: routing (fast path, SNI, weights), middlewares, PROXY
// protocol both ways, Postgres STARTTLS, and faults (refusing and dying backends, a stalled
// ClientHello, half-close, drain). Every socket is on 127.0.0.1 with port 0; every wait is
// bounded.
#include "core/proxy/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "core/proxy/client_hello.h"
#include "core/proxy/proxy_header.h"
#include "core/proxy/stub.h"
#include "core/proxy/testing.h"
#include "core/run/session.h"

namespace irtcp::proxy {
namespace {

using namespace std::chrono_literals;
using namespace proxytest;  // NOLINT(google-build-using-namespace): the test helpers

constexpr char kPlain[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: smtp, namespace: apps}
spec:
  entryPoints: [mail]
  routes:
    - match: HostSNI(`*`)
      services: [{name: smtp, port: 25}]
)";

// Fast path: a server-first protocol works, nothing is read before routing.
TEST(ProxyServer, FastPathServerFirst) {
  Backend backend(1, [](int c) {
    SendAll(c, "220 mail ready\r\n");
    std::string got = ReadLines(c, 1);
    SendAll(c, "250 " + got);
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  Harness h(kPlain, o, {"mail"});
  int c = Dial(h.Address("mail"));
  EXPECT_EQ(ReadLines(c, 1), "220 mail ready\r\n");
  SendAll(c, "HELO x\n");
  EXPECT_EQ(ReadLines(c, 1), "250 HELO x\n");
  ::close(c);
}

constexpr char kSni[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: tls, namespace: apps}
spec:
  entryPoints: [websecure]
  routes:
    - match: HostSNI(`db.example.com`)
      services: [{name: db, port: 5432}]
    - match: HostSNI(`*`)
      services: [{name: other, port: 443}]
  tls: {passthrough: true}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: plain, namespace: apps}
spec:
  entryPoints: [websecure]
  routes:
    - match: ClientIP(`127.0.0.2`)
      services: [{name: plain, port: 80}]
)";

TEST(ProxyServer, SniPassthroughKeepsTheClientHello) {
  std::string received;
  std::vector<std::uint8_t> hello = BuildClientHello("db.example.com", {"postgresql"}, 50);
  Backend backend(1, [&](int c) {
    std::string got;
    char buf[4096];
    while (got.size() < hello.size()) {
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) {
        break;
      }
      got.append(buf, static_cast<std::size_t>(n));
    }
    received = got;
    SendAll(c, "ok\n");
  });
  ServeOptions o;
  o.mappings = {Map("apps/db:5432", backend.address())};
  o.stub_backends = true;
  Harness h(kSni, o, {"websecure"});
  int c = Dial(h.Address("websecure"));
  SendAll(c, hello);
  EXPECT_EQ(ReadLines(c, 1), "ok\n");
  ::close(c);
  EXPECT_EQ(received, std::string(hello.begin(), hello.end()));  // byte for byte
}

TEST(ProxyServer, RoutesBySniPlainAndClientIpWithStubs) {
  ServeOptions o;
  o.stub_backends = true;
  Harness h(kSni, o, {"websecure"});
  struct Case {
    const char* name;
    std::string sni;
    std::string from;
    std::string want;  // first line, "" = closed
  };
  const Case cases[] = {
      {"sni db", "db.example.com", "", "irtcp-stub apps/db -\n"},
      {"sni upper case", "DB.Example.COM", "", "irtcp-stub apps/db -\n"},
      {"catch-all", "x.example.com", "", "irtcp-stub apps/other -\n"},
      {"plain from 127.0.0.2", "", "127.0.0.2", "irtcp-stub apps/plain -\n"},
      {"plain from 127.0.0.1: no route", "", "127.0.0.1", ""},
  };
  for (const Case& tc : cases) {
    SCOPED_TRACE(tc.name);
    int c = Dial(h.Address("websecure"), tc.from);
    if (tc.sni.empty()) {
      SendAll(c, "PING\n");
    } else {
      SendAll(c, BuildClientHello(tc.sni, {}));
    }
    std::string got = ReadLines(c, 1);
    EXPECT_EQ(got.substr(0, got.find('\n') + (got.empty() ? 0 : 1)), tc.want);
    ::close(c);
  }
}

constexpr char kWeighted[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: lb, namespace: apps}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      services:
        - {name: a, port: 1, weight: 3}
        - {name: b, port: 1, weight: 1}
        - {name: c, port: 1, weight: 0}
)";

// lb.yml (WeighedRoundRobin with more calls, one 0-weight server) over real connections.
TEST(ProxyServer, WeightedRoundRobinOverConnections) {
  ServeOptions o;
  o.stub_backends = true;
  Harness h(kWeighted, o, {"plain"});
  std::map<std::string, int> counts;
  std::string order;
  for (int i = 0; i < 16; ++i) {
    int c = Dial(h.Address("plain"));
    std::string line = ReadLines(c, 1);
    ::close(c);
    counts[line]++;
    order += line.empty() ? '?' : line[std::string("irtcp-stub apps/").size()];
  }
  EXPECT_EQ(counts["irtcp-stub apps/a -\n"], 12);
  EXPECT_EQ(counts["irtcp-stub apps/b -\n"], 4);
  EXPECT_EQ(order, "aaabaaabaaabaaab");  // Traefik's sequence for 3:1
}

TEST(ProxyServer, BackendRefusesThenProxyKeepsServing) {
  std::uint16_t port = 0;
  int closed = Listen(&port);
  ::close(closed);  // nothing listens there now
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", "127.0.0.1:" + std::to_string(port))};
  o.access_log = "";
  Harness h(kPlain, o, {"mail"});
  for (int i = 0; i < 3; ++i) {
    int c = Dial(h.Address("mail"));
    EXPECT_EQ(ReadAll(c), "");  // closed, no byte
    ::close(c);
  }
  EXPECT_GE(h.proxy().stats().dial_failed.load(), 3u);
}

TEST(ProxyServer, BackendKilledMidTransferClosesThatConnectionOnly) {
  std::atomic<int> n{0};
  Backend backend(2, [&n](int c) {
    SendAll(c, std::string(100000, 'x'));
    if (n++ == 0) {
      // Dies mid-stream: a reset instead of a FIN.
      linger l{1, 0};
      ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  Harness h(kPlain, o, {"mail"});
  int a = Dial(h.Address("mail"));
  std::string got = ReadAll(a);
  EXPECT_LE(got.size(), 100000u);
  ::close(a);
  int b = Dial(h.Address("mail"));  // the next connection is served
  EXPECT_EQ(ReadAll(b).size(), 100000u);
  ::close(b);
}

TEST(ProxyServer, HalfClientHelloTimesOut) {
  ServeOptions o;
  o.stub_backends = true;
  o.read_timeout = 300ms;
  Harness h(kSni, o, {"websecure"});
  int c = Dial(h.Address("websecure"));
  std::vector<std::uint8_t> hello = BuildClientHello("db.example.com", {});
  hello.resize(hello.size() / 2);
  SendAll(c, hello);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ReadAll(c), "");
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, 4s);  // closed by the read timeout, not by the test's 5 s socket timeout
  ::close(c);
  // clienthello.yml oversizedRecordLength: fails without waiting for the payload.
  c = Dial(h.Address("websecure"));
  SendAll(c, std::string("\x16\x03\x03\xff\xff", 5));
  EXPECT_EQ(ReadAll(c), "");
  ::close(c);
  EXPECT_GE(h.proxy().stats().peek_timeout.load(), 1u);
  EXPECT_GE(h.proxy().stats().tls_invalid.load(), 1u);
}

// The entry point's own readTimeout (--traefik-config transport.respondingTimeouts) wins over
// the default.
TEST(ProxyServer, EntryPointReadTimeout) {
  ServeOptions o;
  o.stub_backends = true;
  o.read_timeout = 60s;
  o.listen = {{"websecure", "127.0.0.1", 0, {}, 300ms}};
  Harness h(kSni, o, {"websecure"});
  int c = Dial(h.Address("websecure"));
  std::vector<std::uint8_t> hello = BuildClientHello("db.example.com", {});
  hello.resize(hello.size() / 2);
  SendAll(c, hello);
  EXPECT_EQ(ReadAll(c), "");  // closed by the 300 ms timeout, not the 5 s socket timeout
  ::close(c);
  EXPECT_EQ(h.proxy().stats().peek_timeout.load(), 1u);
}

TEST(ProxyServer, HalfCloseDeliversTheAnswer) {
  Backend backend(1, [](int c) {
    std::string got = ReadAll(c);  // until the client's FIN
    SendAll(c, "got " + std::to_string(got.size()) + "\n");
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  std::string manifest = kPlain;
  // terminationDelay: give the backend time to answer after the client's FIN.
  manifest.replace(manifest.find("port: 25}"), 9, "port: 25, terminationDelay: 2000000000}");
  Harness h(manifest, o, {"mail"});
  int c = Dial(h.Address("mail"));
  SendAll(c, std::string(300000, 'y'));
  ::shutdown(c, SHUT_WR);
  EXPECT_EQ(ReadAll(c), "got 300000\n");
  ::close(c);
}

// dialKeepAlive (15 s by default) is set on a backend connection once it has lived a second;
// a short connection never pays for it.
TEST(ProxyServer, KeepAliveIsSetOnConnectionsThatLive) {
  Backend backend(2, [](int c) {
    char buf[16];
    ::recv(c, buf, sizeof buf, 0);  // the client's byte, then hold until the client is done
    ReadAll(c);
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  Harness h(kPlain, o, {"mail"});
  int quick = Dial(h.Address("mail"));
  SendAll(quick, "q");
  ::close(quick);
  int c = Dial(h.Address("mail"));
  SendAll(c, "x");
  std::this_thread::sleep_for(2500ms);  // two sweeps
  EXPECT_EQ(h.proxy().stats().keep_alives_set.load(), 1u);
  ::close(c);
}

TEST(ProxyServer, TerminationDelayZeroCutsTheOtherDirection) {
  Backend backend(1, [](int c) {
    ReadAll(c);
    std::this_thread::sleep_for(200ms);
    SendAll(c, "late\n");
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  Harness h(kPlain, o, {"mail"});  // no transport, no terminationDelay: 0
  int c = Dial(h.Address("mail"));
  SendAll(c, "x");
  ::shutdown(c, SHUT_WR);
  EXPECT_EQ(ReadAll(c), "");
  ::close(c);
}

constexpr char kMiddlewares[] = R"(apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: one, namespace: apps}
spec:
  inFlightConn: {amount: 1}
---
apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: office, namespace: apps}
spec:
  ipAllowList: {sourceRange: [127.0.0.1/32, 127.0.0.3]}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: mw, namespace: apps}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      middlewares: [{name: office}, {name: one}]
      services: [{name: s, port: 1}]
)";

// middleware.yml: IPAllowList and InFlightConn (per remote IP, port ignored, released at end).
TEST(ProxyServer, AllowListAndInFlightConn) {
  ServeOptions o;
  o.stub_backends = true;
  Harness h(kMiddlewares, o, {"plain"});
  const std::string addr = h.Address("plain");
  int denied = Dial(addr, "127.0.0.2");
  EXPECT_EQ(ReadAll(denied), "");
  ::close(denied);
  int a = Dial(addr, "127.0.0.1");
  EXPECT_EQ(ReadLines(a, 1), "irtcp-stub apps/s -\n");
  int b = Dial(addr, "127.0.0.1");
  EXPECT_EQ(ReadAll(b), "");  // same IP, one in flight
  ::close(b);
  int c = Dial(addr, "127.0.0.3");
  EXPECT_EQ(ReadLines(c, 1), "irtcp-stub apps/s -\n");  // its own counter
  ::close(c);
  ::close(a);
  std::string got;
  for (int i = 0; i < 50 && got.empty(); ++i) {  // A's release reaches the proxy
    std::this_thread::sleep_for(20ms);
    int d = Dial(addr, "127.0.0.1");
    got = ReadLines(d, 1);
    ::close(d);
  }
  EXPECT_EQ(got, "irtcp-stub apps/s -\n");
}

constexpr char kProxyProtocol[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: pp, namespace: apps}
spec:
  entryPoints: [plain]
  routes:
    - match: ClientIP(`10.1.2.0/24`)
      services: [{name: inside, port: 1, proxyProtocol: {version: 1}}]
    - match: HostSNI(`*`)
      services: [{name: outside, port: 1}]
)";

TEST(ProxyServer, ProxyProtocolInAndOut) {
  std::string header_seen;
  Backend backend(1, [&](int c) {
    header_seen = ReadLines(c, 1);
    SendAll(c, "inside\n");
  });
  ServeOptions o;
  o.stub_backends = true;
  o.mappings = {Map("apps/inside:1", backend.address())};
  o.listen = {{"plain", "127.0.0.1", 0, {"127.0.0.1/32"}, {}}};
  Harness h(kProxyProtocol, o, {"plain"});
  const std::string addr = h.Address("plain");
  int c = Dial(addr);
  SendAll(c, BuildProxyHeader(2, "10.1.2.3:4000", "192.0.2.1:443"));
  EXPECT_EQ(ReadLines(c, 1), "inside\n");
  ::close(c);
  // Relayed as Traefik does: the incoming header's addresses, in the backend's version (v1).
  EXPECT_EQ(header_seen, "PROXY TCP4 10.1.2.3 192.0.2.1 4000 443\r\n");
  int d = Dial(addr);  // no header: the peer's own address (read once bytes arrive)
  SendAll(d, "hi\n");
  std::string got = ReadLines(d, 1);
  EXPECT_EQ(got.substr(0, got.find('\n') + 1), "irtcp-stub apps/outside -\n");
  ::close(d);
}

TEST(ProxyServer, PostgresStartTlsPassthrough) {
  std::string first;
  Backend backend(1, [&](int c) {
    char buf[8];
    ssize_t n = ::recv(c, buf, sizeof buf, MSG_WAITALL);
    first.assign(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    SendAll(c, "S");
    std::string rest = ReadLines(c, 0);
    char more[4096];
    ssize_t m = ::recv(c, more, sizeof more, 0);
    (void)m;
    SendAll(c, "OK\n");
  });
  constexpr char kPg[] = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: pg, namespace: apps}
spec:
  entryPoints: [pg]
  routes:
    - match: HostSNI(`test.localhost`)
      services: [{name: pg, port: 5432}]
  tls: {passthrough: true}
)";
  ServeOptions o;
  o.mappings = {Map("apps/pg:5432", backend.address())};
  Harness h(kPg, o, {"pg"});
  int c = Dial(h.Address("pg"));
  SendAll(c, std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8));
  char s = 0;
  ASSERT_EQ(::recv(c, &s, 1, 0), 1);
  EXPECT_EQ(s, 'S');
  SendAll(c, BuildClientHello("test.localhost", {}));
  EXPECT_EQ(ReadLines(c, 1), "OK\n");  // the backend's `S` was swallowed
  ::close(c);
  EXPECT_EQ(first, std::string(reinterpret_cast<const char*>(kPostgresSslRequest), 8));
}

TEST(ProxyServer, DrainLetsOpenConnectionsFinish) {
  Backend backend(1, [](int c) {
    std::string got = ReadLines(c, 1);
    SendAll(c, "bye " + got);
  });
  ServeOptions o;
  o.mappings = {Map("apps/smtp:25", backend.address())};
  o.drain_timeout = 3s;
  auto h = std::make_unique<Harness>(kPlain, o, std::vector<std::string>{"mail"});
  const std::string addr = h->Address("mail");
  int c = Dial(addr);
  std::this_thread::sleep_for(50ms);
  h->proxy().Stop();  // drain: no new connections, this one may finish
  std::this_thread::sleep_for(100ms);
  SendAll(c, "now\n");
  EXPECT_EQ(ReadLines(c, 1), "bye now\n");
  ::close(c);
  h.reset();  // Run() returned once the connection ended
}

}  // namespace
}  // namespace irtcp::proxy
