#include "core/rule_lang/overlap.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>

#include "core/rule_lang/ip.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/text_util.h"

namespace irtcp::rule_lang {

namespace {

struct HostC {
  enum class Kind : std::uint8_t { kAny, kExact, kWild, kRegexp } kind = Kind::kAny;
  std::string s;  ///< exact host, the suffix after "*.", or the HostSNIRegexp pattern
  /// kRegexp: the pattern compiled as the router compiles it, so "does it match this name" gets
  /// the same answer here as in serve.
  std::shared_ptr<const CompiledMatch> regexp;

  bool RegexpMatches(std::string_view host) const {
    Connection c;
    c.server_name = std::string(host);
    return regexp->Matches(c);
  }
};
struct IpC {
  bool any = true;
  bool v4 = false;
  std::array<std::uint8_t, 16> bytes{};
  int prefix = 128;  ///< over the 16-byte form
};
/// ALPN constraints: the client offers at least one protocol of every set (ALPN(`a`) &&
/// ALPN(`b`) offers both); no sets: unconstrained. Any conjunction can be met (a client may
/// offer every protocol), so ALPN never makes two terms disjoint.
using AlpnC = std::vector<std::vector<std::string>>;
struct Term {
  HostC host;
  IpC ip;
  AlpnC alpn;
};

/// Every connection meeting `inner` meets `outer`: each set of outer holds some set of inner.
bool AlpnContains(const AlpnC& outer, const AlpnC& inner) {
  return std::all_of(outer.begin(), outer.end(), [&](const std::vector<std::string>& o) {
    return std::any_of(inner.begin(), inner.end(), [&](const std::vector<std::string>& i) {
      return std::all_of(i.begin(), i.end(), [&](const std::string& p) {
        return std::find(o.begin(), o.end(), p) != o.end();
      });
    });
  });
}
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

// Intersection of two host constraints: 1 non-empty (*out set), 0 empty, -1 unknown (two
// different regexps, or a regexp and a wildcard).
int IntersectHost(const HostC& a, const HostC& b, HostC* out) {
  using K = HostC::Kind;
  if (a.kind == K::kAny) {
    *out = b;
    return 1;
  }
  if (b.kind == K::kAny) {
    *out = a;
    return 1;
  }
  if (a.kind == b.kind && a.kind != K::kRegexp) {
    *out = a;
    return a.s == b.s ? 1 : 0;
  }
  if (a.kind == K::kRegexp || b.kind == K::kRegexp) {
    const HostC& re = a.kind == K::kRegexp ? a : b;
    const HostC& other = a.kind == K::kRegexp ? b : a;
    *out = other;
    if (other.kind == K::kExact) {
      return re.RegexpMatches(other.s) ? 1 : 0;  // decidable: run it
    }
    return other.kind == K::kRegexp && other.s == re.s ? 1 : -1;
  }
  const HostC& exact = a.kind == K::kExact ? a : b;
  const HostC& wild = a.kind == K::kWild ? a : b;
  *out = exact;
  return WildMatches(wild.s, exact.s) ? 1 : 0;
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
  std::optional<IpAddr> addr = ParseIpAddr(v.substr(0, slash), false);
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

std::optional<std::vector<Term>> Dnf(const NormNode& n, Syntax syntax, Mode mode) {
  using K = NormNode::Kind;
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
        int host = IntersectHost(a.host, b.host, &t.host);
        if (host == 0 || (host < 0 && mode == Mode::kUnder)) {
          continue;
        }
        if (host < 0) {
          if (mode == Mode::kExact) {
            return std::nullopt;
          }
          t.host = a.host;  // over-approximation: keep one side
        }
        t.alpn = a.alpn;
        t.alpn.insert(t.alpn.end(), b.alpn.begin(), b.alpn.end());
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
  const Node& call = *n.call;
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
  if (call.matcher == Matcher::kHostSni) {
    for (std::size_t i = 0; i < call.args.size(); ++i) {
      std::string v = AsciiLower(call.args[i].value);
      Term t;
      if (v == "*") {
        if (i != 0 && syntax == Syntax::kV2) {
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
  if (call.matcher == Matcher::kHostSniRegexp) {
    for (const Arg& a : call.args) {
      Error err;
      std::optional<CompiledMatch> re =
          CompileMatcherCall(Matcher::kHostSniRegexp, {a.value}, syntax, &err);
      if (!re) {
        return unknown();
      }
      Term t;
      t.host.kind = HostC::Kind::kRegexp;
      t.host.s = a.value;
      t.host.regexp = std::make_shared<const CompiledMatch>(std::move(*re));
      out.push_back(std::move(t));
    }
    return out;
  }
  if (call.matcher == Matcher::kAlpn) {
    Term t;
    t.alpn.emplace_back();
    for (const Arg& a : call.args) {
      t.alpn.back().push_back(a.value);  // compared as written, like the matcher
    }
    out.push_back(std::move(t));
    return out;
  }
  if (call.matcher == Matcher::kClientIp) {
    for (const Arg& a : call.args) {
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
                (inner.host.kind == K::kWild && inner.host.s == outer.host.s))) ||
              (outer.host.kind == K::kRegexp &&
               ((inner.host.kind == K::kExact && outer.host.RegexpMatches(inner.host.s)) ||
                (inner.host.kind == K::kRegexp && inner.host.s == outer.host.s)));
  bool ip = outer.ip.any ||
            (!inner.ip.any && outer.ip.v4 == inner.ip.v4 && PrefixContains(outer.ip, inner.ip));
  return host && ip && AlpnContains(outer.alpn, inner.alpn);
}

struct Analysed {
  std::size_t index = 0;
  /// Equal for routes with the same text and router name (one router: never compared).
  std::uint32_t router = 0;
  std::vector<std::uint32_t> entry_points;  ///< ids of the route's entry points, in its order
  std::vector<Term> under;
  std::vector<Term> over;
  std::optional<std::vector<Term>> exact;
};

// Without TLS the SNI is always empty and no ALPN is offered: HostSNI- and ALPN-constrained
// terms never match, and a regexp term matches every connection or none, as the regexp matches
// "" or not.
void DropSniTerms(std::vector<Term>* terms) {
  for (Term& t : *terms) {
    if (t.host.kind == HostC::Kind::kRegexp && t.host.RegexpMatches("")) {
      t.host = HostC{};
    }
  }
  std::erase_if(*terms,
                [](const Term& t) { return t.host.kind != HostC::Kind::kAny || !t.alpn.empty(); });
}

/// The route's constraints; nullopt when the analysis gives up (too many terms).
std::optional<Analysed> Analyse(const OverlapRoute& r, std::size_t index) {
  std::unique_ptr<NormNode> norm = Normalize(*r.expr->root);
  Analysed a;
  a.index = index;
  a.under = Dnf(*norm, r.syntax, Mode::kUnder).value_or(std::vector<Term>{});
  std::optional<std::vector<Term>> over = Dnf(*norm, r.syntax, Mode::kOver);
  if (!over) {
    return std::nullopt;
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
  return a;
}

/// Some pair of terms intersects: 1 surely (IP families agree), -1 maybe, 0 none.
int AnyIntersect(const std::vector<Term>& xs, const std::vector<Term>& ys) {
  int best = 0;
  for (const Term& x : xs) {
    for (const Term& y : ys) {
      Term t;
      IpC ip;
      int host = IntersectHost(x.host, y.host, &t.host);
      if (host == 0) {
        continue;
      }
      int r = IntersectIp(x.ip, y.ip, &ip);
      if (r == 1 && host == 1) {
        return 1;
      }
      if (r != 0) {
        best = -1;
      }
    }
  }
  return best;
}

}  // namespace

Intersection Intersect(const OverlapRoute& a, const OverlapRoute& b) {
  std::optional<Analysed> x = Analyse(a, 0);
  std::optional<Analysed> y = Analyse(b, 1);
  if (!x || !y) {
    return Intersection::kUnknown;
  }
  if (AnyIntersect(x->under, y->under) == 1) {
    return Intersection::kSome;
  }
  if (AnyIntersect(x->over, y->over) == 0) {
    return Intersection::kNone;
  }
  if (x->exact && y->exact) {
    switch (AnyIntersect(*x->exact, *y->exact)) {
      case 1:
        return Intersection::kSome;
      case 0:
        return Intersection::kNone;
      default:
        break;
    }
  }
  return Intersection::kUnknown;
}

bool Covers(const OverlapRoute& outer, const OverlapRoute& inner) {
  std::optional<Analysed> a = Analyse(outer, 0);
  std::optional<Analysed> b = Analyse(inner, 1);
  if (!a || !b || a->under.empty() || b->over.empty()) {
    return false;
  }
  return std::all_of(b->over.begin(), b->over.end(), [&](const Term& t) {
    return std::any_of(a->under.begin(), a->under.end(),
                       [&](const Term& u) { return TermContains(u, t); });
  });
}

namespace {

std::vector<Analysed> AnalyseAll(std::span<const OverlapRoute> routes) {
  std::vector<Analysed> all;
  // Interned once, so that comparing two routes compares integers.
  std::unordered_map<std::string, std::uint32_t> routers;
  std::unordered_map<std::string, std::uint32_t> entry_points;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    std::optional<Analysed> a = Analyse(routes[i], i);
    if (!a || a->over.empty()) {
      continue;  // too complex, or never matches
    }
    const OverlapRoute& r = routes[i];
    std::string key = r.router_name;
    key += '\0';
    key += r.expr->text;
    a->router = routers.try_emplace(std::move(key), routers.size()).first->second;
    for (const std::string& ep : r.entry_points) {
      a->entry_points.push_back(entry_points.try_emplace(ep, entry_points.size()).first->second);
    }
    all.push_back(std::move(*a));
  }
  return all;
}

/// For one losing route: the highest-priority route that shadows it (the first of those, in
/// route order), else the first earlier one of equal priority it may race, among the candidates
/// (indices into `all`). The answer does not depend on the order of Consider calls, and a
/// caller walking candidates by descending priority can stop once Done says so.
class LoserScan {
 public:
  LoserScan(std::span<const OverlapRoute> routes, const std::vector<Analysed>& all, std::size_t jj)
      : routes_(routes), all_(all), jj_(jj), b_(all[jj]), rb_(routes[b_.index]) {}

  void Consider(std::size_t ii) {
    const Analysed& a = all_[ii];
    const OverlapRoute& ra = routes_[a.index];
    const bool may_shadow =
        ra.priority > rb_.priority && (shadow_ == nullptr || Before(ii, shadow_ii_));
    const bool may_tie = ra.priority == rb_.priority && shadow_ == nullptr && ii < jj_ &&
                         (tie_ == nullptr || ii < tie_ii_) && a.exact && b_.exact;
    if ((!may_shadow && !may_tie) || ra.has_tls != rb_.has_tls || a.router == b_.router) {
      return;  // cannot change the answer; or one router name: the routes replace each other
    }
    const std::string* ep = nullptr;
    for (std::size_t k = 0; k < b_.entry_points.size() && ep == nullptr; ++k) {
      if (std::find(a.entry_points.begin(), a.entry_points.end(), b_.entry_points[k]) !=
          a.entry_points.end()) {
        ep = &rb_.entry_points[k];
      }
    }
    if (ep == nullptr) {
      return;
    }
    if (may_shadow) {
      auto in_a = [&](const Term& t) {
        return std::any_of(a.under.begin(), a.under.end(),
                           [&](const Term& u) { return TermContains(u, t); });
      };
      bool covered = !a.under.empty() && std::all_of(b_.over.begin(), b_.over.end(), in_a);
      if (covered) {
        shadow_ = &a;
        shadow_ii_ = ii;
        shadow_ep_ = ep;
      }
    } else {
      bool overlap = false;
      for (const Term& x : *a.exact) {
        for (const Term& y : *b_.exact) {
          Term t;
          IpC ip;
          overlap = overlap || (IntersectHost(x.host, y.host, &t.host) == 1 &&
                                IntersectIp(x.ip, y.ip, &ip) == 1);
        }
      }
      if (overlap) {
        tie_ = &a;
        tie_ii_ = ii;
        tie_ep_ = ep;
      }
    }
  }

  /// Whether no candidate ranked at or after `ii` in (priority descending, route order) can
  /// change the answer.
  [[nodiscard]] bool Done(std::size_t ii) const {
    std::int64_t p = routes_[all_[ii].index].priority;
    if (p < rb_.priority) {
      return true;
    }
    if (shadow_ != nullptr) {
      return !Before(ii, shadow_ii_);
    }
    return p == rb_.priority && (ii > jj_ || (tie_ != nullptr && ii > tie_ii_));
  }

  void Report(std::vector<Overlap>* out) const {
    if (shadow_ != nullptr) {
      out->push_back({b_.index, shadow_->index, *shadow_ep_, false});
    } else if (tie_ != nullptr) {
      out->push_back({b_.index, tie_->index, *tie_ep_, true});
    }
  }

 private:
  std::span<const OverlapRoute> routes_;
  const std::vector<Analysed>& all_;
  std::size_t jj_;
  const Analysed& b_;
  const OverlapRoute& rb_;
  /// Ranks candidate x before y: higher priority, then earlier in route order.
  [[nodiscard]] bool Before(std::size_t x, std::size_t y) const {
    std::int64_t px = routes_[all_[x].index].priority;
    std::int64_t py = routes_[all_[y].index].priority;
    return px > py || (px == py && x < y);
  }

  const Analysed* shadow_ = nullptr;
  const Analysed* tie_ = nullptr;
  std::size_t shadow_ii_ = 0;
  std::size_t tie_ii_ = 0;
  const std::string* shadow_ep_ = nullptr;  ///< one of rb_'s entry points
  const std::string* tie_ep_ = nullptr;
};

/// The part of a name a one-label wildcard matches it by ("a.b.c" -> "b.c"); "" when none.
std::string_view WildParent(std::string_view host) {
  std::size_t dot = host.find('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view{} : host.substr(dot + 1);
}

bool SameRegexpOptions(const re2::RE2::Options& a, const re2::RE2::Options& b) {
  return a.encoding() == b.encoding() && a.posix_syntax() == b.posix_syntax() &&
         a.longest_match() == b.longest_match() && a.literal() == b.literal() &&
         a.never_nl() == b.never_nl() && a.dot_nl() == b.dot_nl() &&
         a.case_sensitive() == b.case_sensitive() && a.perl_classes() == b.perl_classes() &&
         a.word_boundary() == b.word_boundary() && a.one_line() == b.one_line();
}

/// The routes of one side and entry point with a HostSNIRegexp term, and an RE2::Set of their
/// regexps that tells, in one pass over a name, which of them match it (instead of running
/// every regexp on every name). A regexp the set cannot take, or a set that runs out of memory,
/// falls back to listing the routes concerned: the filter never loses a candidate.
class RegexpBucket {
 public:
  void Add(std::size_t ii, const CompiledMatch& compiled) {
    if (routes_.empty() || routes_.back() != ii) {
      routes_.push_back(ii);
    }
    for (const re2::RE2* re : compiled.HostSniRegexps()) {
      pending_.emplace_back(ii, re);
    }
  }

  void Compile() {
    if (pending_.empty()) {
      return;
    }
    re2::RE2::Options options = pending_.front().second->options();
    options.set_max_mem(std::int64_t{64} << 20);
    set_ = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    for (const auto& [ii, re] : pending_) {
      if (SameRegexpOptions(re->options(), options) && set_->Add(re->pattern(), nullptr) >= 0) {
        owner_.push_back(ii);
      } else {
        unfiltered_.push_back(ii);
      }
    }
    if (!set_->Compile()) {
      set_.reset();
    }
    pending_.clear();
  }

  /// Appends the routes one of whose regexps may match `name` (a superset of those that do).
  void Candidates(std::string_view name, std::vector<std::size_t>* out) const {
    std::vector<int> hits;
    re2::RE2::Set::ErrorInfo info{};
    if (set_ == nullptr ||
        (!set_->Match(name, &hits, &info) && info.kind != re2::RE2::Set::ErrorKind::kNoError)) {
      out->insert(out->end(), routes_.begin(), routes_.end());
      return;
    }
    for (int h : hits) {
      out->push_back(owner_[static_cast<std::size_t>(h)]);
    }
    out->insert(out->end(), unfiltered_.begin(), unfiltered_.end());
  }

 private:
  std::vector<std::size_t> routes_;
  std::vector<std::pair<std::size_t, const re2::RE2*>> pending_;
  std::unique_ptr<re2::RE2::Set> set_;
  std::vector<std::size_t> owner_;  ///< set index -> route
  std::vector<std::size_t> unfiltered_;
};

/// What one losing route is compared with.
struct Candidates {
  /// Routes to consider, in any order (duplicates allowed).
  std::vector<std::size_t> listed;
  /// Runs by rank (descending priority, then route order), each walked until LoserScan::Done:
  /// lists that may hold a route shadowing the loser, and the runs of routes of its priority
  /// that it may race.
  std::vector<std::span<const std::size_t>> walked;

  void Clear() {
    listed.clear();
    walked.clear();
  }
};

/// Which routes can contain or meet a given route's host terms, so that each losing route is
/// compared with those only:
/// - a route with an unconstrained host term (HostSNI(`*`), every route without TLS) can
///   shadow or race any route of its side and entry points: those lists are walked by rank and
///   stop at the first route that shadows the loser;
/// - an exact name meets the same name, the wildcards of its parent and the regexps that match
///   it (an RE2::Set finds those);
/// - a wildcard meets the same wildcard and the names under it;
/// - a loser whose host is unconstrained or a regexp can only be shadowed by an unconstrained
///   term or the same regexp, and raced by any route of its priority on its entry points.
class CandidateIndex {
 public:
  CandidateIndex(std::span<const OverlapRoute> routes, const std::vector<Analysed>& all) {
    for (std::size_t ii = 0; ii < all.size(); ++ii) {
      const OverlapRoute& r = routes[all[ii].index];
      auto add = [&](const std::vector<Term>& terms) {
        for (const Term& t : terms) {
          switch (t.host.kind) {
            case HostC::Kind::kAny:
              for (const std::string& ep : r.entry_points) {
                Push(any_[{r.has_tls, ep}], ii);
              }
              break;
            case HostC::Kind::kRegexp:
              for (const std::string& ep : r.entry_points) {
                regexp_[{r.has_tls, ep}].Add(ii, *t.host.regexp);
              }
              Push(regexp_by_text_[t.host.s], ii);
              break;
            case HostC::Kind::kExact:
              Push(exact_[t.host.s], ii);
              if (std::string_view parent = WildParent(t.host.s); !parent.empty()) {
                Push(exact_by_parent_[std::string(parent)], ii);
              }
              break;
            case HostC::Kind::kWild:
              Push(wild_[t.host.s], ii);
              break;
          }
        }
      };
      add(all[ii].under);
      add(all[ii].over);
      if (all[ii].exact) {
        add(*all[ii].exact);
      }
      for (const std::string& ep : r.entry_points) {
        Push(by_entry_point_[{r.has_tls, ep}], ii);
      }
    }
    for (auto& [key, bucket] : regexp_) {
      bucket.Compile();
    }
    priority_ = [routes, all_routes = &all](std::size_t ii) {
      return routes[(*all_routes)[ii].index].priority;
    };
    auto by_rank = [this](std::vector<std::size_t>& list) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      std::stable_sort(list.begin(), list.end(), [this](std::size_t x, std::size_t y) {
        return priority_(x) > priority_(y);
      });
    };
    for (auto& [key, list] : any_) {
      by_rank(list);
    }
    for (auto& [key, list] : regexp_by_text_) {
      by_rank(list);
    }
    for (auto& [key, list] : by_entry_point_) {
      by_rank(list);
    }
  }

  /// Fills `*out` with the candidates for losing route jj.
  void For(std::span<const OverlapRoute> routes, const std::vector<Analysed>& all, std::size_t jj,
           Candidates* out) const {
    const Analysed& b = all[jj];
    const OverlapRoute& rb = routes[b.index];
    out->Clear();
    for (const std::string& ep : rb.entry_points) {
      if (const std::vector<std::size_t>* l = Find(any_, {rb.has_tls, ep}); l != nullptr) {
        out->walked.emplace_back(*l);
      }
    }
    bool unconstrained = false;
    auto add_list = [&](const std::vector<std::size_t>* l) {
      if (l != nullptr) {
        out->listed.insert(out->listed.end(), l->begin(), l->end());
      }
    };
    auto add = [&](const std::vector<Term>& terms) {
      for (const Term& t : terms) {
        switch (t.host.kind) {
          case HostC::Kind::kAny:
            unconstrained = true;
            break;
          case HostC::Kind::kRegexp:
            unconstrained = true;
            if (const std::vector<std::size_t>* l = Find(regexp_by_text_, t.host.s); l != nullptr) {
              out->walked.emplace_back(*l);
            }
            break;
          case HostC::Kind::kExact:
            for (const std::string& ep : rb.entry_points) {
              if (auto it = regexp_.find({rb.has_tls, ep}); it != regexp_.end()) {
                it->second.Candidates(t.host.s, &out->listed);
              }
            }
            add_list(Find(exact_, t.host.s));
            add_list(Find(wild_, std::string(WildParent(t.host.s))));
            break;
          case HostC::Kind::kWild:
            add_list(Find(wild_, t.host.s));
            add_list(Find(exact_by_parent_, t.host.s));
            break;
        }
      }
    };
    add(b.over);
    if (b.exact) {
      add(*b.exact);
    }
    if (!unconstrained) {
      return;
    }
    // Any route of the loser's priority may race it: the run of that priority, in route order.
    const std::int64_t p = rb.priority;
    for (const std::string& ep : rb.entry_points) {
      const std::vector<std::size_t>* l = Find(by_entry_point_, {rb.has_tls, ep});
      if (l == nullptr) {
        continue;
      }
      auto [first, last] = std::equal_range(l->begin(), l->end(), p, Rank{priority_});
      out->walked.emplace_back(first, last);
    }
  }

 private:
  using Lists = std::unordered_map<std::string, std::vector<std::size_t>>;
  using EntryPointKey = std::pair<bool, std::string>;
  using EntryPointLists = std::map<EntryPointKey, std::vector<std::size_t>>;
  /// Compares a route (by its priority) with a priority, for lists by descending priority.
  struct Rank {
    std::function<std::int64_t(std::size_t)> priority;
    bool operator()(std::size_t ii, std::int64_t p) const { return priority(ii) > p; }
    bool operator()(std::int64_t p, std::size_t ii) const { return p > priority(ii); }
  };
  static void Push(std::vector<std::size_t>& list, std::size_t ii) {
    if (list.empty() || list.back() != ii) {
      list.push_back(ii);
    }
  }
  template <typename Map>
  static const std::vector<std::size_t>* Find(const Map& lists, const typename Map::key_type& key) {
    auto it = lists.find(key);
    return it == lists.end() ? nullptr : &it->second;
  }

  std::function<std::int64_t(std::size_t)> priority_;
  EntryPointLists any_;  ///< routes with an unconstrained host term, by side and entry point
  std::map<EntryPointKey, RegexpBucket> regexp_;  ///< routes with a regexp term, likewise
  Lists regexp_by_text_;                          ///< routes with a regexp term, by its text
  Lists exact_;
  Lists exact_by_parent_;
  Lists wild_;
  EntryPointLists by_entry_point_;  ///< every route, by side and entry point
};

}  // namespace

std::vector<Overlap> FindOverlaps(std::span<const OverlapRoute> routes) {
  std::vector<Analysed> all = AnalyseAll(routes);
  CandidateIndex index(routes, all);
  std::vector<Overlap> out;
  Candidates c;
  for (std::size_t jj = 0; jj < all.size(); ++jj) {
    LoserScan scan(routes, all, jj);
    index.For(routes, all, jj, &c);
    for (std::size_t ii : c.listed) {
      scan.Consider(ii);
    }
    for (std::span<const std::size_t> run : c.walked) {
      for (std::size_t ii : run) {
        if (scan.Done(ii)) {
          break;
        }
        scan.Consider(ii);
      }
    }
    scan.Report(&out);
  }
  return out;
}

std::vector<Overlap> FindOverlapsPairwise(std::span<const OverlapRoute> routes) {
  std::vector<Analysed> all = AnalyseAll(routes);
  std::vector<Overlap> out;
  for (std::size_t jj = 0; jj < all.size(); ++jj) {
    LoserScan scan(routes, all, jj);
    for (std::size_t ii = 0; ii < all.size(); ++ii) {
      scan.Consider(ii);
    }
    scan.Report(&out);
  }
  return out;
}

}  // namespace irtcp::rule_lang
