#include "core/lint/rules/rule_lang_support.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "core/config/traefik_config.h"
#include "core/provider/naming.h"
#include "core/rule_lang/ip.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/priority.h"
#include "core/rule_lang/router_check.h"
#include "core/rule_lang/text_util.h"
#include "core/yaml/scalar_map.h"

namespace irtcp::lint {

namespace rl = rule_lang;

int ErrorCode(const rl::Error& error, std::string_view rule) {
  switch (error.kind) {
    case rl::ErrorKind::kNone:
      return 0;
    case rl::ErrorKind::kUnsupportedFunction:
      return 102;
    case rl::ErrorKind::kNoArgs:
    case rl::ErrorKind::kArgCount:
      return 103;
    case rl::ErrorKind::kUnexpectedNewline: {
      // Only a real line break in the rule is the semicolon trap; "found newline" at the very
      // end (`(HostSNI(`a`)`) is an ordinary syntax error.
      std::size_t nl = rule.find('\n');
      return nl != std::string_view::npos && nl < error.begin ? 105 : 101;
    }
    case rl::ErrorKind::kNonAsciiRegexp:
    case rl::ErrorKind::kBadRegexp:
    case rl::ErrorKind::kBadV2Template:
      return 106;
    case rl::ErrorKind::kBadIp:
      return 107;
    case rl::ErrorKind::kAcmeTlsAlpn:
      return 108;
    case rl::ErrorKind::kInvalidHost: {
      std::uint32_t end =
          std::min<std::uint32_t>(error.end, static_cast<std::uint32_t>(rule.size()));
      for (std::uint32_t i = error.begin; i < end; ++i) {
        if (static_cast<unsigned char>(rule[i]) >= 0x80) {
          return 113;
        }
      }
      return 112;
    }
    case rl::ErrorKind::kEmptyArg:
    case rl::ErrorKind::kEmptyValue:
      return 114;
    default:
      return 101;
  }
}

RuleLangEnv::RuleLangEnv(const RuleContext& ctx) : env_(ctx.Shared<ProviderView>()) {
  rl::Syntax default_syntax = rl::SyntaxFromString(ctx.options.default_rule_syntax);
  for (const model::IngressRouteTCP* irt : env_.processed()) {
    for (const model::Route& route : irt->routes) {
      RouteRule r;
      r.irt = irt;
      r.route = &route;
      r.match_path = route.path + "/match";
      r.has_tls = irt->tls.present;
      r.passthrough = r.has_tls && irt->tls.value.passthrough.Or(false);
      r.syntax = route.syntax.present && !route.syntax.value.empty()
                     ? rl::SyntaxFromString(route.syntax.value)
                     : default_syntax;
      r.empty = !route.match.present || route.match.value.empty();
      if (!r.empty) {
        r.text = route.match.value;
        r.priority = route.priority.present && route.priority.value != 0
                         ? route.priority.value
                         : rl::DefaultPriority(r.text);
        r.parsed = rl::Parse(r.text, &r.parse_error);
        if (r.parsed) {
          rl::Validate(*r.parsed, r.syntax, &r.build_error);
        }
      }
      routes_.push_back(std::move(r));
    }
  }
}

namespace {

std::uint32_t MapOffset(const RouteRule& r, std::uint32_t offset) {
  const yaml::Document& doc = *r.irt->object->doc;
  const yaml::Node& n = doc.node(r.route->match.node);
  return yaml::MapScalarOffset(doc.file().text(), n.begin, n.end, n.style, offset);
}

}  // namespace

diag::Diagnostic& RuleLangEnv::ReportInRule(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                            const RouteRule& r, std::uint32_t begin,
                                            std::uint32_t end, std::string message) const {
  const yaml::Document& doc = *r.irt->object->doc;
  std::uint32_t file_begin = MapOffset(r, begin);
  std::uint32_t file_end = end > begin ? MapOffset(r, end) : file_begin;
  diag::Diagnostic& d =
      sink.Report(rule, doc.file_ptr(), doc.file().LocationAt(file_begin), std::move(message));
  d.end_offset = std::max(file_end, file_begin);
  d.json_path = r.match_path;
  return d;
}

diag::Diagnostic& RuleLangEnv::ReportAtMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                             const RouteRule& r, std::string message) const {
  if (r.route->match.node != yaml::kNoNode) {
    return ReportAt(sink, rule, *r.irt->object, r.route->match.node, r.route->match.loc,
                    r.match_path, std::move(message));
  }
  return ReportAt(sink, rule, *r.irt->object, r.route->node, r.route->loc, r.route->path,
                  std::move(message));
}

