#include "core/proxy/check_runner.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "core/diag/diagnostic.h"
#include "core/proxy/backend_map.h"
#include "core/proxy/client_hello.h"
#include "core/proxy/proxy_header.h"
#include "core/proxy/stub.h"
#include "core/proxy/tls.h"
#include "core/rule_lang/ip.h"
#include "core/source/source_file.h"
#include "core/util/terminal.h"
#include "core/yaml/load.h"

namespace irtcp::proxy {

namespace {

using yaml::Document;
using yaml::NodeId;

class CheckParser {
 public:
  CheckParser(const Document& doc, std::string path) : doc_(doc), path_(std::move(path)) {}

  bool Error(NodeId node, const std::string& message) {
    if (err_.empty()) {
      const source::Location& loc = doc_.node(node).loc;
      err_ = path_ + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": " +
             message;
    }
    return false;
  }
  const std::string& error() const { return err_; }

  bool String(NodeId node, std::string_view key, std::string* out) {
    if (!doc_.IsString(node)) {
      return Error(node, std::string(key) + ": expected a string");
    }
    *out = std::string(doc_.Text(node));
    return true;
  }

  bool Parse(std::vector<CheckSpec>* out) {
    NodeId root = doc_.root();
    if (!doc_.IsMapping(root)) {
      return Error(root, "expected a mapping with `checks`");
    }
    NodeId checks = yaml::kNoNode;
    for (std::uint32_t i = 0; i < doc_.Size(root); ++i) {
      NodeId k = doc_.KeyAt(root, i);
      if (doc_.Text(k) != "checks") {
        return Error(k, "unknown key \"" + std::string(doc_.Text(k)) + "\" (expected checks)");
      }
      checks = doc_.ValueAt(root, i);
    }
    if (checks == yaml::kNoNode || !doc_.IsSequence(checks)) {
      return Error(checks == yaml::kNoNode ? root : checks, "checks: expected a list of checks");
    }
    std::set<std::string> names;
    for (std::uint32_t i = 0; i < doc_.Size(checks); ++i) {
      CheckSpec spec;
      NodeId item = doc_.ItemAt(checks, i);
      if (!ParseCheck(item, &spec)) {
        return false;
      }
      if (!names.insert(spec.name).second) {
        return Error(doc_.Get(item, "name"), "duplicate check name \"" + spec.name + "\"");
      }
      out->push_back(std::move(spec));
    }
    return true;
  }

 private:
  bool ParseCheck(NodeId item, CheckSpec* spec) {
    if (!doc_.IsMapping(item)) {
      return Error(item, "a check is a mapping (name, entryPoint, expect, ...)");
    }
    const source::Location& loc = doc_.node(item).loc;
    spec->location = path_ + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    bool has_expect = false;
    for (std::uint32_t i = 0; i < doc_.Size(item); ++i) {
      NodeId k = doc_.KeyAt(item, i);
      NodeId v = doc_.ValueAt(item, i);
      std::string_view key = doc_.Text(k);
      if (key == "name") {
        if (!String(v, key, &spec->name)) {
          return false;
        }
      } else if (key == "entryPoint") {
        if (!String(v, key, &spec->entry_point)) {
          return false;
        }
      } else if (key == "sni") {
        if (!String(v, key, &spec->sni)) {
          return false;
        }
      } else if (key == "alpn") {
        if (!doc_.IsSequence(v)) {
          return Error(v, "alpn: expected a list of protocols");
        }
        for (std::uint32_t j = 0; j < doc_.Size(v); ++j) {
          std::string proto;
          if (!String(doc_.ItemAt(v, j), "alpn", &proto)) {
            return false;
          }
          if (proto.empty() || proto.size() > 255) {
            return Error(doc_.ItemAt(v, j), "alpn: a protocol is 1 to 255 bytes");
          }
          spec->alpn.push_back(proto);
        }
      } else if (key == "clientIP") {
        if (!String(v, key, &spec->client_ip)) {
          return false;
        }
        if (!rule_lang::ParseIpAddr(spec->client_ip, false)) {
          return Error(v, "clientIP: \"" + spec->client_ip + "\" is not an IP address");
        }
      } else if (key == "send") {
        if (!String(v, key, &spec->send)) {
          return false;
        }
      } else if (key == "expect") {
        has_expect = true;
        if (!ParseExpect(v, spec)) {
          return false;
        }
      } else {
        return Error(k, "unknown key \"" + std::string(key) +
                            "\" (expected name, entryPoint, sni, alpn, clientIP, send, expect)");
      }
    }
    if (spec->name.empty()) {
      return Error(item, "a check needs a name");
    }
    if (spec->entry_point.empty()) {
      return Error(item, "check \"" + spec->name + "\" needs an entryPoint");
    }
    if (!has_expect) {
      return Error(item, "check \"" + spec->name + "\" needs expect");
    }
    return true;
  }

