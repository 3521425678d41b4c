#include "core/proxy/stub.h"

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <vector>

#include "core/proxy/client_hello.h"

namespace irtcp::proxy {

namespace {

using asio::ip::tcp;
constexpr auto kUse = asio::experimental::as_tuple(asio::use_awaitable);

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) {
    out += (out.empty() ? "" : ",") + s;
  }
  return out;
}

asio::awaitable<void> Answer(tcp::socket sock, std::string identity) {
  auto [wec, wn] = co_await asio::async_write(sock, asio::buffer(identity), kUse);
  if (wec) {
    co_return;
  }
  // Gather the first bytes: a ClientHello may arrive in several segments.
  std::vector<std::uint8_t> first;
  std::vector<std::uint8_t> buf(std::size_t{16} * 1024);
  bool reported = false;
  while (true) {
    auto [ec, n] = co_await sock.async_read_some(asio::buffer(buf), kUse);
    if (ec || n == 0) {
      break;
    }
    if (!reported) {
      first.insert(first.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
      ClientHello hello = ParseClientHello(first);
      if (hello.status == HelloStatus::kNeedMoreData && first.size() < kMaxPeekBytes) {
        continue;
      }
      std::string line = hello.status == HelloStatus::kTls
                             ? "irtcp-stub-got tls sni=" + hello.sni + " alpn=" + Join(hello.alpn)
                             : "irtcp-stub-got plain " + std::to_string(first.size());
      line += "\n";
      reported = true;
      auto [e2, n2] = co_await asio::async_write(sock, asio::buffer(line), kUse);
      if (e2 || hello.status == HelloStatus::kTls) {
        if (e2) {
          break;
        }
        continue;  // a ClientHello is not echoed back
      }
      auto [e3, n3] = co_await asio::async_write(sock, asio::buffer(first), kUse);
      if (e3) {
        break;
      }
      continue;
    }
    auto [e4, n4] = co_await asio::async_write(sock, asio::buffer(buf.data(), n), kUse);
    if (e4) {
      break;
    }
  }
  asio::error_code ignored;
  sock.shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace

struct StubServer::Impl {
  tcp::acceptor acceptor;
  std::string identity;
  std::string address;
  explicit Impl(asio::io_context& io) : acceptor(io) {}
};

StubServer::StubServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StubServer::~StubServer() = default;

std::unique_ptr<StubServer> StubServer::Start(asio::io_context& io, const std::string& service,
                                              const std::string& server, std::string* err) {
  auto impl = std::make_unique<Impl>(io);
  asio::error_code ec;
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
  impl->acceptor.open(ep.protocol(), ec);
  if (!ec) {
    impl->acceptor.bind(ep, ec);
  }
  if (!ec) {
    impl->acceptor.listen(1024, ec);
  }
  if (ec) {
    *err = "stub backend for " + service + ": " + ec.message();
    return nullptr;
  }
  impl->address = "127.0.0.1:" + std::to_string(impl->acceptor.local_endpoint().port());
  impl->identity = "irtcp-stub " + service + " " + server + "\n";
  Impl* raw = impl.get();
  asio::co_spawn(
      io,
      [raw]() -> asio::awaitable<void> {
        while (true) {
          auto [aec, sock] = co_await raw->acceptor.async_accept(kUse);
          if (aec == asio::error::operation_aborted || !raw->acceptor.is_open()) {
            break;
          }
          if (aec) {
            asio::steady_timer t(raw->acceptor.get_executor());
            t.expires_after(std::chrono::milliseconds(20));
            co_await t.async_wait(kUse);
            continue;
          }
          asio::co_spawn(raw->acceptor.get_executor(), Answer(std::move(sock), raw->identity),
                         asio::detached);
        }
      },
      asio::detached);
  return std::unique_ptr<StubServer>(new StubServer(std::move(impl)));
}

const std::string& StubServer::address() const { return impl_->address; }

void StubServer::Close() {
  asio::error_code ignored;
  impl_->acceptor.close(ignored);
}

bool ParseStubIdentity(std::string_view line, StubIdentity* out) {
  constexpr std::string_view kPrefix = "irtcp-stub ";
  if (!line.starts_with(kPrefix)) {
    return false;
  }
  line.remove_prefix(kPrefix.size());
  std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) {
    return false;
  }
  out->service = std::string(line.substr(0, sp));
  out->server = std::string(line.substr(sp + 1));
  if (out->server == "-") {
    out->server.clear();
  }
  return true;
}

}  // namespace irtcp::proxy
