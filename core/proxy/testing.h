// Test support for the proxy: blocking loopback sockets, backend threads and a running proxy
// over a manifest. Everything binds 127.0.0.1 port 0; every wait is bounded (5 s socket
// timeouts, 10 s accept polls).
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/proxy/server.h"
#include "core/run/session.h"

namespace irtcp::proxy::proxytest {

namespace fs = std::filesystem;

// ---- plain blocking loopback sockets for the test side ---------------------------------------

inline int Listen(std::uint16_t* port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  EXPECT_EQ(::listen(fd, 64), 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  *port = ntohs(a.sin_port);
  return fd;
}

inline int Dial(const std::string& host_port, const std::string& from_ip = "") {
  std::size_t colon = host_port.rfind(':');
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  if (!from_ip.empty()) {
    sockaddr_in s{};
    s.sin_family = AF_INET;
    inet_pton(AF_INET, from_ip.c_str(), &s.sin_addr);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&s), sizeof s), 0);
  }
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(std::stoi(host_port.substr(colon + 1))));
  inet_pton(AF_INET, host_port.substr(0, colon).c_str(), &a.sin_addr);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0) << host_port;
  return fd;
}

inline void SendAll(int fd, std::string_view data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) {
      return;
    }
    off += static_cast<std::size_t>(n);
  }
}

inline void SendAll(int fd, const std::vector<std::uint8_t>& data) {
  SendAll(fd, std::string_view(reinterpret_cast<const char*>(data.data()), data.size()));
}

/// Reads until `lines` newlines, EOF or the socket timeout (5 s).
inline std::string ReadLines(int fd, std::size_t lines) {
  std::string out;
  char buf[4096];
  while (static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')) < lines) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

inline std::string ReadAll(int fd) {
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

/// A backend: accepts up to `max_conns` connections and runs `handler` on each in its own thread
/// (so a held connection does not block the next). Threads are joined on destruction.
class Backend {
 public:
  template <typename Handler>
  Backend(int max_conns, Handler handler) {
    fd_ = Listen(&port_);
    thread_ = std::thread([this, max_conns, handler]() {
      for (int i = 0; i < max_conns; ++i) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 10'000) <= 0 || stop_) {
          break;
        }
        int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) {
          break;
        }
        timeval tv{5, 0};
        ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        workers_.emplace_back([c, handler]() {
          handler(c);
          ::close(c);
        });
      }
    });
  }
  ~Backend() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    for (std::thread& t : workers_) {
      t.join();
    }
    ::close(fd_);
  }
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> workers_;
  std::thread thread_;
};

/// A manifest, its route plan and a running proxy on 127.0.0.1:0 entry points.
class Harness {
 public:
  Harness(const std::string& manifest, ServeOptions options, const std::vector<std::string>& eps) {
    dir_ = fs::temp_directory_path() /
           ("irtcp-proxy-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "in.yaml") << manifest;
    run::SessionOptions so;
    so.command = run::Command::kResolve;
    so.load.paths = {(dir_ / "in.yaml").string()};
    for (const std::string& ep : eps) {
      so.static_config.entry_points.push_back(provider::MakeEntryPoint(ep, ":0"));
      if (std::none_of(options.listen.begin(), options.listen.end(),
                       [&](const ListenSpec& l) { return l.name == ep; })) {
        options.listen.push_back({ep, "127.0.0.1", 0, {}, {}});
      }
    }
    session_ = run::RunSession(so);
    plan_ = resolve::BuildRoutePlan(session_->provider, session_->static_config);
    resolve::ReviveRouters(plan_, [&](const resolve::PlannedBackend& b) {
      return std::any_of(options.mappings.begin(), options.mappings.end(),
                         [&](const BackendMapping& m) {
                           return m.by_service() && m.service == b.service && m.port == b.port;
                         });
    });
    options.handle_signals = false;
    std::string err;
    proxy_ = Proxy::Create(plan_, session_->provider.config, options, log_, &err);
    EXPECT_NE(proxy_, nullptr) << err;
    if (proxy_ != nullptr) {
      thread_ = std::thread([this]() { proxy_->Run(); });
    }
  }
  ~Harness() {
    if (proxy_ != nullptr) {
      proxy_->Stop();
      thread_.join();
    }
    fs::remove_all(dir_);
  }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  std::string Address(const std::string& ep) const {
    for (const auto& [name, addr] : proxy_->Bound()) {
      if (name == ep) {
        return addr;
      }
    }
    return "";
  }
  Proxy& proxy() { return *proxy_; }
  std::string log() const { return log_.str(); }

 private:
  fs::path dir_;
  std::unique_ptr<run::Session> session_;
  resolve::RoutePlan plan_;
  std::ostringstream log_;
  std::unique_ptr<Proxy> proxy_;
  std::thread thread_;
};

inline BackendMapping Map(const std::string& from, const std::string& to) {
  BackendMapping m;
  std::string err;
  EXPECT_TRUE(ParseBackendMapping(from + "=" + to, "test", &m, &err)) << err;
  return m;
}

}  // namespace irtcp::proxy::proxytest
