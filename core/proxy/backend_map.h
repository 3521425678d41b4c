// --backend / --backends: where `serve` sends the traffic of a Service port or of one resolved
// server address (a manifest names cluster addresses; a CI job has loopback ones).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::proxy {

/// One mapping. Either `service` ("ns/name") with `port` (the route's port, a number or a name),
/// or `server` (a resolved "ip:port"), to `target` ("host:port").
struct BackendMapping {
  std::string service;
  std::string port;
  std::string server;
  std::string target;
  std::string origin;  ///< "--backend" or "file:line", for messages

  bool by_service() const { return !service.empty(); }
};

/// Parses `NS/SERVICE:PORT=HOST:PORT` or `IP:PORT=HOST:PORT` (IPv6 as `[::1]:80`). False with
/// *err saying what is wrong.
bool ParseBackendMapping(std::string_view text, std::string origin, BackendMapping* out,
                         std::string* err);

/// A --backends file: one mapping per line; `#` starts a comment; blank lines are skipped.
/// Errors are "path:line:col: message".
bool ParseBackendsFile(std::string_view path, std::string_view text,
                       std::vector<BackendMapping>* out, std::string* err);

/// "host:port" split; the host without brackets. nullopt when malformed or the port is not
/// 0..65535.
struct HostPort {
  std::string host;
  std::uint16_t port = 0;
};
std::optional<HostPort> SplitHostPort(std::string_view text);

}  // namespace irtcp::proxy