  bool ParseExpect(NodeId v, CheckSpec* spec) {
    if (!doc_.IsMapping(v) || doc_.Size(v) == 0) {
      return Error(v, "expect: a mapping with service, server, tls or refused");
    }
    for (std::uint32_t i = 0; i < doc_.Size(v); ++i) {
      NodeId k = doc_.KeyAt(v, i);
      NodeId val = doc_.ValueAt(v, i);
      std::string_view key = doc_.Text(k);
      std::string text;
      if (key == "service") {
        if (!String(val, key, &text)) {
          return false;
        }
        std::size_t slash = text.find('/');
        if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) {
          return Error(val, "service: expected NAMESPACE/NAME, got \"" + text + "\"");
        }
        spec->expect_service = text;
      } else if (key == "server") {
        if (!String(val, key, &text)) {
          return false;
        }
        if (!SplitHostPort(text)) {
          return Error(val, "server: expected HOST:PORT, got \"" + text + "\"");
        }
        spec->expect_server = text;
      } else if (key == "tls") {
        if (!String(val, key, &text)) {
          return false;
        }
        if (text != "passthrough" && text != "terminate" && text != "none") {
          return Error(val, "tls: expected passthrough, terminate or none, got \"" + text + "\"");
        }
        spec->expect_tls = text;
      } else if (key == "refused") {
        const yaml::Node& n = doc_.node(val);
        if (!doc_.IsScalar(val) || n.type != yaml::ScalarType::kBool) {
          return Error(val, "refused: expected true or false");
        }
        spec->expect_refused = n.num.b;
      } else {
        return Error(k, "unknown key \"" + std::string(key) +
                            "\" in expect (expected service, server, tls, refused)");
      }
    }
    return true;
  }

  const Document& doc_;
  std::string path_;
  std::string err_;
};

// ---- the client side ---------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int MsLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

bool WaitFd(int fd, short events, Clock::time_point deadline) {
  pollfd p{fd, events, 0};
  int r = 0;
  do {
    r = ::poll(&p, 1, MsLeft(deadline));
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

bool SendAll(int fd, const std::vector<std::uint8_t>& data, Clock::time_point deadline) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n > 0) {
      off += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!WaitFd(fd, POLLOUT, deadline)) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

/// Connects to `target` from `client_ip` (bound when given). -1 with *err.
int Connect(const HostPort& target, const std::string& client_ip, Clock::time_point deadline,
            std::string* err) {
  bool v6 = target.host.find(':') != std::string::npos;
  int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *err = std::string("socket: ") + std::strerror(errno);
    return -1;
  }
  sockaddr_storage ss{};
  socklen_t len = 0;
  sockaddr_storage src{};
  socklen_t src_len = 0;
  if (v6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(target.port);
    inet_pton(AF_INET6, target.host.c_str(), &a->sin6_addr);
    len = sizeof *a;
    if (!client_ip.empty()) {
      auto* s = reinterpret_cast<sockaddr_in6*>(&src);
      s->sin6_family = AF_INET6;
      src_len = inet_pton(AF_INET6, client_ip.c_str(), &s->sin6_addr) == 1 ? sizeof *s : 0;
    }
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&ss);
    a->sin_family = AF_INET;
    a->sin_port = htons(target.port);
    inet_pton(AF_INET, target.host.c_str(), &a->sin_addr);
    len = sizeof *a;
    if (!client_ip.empty()) {
      auto* s = reinterpret_cast<sockaddr_in*>(&src);
      s->sin_family = AF_INET;
      src_len = inet_pton(AF_INET, client_ip.c_str(), &s->sin_addr) == 1 ? sizeof *s : 0;
    }
  }
  if (src_len > 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&src), src_len) != 0) {
    *err = "cannot bind " + client_ip + ": " + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  if (::connect(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0 && errno != EINPROGRESS) {
    *err = std::string("connect: ") + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  int so_error = 0;
  socklen_t so_len = sizeof so_error;
  if (!WaitFd(fd, POLLOUT, deadline) ||
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_len) != 0 || so_error != 0) {
    *err = std::string("connect: ") + (so_error != 0 ? std::strerror(so_error) : "timeout");
    ::close(fd);
    return -1;
  }
  return fd;
}

/// Reads until `done(buffer)` says enough, EOF, or the deadline. False on EOF/reset/timeout
/// before `done`.
template <typename Done>
bool ReadUntil(int fd, std::string& buf, Clock::time_point deadline, Done done, bool* eof) {
  char chunk[4096];
  while (!done(buf)) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      buf.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
      *eof = true;
      return false;
    }
    if (!WaitFd(fd, POLLIN, deadline)) {
      return false;
    }
  }
  return true;
}

