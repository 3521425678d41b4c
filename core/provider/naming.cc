#include "core/provider/naming.h"

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP's first digest
// initialises the default provider and its name map: ~1.5 ms, an eighth of a pre-commit run
// that hashes one router name. The low-level functions hash the same bytes without that.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace irtcp::provider {

std::string MakeId(std::string_view ns, std::string_view name) {
  if (ns.empty()) {
    return std::string(name);
  }
  std::string out;
  out.reserve(ns.size() + name.size() + 1);
  out.append(ns);
  out += '-';
  out.append(name);
  return out;
}

std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_sep = false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    bool keep =
        (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
    if (!keep) {
      pending_sep = true;
      continue;
    }
    if (pending_sep && !out.empty()) {
      out += '-';
    }
    pending_sep = false;
    out += c;
  }
  return out;
}

std::string RouteKey(std::string_view ingress_name, std::string_view match) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, match.data(), match.size());
  SHA256_Final(digest.data(), &ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(ingress_name);
  out += '-';
  for (std::size_t i = 0; i < 10; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

std::string HostPort(std::string_view host, std::int64_t port) {
  std::string out;
  out.reserve(host.size() + 8);
  if (host.find(':') != std::string_view::npos) {
    out += '[';
    out.append(host);
    out += ']';
  } else {
    out.append(host);
  }
  out += ':';
  out += std::to_string(port);
  return out;
}

namespace {

// Prepends digits of the fraction (Go's fmtFrac): returns the remaining integer part.
std::uint64_t FmtFrac(std::string* rev, std::uint64_t v, int prec) {
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    std::uint64_t digit = v % 10;
    print = print || digit != 0;
    if (print) {
      *rev += static_cast<char>('0' + digit);
    }
    v /= 10;
  }
  if (print) {
    *rev += '.';
  }
  return v;
}

void FmtInt(std::string* rev, std::uint64_t v) {
  if (v == 0) {
    *rev += '0';
    return;
  }
  while (v > 0) {
    *rev += static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

}  // namespace

std::string FormatGoDuration(std::int64_t ns) {
  // Built reversed, like Go's format() which fills a buffer from the end.
  std::string rev;
  bool neg = ns < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  constexpr std::uint64_t kSecond = 1'000'000'000;
  if (u < kSecond) {
    int prec = 0;
    rev += 's';
    if (u == 0) {
      return "0s";
    }
    if (u < 1000) {
      prec = 0;
      rev += 'n';
    } else if (u < 1'000'000) {
      prec = 3;
      rev += "\xB5\xC2";  // "µ" reversed
    } else {
      prec = 6;
      rev += 'm';
    }
    u = FmtFrac(&rev, u, prec);
    FmtInt(&rev, u);
  } else {
    rev += 's';
    u = FmtFrac(&rev, u, 9);
    FmtInt(&rev, u % 60);
    u /= 60;
    if (u > 0) {
      rev += 'm';
      FmtInt(&rev, u % 60);
      u /= 60;
      if (u > 0) {
        rev += 'h';
        FmtInt(&rev, u);
      }
    }
  }
  if (neg) {
    rev += '-';
  }
  std::reverse(rev.begin(), rev.end());
  return rev;
}

std::optional<std::int64_t> ParseTraefikDuration(std::string_view text) {
  bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                             [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!digits) {
    return ParseGoDuration(text);
  }
  constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / 1'000'000'000;
  std::int64_t seconds = 0;
  for (char c : text) {
    seconds = seconds * 10 + (c - '0');
    if (seconds > kMaxSeconds) {
      return std::nullopt;
    }
  }
  return seconds * 1'000'000'000;
}

std::optional<std::int64_t> ParseGoDuration(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") {
    return 0;
  }
  if (s.empty()) {
    return std::nullopt;
  }
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(1) << 63;
  std::uint64_t total = 0;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  while (!s.empty()) {
    if (!(s[0] == '.' || is_digit(s[0]))) {
      return std::nullopt;
    }
    std::uint64_t v = 0;
    bool pre = false;
    while (!s.empty() && is_digit(s[0])) {
      if (v > (kMax - 9) / 10) {
        return std::nullopt;
      }
      v = v * 10 + static_cast<std::uint64_t>(s[0] - '0');
      s.remove_prefix(1);
      pre = true;
    }
    std::uint64_t frac = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      while (!s.empty() && is_digit(s[0])) {
        post = true;
        if (!overflow) {
          if (frac > (std::numeric_limits<std::uint64_t>::max() >> 4) / 10) {
            overflow = true;
          } else {
            frac = frac * 10 + static_cast<std::uint64_t>(s[0] - '0');
            scale *= 10;
          }
        }
        s.remove_prefix(1);
      }
    }
    if (!pre && !post) {
      return std::nullopt;
    }
    std::size_t i = 0;
    while (i < s.size() && !(s[i] == '.' || is_digit(s[i]))) {
      ++i;
    }
    if (i == 0) {
      return std::nullopt;
    }
    std::string_view unit_text = s.substr(0, i);
    s.remove_prefix(i);
    std::uint64_t unit = 0;
    if (unit_text == "ns") {
      unit = 1;
    } else if (unit_text == "us" || unit_text == "\xC2\xB5s" || unit_text == "\xCE\xBCs") {
      unit = 1000;
    } else if (unit_text == "ms") {
      unit = 1'000'000;
    } else if (unit_text == "s") {
      unit = 1'000'000'000;
    } else if (unit_text == "m") {
      unit = 60'000'000'000;
    } else if (unit_text == "h") {
      unit = 3'600'000'000'000;
    } else {
      return std::nullopt;
    }
    if (v > kMax / unit) {
      return std::nullopt;
    }
    v *= unit;
    if (frac > 0) {
      v += static_cast<std::uint64_t>(static_cast<double>(frac) *
                                      (static_cast<double>(unit) / scale));
      if (v > kMax) {
        return std::nullopt;
      }
    }
    total += v;
    if (total > kMax) {
      return std::nullopt;
    }
  }
  if (neg) {
    return total == kMax ? std::numeric_limits<std::int64_t>::min()
                         : -static_cast<std::int64_t>(total);
  }
  if (total > kMax - 1) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(total);
}

}  // namespace irtcp::provider
