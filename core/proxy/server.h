// The proxy of `irtcp serve`: listeners per entry point, Traefik's per-connection algorithm
// (rules.md §7.2: fast path, Postgres STARTTLS, ClientHello peek), routing with the route plan
// (RoutePlan::Pick, the function `resolve` shows the result of), Traefik's load balancing and
// middlewares, an upstream dialer and byte forwarding (splice(2) for bulk), drain on SIGTERM.
//
// One Asio event loop on one thread: on the 2-core machines this runs on, client, backend and
// proxy share the cores, and a second proxy thread only adds contention (see bench/proxy.sh).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/provider/config.h"
#include "core/provider/options.h"
#include "core/proxy/backend_map.h"
#include "core/resolve/route_plan.h"

namespace irtcp::proxy {

struct ListenSpec {
  std::string name;  ///< entry point
  std::string host;  ///< "" = loopback (or every address with listen_any)
  std::uint16_t port = 0;
  /// PROXY protocol: senders whose header is believed (IPs or CIDRs); empty = no PROXY header.
  std::vector<std::string> proxy_protocol_trusted;
  /// This entry point's readTimeout (--traefik-config transport.respondingTimeouts.readTimeout,
  /// or --read-timeout); unset: ServeOptions::read_timeout.
  std::optional<std::chrono::milliseconds> read_timeout;
};

struct ServeOptions {
  std::vector<ListenSpec> listen;
  std::vector<BackendMapping> mappings;
  bool stub_backends = false;
  bool allow_remote_backends = false;
  bool listen_any = false;
  /// Traefik's entry point transport.respondingTimeouts.readTimeout (default 60 s; 0 = none):
  /// how long the peek at the first bytes (and the PROXY header) may wait.
  std::chrono::milliseconds read_timeout{60'000};
  std::chrono::milliseconds drain_timeout{5'000};
  std::string access_log;  ///< "" none, "-" stdout, else a file (appended)
  std::string log_format = "text";
  std::string ready_file;
  bool splice = true;          ///< splice(2) for bulk transfers (off: read/write only)
  bool handle_signals = true;  ///< SIGTERM/SIGINT start the drain
  /// The static tcpServersTransport (--traefik-config): default@internal, for load balancers
  /// that name no ServersTransportTCP.
  provider::StaticTcpTransport default_transport;
};

/// Counters, one per outcome (Envoy's ALL_TLS_INSPECTOR_STATS in spirit).
struct ProxyStats {
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> proxied{0};
  std::atomic<std::uint64_t> no_route{0};
  std::atomic<std::uint64_t> tls_invalid{0};
  std::atomic<std::uint64_t> peek_timeout{0};
  std::atomic<std::uint64_t> proxy_header_invalid{0};
  std::atomic<std::uint64_t> refused_middleware{0};
  std::atomic<std::uint64_t> no_server{0};
  std::atomic<std::uint64_t> dial_failed{0};
  std::atomic<std::uint64_t> accept_errors{0};
  std::atomic<std::uint64_t> keep_alives_set{0};  ///< backend keep-alives set by the sweep
};

class Proxy {
 public:
  /// Builds the runtime routing from the plan and binds every listener (and the stubs). Null
  /// with *err on a configuration or bind error. `plan` and `config` must outlive the proxy.
  /// Start-up messages (mappings, unreachable servers) go to `log`.
  static std::unique_ptr<Proxy> Create(const resolve::RoutePlan& plan,
                                       const provider::Configuration& config, ServeOptions options,
                                       std::ostream& log, std::string* err);
  ~Proxy();
  Proxy(const Proxy&) = delete;
  Proxy& operator=(const Proxy&) = delete;

  /// "NAME HOST:PORT" per entry point, the real ports, in --entrypoint order.
  std::vector<std::pair<std::string, std::string>> Bound() const;
  /// Runs the event loop until the drain ends. Call from one thread.
  void Run();
  /// Starts the drain (thread-safe): stop accepting, let connections finish within the drain
  /// timeout, then close them; Run() returns.
  void Stop();
  const ProxyStats& stats() const;
  /// Connections being served now (thread-safe).
  std::size_t Active() const;

  struct Impl;

 private:
  explicit Proxy(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Writes `text` to `path` through a temporary file and rename(2), so a reader sees all or
/// nothing. False with *err.
bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* err);

}  // namespace irtcp::proxy