std::size_t CountLines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

/// Connects for a check and builds the PROXY header to send first (empty when none). -1 with
/// *err.
int OpenCheckConn(const CheckSpec& spec, const HostPort& target, bool spoof, bool header,
                  Clock::time_point deadline, std::vector<std::uint8_t>* out, std::string* err) {
  std::string bind_ip = spoof ? std::string() : spec.client_ip;
  int fd = Connect(target, bind_ip, deadline, err);
  if (fd < 0 || !header) {
    return fd;
  }
  sockaddr_storage local{};
  socklen_t len = sizeof local;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len);
  std::uint16_t local_port = local.ss_family == AF_INET6
                                 ? ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port)
                                 : ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
  std::string ip = spec.client_ip.empty() ? target.host : spec.client_ip;
  bool v6 = ip.find(':') != std::string::npos;
  std::string src = (v6 ? "[" + ip + "]" : ip) + ":" + std::to_string(local_port);
  std::string dst = target.host.find(':') != std::string::npos
                        ? "[" + target.host + "]:" + std::to_string(target.port)
                        : target.host + ":" + std::to_string(target.port);
  *out = BuildProxyHeader(2, src, dst);
  if (out->empty()) {
    *err = "clientIP " + ip + " and entry point " + dst + " are of different address families";
    ::close(fd);
    return -1;
  }
  return fd;
}

/// A real TLS handshake with the proxy (a terminating route), the presented certificate
/// checked against the SNI, then the stub's identity through the tunnel.
CheckObservation ObserveTerminated(const CheckSpec& spec, const HostPort& target, bool spoof,
                                   bool header, Clock::time_point deadline, std::string* err) {
  CheckObservation obs;
  obs.tls = "terminate";
  std::vector<std::uint8_t> out;
  int raw = OpenCheckConn(spec, target, spoof, header, deadline, &out, err);
  if (raw < 0) {
    return obs;
  }
  Fd fd(raw);
  if (!out.empty() && !SendAll(fd.get(), out, deadline)) {
    obs.refused = true;
    obs.detail = "closed while sending the PROXY header";
    return obs;
  }
  // OpenSSL drives a blocking socket here, bounded by the socket timeouts.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  const int left_ms = MsLeft(deadline);
  timeval tv{static_cast<time_t>(left_ms / 1000), static_cast<suseconds_t>(left_ms % 1000) * 1000};
  ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  std::string plain;
  std::vector<std::string> names;
  bool name_ok = false;
  std::string why;
  if (!TlsClientExchange(fd.get(), spec.sni, spec.alpn, spec.send, spec.send.empty() ? 1 : 2,
                         &plain, &names, &name_ok, &why)) {
    obs.refused = true;
    obs.detail = why;
    return obs;
  }
  for (const std::string& n : names) {
    obs.cert += (obs.cert.empty() ? "" : ",") + n;
  }
  obs.cert_ok = spec.sni.empty() || name_ok;
  StubIdentity id;
  if (plain.empty()) {
    obs.refused = true;
    obs.detail = "TLS handshake done, then closed without a byte";
  } else if (ParseStubIdentity(plain.substr(0, plain.find('\n')), &id)) {
    obs.service = id.service;
    obs.server = id.server;
  } else {
    obs.service = "(not a stub)";
  }
  return obs;
}