std::string EncodeScalar(std::string_view value, bool prefer_plain, bool prefer_double) {
  bool plain_ok =
      !value.empty() && value.front() != ' ' && value.back() != ' ' && value.back() != ':' &&
      std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) == std::string_view::npos &&
      value.find(": ") == std::string_view::npos && value.find(" #") == std::string_view::npos &&
      value.find('\n') == std::string_view::npos && value.find('\t') == std::string_view::npos;
  if (prefer_plain && plain_ok) {
    return std::string(value);
  }
  bool needs_double = false;
  for (char c : value) {
    needs_double = needs_double || static_cast<unsigned char>(c) < 0x20;
  }
  if (prefer_double || needs_double) {
    std::string out = "\"";
    for (char c : value) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\x";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
      } else {
        out += c;
      }
    }
    return out + "\"";
  }
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') {
      out += '\'';
    }
  }
  return out + "'";
}

std::optional<std::vector<diag::Edit>> RuleLangEnv::RewriteMatch(const RouteRule& r,
                                                                 std::string_view new_rule) const {
  const yaml::Document& doc = *r.irt->object->doc;
  if (r.route->match.node == yaml::kNoNode || r.route->node == yaml::kNoNode ||
      doc.node(r.route->node).flow) {
    return std::nullopt;
  }
  const yaml::Node& m = doc.node(r.route->match.node);
  if (m.style != yaml::ScalarStyle::kPlain && m.style != yaml::ScalarStyle::kSingleQuoted &&
      m.style != yaml::ScalarStyle::kDoubleQuoted) {
    return std::nullopt;
  }
  const std::string& text = doc.file().text();
  std::vector<diag::Edit> edits;
  edits.push_back({m.begin, m.end,
                   EncodeScalar(new_rule, m.style == yaml::ScalarStyle::kPlain,
                                m.style == yaml::ScalarStyle::kDoubleQuoted)});
  const model::Field<std::int64_t>& prio = r.route->priority;
  if (prio.present && prio.value != 0) {
    return edits;
  }
  std::string pinned = std::to_string(r.priority);
  if (prio.node != yaml::kNoNode) {
    if (!prio.present) {
      return std::nullopt;  // `priority:` of the wrong type: leave it to the schema rules
    }
    const yaml::Node& p = doc.node(prio.node);
    edits.push_back({p.begin, p.end, pinned});
  } else {
    yaml::NodeId key = doc.GetKey(r.route->node, "match");
    if (key == yaml::kNoNode) {
      return std::nullopt;
    }
    std::uint32_t key_begin = doc.node(key).begin;
    std::size_t line_start = text.rfind('\n', key_begin == 0 ? 0 : key_begin - 1);
    line_start = line_start == std::string::npos || key_begin == 0 ? 0 : line_start + 1;
    std::string indent(key_begin - line_start, ' ');
    std::size_t nl = text.find('\n', m.end);
    bool crlf = nl != std::string::npos && nl > 0 && text[nl - 1] == '\r';
    std::string eol = crlf ? "\r\n" : "\n";
    std::size_t at = nl == std::string::npos ? text.size() : (crlf ? nl - 1 : nl);
    edits.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at),
                     eol + indent + "priority: " + pinned});
  }
  return edits;
}

