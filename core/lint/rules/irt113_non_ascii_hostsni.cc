#include <algorithm>
#include <string>
#include <vector>

#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/text_util.h"

namespace irtcp::lint {

const diag::RuleInfo kNonAsciiHostSni{"IRT113",
                                      "non-ascii-hostsni",
                                      "a HostSNI domain with non-ASCII characters",
                                      R"md(## What it does
Reports `HostSNI` values with non-ASCII characters (internationalised domain names such as
`bücher.example`) and suggests their punycode (IDNA) form.

## Why is this bad?
Clients send the ASCII (punycode) form of a name in the TLS SNI, and Traefik compares names
without IDNA conversion. Traefik rejects the value (`... is not a valid hostname`), and on a
TLS-terminating router also logs `invalid domain name value "...", non-ASCII characters are not
allowed`; the router is dropped.

## How to fix
Write the punycode form given in the message (`xn--bcher-kva.example`). The suggestion encodes
each label as written: lower-case it first if needed (IDNA maps upper case).

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

namespace {

constexpr std::uint32_t kBase = 36;
constexpr std::uint32_t kTmin = 1;
constexpr std::uint32_t kTmax = 26;

char Digit(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

std::uint32_t Adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / 700 : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + 38);
}

// RFC 3492 punycode of one label.
std::string Punycode(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (std::uint32_t c : cps) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    }
  }
  auto b = static_cast<std::uint32_t>(out.size());
  std::uint32_t h = b;
  if (b > 0) {
    out += '-';
  }
  std::uint32_t n = 0x80;
  std::uint32_t delta = 0;
  std::uint32_t bias = 72;
  while (h < cps.size()) {
    std::uint32_t m = 0xFFFFFFFF;
    for (std::uint32_t c : cps) {
      if (c >= n) {
        m = std::min(m, c);
      }
    }
    delta += (m - n) * (h + 1);
    n = m;
    for (std::uint32_t c : cps) {
      if (c < n) {
        ++delta;
      }
      if (c == n) {
        std::uint32_t q = delta;
        for (std::uint32_t k = kBase;; k += kBase) {
          std::uint32_t t = k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
          if (q < t) {
            break;
          }
          out += Digit(t + (q - t) % (kBase - t));
          q = (q - t) / (kBase - t);
        }
        out += Digit(q);
        bias = Adapt(delta, h + 1, h == b);
        delta = 0;
        ++h;
      }
    }
    ++delta;
    ++n;
  }
  return "xn--" + out;
}

std::string ToAsciiDomain(std::string_view host) {
  std::string out;
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t dot = host.find('.', start);
    std::string_view label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    std::vector<std::uint32_t> cps;
    bool ascii = true;
    for (std::size_t i = 0; i < label.size();) {
      std::int32_t rune = 0;
      std::size_t width = 1;
      rule_lang::DecodeUtf8(label.substr(i), &rune, &width);
      cps.push_back(static_cast<std::uint32_t>(rune));
      ascii = ascii && rune < 0x80;
      i += width;
    }
    out += ascii ? std::string(label) : Punycode(cps);
    if (dot == std::string_view::npos) {
      break;
    }
    out += '.';
    start = dot + 1;
  }
  return out;
}

}  // namespace

void CheckNonAsciiHostSni(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachMatchError(env, 113, [&](const RouteMatch& r, const rule_lang::Error& e) {
    const rule_lang::Arg* arg = ArgAt(*r.parsed->root, e.begin, nullptr);
    if (arg == nullptr) {
      return;
    }
    std::string message = "HostSNI(\"" + arg->value +
                          "\") is not ASCII: clients send the punycode form in the SNI, and "
                          "Traefik rejects the value";
    if (r.has_tls && !r.passthrough) {
      message += " (and, on this TLS-terminating router, the domain)";
    }
    message += "; the router is dropped";
    env.ReportInMatch(sink, kNonAsciiHostSni, r, arg->begin, arg->end, message).help =
        "write HostSNI(`" + ToAsciiDomain(arg->value) + "`)";
  });
}

}  // namespace irtcp::lint