/// `spoof`: the client address is not loopback and goes in a PROXY header only; `header`: send
/// a PROXY header (with the client address, or the real one when the check sets none).
CheckObservation Observe(const CheckSpec& spec, const HostPort& target, bool spoof, bool header,
                         std::chrono::milliseconds timeout, std::string* err) {
  CheckObservation obs;
  Clock::time_point deadline = Clock::now() + timeout;
  std::vector<std::uint8_t> out;
  int raw = OpenCheckConn(spec, target, spoof, header, deadline, &out, err);
  if (raw < 0) {
    return obs;
  }
  Fd fd(raw);
  bool hello = !spec.sni.empty() || !spec.alpn.empty();
  if (hello) {
    std::vector<std::uint8_t> h = BuildClientHello(spec.sni, spec.alpn);
    out.insert(out.end(), h.begin(), h.end());
  } else {
    out.insert(out.end(), spec.send.begin(), spec.send.end());
  }
  if (!out.empty() && !SendAll(fd.get(), out, deadline)) {
    obs.refused = true;
    obs.detail = "closed while sending";
    return obs;
  }
  // The stub speaks first; when we sent bytes it also says what it received.
  const bool sent_payload = hello || !spec.send.empty();
  const std::size_t lines = sent_payload ? 2 : 1;
  std::string buf;
  bool eof = false;
  bool complete = ReadUntil(
      fd.get(), buf, deadline,
      [&](const std::string& b) {
        if (!b.empty() && (b[0] == 0x16 || b[0] == 0x15)) {
          return true;  // a TLS record (handshake or alert): the proxy terminates
        }
        if (b.find('\n') != std::string::npos && !b.starts_with("irtcp-stub ")) {
          return true;  // a real backend, not a stub
        }
        return CountLines(b) >= lines;
      },
      &eof);
  if (buf.empty()) {
    obs.refused = true;
    obs.detail = eof ? "closed without a byte" : "no answer within the timeout";
    return obs;
  }
  if (buf[0] == 0x16 || buf[0] == 0x15) {
    // The proxy answered our ClientHello itself: it terminates TLS. Do it for real.
    return ObserveTerminated(spec, target, spoof, header, deadline, err);
  }
  std::string first = buf.substr(0, buf.find('\n'));
  StubIdentity id;
  if (!ParseStubIdentity(first, &id)) {
    obs.detail = "the backend is not an irtcp stub: \"" + diag::Shorten(first) + "\"";
    obs.service = "(not a stub)";
    obs.tls = hello ? "passthrough" : "none";
    return obs;
  }
  obs.service = id.service;
  obs.server = id.server;
  obs.tls = "none";
  if (hello) {
    std::size_t nl = buf.find('\n');
    std::string second = nl == std::string::npos ? "" : buf.substr(nl + 1);
    second = second.substr(0, second.find('\n'));
    obs.tls = second.starts_with("irtcp-stub-got tls") ? "passthrough" : "none";
    if (!complete) {
      obs.detail = "the stub did not report the ClientHello";
    }
  }
  return obs;
}

std::string Describe(const CheckSpec& s) {
  std::vector<std::string> parts;
  if (s.expect_refused && *s.expect_refused) {
    return "refused";
  }
  if (s.expect_service) {
    parts.push_back(*s.expect_service);
  }
  if (s.expect_server) {
    parts.push_back(*s.expect_server);
  }
  if (s.expect_tls) {
    parts.push_back("tls=" + *s.expect_tls);
  }
  if (parts.empty()) {
    parts.push_back("not refused");
  }
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : " ") + p;
  }
  return out;
}