std::optional<diag::Edit> RuleLangEnv::DropSyntaxLine(const RouteRule& r) const {
  const yaml::Document& doc = *r.irt->object->doc;
  if (r.route->node == yaml::kNoNode || doc.node(r.route->node).flow) {
    return std::nullopt;
  }
  yaml::NodeId key = doc.GetKey(r.route->node, "syntax");
  yaml::NodeId value = doc.Get(r.route->node, "syntax");
  if (key == yaml::kNoNode || value == yaml::kNoNode) {
    return std::nullopt;
  }
  const std::string& text = doc.file().text();
  std::uint32_t key_begin = doc.node(key).begin;
  std::size_t line_start = key_begin == 0 ? std::string::npos : text.rfind('\n', key_begin - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  for (std::size_t i = line_start; i < key_begin; ++i) {
    if (text[i] != ' ') {
      return std::nullopt;  // `- syntax: v2` starts the item: keep it
    }
  }
  std::size_t nl = text.find('\n', doc.node(value).end);
  std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
  return diag::Edit{static_cast<std::uint32_t>(line_start), static_cast<std::uint32_t>(end), ""};
}

std::vector<std::string> RuleLangEnv::EntryPointsOf(const RouteRule& r) const {
  if (r.irt->entry_points.present && !r.irt->entry_points.value.empty()) {
    return r.irt->entry_points.value;
  }
  if (!env_.config().entry_points_known) {
    return {""};
  }
  return config::DefaultEntryPoints(env_.config());
}

const rl::Arg* ArgAt(const rl::Node& root, std::uint32_t offset, const rl::Node** call) {
  const rl::Arg* found = nullptr;
  rl::ForEachCall(root, [&](const rl::Node& c) {
    for (const rl::Arg& a : c.args) {
      if (found == nullptr && offset >= a.begin && offset < a.end) {
        found = &a;
        if (call != nullptr) {
          *call = &c;
        }
      }
    }
  });
  return found;
}

std::optional<std::string> OverlapAnalysisNote(const RuleContext& ctx) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  std::size_t routes = 0;
  for (const model::IngressRouteTCP* irt : env.processed()) {
    for (const model::Route& route : irt->routes) {
      routes += route.match.present && !route.match.value.empty() ? 1U : 0U;
    }
  }
  if (routes <= kMaxOverlapRoutes) {
    return std::nullopt;
  }
  return "shadowed and ambiguous route checks (IRT123, IRT124) skipped: " + std::to_string(routes) +
         " routes, more than the " + std::to_string(kMaxOverlapRoutes) +
         " they compare pairwise; run them on fewer files";
}

std::string RouterName(const RouteRule& r) {
  return provider::MakeId(r.object().namespace_, provider::RouteKey(r.irt->IngressName(), r.text));
}

std::string DescribeRoute(const RouteRule& r) {
  return r.irt->object->namespace_ + "/" + r.irt->IngressName() + " routes[" +
         std::to_string(r.route->index) + "] (" + diag::Shorten(r.text, 60) + ")";
}

// -- Overlap analysis ---------------------------------------------------------------------------

