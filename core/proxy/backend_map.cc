#include "core/proxy/backend_map.h"

#include <charconv>

#include "core/rule_lang/ip.h"

namespace irtcp::proxy {

std::optional<HostPort> SplitHostPort(std::string_view text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return std::nullopt;
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') {
      return std::nullopt;
    }
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return std::nullopt;  // an IPv6 address needs brackets
  }
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || value > 65535) {
    return std::nullopt;
  }
  return HostPort{std::string(host), static_cast<std::uint16_t>(value)};
}

bool ParseBackendMapping(std::string_view text, std::string origin, BackendMapping* out,
                         std::string* err) {
  std::size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    *err = "expected NS/SERVICE:PORT=HOST:PORT or IP:PORT=HOST:PORT, got \"" + std::string(text) +
           "\"";
    return false;
  }
  std::string_view from = text.substr(0, eq);
  std::string_view to = text.substr(eq + 1);
  BackendMapping m;
  m.origin = std::move(origin);
  if (!SplitHostPort(to)) {
    *err = "target \"" + std::string(to) + "\" is not HOST:PORT";
    return false;
  }
  m.target = std::string(to);
  std::size_t slash = from.find('/');
  if (slash != std::string_view::npos) {
    std::size_t colon = from.rfind(':');
    if (colon == std::string_view::npos || colon < slash || slash == 0 || colon == slash + 1 ||
        colon + 1 == from.size()) {
      *err = "\"" + std::string(from) + "\" is not NS/SERVICE:PORT";
      return false;
    }
    m.service = std::string(from.substr(0, colon));
    m.port = std::string(from.substr(colon + 1));
  } else {
    std::optional<HostPort> hp = SplitHostPort(from);
    if (!hp || !rule_lang::ParseIpAddr(hp->host, false)) {
      *err = "\"" + std::string(from) + "\" is neither NS/SERVICE:PORT nor IP:PORT";
      return false;
    }
    m.server = std::string(from);
  }
  *out = std::move(m);
  return true;
}

bool ParseBackendsFile(std::string_view path, std::string_view text,
                       std::vector<BackendMapping>* out, std::string* err) {
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++line_no;
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::size_t b = line.find_first_not_of(" \t\r");
    if (b != std::string_view::npos) {
      std::size_t e = line.find_last_not_of(" \t\r");
      std::string_view entry = line.substr(b, e - b + 1);
      std::string origin = std::string(path) + ":" + std::to_string(line_no);
      BackendMapping m;
      std::string why;
      if (!ParseBackendMapping(entry, origin, &m, &why)) {
        *err = origin;
        err->append(":").append(std::to_string(b + 1)).append(": ").append(why);
        return false;
      }
      out->push_back(std::move(m));
    }
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  return true;
}

}  // namespace irtcp::proxy
