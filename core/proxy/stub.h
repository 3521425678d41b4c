// Stub backends (--stub-backends, implied by --check): a loopback listener per server that
// answers every connection with who it stands for, so a check can see where a connection went.
//
// Protocol (server first, then client first, so both kinds of check work):
//   on accept:        "irtcp-stub <ns/service> <server>\n"
//   on the first data: "irtcp-stub-got tls sni=<sni> alpn=<a,b>\n" for a ClientHello, else
//                      "irtcp-stub-got plain <n>\n"; then every byte received is echoed.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace asio {
class io_context;
}  // namespace asio

namespace irtcp::proxy {

class StubServer {
 public:
  /// Listens on 127.0.0.1 with a free port. Null with *err on a bind error.
  static std::unique_ptr<StubServer> Start(asio::io_context& io, const std::string& service,
                                           const std::string& server, std::string* err);
  ~StubServer();
  StubServer(const StubServer&) = delete;
  StubServer& operator=(const StubServer&) = delete;

  /// "127.0.0.1:PORT".
  const std::string& address() const;
  /// Stops accepting (open stub connections end when their peers close).
  void Close();

  struct Impl;

 private:
  explicit StubServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// What a stub said, parsed by the check runner.
struct StubIdentity {
  std::string service;
  std::string server;
};
/// Parses the "irtcp-stub " line (without the newline); false when it is not one.
bool ParseStubIdentity(std::string_view line, StubIdentity* out);

}  // namespace irtcp::proxy