namespace {

struct HostC {
  enum class Kind : std::uint8_t { kAny, kExact, kWild } kind = Kind::kAny;
  std::string s;  ///< exact host, or the suffix after "*."
};
struct IpC {
  bool any = true;
  bool v4 = false;
  std::array<std::uint8_t, 16> bytes{};
  int prefix = 128;  ///< over the 16-byte form
};
struct Term {
  HostC host;
  IpC ip;
};
enum class Mode : std::uint8_t { kUnder, kOver, kExact };
constexpr std::size_t kMaxTerms = 64;

bool WildMatches(std::string_view suffix, std::string_view host) {
  if (host.size() <= suffix.size() + 1) {
    return false;
  }
  std::string_view label = host.substr(0, host.size() - suffix.size() - 1);
  return host.substr(host.size() - suffix.size()) == suffix &&
         host[host.size() - suffix.size() - 1] == '.' && label.find('.') == std::string_view::npos;
}

bool PrefixContains(const IpC& outer, const IpC& inner) {
  if (outer.prefix > inner.prefix) {
    return false;
  }
  for (int bit = 0; bit < outer.prefix; ++bit) {
    auto idx = static_cast<std::size_t>(bit / 8);
    auto mask = static_cast<std::uint8_t>(0x80u >> static_cast<unsigned>(bit % 8));
    if ((outer.bytes[idx] & mask) != (inner.bytes[idx] & mask)) {
      return false;
    }
  }
  return true;
}

// Intersection of two host constraints: true with *out set, or false when empty.
bool IntersectHost(const HostC& a, const HostC& b, HostC* out) {
  using K = HostC::Kind;
  if (a.kind == K::kAny) {
    *out = b;
    return true;
  }
  if (b.kind == K::kAny) {
    *out = a;
    return true;
  }
  if (a.kind == K::kExact && b.kind == K::kExact) {
    *out = a;
    return a.s == b.s;
  }
  if (a.kind == K::kWild && b.kind == K::kWild) {
    *out = a;
    return a.s == b.s;
  }
  const HostC& exact = a.kind == K::kExact ? a : b;
  const HostC& wild = a.kind == K::kWild ? a : b;
  *out = exact;
  return WildMatches(wild.s, exact.s);
}

// 1: non-empty (*out set), 0: empty, -1: unknown (families differ).
int IntersectIp(const IpC& a, const IpC& b, IpC* out) {
  if (a.any) {
    *out = b;
    return 1;
  }
  if (b.any) {
    *out = a;
    return 1;
  }
  if (a.v4 != b.v4) {
    return -1;
  }
  if (PrefixContains(a, b)) {
    *out = b;
    return 1;
  }
  if (PrefixContains(b, a)) {
    *out = a;
    return 1;
  }
  return 0;
}

std::optional<IpC> ParseIpConstraint(std::string_view v) {
  IpC c;
  c.any = false;
  std::size_t slash = v.find('/');
  std::optional<rl::IpAddr> addr = rl::ParseIpAddr(v.substr(0, slash), false);
  if (!addr) {
    return std::nullopt;
  }
  c.bytes = addr->bytes;
  bool written_v4 = v.substr(0, slash).find(':') == std::string_view::npos;
  c.v4 = addr->Is4();
  if (slash == std::string_view::npos) {
    return c;
  }
  int len = 0;
  for (char ch : v.substr(slash + 1)) {
    len = len * 10 + (ch - '0');
  }
  c.v4 = written_v4;
  c.prefix = written_v4 ? len + 96 : len;
  return c;
}

std::optional<std::vector<Term>> Dnf(const rl::NormNode& n, rl::Syntax syntax, Mode mode) {
  using K = rl::NormNode::Kind;
  if (n.kind == K::kOr || n.kind == K::kAnd) {
    auto l = Dnf(*n.left, syntax, mode);
    auto r = Dnf(*n.right, syntax, mode);
    if (!l || !r) {
      return std::nullopt;
    }
    if (n.kind == K::kOr) {
      l->insert(l->end(), r->begin(), r->end());
      if (l->size() > kMaxTerms) {
        return std::nullopt;
      }
      return l;
    }
    std::vector<Term> out;
    for (const Term& a : *l) {
      for (const Term& b : *r) {
        Term t;
        if (!IntersectHost(a.host, b.host, &t.host)) {
          continue;
        }
        int ip = IntersectIp(a.ip, b.ip, &t.ip);
        if (ip == 0 || (ip < 0 && mode == Mode::kUnder)) {
          continue;
        }
        if (ip < 0) {
          if (mode == Mode::kExact) {
            return std::nullopt;
          }
          t.ip = a.ip;  // over-approximation: keep one side
        }
        out.push_back(t);
        if (out.size() > kMaxTerms) {
          return std::nullopt;
        }
      }
    }
    return out;
  }
  const rl::Node& call = *n.call;
  auto unknown = [&]() -> std::optional<std::vector<Term>> {
    if (mode == Mode::kUnder) {
      return std::vector<Term>{};
    }
    if (mode == Mode::kOver) {
      return std::vector<Term>{Term{}};
    }
    return std::nullopt;
  };
  if (n.negated) {
    return unknown();
  }
  std::vector<Term> out;
  if (call.matcher == rl::Matcher::kHostSni) {
    for (std::size_t i = 0; i < call.args.size(); ++i) {
      std::string v = rl::AsciiLower(call.args[i].value);
      Term t;
      if (v == "*") {
        if (i != 0 && syntax == rl::Syntax::kV2) {
          return unknown();  // v2: any non-empty SNI
        }
        out.push_back(t);
        continue;
      }
      if (!v.empty() && v.back() == '.') {
        v.pop_back();
      }
      if (v.rfind("*.", 0) == 0) {
        t.host.kind = HostC::Kind::kWild;
        t.host.s = v.substr(2);
      } else {
        t.host.kind = HostC::Kind::kExact;
        t.host.s = v;
      }
      out.push_back(t);
    }
    return out;
  }
  if (call.matcher == rl::Matcher::kClientIp) {
    for (const rl::Arg& a : call.args) {
      std::optional<IpC> ip = ParseIpConstraint(a.value);
      if (!ip) {
        return unknown();
      }
      Term t;
      t.ip = *ip;
      out.push_back(t);
    }
    return out;
  }
  return unknown();
}

bool TermContains(const Term& outer, const Term& inner) {
  using K = HostC::Kind;
  bool host = outer.host.kind == K::kAny ||
              (outer.host.kind == K::kExact && inner.host.kind == K::kExact &&
               outer.host.s == inner.host.s) ||
              (outer.host.kind == K::kWild &&
               ((inner.host.kind == K::kExact && WildMatches(outer.host.s, inner.host.s)) ||
                (inner.host.kind == K::kWild && inner.host.s == outer.host.s)));
  bool ip = outer.ip.any ||
            (!inner.ip.any && outer.ip.v4 == inner.ip.v4 && PrefixContains(outer.ip, inner.ip));
  return host && ip;
}

struct Analysed {
  std::size_t index = 0;
  std::vector<Term> under;
  std::vector<Term> over;
  std::optional<std::vector<Term>> exact;
  std::vector<std::string> eps;
};

// Without TLS the SNI is always empty: host-constrained terms never match.
void DropSniTerms(std::vector<Term>* terms) {
  std::erase_if(*terms, [](const Term& t) { return t.host.kind != HostC::Kind::kAny; });
}

}  // namespace

