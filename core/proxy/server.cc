#include "core/proxy/server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/provider/middleware_build.h"
#include "core/provider/naming.h"
#include "core/proxy/client_hello.h"
#include "core/proxy/proxy_header.h"
#include "core/proxy/stub.h"
#include "core/proxy/tls.h"
#include "core/proxy/wrr.h"
#include "core/rule_lang/ip.h"
#include "core/util/terminal.h"

namespace irtcp::proxy {

namespace {

using asio::ip::tcp;
using namespace std::chrono_literals;
constexpr auto kUse = asio::experimental::as_tuple(asio::use_awaitable);

/// Bytes moved per read(2)/write(2) step; a read that fills it means bulk: switch to splice.
constexpr std::size_t kCopyBuffer = std::size_t{64} * 1024;
constexpr std::size_t kSpliceChunk = 1 << 20;
/// Keep-alive intervals from this one up are set on backend connections once they have lived a
/// second (the keep-alive sweep); shorter ones at the dial.
constexpr std::int64_t kLazyKeepAliveMin = 5'000'000'000;

bool IsLoopbackHost(std::string_view host) {
  std::optional<rule_lang::IpAddr> ip = rule_lang::ParseIpAddr(host, false);
  if (!ip) {
    return host == "localhost";
  }
  if (ip->Is4()) {
    return ip->bytes[12] == 127;
  }
  rule_lang::IpAddr one{};
  one.bytes[15] = 1;
  return *ip == one;
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string EndpointText(const tcp::endpoint& ep) {
  asio::ip::address a = ep.address();
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    a = asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
  }
  std::string host = a.to_string();
  return (a.is_v6() ? "[" + host + "]" : host) + ":" + std::to_string(ep.port());
}

std::string NowText() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

/// Where one resolved server's connections go.
struct ServerRt {
  std::string resolved;  ///< the server address from the manifests ("" when unknown)
  std::string target;    ///< "host:port" to dial ("" = refuse)
  bool stub = false;
  std::string refuse;  ///< why connections are closed (target empty)
};

struct BackendRt {
  std::string service;  ///< "ns/name"
  std::string port;
  std::vector<ServerRt> servers;
  std::unique_ptr<WeightedRoundRobin> wrr;
  std::int64_t termination_delay_ns = 0;
  int proxy_protocol = 0;
  std::chrono::nanoseconds dial_timeout{30s};
  std::int64_t keep_alive_ns = 15'000'000'000;
  bool backend_tls = false;  ///< its servers have tls: true
  /// Dials those servers with TLS; null with tls_error when the settings cannot work.
  std::shared_ptr<const TlsConnector> tls_connector;
  std::string tls_error;
};

struct MiddlewareRt {
  std::string name;
  enum class Kind : std::uint8_t { kInFlight, kAllowList, kBroken } kind = Kind::kBroken;
  std::int64_t amount = 0;
  rule_lang::IpChecker checker;
  std::unordered_map<std::string, std::int64_t> in_flight;
  std::string error;
};

struct RouterRt {
  const resolve::PlannedRouter* planned = nullptr;
  std::vector<BackendRt> backends;
  std::unique_ptr<WeightedRoundRobin> wrr;  ///< over backends when the route has several
  std::vector<MiddlewareRt> middlewares;
};

struct EntryRt {
  ListenSpec spec;
  const resolve::EntryPointPlan* plan = nullptr;
  std::unique_ptr<tcp::acceptor> acceptor;
  rule_lang::IpChecker trusted;
  bool proxy_protocol = false;
  std::string bound;
};

/// Ciphertext one TLS session produced and one socket still has to take.
struct TlsWire {
  std::string pending;
  bool flushing = false;  ///< a coroutine is writing; it sends what is appended meanwhile
};

/// One proxied connection: what the drain closes and the access log reports.
struct Conn {
  tcp::socket client;
  tcp::socket backend;
  std::string entry_point;
  std::string peer;
  std::string router;
  std::string service;
  std::string server;
  std::string target;
  std::string tls;
  std::string outcome = "closed";
  std::string reason;
  std::uint64_t bytes_in = 0;   ///< client -> backend
  std::uint64_t bytes_out = 0;  ///< backend -> client
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::chrono::milliseconds read_timeout{};  ///< the entry point's readTimeout
  bool stub = false;                         ///< the server is a built-in stub
  int directions_done = 0;                   ///< pumps that ended (plain forwarding)
  bool cut = false;                          ///< terminationDelay 0 ended both directions
  std::int64_t keep_alive_ns = -1;           ///< keep-alive still to set on the backend (>= 0)

  /// terminationDelay deadlines on reads from the client and from the backend (rules.md §9).
  asio::steady_timer client_read_deadline;
  asio::steady_timer backend_read_deadline;
  TlsWire client_wire;   ///< ciphertext waiting for the client socket (TLS termination)
  TlsWire backend_wire;  ///< ciphertext waiting for the backend socket (TLS to the backend)
  /// Cleared when the connection ends, for deadline handlers already queued.
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);

  explicit Conn(tcp::socket c)
      : client(std::move(c)),
        backend(client.get_executor()),
        client_read_deadline(client.get_executor()),
        backend_read_deadline(client.get_executor()) {}
  ~Conn() { *alive = false; }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
};

/// A read deadline on a socket (Go's SetReadDeadline): cancels its pending operations when it
/// fires. Watchdog style, as Asio's cpp20/coroutines/timeout.cpp. The socket must outlive it.
class Deadline {
 public:
  Deadline(const asio::any_io_executor& ex, tcp::socket& sock, std::chrono::nanoseconds after)
      : timer_(ex), state_(std::make_shared<State>()) {
    if (after.count() <= 0) {
      return;
    }
    timer_.expires_after(after);
    timer_.async_wait([&sock, state = state_](const asio::error_code& ec) {
      // A handler already queued when the deadline is destroyed still runs: `armed` says
      // whether the socket is still ours to touch.
      if (!ec && state->armed) {
        state->fired = true;
        asio::error_code ignored;
        sock.cancel(ignored);
      }
    });
  }
  ~Deadline() {
    state_->armed = false;
    try {
      timer_.cancel();
    } catch (...) {  // NOLINT(bugprone-empty-catch): cancel throws only on a broken reactor
    }
  }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;
  bool fired() const { return state_->fired; }

 private:
  struct State {
    bool armed = true;
    bool fired = false;
  };
  asio::steady_timer timer_;
  std::shared_ptr<State> state_;
};

}  // namespace

struct Proxy::Impl {
  asio::io_context io{1};
  const resolve::RoutePlan* plan = nullptr;
  const provider::Configuration* config = nullptr;
  ServeOptions options;
  std::ostream* log = nullptr;
  std::vector<EntryRt> entries;
  std::unordered_map<std::string, RouterRt> routers;
  std::vector<std::unique_ptr<StubServer>> stubs;
  std::unique_ptr<TlsTerminator> terminator;  ///< only when a router terminates TLS
  std::unordered_set<Conn*> conns;
  std::atomic<std::size_t> active{0};
  ProxyStats stats;
  bool stopping = false;
  std::unique_ptr<asio::steady_timer> drain_timer;
  std::unique_ptr<asio::signal_set> signals;
  std::ofstream access_file;
  std::ostream* access = nullptr;
  bool accept_error_logged = false;
  bool keep_alive_sweeping = false;  ///< KeepAliveSweep runs

