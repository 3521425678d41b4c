#include "core/rule_lang/overlap.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/rule_lang/parser.h"

namespace irtcp::rule_lang {
namespace {

struct R {
  std::string match;
  std::int64_t priority;
  bool tls = true;
  std::vector<std::string> eps = {"web"};
  std::string name = "";  // "" = a name of its own
  Syntax syntax = Syntax::kV3;
};

struct Case {
  const char* what;
  std::vector<R> routes;
  std::vector<Overlap> want;
};

std::string Show(const std::vector<Overlap>& list) {
  std::string out;
  for (const Overlap& o : list) {
    out += std::to_string(o.loser) + (o.tie ? "~" : "<") + std::to_string(o.winner) + "@" +
           o.entry_point + " ";
  }
  return out;
}

TEST(RuleOverlap, Table) {
  const Case cases[] = {
      {"a catch-all of higher priority shadows",
       {{"HostSNI(`*`)", 10}, {"HostSNI(`a.com`)", 5}},
       {{1, 0, "web", false}}},
      {"a narrower route of higher priority does not",
       {{"HostSNI(`a.com`)", 10}, {"HostSNI(`*`)", 5}},
       {}},
      {"the highest shadowing route is named",
       {{"HostSNI(`a.com`) || HostSNI(`b.com`)", 7}, {"HostSNI(`*`)", 9}, {"HostSNI(`a.com`)", 5}},
       {{0, 1, "web", false}, {2, 1, "web", false}}},
      {"equal priority and a common connection race",
       {{"HostSNI(`a.com`)", 5}, {"HostSNI(`a.com`) || HostSNI(`b.com`)", 5}},
       {{1, 0, "web", true}}},
      {"equal priority, disjoint hosts", {{"HostSNI(`a.com`)", 5}, {"HostSNI(`b.com`)", 5}}, {}},
      {"no shared entry point",
       {{"HostSNI(`*`)", 10, true, {"a"}}, {"HostSNI(`x.com`)", 5, true, {"b", "c"}}},
       {}},
      {"the shared entry point is reported",
       {{"HostSNI(`*`)", 10, true, {"a", "c"}}, {"HostSNI(`x.com`)", 5, true, {"b", "c"}}},
       {{1, 0, "c", false}}},
      {"one router name and text: one replaces the other, not compared",
       {{"HostSNI(`*`)", 10, true, {"web"}, "n"}, {"HostSNI(`*`)", 5, true, {"web"}, "n"}},
       {}},
      {"TLS and non-TLS routes are not compared",
       {{"ClientIP(`10.0.0.0/8`)", 10, false}, {"ClientIP(`10.1.0.0/16`)", 5, true}},
       {}},
      {"ClientIP prefixes without TLS",
       {{"ClientIP(`10.0.0.0/8`)", 10, false}, {"ClientIP(`10.1.0.0/16`)", 5, false}},
       {{1, 0, "web", false}}},
      {"without TLS a HostSNI route never matches",
       {{"HostSNI(`*`)", 10, false}, {"HostSNI(`a.com`)", 5, false}},
       {}},
      {"a wildcard covers one label only",
       {{"HostSNI(`*.example.com`)", 10},
        {"HostSNI(`a.example.com`)", 5},
        {"HostSNI(`a.b.example.com`)", 4}},
       {{1, 0, "web", false}}},
      {"a regexp shadows the exact names it matches (run on the name, as serve does)",
       {{"HostSNIRegexp(`^pri.*$`)", 10},
        {"HostSNI(`pri.example.test`)", 1},
        {"HostSNI(`pub.example.test`)", 1}},
       {{1, 0, "web", false}}},
      {"a regexp never matches an upper-case pattern: the SNI is lower-cased",
       {{"HostSNIRegexp(`^PRI`)", 10}, {"HostSNI(`pri.example.test`)", 1}},
       {}},
      {"a regexp is unanchored, as Go's MatchString",
       {{"HostSNIRegexp(`example`)", 10}, {"HostSNI(`a.example.test`)", 1}},
       {{1, 0, "web", false}}},
      {"an exact name covers no regexp, and two regexps are compared only when equal",
       {{"HostSNI(`a.test`)", 10},
        {"HostSNIRegexp(`^a\\.test$`)", 5},
        {"HostSNIRegexp(`^a\\.test$`)", 3},
        {"HostSNIRegexp(`^a`)", 2}},
       {{2, 1, "web", false}}},
      {"a regexp and an exact name it matches race at equal priority",
       {{"HostSNIRegexp(`^db`)", 5}, {"HostSNI(`db.test`)", 5}, {"HostSNI(`www.test`)", 5}},
       {{1, 0, "web", true}}},
      {"v2 HostSNIRegexp templates are compiled as Traefik v2 does",
       {{"HostSNIRegexp(`{sub:[a-z]+}.example.test`)", 10, true, {"web"}, "", Syntax::kV2},
        {"HostSNI(`db.example.test`)", 1, true, {"web"}, "", Syntax::kV2}},
       {{1, 0, "web", false}}},
      {"without TLS a regexp that matches the empty SNI matches every connection",
       {{"HostSNIRegexp(`.*`)", 10, false}, {"ClientIP(`10.0.0.0/8`)", 5, false}},
       {{1, 0, "web", false}}},
      {"without TLS a regexp that needs a name matches nothing",
       {{"HostSNIRegexp(`.+`)", 10, false}, {"ClientIP(`10.0.0.0/8`)", 5, false}},
       {}},
      {"a negation is unknown: it shadows nothing",
       {{"!HostSNI(`x.com`)", 10}, {"HostSNI(`a.com`)", 5}},
       {}},
      {"other matchers only narrow the shadowed route",
       {{"HostSNI(`*`)", 10}, {"HostSNI(`a.com`) && ALPN(`h2`)", 5}},
       {{1, 0, "web", false}}},
      {"an ALPN route shadows the routes that need that protocol, and only those",
       {{"ALPN(`postgresql`)", 30},
        {"HostSNI(`db.test`) && ALPN(`postgresql`)", 5},
        {"HostSNI(`db.test`)", 4},
        {"HostSNI(`db.test`) && ALPN(`h2`)", 3}},
       {{1, 0, "web", false}, {3, 2, "web", false}}},
      {"ALPN routes of one priority race when a client can offer both protocols",
       {{"HostSNI(`a.test`) && ALPN(`h2`)", 5}, {"HostSNI(`a.test`) && ALPN(`http/1.1`)", 5}},
       {{1, 0, "web", true}}},
      {"without TLS an ALPN route never matches",
       {{"ALPN(`h2`)", 30, false}, {"ClientIP(`10.0.0.0/8`)", 5, false}},
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<MatchExpr> exprs;
    exprs.reserve(c.routes.size());
    for (const R& r : c.routes) {
      Error err;
      std::optional<MatchExpr> e = Parse(r.match, &err);
      ASSERT_TRUE(e.has_value()) << err.message;
      exprs.push_back(std::move(*e));
    }
    std::vector<OverlapRoute> in;
    for (std::size_t i = 0; i < c.routes.size(); ++i) {
      const R& r = c.routes[i];
      OverlapRoute o;
      o.expr = &exprs[i];
      o.priority = r.priority;
      o.syntax = r.syntax;
      o.has_tls = r.tls;
      o.entry_points = r.eps;
      o.router_name = r.name.empty() ? "router" + std::to_string(i) : r.name;
      in.push_back(std::move(o));
    }
    EXPECT_EQ(Show(FindOverlaps(in)), Show(c.want));
  }
}

TEST(RuleOverlap, IntersectAndCovers) {
  struct PairCase {
    const char* a;
    const char* b;
    bool tls;
    Intersection want;
    bool a_covers_b;
  };
  const PairCase cases[] = {
      {"HostSNI(`*`)", "HostSNI(`a.com`)", true, Intersection::kSome, true},
      {"HostSNI(`a.com`)", "HostSNI(`*`)", true, Intersection::kSome, false},
      {"HostSNI(`a.com`)", "HostSNI(`b.com`)", true, Intersection::kNone, false},
      {"HostSNI(`*.a.com`)", "HostSNI(`x.a.com`)", true, Intersection::kSome, true},
      {"HostSNI(`*.a.com`)", "HostSNI(`x.y.a.com`)", true, Intersection::kNone, false},
      {"ClientIP(`10.0.0.0/8`)", "ClientIP(`10.1.0.0/16`)", false, Intersection::kSome, true},
      {"ClientIP(`10.0.0.0/8`)", "ClientIP(`192.168.0.0/16`)", false, Intersection::kNone, false},
      {"ClientIP(`10.0.0.0/8`)", "ClientIP(`::1`)", false, Intersection::kUnknown, false},
      {"HostSNI(`a.com`) && ClientIP(`10.0.0.0/8`)", "HostSNI(`a.com`)", true, Intersection::kSome,
       false},
      {"HostSNI(`a.com`) || HostSNI(`b.com`)", "HostSNI(`b.com`)", true, Intersection::kSome, true},
      {"!HostSNI(`a.com`)", "HostSNI(`b.com`)", true, Intersection::kUnknown, false},
      {"ALPN(`h2`)", "HostSNI(`b.com`)", true, Intersection::kSome, false},
      {"ALPN(`h2`)", "ALPN(`h2`) && HostSNI(`b.com`)", true, Intersection::kSome, true},
      {"ALPN(`h2`)", "ALPN(`http/1.1`)", true, Intersection::kSome, false},
      {"ALPN(`h2`) || ALPN(`x`)", "ALPN(`x`) && ALPN(`y`)", true, Intersection::kSome, true},
      {"ALPN(`h2`)", "ALPN(`H2`)", true, Intersection::kSome, false},  // compared as written
      // Without TLS no ALPN is offered.
      {"ALPN(`h2`)", "ClientIP(`10.0.0.0/8`)", false, Intersection::kNone, false},
      {"HostSNIRegexp(`^a`)", "HostSNI(`a.com`)", true, Intersection::kSome, true},
      {"HostSNIRegexp(`^a`)", "HostSNI(`b.com`)", true, Intersection::kNone, false},
      {"HostSNIRegexp(`^a`)", "HostSNI(`*.a.com`)", true, Intersection::kUnknown, false},
      {"HostSNIRegexp(`^a`)", "HostSNIRegexp(`^b`)", true, Intersection::kUnknown, false},
      {"HostSNIRegexp(`^a`) && ClientIP(`10.0.0.0/8`)",
       "HostSNI(`a.com`) && ClientIP(`10.1.0.0/16`)", true, Intersection::kSome, true},
      // Without TLS there is no SNI: a HostSNI with a name matches nothing.
      {"HostSNI(`*`)", "HostSNI(`a.com`)", false, Intersection::kNone, false},
  };
  for (const PairCase& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " vs " + c.b);
    Error err;
    std::optional<MatchExpr> a = Parse(c.a, &err);
    std::optional<MatchExpr> b = Parse(c.b, &err);
    ASSERT_TRUE(a && b);
    OverlapRoute ra{&*a, Syntax::kV3, 10, c.tls, {"web"}, "a"};
    OverlapRoute rb{&*b, Syntax::kV3, 5, c.tls, {"web"}, "b"};
    EXPECT_EQ(Intersect(ra, rb), c.want);
    EXPECT_EQ(Intersect(rb, ra), c.want);
    EXPECT_EQ(Covers(ra, rb), c.a_covers_b);
  }
}

// The indexed FindOverlaps finds exactly what comparing every pair finds, on generated route
// sets mixing every covered form (names, wildcards, catch-alls, regexps, ClientIP, && and ||,
// negations, ALPN), TLS and non-TLS routes, shared and separate entry points, equal priorities.
TEST(RuleOverlap, IndexedEqualsPairwiseOnGeneratedRoutes) {
  const std::vector<std::string> atoms = {"HostSNI(`a.example.test`)",
                                          "HostSNI(`b.example.test`)",
                                          "HostSNI(`x.a.example.test`)",
                                          "HostSNI(`*.example.test`)",
                                          "HostSNI(`*.a.example.test`)",
                                          "HostSNI(`*`)",
                                          "HostSNIRegexp(`^a`)",
                                          "HostSNIRegexp(`example`)",
                                          "HostSNIRegexp(`.*`)",
                                          "ClientIP(`10.0.0.0/8`)",
                                          "ClientIP(`10.1.0.0/16`)",
                                          "ClientIP(`192.168.0.1`)",
                                          "ClientIP(`::1`)",
                                          "ALPN(`h2`)",
                                          "!HostSNI(`a.example.test`)",
                                          "HostSNI(`A.Example.Test.`)",
                                          "HostSNI(`c.test`, `a.example.test`)"};
  const std::vector<std::vector<std::string>> ep_sets = {{"web"}, {"db"}, {"web", "db"}, {""}};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    std::size_t count = 20 + pick(180);
    std::vector<MatchExpr> exprs;
    std::vector<OverlapRoute> in;
    exprs.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      std::string match = atoms[pick(atoms.size())];
      switch (pick(4)) {
        case 0:
          match += " && ";
          match += atoms[pick(atoms.size())];
          break;
        case 1:
          match.insert(0, "(");
          match += ") || ";
          match += atoms[pick(atoms.size())];
          break;
        default:
          break;
      }
      Error err;
      std::optional<MatchExpr> e = Parse(match, &err);
      ASSERT_TRUE(e.has_value()) << match << ": " << err.message;
      exprs.push_back(std::move(*e));
      OverlapRoute o;
      o.expr = &exprs.back();
      o.priority = static_cast<std::int64_t>(pick(4));
      o.has_tls = pick(4) != 0;
      o.entry_points = ep_sets[pick(ep_sets.size())];
      o.router_name = "router" + std::to_string(pick(count));
      in.push_back(std::move(o));
    }
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::vector<Overlap> pairwise = FindOverlapsPairwise(in);
    EXPECT_EQ(Show(FindOverlaps(in)), Show(pairwise));
    if (seed == 1) {
      EXPECT_FALSE(pairwise.empty());  // the generator does produce overlaps
    }
  }
}

}  // namespace
}  // namespace irtcp::rule_lang