std::vector<RouteOverlap> FindOverlaps(const RuleLangEnv& env) {
  std::vector<Analysed> all;
  const std::vector<RouteRule>& routes = env.routes();
  // The comparison below is quadratic: beyond the limit, skip the analysis before spending
  // anything on it (OverlapAnalysisNote tells the user).
  std::size_t candidates = 0;
  for (const RouteRule& r : routes) {
    candidates += r.empty ? 0U : 1U;
  }
  if (candidates > kMaxOverlapRoutes) {
    return {};
  }
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const RouteRule& r = routes[i];
    if (r.empty || !r.valid()) {
      continue;
    }
    rl::RouterRuleInput in;
    in.rule = r.text;
    in.syntax = r.syntax;
    in.priority = r.route->priority.Or(0);
    in.has_tls = r.has_tls;
    in.passthrough = r.passthrough;
    if (!rl::RouterRuleErrors(in).empty()) {
      continue;  // Traefik drops the router
    }
    std::unique_ptr<rl::NormNode> norm = rl::Normalize(*r.parsed->root);
    Analysed a;
    a.index = i;
    a.under = Dnf(*norm, r.syntax, Mode::kUnder).value_or(std::vector<Term>{});
    std::optional<std::vector<Term>> over = Dnf(*norm, r.syntax, Mode::kOver);
    if (!over) {
      continue;
    }
    a.over = std::move(*over);
    a.exact = Dnf(*norm, r.syntax, Mode::kExact);
    if (!r.has_tls) {
      DropSniTerms(&a.under);
      DropSniTerms(&a.over);
      if (a.exact) {
        DropSniTerms(&*a.exact);
      }
    }
    if (a.over.empty()) {
      continue;  // never matches: other rules say why
    }
    a.eps = env.EntryPointsOf(r);
    all.push_back(std::move(a));
  }
  std::vector<RouteOverlap> out;
  for (std::size_t jj = 0; jj < all.size(); ++jj) {
    const Analysed& b = all[jj];
    const RouteRule& rb = routes[b.index];
    const Analysed* shadow = nullptr;
    const Analysed* tie = nullptr;
    std::string shadow_ep;
    std::string tie_ep;
    for (std::size_t ii = 0; ii < all.size(); ++ii) {
      const Analysed& a = all[ii];
      const RouteRule& ra = routes[a.index];
      if (ii == jj || ra.has_tls != rb.has_tls ||
          (ra.text == rb.text && (ra.irt == rb.irt || RouterName(ra) == RouterName(rb)))) {
        // one router name: the routes replace each other (IRT111, IRT409)
        continue;
      }
      std::string ep;
      bool shared = false;
      for (const std::string& e : b.eps) {
        if (!shared && std::find(a.eps.begin(), a.eps.end(), e) != a.eps.end()) {
          shared = true;
          ep = e;
        }
      }
      if (!shared) {
        continue;
      }
      if (ra.priority > rb.priority) {
        auto in_a = [&](const Term& t) {
          return std::any_of(a.under.begin(), a.under.end(),
                             [&](const Term& u) { return TermContains(u, t); });
        };
        bool covered = !a.under.empty() && std::all_of(b.over.begin(), b.over.end(), in_a);
        if (covered && (shadow == nullptr || ra.priority > routes[shadow->index].priority)) {
          shadow = &a;
          shadow_ep = ep;
        }
      } else if (ra.priority == rb.priority && ii < jj && tie == nullptr && a.exact && b.exact) {
        bool overlap = false;
        for (const Term& x : *a.exact) {
          for (const Term& y : *b.exact) {
            Term t;
            IpC ip;
            overlap = overlap ||
                      (IntersectHost(x.host, y.host, &t.host) && IntersectIp(x.ip, y.ip, &ip) == 1);
          }
        }
        if (overlap) {
          tie = &a;
          tie_ep = ep;
        }
      }
    }
    if (shadow != nullptr) {
      out.push_back({b.index, shadow->index, shadow_ep, false});
    } else if (tie != nullptr) {
      out.push_back({b.index, tie->index, tie_ep, true});
    }
  }
  return out;
}

}  // namespace irtcp::lint