  bool Build(std::string* err);
  bool BuildRouter(const resolve::PlannedRouter& p, RouterRt& rt, std::set<std::string>& warned);
  ServerRt Place(const resolve::PlannedBackend& b, const std::string& server,
                 std::set<std::string>& warned);
  bool Listen(std::string* err);

  asio::awaitable<void> Accept(EntryRt& ep);
  /// Every second, sets the keep-alive of backend connections that have lived a second; ends
  /// when none is left to set.
  asio::awaitable<void> KeepAliveSweep();
  asio::awaitable<void> Serve(EntryRt& ep, tcp::socket sock, tcp::endpoint peer);
  asio::awaitable<bool> ReadMore(Conn& c, std::vector<std::uint8_t>& buf, std::size_t limit);
  asio::awaitable<void> Forward(Conn& c, const std::vector<std::uint8_t>& initial,
                                const BackendRt& backend, const std::string& source,
                                const std::string& destination, bool postgres, TlsSession* tls);
  asio::awaitable<bool> Terminate(Conn& c, std::vector<std::uint8_t>& buf, TlsSession& tls);
  asio::awaitable<bool> FlushTls(tcp::socket& sock, TlsSession& tls, TlsWire& wire);
  asio::awaitable<bool> HandshakeBackend(Conn& c, TlsSession& tls, const BackendRt& backend,
                                         std::string* early);
  /// One direction when either side speaks TLS: plaintext from `from` (decrypted when
  /// `from_tls`) to `to` (encrypted when `to_tls`); then close_notify, FIN and terminationDelay.
  asio::awaitable<void> Relay(Conn& c, tcp::socket& from, TlsSession* from_tls, TlsWire& from_wire,
                              tcp::socket& to, TlsSession* to_tls, TlsWire& to_wire,
                              asio::steady_timer& to_deadline, std::uint64_t& counter,
                              std::int64_t termination_delay_ns);
  void ReadDeadline(Conn& c, tcp::socket& sock, asio::steady_timer& timer, std::int64_t ns);
  asio::awaitable<void> Pump(Conn& c, tcp::socket& from, tcp::socket& to,
                             asio::steady_timer& to_deadline, std::uint64_t& counter,
                             std::int64_t termination_delay_ns);
  void BeginDrain();
  void MaybeFinish();
  void LogAccess(const Conn& c);
  void Log(const std::string& line) { *log << "irtcp serve: " << line << '\n' << std::flush; }
};

ServerRt Proxy::Impl::Place(const resolve::PlannedBackend& b, const std::string& server,
                            std::set<std::string>& warned) {
  ServerRt s;
  s.resolved = server;
  for (const BackendMapping& m : options.mappings) {
    if (!m.by_service() && m.server == server && !server.empty()) {
      s.target = m.target;
      return s;
    }
  }
  if (!server.empty()) {
    std::optional<HostPort> hp = SplitHostPort(server);
    if (hp && IsLoopbackHost(hp->host)) {
      s.target = server;
      return s;
    }
    if (hp && options.allow_remote_backends) {
      s.target = server;
      return s;
    }
  }
  if (options.stub_backends) {
    s.stub = true;
    return s;  // the target is the stub's port, set once the stub listens
  }
  std::string fix = "--backend " + b.service + ":" + b.port + "=HOST:PORT";
  if (!server.empty()) {
    fix += " or --backend " + server + "=HOST:PORT";
  }
  s.refuse = (server.empty() ? "the servers of " + b.service + ":" + b.port + " are unknown"
                             : "server " + server + " of " + b.service + ":" + b.port +
                                   " is not a loopback address") +
             "; " + fix + " would send its connections somewhere (or --stub-backends)";
  if (warned.insert(s.refuse).second) {
    Log(s.refuse);
  }
  return s;
}