std::string Describe(const CheckSpec& s, const CheckObservation& o) {
  if (o.refused) {
    return "refused";
  }
  std::vector<std::string> parts;
  if (!o.service.empty()) {
    parts.push_back(o.service);
  }
  if (s.expect_server || !o.server.empty()) {
    parts.push_back(o.server.empty() ? "(no server)" : o.server);
  }
  parts.push_back("tls=" + o.tls);
  if (o.tls == "terminate") {
    parts.push_back(std::string(o.cert_ok ? "cert=" : "wrong-cert=") + o.cert);
  }
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : " ") + p;
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", u);
      out += b;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

bool ParseChecks(const std::string& display_path, std::string text, std::vector<CheckSpec>* out,
                 std::string* err) {
  auto file = std::make_shared<const source::SourceFile>(display_path, std::move(text));
  diag::DiagnosticSink sink;
  std::vector<Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
  if (!sink.empty()) {
    const diag::Diagnostic& d = sink.diagnostics().front();
    *err = display_path + ":" + std::to_string(d.location.line) + ":" +
           std::to_string(d.location.column) + ": " + d.message;
    return false;
  }
  if (docs.size() != 1) {
    *err = display_path + ":1:1: expected one YAML document with `checks`";
    return false;
  }
  CheckParser parser(docs.front(), display_path);
  if (!parser.Parse(out)) {
    *err = parser.error();
    return false;
  }
  if (out->empty()) {
    *err = display_path + ":1:1: no checks";
    return false;
  }
  return true;
}

bool LoadChecks(const std::string& path, std::vector<CheckSpec>* out, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read the check file";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseChecks(path, ss.str(), out, err);
}