namespace {

/// A name as on the router ("ns-x@kubernetescrd") as a key of the dynamic configuration.
template <typename Map>
auto FindKey(const Map& map, const std::string& name) {
  auto it = map.find(name);
  if (it == map.end()) {
    std::size_t at = name.find('@');
    if (at != std::string::npos) {
      it = map.find(name.substr(0, at));
    }
  }
  return it;
}

/// Traefik's client TLS settings of a ServersTransportTCP (rules.md §10).
BackendTlsConfig TransportTlsConfig(const std::optional<provider::TransportTls>& tls) {
  BackendTlsConfig out;
  if (!tls) {
    return out;
  }
  out.server_name = tls->server_name;
  out.insecure_skip_verify = tls->insecure_skip_verify;
  for (const provider::SecretText& ca : tls->root_cas) {
    out.root_cas.push_back(ca.text);
  }
  for (const provider::CertificatePair& pair : tls->certificates) {
    out.certs.emplace_back(pair.cert_file.text, pair.key_file.text);
  }
  out.peer_cert_uri = tls->peer_cert_uri;
  out.configured = !out.server_name.empty() || out.insecure_skip_verify || !out.root_cas.empty() ||
                   !out.certs.empty() || !out.peer_cert_uri.empty();
  return out;
}

/// Traefik's FileOrContent: a path that names a readable file is read, else it is the content.
std::string FileOrContent(const std::string& text) {
  std::error_code ec;
  if (text.find('\n') == std::string::npos && std::filesystem::is_regular_file(text, ec)) {
    std::ifstream in(text, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return text;
}

/// default@internal: the static tcpServersTransport (insecureSkipVerify and rootCAs only).
BackendTlsConfig DefaultTransportTls(const provider::StaticTcpTransport& t) {
  BackendTlsConfig out;
  out.insecure_skip_verify = t.insecure_skip_verify;
  for (const std::string& ca : t.root_cas) {
    out.root_cas.push_back(FileOrContent(ca));
  }
  out.configured = out.insecure_skip_verify || !out.root_cas.empty();
  return out;
}

/// A static duration in nanoseconds; nullopt when unset.
std::optional<std::int64_t> StaticDuration(const std::optional<std::string>& text) {
  return text ? provider::ParseTraefikDuration(*text) : std::nullopt;
}

/// dialTimeout and dialKeepAlive of default@internal (rules.md §10).
void ApplyDefaultTransport(const provider::StaticTcpTransport& t, BackendRt& br) {
  if (std::optional<std::int64_t> ns = StaticDuration(t.dial_timeout)) {
    br.dial_timeout = std::chrono::nanoseconds(*ns);
  }
  if (std::optional<std::int64_t> ns = StaticDuration(t.dial_keep_alive)) {
    br.keep_alive_ns = *ns;
  }
}

}  // namespace

bool Proxy::Impl::BuildRouter(const resolve::PlannedRouter& p, RouterRt& rt,
                              std::set<std::string>& warned) {
  rt.planned = &p;
  std::vector<std::int64_t> weights;
  for (const resolve::PlannedBackend& b : p.backends) {
    const BackendMapping* service_map = nullptr;
    for (const BackendMapping& m : options.mappings) {
      if (m.by_service() && m.service == b.service && m.port == b.port) {
        service_map = &m;
      }
    }
    if (!b.ok && b.unknown.empty() && service_map == nullptr) {
      continue;  // Traefik did not emit it
    }
    BackendRt br;
    br.service = b.service;
    br.port = b.port;
    br.backend_tls = b.tls;
    if (service_map != nullptr) {
      ServerRt s;
      s.target = service_map->target;
      s.resolved = b.servers.empty() ? "" : b.servers.front().address;
      br.servers.push_back(s);
      std::string note = "--backend " + b.service + ":" + b.port + " (" + service_map->origin +
                         ") stands in for " +
                         (b.ok ? std::to_string(b.servers.size()) + " resolved server(s)"
                               : std::string("servers irtcp cannot know")) +
                         " of router " + p.name + ": " + service_map->target;
      if (warned.insert(note).second) {
        Log(note);
      }
    } else if (b.servers.empty()) {
      br.servers.push_back(Place(b, "", warned));
    } else {
      for (const resolve::PlannedServer& s : b.servers) {
        br.servers.push_back(Place(b, s.address, warned));
        br.backend_tls = br.backend_tls || s.tls;
      }
    }
    br.wrr = std::make_unique<WeightedRoundRobin>(std::vector<std::int64_t>(br.servers.size(), 1));
    // Transport settings: the named ServersTransportTCP wins; else the deprecated fields
    // (rules.md §9, §9.1): terminationDelay read as nanoseconds, 0 when unset.
    auto svc = FindKey(config->tcp.services, b.service_key);
    BackendTlsConfig tls_config = DefaultTransportTls(options.default_transport);
    if (svc != config->tcp.services.end() && svc->second.load_balancer) {
      const provider::LoadBalancer& lb = *svc->second.load_balancer;
      for (const provider::Server& server : lb.servers) {
        br.backend_tls = br.backend_tls || server.tls;  // also when a mapping stands in
      }
      if (!lb.servers_transport.empty()) {
        auto st = FindKey(config->tcp.servers_transports, lb.servers_transport);
        if (st != config->tcp.servers_transports.end()) {
          br.termination_delay_ns = st->second.termination_delay_ns;
          br.dial_timeout = std::chrono::nanoseconds(st->second.dial_timeout_ns);
          br.keep_alive_ns = st->second.dial_keep_alive_ns;
          br.proxy_protocol =
              st->second.proxy_protocol ? static_cast<int>(st->second.proxy_protocol->version) : 0;
          tls_config = TransportTlsConfig(st->second.tls);
          if (st->second.tls && st->second.tls->spiffe) {
            br.tls_error = "SPIFFE is enabled for this transport, but not configured";
          }
        }
      } else {
        br.termination_delay_ns = lb.termination_delay.value_or(0);
        br.proxy_protocol = lb.proxy_protocol ? static_cast<int>(lb.proxy_protocol->version) : 0;
        ApplyDefaultTransport(options.default_transport, br);
      }
    }
    if (br.backend_tls && br.tls_error.empty()) {
      std::ostringstream tls_log;
      br.tls_connector = TlsConnector::Create(tls_config, tls_log, &br.tls_error);
      if (!tls_log.str().empty()) {
        *log << tls_log.str();
      }
    }
    if (br.backend_tls && br.tls_connector == nullptr) {
      std::string note =
          "router " + p.name + ": the servers of " + b.service +
          " use TLS (tls: true), but its transport cannot dial them: " + br.tls_error +
          "; every connection is closed, as in Traefik";
      if (warned.insert(note).second) {
        Log(note);
      }
    }
    weights.push_back(b.weight.value_or(1));
    rt.backends.push_back(std::move(br));
  }
  if (p.backends.size() > 1 || rt.backends.size() > 1) {
    rt.wrr = std::make_unique<WeightedRoundRobin>(weights);
  }
  for (const resolve::PlannedMiddleware& pm : p.middlewares) {
    MiddlewareRt m;
    m.name = pm.name;
    auto it = FindKey(config->tcp.middlewares, pm.name);
    if (it == config->tcp.middlewares.end()) {
      m.error = "middleware \"" + pm.name + "\" does not exist";
    } else {
      // Several types set: the last of InFlightConn < IPWhiteList < IPAllowList wins (§11).
      // The build error is the one resolve rejects the router with (provider/middleware_build.h),
      // so a router reaching here with one is a plan that skipped that check.
      const provider::Middleware& mw = it->second;
      const provider::AllowList allow = provider::EffectiveAllowList(mw);
      if (mw.in_flight_conn) {
        m.kind = MiddlewareRt::Kind::kInFlight;
        m.amount = mw.in_flight_conn->amount;
      }
      m.error = provider::MiddlewareBuildError(mw, pm.name);
      if (!m.error.empty()) {
        m.kind = MiddlewareRt::Kind::kBroken;
      } else if (allow.range != nullptr) {
        m.kind = MiddlewareRt::Kind::kAllowList;
        std::string why;
        std::size_t bad = 0;
        m.checker.Init(allow.range->source_range, &why, &bad);
      }
    }
    if (!m.error.empty()) {
      Log("router " + p.name + ": " + m.error + "; its connections are closed");
    }
    rt.middlewares.push_back(std::move(m));
  }
  return true;
}

bool Proxy::Impl::Build(std::string* err) {
  std::set<std::string> warned;
  // Routers the router manager drops for a middleware it cannot build are not in the tables:
  // say why, as Traefik's log does.
  for (const resolve::PlannedRouter& p : plan->routers) {
    for (const resolve::PlannedMiddleware& m : p.middlewares) {
      if (p.status == resolve::RouterStatus::kRejected && !m.build_error.empty()) {
        Log("router " + p.name + ": " + p.reason + "; Traefik drops the router");
        break;
      }
    }
  }
  for (const resolve::EntryPointPlan& ep : plan->entry_points) {
    for (const rule_lang::RouteTable* table : {&ep.tcp, &ep.tls}) {
      for (const rule_lang::Route& r : table->routes()) {
        const resolve::PlannedRouter* p = plan->FindRouter(r.id);
        if (p != nullptr && routers.find(p->name) == routers.end()) {
          BuildRouter(*p, routers[p->name], warned);
        }
      }
    }
  }
  bool terminates = std::any_of(routers.begin(), routers.end(), [](const auto& r) {
    return r.second.planned->tls.mode == resolve::TlsMode::kTerminate;
  });
  if (terminates) {
    terminator = TlsTerminator::Create(*config, *log, err);
    if (terminator == nullptr) {
      return false;
    }
  }
  // One stub per distinct (service, server): it answers with who it stands for.
  std::map<std::pair<std::string, std::string>, std::string> stub_ports;
  for (auto& [name, rt] : routers) {
    for (BackendRt& b : rt.backends) {
      for (ServerRt& s : b.servers) {
        if (!s.stub) {
          continue;
        }
        auto key = std::make_pair(b.service, s.resolved);
        auto it = stub_ports.find(key);
        if (it == stub_ports.end()) {
          auto stub = StubServer::Start(io, b.service, s.resolved.empty() ? "-" : s.resolved, err);
          if (stub == nullptr) {
            return false;
          }
          it = stub_ports.emplace(key, stub->address()).first;
          stubs.push_back(std::move(stub));
        }
        s.target = it->second;
      }
    }
  }
  return true;
}

bool Proxy::Impl::Listen(std::string* err) {
  for (const ListenSpec& spec : options.listen) {
    EntryRt ep;
    ep.spec = spec;
    ep.plan = plan->FindEntryPoint(spec.name);
    std::string host = spec.host;
    if (host.empty()) {
      host = options.listen_any ? "0.0.0.0" : "127.0.0.1";
    }
    if (host == "localhost") {
      host = "127.0.0.1";
    }
    if (!options.listen_any && !IsLoopbackHost(host)) {
      *err = "entry point " + spec.name + ": " + host +
             " is not a loopback address; pass --listen-any to listen on it";
      return false;
    }
    asio::error_code ec;
    asio::ip::address addr = asio::ip::make_address(host, ec);
    if (ec) {
      *err = "entry point " + spec.name + ": bad address \"" + host + "\"";
      return false;
    }
    auto acceptor = std::make_unique<tcp::acceptor>(io);
    tcp::endpoint endpoint(addr, spec.port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) {
      acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
      acceptor->bind(endpoint, ec);
    }
    if (!ec) {
      acceptor->listen(4096, ec);
    }
    if (ec) {
      *err = "entry point " + spec.name + ": cannot listen on " + EndpointText(endpoint) + ": " +
             ec.message();
      return false;
    }
    ep.bound = EndpointText(acceptor->local_endpoint());
    ep.acceptor = std::move(acceptor);
    if (!spec.proxy_protocol_trusted.empty()) {
      std::string why;
      std::size_t bad = 0;
      if (!ep.trusted.Init(spec.proxy_protocol_trusted, &why, &bad)) {
        *err = "--proxy-protocol " + spec.name + ": " + why;
        return false;
      }
      ep.proxy_protocol = true;
    }
    if (ep.plan == nullptr) {
      Log("entry point " + spec.name + " has no routers: every connection is closed");
    }
    entries.push_back(std::move(ep));
  }
  return true;
}

asio::awaitable<void> Proxy::Impl::Accept(EntryRt& ep) {
  asio::steady_timer backoff(io);
  tcp::endpoint peer;  // from accept(2) itself: no getpeername per connection
  while (!stopping) {
    auto [ec, sock] = co_await ep.acceptor->async_accept(peer, kUse);
    if (ec == asio::error::operation_aborted || stopping) {
      break;
    }
    if (ec) {
      // EMFILE/ENFILE: out of descriptors. Keep running; the pending connection stays in the
      // backlog until a descriptor is free (and the kernel drops it if the backlog fills).
      stats.accept_errors++;
      if (!accept_error_logged) {
        Log("entry point " + ep.spec.name + ": accept: " + ec.message() + " (retrying)");
        accept_error_logged = true;
      }
      backoff.expires_after(20ms);
      co_await backoff.async_wait(kUse);
      continue;
    }
    accept_error_logged = false;
    stats.accepted++;
    asio::co_spawn(io, Serve(ep, std::move(sock), peer), [](const std::exception_ptr&) {});
  }
}

namespace {

void SetNoDelay(tcp::socket& s) {
  asio::error_code ignored;
  s.set_option(tcp::no_delay(true), ignored);
}

void SetKeepAlive(tcp::socket& s, std::int64_t interval_ns) {
  if (interval_ns < 0) {
    return;
  }
  int secs = interval_ns == 0
                 ? 15
                 : static_cast<int>(std::max<std::int64_t>(interval_ns / 1'000'000'000, 1));
  int on = 1;
  int fd = s.native_handle();
  ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
  ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
}

}  // namespace

asio::awaitable<void> Proxy::Impl::KeepAliveSweep() {
  asio::steady_timer tick(io);
  bool pending = true;
  while (pending && !stopping) {
    tick.expires_after(1s);
    co_await tick.async_wait(kUse);
    pending = false;
    const auto now = std::chrono::steady_clock::now();
    for (Conn* c : conns) {
      if (c->keep_alive_ns < 0) {
        continue;
      }
      if (now - c->start < 1s) {
        pending = true;
      } else if (c->backend.is_open()) {
        SetKeepAlive(c->backend, c->keep_alive_ns);
        c->keep_alive_ns = -1;
        stats.keep_alives_set++;
      }
    }
  }
  keep_alive_sweeping = false;
}

asio::awaitable<bool> Proxy::Impl::ReadMore(Conn& c, std::vector<std::uint8_t>& buf,
                                            std::size_t limit) {
  std::size_t old = buf.size();
  if (old >= limit) {
    co_return false;
  }
  buf.resize(std::min(limit, old + 4096));
  auto [ec, n] =
      co_await c.client.async_read_some(asio::buffer(buf.data() + old, buf.size() - old), kUse);
  buf.resize(old + (ec ? 0 : n));
  co_return !ec && n > 0;
}

asio::awaitable<void> Proxy::Impl::Serve(EntryRt& ep, tcp::socket sock, tcp::endpoint peer) {
  Conn c(std::move(sock));
  conns.insert(&c);
  active++;
  c.entry_point = ep.spec.name;
  c.read_timeout = ep.spec.read_timeout.value_or(options.read_timeout);
  c.peer = EndpointText(peer);
  std::string source = c.peer;
  std::string destination;  // our local address; asked for only when a PROXY header needs it
  SetNoDelay(c.client);
  std::vector<std::uint8_t> buf;
  bool postgres = false;
  const resolve::PlannedRouter* router = nullptr;
  std::string tls_text = "none";
  do {
    // Incoming PROXY protocol (rules.md §9.2): read before anything else, with readTimeout;
    // believed only from trusted senders, stripped from every sender.
    if (ep.proxy_protocol) {
      Deadline deadline(io.get_executor(), c.client, c.read_timeout);
      ProxyHeader h;
      while ((h = ParseProxyHeader(buf)).status == ProxyHeaderStatus::kNeedMoreData) {
        if (!co_await ReadMore(c, buf, kMaxProxyHeader)) {
          break;
        }
      }
      if (h.status == ProxyHeaderStatus::kNeedMoreData) {
        c.reason = deadline.fired() ? "timeout reading the PROXY header" : "client closed";
        break;
      }
      if (h.status == ProxyHeaderStatus::kInvalid) {
        stats.proxy_header_invalid++;
        c.reason = "bad PROXY header: " + h.error;
        break;
      }
      if (h.status == ProxyHeaderStatus::kHeader) {
        std::string ip = rule_lang::SplitHost(c.peer).value_or("");
        if (ep.trusted.Contains(ip) && !h.local) {
          source = h.source;
          destination = h.destination;
          c.peer = h.source;
        }
        buf.erase(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(h.length));
      }
    }
    if (ep.plan == nullptr) {
      stats.no_route++;
      c.reason = "no router on this entry point";
      break;
    }
    const std::string remote_ip = rule_lang::SplitHost(c.peer).value_or("");
    // Fast path (rules.md §7.2 step 1): only routers without tls; match before reading a byte,
    // so that server-first protocols work.
    if (ep.plan->tcp.size() > 0 && ep.plan->tls.size() == 0) {
      router = plan->Pick(ep.spec.name, rule_lang::Connection{"", {}, remote_ip}, false);
      if (router == nullptr) {
        stats.no_route++;
        c.reason = "no TCP router matches (Traefik would hand it to its HTTP server)";
        break;
      }
    } else {
      // Peek with Traefik's read timeout: Postgres SSLRequest, then a ClientHello or not.
      Deadline deadline(io.get_executor(), c.client, c.read_timeout);
      ClientHello hello;
      bool done = false;
      while (!done) {
        if (!postgres) {
          PostgresStatus pg = DetectPostgresSslRequest(buf);
          if (pg == PostgresStatus::kNeedMoreData) {
            if (!co_await ReadMore(c, buf, kMaxPeekBytes)) {
              break;
            }
            continue;
          }
          if (pg == PostgresStatus::kYes) {
            postgres = true;
            buf.erase(buf.begin(), buf.begin() + 8);
            const char s = 'S';
            co_await asio::async_write(c.client, asio::buffer(&s, 1), kUse);
            continue;
          }
        }
        hello = ParseClientHello(buf);
        if (hello.status == HelloStatus::kNeedMoreData) {
          if (!co_await ReadMore(c, buf, kMaxPeekBytes)) {
            break;
          }
          continue;
        }
        done = true;
      }
      if (!done) {
        if (deadline.fired()) {
          stats.peek_timeout++;
        }
        c.reason = deadline.fired() ? "read timeout while peeking the first bytes"
                                    : "client closed before routing";
        break;
      }
      if (hello.status == HelloStatus::kInvalid || hello.status == HelloStatus::kTooLarge) {
        stats.tls_invalid++;
        c.reason = "bad ClientHello: " + hello.error;
        break;
      }
      bool is_tls = hello.status == HelloStatus::kTls;
      if (postgres && !is_tls) {
        c.reason = "Postgres SSLRequest followed by non-TLS bytes";
        break;
      }
      rule_lang::Connection conn =
          is_tls ? rule_lang::Connection::FromPeer(hello.sni, hello.alpn, c.peer)
                 : rule_lang::Connection{"", {}, remote_ip};
      conn.remote_ip = remote_ip;
      router = plan->Pick(ep.spec.name, conn, is_tls);
      if (router == nullptr) {
        stats.no_route++;
        c.reason = is_tls ? "no TCP router matches this TLS connection (Traefik would "
                            "hand it to its HTTPS server)"
                          : "no TCP router matches (Traefik would hand it to its HTTP server)";
        break;
      }
    }
    c.router = router->name;
    tls_text = std::string(resolve::TlsModeName(router->tls.mode));
    c.tls = tls_text;
    if (!router->tls.options_error.empty()) {
      c.reason = "TLS options error: " + router->tls.options_error;
      break;
    }
    std::unique_ptr<TlsSession> session;
    if (router->tls.mode == resolve::TlsMode::kTerminate) {
      // rules.md §7.3: the router's TLS options, the certificate chosen by SNI.
      std::string err;
      session = terminator ? terminator->NewServerSession(router->tls.options, &err) : nullptr;
      if (session == nullptr) {
        c.reason = "TLS options " + router->tls.options + ": " + err;
        break;
      }
      if (!co_await Terminate(c, buf, *session)) {
        break;
      }
    }
    auto rt_it = routers.find(router->name);
    if (rt_it == routers.end()) {
      c.reason = "router has no runtime";
      break;
    }
    RouterRt& rt = rt_it->second;
    // Middlewares, first listed = outermost (rules.md §11).
    bool refused = false;
    std::vector<MiddlewareRt*> counted;
    for (MiddlewareRt& m : rt.middlewares) {
      if (m.kind == MiddlewareRt::Kind::kBroken) {
        c.reason = "middleware " + m.name + ": " + m.error;
        refused = true;
        break;
      }
      if (m.kind == MiddlewareRt::Kind::kAllowList && !m.checker.Contains(remote_ip)) {
        c.reason = "\"" + c.peer + "\" matched none of the trusted IPs (" + m.name + ")";
        refused = true;
        break;
      }
      if (m.kind == MiddlewareRt::Kind::kInFlight) {
        std::int64_t& n = m.in_flight[remote_ip];
        if (n >= m.amount) {
          c.reason = "max number of connections reached for " + remote_ip + " (" + m.name + ")";
          refused = true;
          break;
        }
        ++n;
        counted.push_back(&m);
      }
    }
    if (!refused) {
      std::optional<std::size_t> bi;
      if (rt.wrr) {
        bi = rt.wrr->Next();
      } else if (!rt.backends.empty()) {
        bi = 0;
      }
      std::optional<std::size_t> si;
      if (bi) {
        si = rt.backends[*bi].wrr->Next();
      }
      if (!bi || !si) {
        stats.no_server++;
        c.reason = bi ? "no servers in the pool" : "all servers have 0 weight or no service";
      } else {
        BackendRt& b = rt.backends[*bi];
        ServerRt& s = b.servers[*si];
        c.service = b.service;
        c.server = s.resolved;
        c.target = s.target;
        c.stub = s.stub;
        if (s.target.empty()) {
          stats.no_server++;
          c.reason = s.refuse;
        } else if (b.backend_tls && !s.stub && b.tls_connector == nullptr) {
          stats.dial_failed++;
          c.reason = "TLS handshake failed: " + b.tls_error;
        } else {
          co_await Forward(c, buf, b, source, destination, postgres, session.get());
        }
      }
    }
    for (MiddlewareRt* m : counted) {
      if (--m->in_flight[remote_ip] == 0) {
        m->in_flight.erase(remote_ip);
      }
    }
  } while (false);
  LogAccess(c);
  asio::error_code ignored;
  c.client.close(ignored);
  c.backend.close(ignored);
  conns.erase(&c);
  active--;
  MaybeFinish();
}

asio::awaitable<void> Proxy::Impl::Forward(Conn& c, const std::vector<std::uint8_t>& initial,
                                           const BackendRt& backend, const std::string& source,
                                           const std::string& destination, bool postgres,
                                           TlsSession* tls) {
  std::optional<HostPort> hp = SplitHostPort(c.target);
  asio::error_code ec;
  asio::ip::address addr;
  if (hp) {
    addr = asio::ip::make_address(hp->host == "localhost" ? "127.0.0.1" : hp->host, ec);
  }
  if (!hp || ec) {
    if (hp && options.allow_remote_backends) {
      tcp::resolver resolver(io);
      auto [rec, results] =
          co_await resolver.async_resolve(hp->host, std::to_string(hp->port), kUse);
      if (rec || results.empty()) {
        stats.dial_failed++;
        c.reason = "cannot resolve " + c.target + ": " + rec.message();
        co_return;
      }
      addr = results.begin()->endpoint().address();
    } else {
      stats.dial_failed++;
      c.reason = "cannot dial " + c.target +
                 " (not an IP address; --allow-remote-backends "
                 "resolves names)";
      co_return;
    }
  }
  {
    Deadline dial_deadline(io.get_executor(), c.backend, backend.dial_timeout);
    c.backend.open(addr.is_v4() ? tcp::v4() : tcp::v6(), ec);
    if (!ec) {
      // connect(2) on the non-blocking socket, then wait for it to be writable and read
      // SO_ERROR: what async_connect does, without its extra poll(2).
      c.backend.native_non_blocking(true, ec);
      tcp::endpoint to(addr, hp->port);
      if (!ec &&
          ::connect(c.backend.native_handle(), to.data(), static_cast<socklen_t>(to.size())) != 0) {
        if (errno == EINPROGRESS) {
          auto [wec] = co_await c.backend.async_wait(tcp::socket::wait_write, kUse);
          int so_error = 0;
          socklen_t len = sizeof so_error;
          if (wec) {
            ec = wec;
          } else if (::getsockopt(c.backend.native_handle(), SOL_SOCKET, SO_ERROR, &so_error,
                                  &len) != 0 ||
                     so_error != 0) {
            ec = asio::error_code(so_error != 0 ? so_error : errno, asio::system_category());
          }
        } else {
          ec = asio::error_code(errno, asio::system_category());
        }
      }
    }
    if (ec) {
      stats.dial_failed++;
      c.reason = "dial " + c.target + ": " +
                 (dial_deadline.fired() ? std::string("timeout") : ec.message());
      co_return;
    }
  }
  SetNoDelay(c.backend);
  if (backend.keep_alive_ns >= 0 && backend.keep_alive_ns < kLazyKeepAliveMin) {
    SetKeepAlive(c.backend, backend.keep_alive_ns);
  } else if (backend.keep_alive_ns >= 0) {
    // The first probe comes after the interval of idleness (15 s by default), so setting it
    // when the connection has lived a second changes nothing, and short connections, most of
    // them, never pay its three setsockopt(2) calls (the keep-alive sweep, in Run).
    c.keep_alive_ns = backend.keep_alive_ns;
    if (!keep_alive_sweeping) {
      keep_alive_sweeping = true;
      asio::co_spawn(io, KeepAliveSweep(), [](const std::exception_ptr&) {});
    }
  }
  // The pumps call recv/send with MSG_DONTWAIT on the descriptors directly: no fcntl/ioctl for
  // the client; splice(2) needs O_NONBLOCK, set when a connection starts splicing.
  if (backend.proxy_protocol == 1 || backend.proxy_protocol == 2) {
    std::string dst = destination;
    if (dst.empty()) {
      asio::error_code lec;
      dst = EndpointText(c.client.local_endpoint(lec));
    }
    std::vector<std::uint8_t> header = BuildProxyHeader(backend.proxy_protocol, source, dst);
    auto [wec, wn] = co_await asio::async_write(c.backend, asio::buffer(header), kUse);
    if (wec) {
      c.reason = "writing the PROXY header: " + wec.message();
      co_return;
    }
  }
  // TLS towards the backend (servers with tls: true), after any PROXY header, which goes in
  // clear (rules.md §9.1, §10). Stub backends speak plaintext: they stand in for the server.
  std::unique_ptr<TlsSession> upstream;
  std::string upstream_early;
  if (backend.tls_connector != nullptr && !c.stub) {
    std::string err;
    upstream = backend.tls_connector->NewClientSession(&err);
    if (upstream == nullptr) {
      stats.dial_failed++;
      c.reason = "TLS handshake failed: " + err;
      co_return;
    }
    if (!co_await HandshakeBackend(c, *upstream, backend, &upstream_early)) {
      stats.dial_failed++;
      co_return;
    }
    c.tls = (c.tls == "none" ? std::string() : c.tls + ", ") + "to backend " + upstream->version();
  }
  if (postgres && tls == nullptr && upstream == nullptr) {
    // Passthrough after a Postgres SSLRequest: replay it and swallow the backend's `S`.
    auto [wec, wn] = co_await asio::async_write(
        c.backend, asio::buffer(kPostgresSslRequest, sizeof kPostgresSslRequest), kUse);
    char reply = 0;
    auto [rec, rn] = co_await asio::async_read(c.backend, asio::buffer(&reply, 1), kUse);
    if (wec || rec || reply != 'S') {
      c.reason = "backend did not accept the Postgres SSLRequest";
      co_return;
    }
  }
  if (!initial.empty()) {
    bool written = false;
    if (upstream != nullptr) {
      written = upstream->Write(initial.data(), initial.size()) &&
                co_await FlushTls(c.backend, *upstream, c.backend_wire);
    } else {
      auto [wec, wn] = co_await asio::async_write(c.backend, asio::buffer(initial), kUse);
      written = !wec;
    }
    if (!written) {
      c.reason = "writing to the backend failed";
      co_return;
    }
    c.bytes_in += initial.size();
  }
  if (!upstream_early.empty()) {
    // Application data that came with the backend's last handshake flight.
    bool written = false;
    if (tls != nullptr) {
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(upstream_early.data());
      written = tls->Write(bytes, upstream_early.size()) &&
                co_await FlushTls(c.client, *tls, c.client_wire);
    } else {
      auto [wec, wn] = co_await asio::async_write(c.client, asio::buffer(upstream_early), kUse);
      written = !wec;
    }
    if (!written) {
      c.reason = "writing to the client failed";
      co_return;
    }
    c.bytes_out += upstream_early.size();
  }
  stats.proxied++;
  c.outcome = "proxied";
  using asio::experimental::awaitable_operators::operator&&;
  if (tls != nullptr || upstream != nullptr) {
    TlsSession* up = upstream.get();
    co_await (Relay(c, c.client, tls, c.client_wire, c.backend, up, c.backend_wire,
                    c.backend_read_deadline, c.bytes_in, backend.termination_delay_ns) &&
              Relay(c, c.backend, up, c.backend_wire, c.client, tls, c.client_wire,
                    c.client_read_deadline, c.bytes_out, backend.termination_delay_ns));
    co_return;
  }
  co_await (Pump(c, c.client, c.backend, c.backend_read_deadline, c.bytes_in,
                 backend.termination_delay_ns) &&
            Pump(c, c.backend, c.client, c.client_read_deadline, c.bytes_out,
                 backend.termination_delay_ns));
}

namespace {

/// Per-thread copy buffer: a direction holds no buffer while idle; only a partial write keeps
/// its remainder.
std::uint8_t* CopyBuffer() {
  static thread_local std::unique_ptr<std::uint8_t[]> buf(new std::uint8_t[kCopyBuffer]);
  return buf.get();
}

struct Pipe {
  int r = -1;
  int w = -1;
  std::size_t pending = 0;
  ~Pipe() {
    if (r >= 0) {
      ::close(r);
      ::close(w);
    }
  }
  bool Open() {
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
      return false;
    }
    r = fds[0];
    w = fds[1];
    ::fcntl(w, F_SETPIPE_SZ, static_cast<int>(kSpliceChunk));
    return true;
  }
};

}  // namespace

asio::awaitable<void> Proxy::Impl::Pump(Conn& c, tcp::socket& from, tcp::socket& to,
                                        asio::steady_timer& to_deadline, std::uint64_t& counter,
                                        std::int64_t termination_delay_ns) {
  const int in = from.native_handle();
  const int out = to.native_handle();
  std::unique_ptr<Pipe> pipe;
  std::vector<std::uint8_t> rest;  // unwritten bytes of a partial write
  bool ok = true;
  while (ok && !c.cut) {
    if (pipe == nullptr) {
      ssize_t n = ::recv(in, CopyBuffer(), kCopyBuffer, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        auto [ec] = co_await from.async_wait(tcp::socket::wait_read, kUse);
        ok = !ec;
        continue;
      }
      if (n <= 0) {
        break;  // EOF or error
      }
      counter += static_cast<std::uint64_t>(n);
      const auto total = static_cast<std::size_t>(n);
      std::size_t off = 0;
      while (off < total) {
        ssize_t w = ::send(out, CopyBuffer() + off, total - off, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) {
          off += static_cast<std::size_t>(w);
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
          // Keep the remainder: the shared buffer is reused while this direction waits.
          rest.assign(CopyBuffer() + off, CopyBuffer() + total);
          break;
        } else {
          ok = false;
          break;
        }
      }
      while (ok && !rest.empty()) {
        auto [ec] = co_await to.async_wait(tcp::socket::wait_write, kUse);
        ssize_t w = ec ? -1 : ::send(out, rest.data(), rest.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) {
          rest.erase(rest.begin(), rest.begin() + w);
        } else if (ec || !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
          ok = false;
        }
      }
      if (ok && options.splice && total == kCopyBuffer) {
        // A full buffer: a bulk transfer. splice(2) moves the rest through a pipe without
        // copying it into user space. Only busy connections get a pipe; idle ones hold none.
        pipe = std::make_unique<Pipe>();
        asio::error_code nb;
        from.native_non_blocking(true, nb);
        to.native_non_blocking(true, nb);
        if (nb || !pipe->Open()) {
          pipe.reset();
        }
      }
      continue;
    }
    // splice: socket -> pipe -> socket.
    ssize_t n =
        ::splice(in, nullptr, pipe->w, nullptr, kSpliceChunk, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      auto [ec] = co_await from.async_wait(tcp::socket::wait_read, kUse);
      ok = !ec;
      continue;
    }
    if (n <= 0) {
      break;
    }
    pipe->pending = static_cast<std::size_t>(n);
    counter += static_cast<std::uint64_t>(n);
    while (ok && pipe->pending > 0) {
      ssize_t w = ::splice(pipe->r, nullptr, out, nullptr, pipe->pending,
                           SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
      if (w > 0) {
        pipe->pending -= static_cast<std::size_t>(w);
      } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        auto [ec] = co_await to.async_wait(tcp::socket::wait_write, kUse);
        ok = !ec;
      } else {
        ok = false;
      }
    }
  }
  // This direction is over: half-close the destination (a FIN), then give the other direction
  // terminationDelay to finish: a read deadline on `to` (negative: none) (rules.md §9). The
  // deadline shuts the read side, so it holds even if the other direction is not waiting now.
  if (++c.directions_done == 2) {
    co_return;  // both directions are over: the close that follows sends the FIN
  }
  asio::error_code ignored;
  if (termination_delay_ns == 0) {
    // No delay (Traefik's default without a transport): cut the other direction now. Its pump
    // ends and the connection closes; the close sends the FIN a half-close would have.
    c.cut = true;  // for the other pump if it has not started waiting yet
    c.client.cancel(ignored);
    c.backend.cancel(ignored);
    co_return;
  }
  to.shutdown(tcp::socket::shutdown_send, ignored);
  if (termination_delay_ns > 0) {
    to_deadline.expires_after(std::chrono::nanoseconds(termination_delay_ns));
    to_deadline.async_wait([&to, alive = c.alive](const asio::error_code& ec) {
      if (!ec && *alive) {
        asio::error_code ig;
        to.shutdown(tcp::socket::shutdown_receive, ig);
        to.cancel(ig);
      }
    });
  }
}

asio::awaitable<bool> Proxy::Impl::Terminate(Conn& c, std::vector<std::uint8_t>& buf,
                                             TlsSession& tls) {
  // The peeked bytes (the ClientHello) go to OpenSSL first; the handshake is bounded by the
  // read timeout.
  Deadline deadline(io.get_executor(), c.client, c.read_timeout);
  tls.Feed(buf.data(), buf.size());
  buf.clear();
  std::vector<std::uint8_t> chunk(std::size_t{16} * 1024);
  std::string err;
  while (true) {
    TlsSession::Step step = tls.Handshake(&err);
    if (!co_await FlushTls(c.client, tls, c.client_wire)) {
      c.reason = "client closed during the TLS handshake";
      co_return false;
    }
    if (step == TlsSession::Step::kDone) {
      break;
    }
    if (step != TlsSession::Step::kWantRead) {
      stats.tls_invalid++;
      c.reason = err;
      co_return false;
    }
    auto [ec, n] = co_await c.client.async_read_some(asio::buffer(chunk), kUse);
    if (ec || n == 0) {
      c.reason = deadline.fired() ? "TLS handshake timeout"
                                  : "client closed during the TLS "
                                    "handshake";
      co_return false;
    }
    tls.Feed(chunk.data(), n);
  }
  c.tls = "terminate " + tls.version() + (tls.alpn().empty() ? "" : " alpn=" + tls.alpn());
  // Application data that came with the handshake's last flight.
  std::string early;
  if (tls.Read(early) == TlsSession::Step::kError) {
    c.reason = "TLS error after the handshake";
    co_return false;
  }
  buf.assign(early.begin(), early.end());
  co_return true;
}

asio::awaitable<bool> Proxy::Impl::FlushTls(tcp::socket& sock, TlsSession& tls, TlsWire& wire) {
  wire.pending += tls.TakeOutput();
  if (wire.flushing) {
    co_return true;  // the coroutine already writing sends it too
  }
  wire.flushing = true;
  bool ok = true;
  while (ok && !wire.pending.empty()) {
    std::string data = std::move(wire.pending);
    wire.pending.clear();
    auto [ec, n] = co_await asio::async_write(sock, asio::buffer(data), kUse);
    ok = !ec;
  }
  wire.flushing = false;
  co_return ok;
}

asio::awaitable<bool> Proxy::Impl::HandshakeBackend(Conn& c, TlsSession& tls,
                                                    const BackendRt& backend, std::string* early) {
  // Bounded as the dial is (Traefik's dialer handshakes within the dial).
  Deadline deadline(io.get_executor(), c.backend, backend.dial_timeout);
  std::vector<std::uint8_t> chunk(std::size_t{16} * 1024);
  std::string err;
  while (true) {
    TlsSession::Step step = tls.Handshake(&err);
    if (!co_await FlushTls(c.backend, tls, c.backend_wire)) {
      c.reason = "TLS handshake failed: the backend closed the connection";
      co_return false;
    }
    if (step == TlsSession::Step::kDone) {
      break;
    }
    if (step != TlsSession::Step::kWantRead) {
      c.reason = "TLS handshake failed: " + err;
      co_return false;
    }
    auto [ec, n] = co_await c.backend.async_read_some(asio::buffer(chunk), kUse);
    if (ec || n == 0) {
      c.reason = deadline.fired() ? "TLS handshake failed: timeout"
                                  : "TLS handshake failed: the backend closed the connection";
      co_return false;
    }
    tls.Feed(chunk.data(), n);
  }
  std::string peer_err = backend.tls_connector->CheckPeer(tls);
  if (!peer_err.empty()) {
    c.reason = "TLS handshake failed: " + peer_err;
    co_return false;
  }
  if (tls.Read(*early) == TlsSession::Step::kError) {
    c.reason = "TLS error from the backend after the handshake";
    co_return false;
  }
  co_return true;
}

void Proxy::Impl::ReadDeadline(Conn& c, tcp::socket& sock, asio::steady_timer& timer,
                               std::int64_t ns) {
  if (ns < 0) {
    return;
  }
  timer.expires_after(std::chrono::nanoseconds(ns));
  timer.async_wait([&sock, alive = c.alive](const asio::error_code& ec) {
    if (!ec && *alive) {
      asio::error_code ig;
      sock.shutdown(tcp::socket::shutdown_receive, ig);
      sock.cancel(ig);
    }
  });
}

asio::awaitable<void> Proxy::Impl::Relay(Conn& c, tcp::socket& from, TlsSession* from_tls,
                                         TlsWire& from_wire, tcp::socket& to, TlsSession* to_tls,
                                         TlsWire& to_wire, asio::steady_timer& to_deadline,
                                         std::uint64_t& counter,
                                         std::int64_t termination_delay_ns) {
  std::vector<std::uint8_t> chunk(std::size_t{16} * 1024);
  bool open = true;
  while (open) {
    auto [ec, n] = co_await from.async_read_some(asio::buffer(chunk), kUse);
    if (ec || n == 0) {
      break;
    }
    std::string plain;
    if (from_tls != nullptr) {
      from_tls->Feed(chunk.data(), n);
      TlsSession::Step step = from_tls->Read(plain);
      // Post-handshake messages (tickets, key updates) go back to that peer.
      open = co_await FlushTls(from, *from_tls, from_wire) && step != TlsSession::Step::kClosed &&
             step != TlsSession::Step::kError;
    } else {
      plain.assign(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(n));
    }
    if (plain.empty()) {
      continue;
    }
    counter += plain.size();
    if (to_tls != nullptr) {
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(plain.data());
      if (!to_tls->Write(bytes, plain.size()) || !co_await FlushTls(to, *to_tls, to_wire)) {
        break;
      }
    } else {
      auto [wec, wn] = co_await asio::async_write(to, asio::buffer(plain), kUse);
      if (wec) {
        break;
      }
    }
  }
  // A TLS half-close is a close_notify (rules.md §9), then the FIN.
  if (to_tls != nullptr) {
    to_tls->Shutdown();
    co_await FlushTls(to, *to_tls, to_wire);
  }
  asio::error_code ignored;
  to.shutdown(tcp::socket::shutdown_send, ignored);
  ReadDeadline(c, to, to_deadline, termination_delay_ns);
}

void Proxy::Impl::LogAccess(const Conn& c) {
  if (access == nullptr) {
    return;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  c.start)
                .count();
  if (options.log_format == "json") {
    *access << "{\"time\":\"" << NowText() << "\",\"entryPoint\":\"" << JsonEscape(c.entry_point)
            << "\",\"client\":\"" << JsonEscape(c.peer) << "\",\"router\":\""
            << JsonEscape(c.router) << "\",\"tls\":\"" << JsonEscape(c.tls) << "\",\"service\":\""
            << JsonEscape(c.service) << "\",\"server\":\"" << JsonEscape(c.server)
            << "\",\"target\":\"" << JsonEscape(c.target) << "\",\"outcome\":\"" << c.outcome
            << "\",\"reason\":\"" << JsonEscape(c.reason) << "\",\"bytesIn\":" << c.bytes_in
            << ",\"bytesOut\":" << c.bytes_out << ",\"durationMs\":" << ms << "}\n";
  } else {
    // The text log goes to a terminal: the server name and reasons come from the client.
    auto dash = [](const std::string& s) {
      return s.empty() ? std::string("-") : util::TerminalSafe(s);
    };
    *access << NowText() << ' ' << dash(c.entry_point) << ' ' << dash(c.peer)
            << " router=" << dash(c.router) << " tls=" << dash(c.tls)
            << " service=" << dash(c.service) << " server=" << dash(c.server)
            << " target=" << dash(c.target) << ' ' << c.outcome << " in=" << c.bytes_in
            << " out=" << c.bytes_out << " ms=" << ms;
    if (!c.reason.empty()) {
      *access << " reason=\"" << util::TerminalSafe(c.reason) << '"';
    }
    *access << '\n';
  }
  access->flush();
}

void Proxy::Impl::BeginDrain() {
  if (stopping) {
    return;
  }
  stopping = true;
  for (EntryRt& ep : entries) {
    asio::error_code ignored;
    ep.acceptor->close(ignored);
  }
  if (signals) {
    signals->cancel();
  }
  drain_timer = std::make_unique<asio::steady_timer>(io);
  drain_timer->expires_after(options.drain_timeout);
  drain_timer->async_wait([this](const asio::error_code& ec) {
    if (ec) {
      return;
    }
    if (!conns.empty()) {
      Log("drain timeout: closing " + std::to_string(conns.size()) + " connection(s)");
    }
    for (Conn* c : conns) {
      asio::error_code ignored;
      c->client.close(ignored);
      c->backend.close(ignored);
    }
    MaybeFinish();
  });
  MaybeFinish();
}

void Proxy::Impl::MaybeFinish() {
  if (stopping && conns.empty()) {
    if (drain_timer) {
      drain_timer->cancel();
    }
    for (auto& stub : stubs) {
      stub->Close();
    }
    io.stop();
  }
}

Proxy::Proxy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Proxy::~Proxy() = default;

std::unique_ptr<Proxy> Proxy::Create(const resolve::RoutePlan& plan,
                                     const provider::Configuration& config, ServeOptions options,
                                     std::ostream& log, std::string* err) {
  auto impl = std::make_unique<Impl>();
  impl->plan = &plan;
  impl->config = &config;
  impl->options = std::move(options);
  impl->log = &log;
  if (!impl->options.access_log.empty()) {
    if (impl->options.access_log == "-") {
      impl->access = &std::cout;
    } else {
      impl->access_file.open(impl->options.access_log, std::ios::app);
      if (!impl->access_file) {
        *err = "--access-log: cannot open " + impl->options.access_log;
        return nullptr;
      }
      impl->access = &impl->access_file;
    }
  }
  if (!impl->Build(err) || !impl->Listen(err)) {
    return nullptr;
  }
  if (!impl->options.ready_file.empty()) {
    std::string text;
    for (const EntryRt& ep : impl->entries) {
      text += ep.spec.name + " " + ep.bound + "\n";
    }
    if (!WriteFileAtomic(impl->options.ready_file, text, err)) {
      *err = "--ready-file: " + *err;
      return nullptr;
    }
  }
  return std::unique_ptr<Proxy>(new Proxy(std::move(impl)));
}

std::vector<std::pair<std::string, std::string>> Proxy::Bound() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const EntryRt& ep : impl_->entries) {
    out.emplace_back(ep.spec.name, ep.bound);
  }
  return out;
}

void Proxy::Run() {
  Impl& impl = *impl_;
  if (impl.options.handle_signals) {
    impl.signals = std::make_unique<asio::signal_set>(impl.io, SIGINT, SIGTERM);
    impl.signals->async_wait([&impl](const asio::error_code& ec, int) {
      if (!ec) {
        impl.Log("signal: draining (up to " + std::to_string(impl.options.drain_timeout.count()) +
                 " ms)");
        impl.BeginDrain();
      }
    });
  }
  for (EntryRt& ep : impl.entries) {
    asio::co_spawn(impl.io, impl.Accept(ep), [](const std::exception_ptr&) {});
  }
  // Exceptions (std::bad_alloc) must not escape the data plane: log and keep running.
  while (true) {
    try {
      impl.io.run();
      break;
    } catch (const std::exception& e) {
      impl.Log(std::string("internal error: ") + e.what());
    }
  }
}

void Proxy::Stop() {
  asio::post(impl_->io, [impl = impl_.get()]() { impl->BeginDrain(); });
}

const ProxyStats& Proxy::stats() const { return impl_->stats; }
std::size_t Proxy::Active() const { return impl_->active.load(); }

bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* err) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      *err = "cannot write " + tmp;
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *err = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace irtcp::proxy