std::vector<CheckResult> RunChecks(const std::vector<CheckSpec>& checks,
                                   const std::vector<std::pair<std::string, std::string>>& bound,
                                   const std::vector<ListenSpec>& listen,
                                   const CheckRunOptions& options) {
  std::vector<CheckResult> results;
  for (const CheckSpec& spec : checks) {
    CheckResult r;
    r.spec = &spec;
    r.expected = Describe(spec);
    Clock::time_point start = Clock::now();
    const std::string* address = nullptr;
    for (const auto& [name, addr] : bound) {
      if (name == spec.entry_point) {
        address = &addr;
      }
    }
    const ListenSpec* ls = nullptr;
    for (const ListenSpec& l : listen) {
      if (l.name == spec.entry_point) {
        ls = &l;
      }
    }
    std::optional<HostPort> target = address ? SplitHostPort(*address) : std::nullopt;
    if (!target || ls == nullptr) {
      r.error = "entry point \"" + spec.entry_point + "\" is not listening (add --entrypoint " +
                spec.entry_point + "=127.0.0.1:0)";
    }
    bool proxy_header = false;
    if (r.error.empty() && !spec.client_ip.empty()) {
      std::optional<rule_lang::IpAddr> ip = rule_lang::ParseIpAddr(spec.client_ip, false);
      rule_lang::IpAddr one{};
      one.bytes[15] = 1;
      bool loopback = ip && ((ip->Is4() && ip->bytes[12] == 127) || *ip == one);
      if (!loopback) {
        rule_lang::IpChecker trusted;
        std::string why;
        std::size_t bad = 0;
        bool trusts = !ls->proxy_protocol_trusted.empty() &&
                      trusted.Init(ls->proxy_protocol_trusted, &why, &bad) &&
                      trusted.Contains(target->host == "::1" ? "::1" : "127.0.0.1");
        if (!trusts) {
          r.error = "clientIP " + spec.client_ip + " is not a loopback address and entry point " +
                    spec.entry_point + " does not trust PROXY headers from loopback (add " +
                    "--proxy-protocol " + spec.entry_point + "=127.0.0.1/32)";
        }
        proxy_header = true;
      }
    }
    // An entry point that reads PROXY headers waits for one before routing (even the fast path
    // needs the client address): always send it there, with the check's client address.
    bool header_entry = ls != nullptr && !ls->proxy_protocol_trusted.empty();
    if (r.error.empty()) {
      std::string err;
      CheckObservation obs =
          Observe(spec, *target, proxy_header, proxy_header || header_entry, options.timeout, &err);
      if (!err.empty()) {
        r.error = err;
      } else {
        r.got = Describe(spec, obs);
        bool pass = true;
        bool want_refused = spec.expect_refused.value_or(false);
        pass = pass && obs.refused == want_refused;
        if (!obs.refused) {
          pass = pass && (!spec.expect_service || obs.service == *spec.expect_service);
          pass = pass && (!spec.expect_server || obs.server == *spec.expect_server);
          pass = pass && (!spec.expect_tls || obs.tls == *spec.expect_tls);
          pass = pass && obs.cert_ok;  // a terminating route must present the SNI's certificate
        }
        r.pass = pass;
        if (!obs.detail.empty() && !pass) {
          r.got += " (" + obs.detail + ")";
        }
      }
    }
    if (!r.error.empty()) {
      r.got = "error: " + r.error;
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    results.push_back(std::move(r));
  }
  return results;
}

void WriteCheckReport(const std::vector<CheckResult>& results, std::string_view format,
                      std::ostream& out) {
  std::size_t failed = 0;
  for (const CheckResult& r : results) {
    failed += r.pass ? 0 : 1;
  }
  if (format == "json") {
    out << "{\"checks\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
      const CheckResult& r = results[i];
      out << (i > 0 ? "," : "") << "{\"name\":" << JsonString(r.spec->name)
          << ",\"location\":" << JsonString(r.spec->location)
          << ",\"entryPoint\":" << JsonString(r.spec->entry_point)
          << ",\"expected\":" << JsonString(r.expected) << ",\"got\":" << JsonString(r.got)
          << ",\"pass\":" << (r.pass ? "true" : "false") << "}";
    }
    out << "],\"summary\":{\"checks\":" << results.size()
        << ",\"passed\":" << results.size() - failed << ",\"failed\":" << failed << "}}\n";
    return;
  }
  if (format == "junit") {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"irtcp serve --check\" tests=\"" << results.size() << "\" failures=\""
        << failed << "\">\n"
        << "  <testsuite name=\"irtcp serve --check\" tests=\"" << results.size()
        << "\" failures=\"" << failed << "\">\n";
    for (const CheckResult& r : results) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.3f", r.seconds);
      out << "    <testcase name=\"" << XmlEscape(r.spec->name) << "\" classname=\""
          << XmlEscape(r.spec->entry_point) << "\" file=\"" << XmlEscape(r.spec->location)
          << "\" time=\"" << secs << "\"";
      if (r.pass) {
        out << "/>\n";
      } else {
        out << ">\n      <failure message=\"expected " << XmlEscape(r.expected) << ", got "
            << XmlEscape(r.got) << "\"/>\n    </testcase>\n";
      }
    }
    out << "  </testsuite>\n</testsuites>\n";
    return;
  }
  // Names come from the manifest and GOT from the backend's bytes: both are shown escaped, and
  // the columns are as wide as the escaped text.
  std::size_t w_name = 5;
  std::size_t w_exp = 8;
  std::size_t w_got = 3;
  for (const CheckResult& r : results) {
    w_name = std::max(w_name, util::TerminalSafeWidth(r.spec->name));
    w_exp = std::max(w_exp, util::TerminalSafeWidth(r.expected));
    w_got = std::max(w_got, util::TerminalSafeWidth(r.got));
  }
  auto pad = [](const std::string& s, std::size_t w) {
    return util::TerminalSafe(s) + std::string(w - util::TerminalSafeWidth(s), ' ');
  };
  out << pad("CHECK", w_name) << "  " << pad("EXPECTED", w_exp) << "  " << pad("GOT", w_got)
      << "  RESULT\n";
  for (const CheckResult& r : results) {
    out << pad(r.spec->name, w_name) << "  " << pad(r.expected, w_exp) << "  " << pad(r.got, w_got)
        << "  " << (r.pass ? "pass" : "FAIL") << "\n";
  }
  out << results.size() << " check" << (results.size() == 1 ? "" : "s") << ", "
      << results.size() - failed << " passed, " << failed << " failed\n";
}

}  // namespace irtcp::proxy
