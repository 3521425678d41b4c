#include "core/proxy/wrr.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/proxy/backend_map.h"

namespace irtcp::proxy {
namespace {

std::string Sequence(WeightedRoundRobin& wrr, int n, const std::string& names) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::optional<std::size_t> pick = wrr.Next();
    out += pick ? names[*pick] : '-';
  }
  return out;
}

// rules.md §8.2: Traefik's picks in order.
TEST(WeightedRoundRobin, TraefikSequences) {
  struct Case {
    std::vector<std::int64_t> weights;
    std::string names;
    std::string want;
  };
  const Case cases[] = {
      {{3, 1}, "AB", "AAABAAAB"}, {{1, 3}, "BA", "AABAAABA"},
      {{2, 3}, "AB", "BABAB"},    {{4, 6}, "AB", "BABABBABAB"},
      {{1, 1}, "AB", "ABAB"},     {{3, 0}, "AB", "AAAA"},
      {{0, 0, 0}, "ABC", "---"},  {{}, "", "--"},
      {{10}, "A", "AAA"},
  };
  for (const Case& c : cases) {
    WeightedRoundRobin wrr(c.weights);
    EXPECT_EQ(Sequence(wrr, static_cast<int>(c.want.size()), c.names), c.want);
  }
}

// lb.yml's health scenarios (no TCP health check in IngressRouteTCP, so not over sockets).
TEST(WeightedRoundRobin, ServersDownAndUp) {
  WeightedRoundRobin none({1, 1});
  none.SetUp(0, false);
  none.SetUp(1, false);
  EXPECT_EQ(Sequence(none, 1, "fs"), "-");  // NoServiceUp: "no servers in the pool"
  WeightedRoundRobin wrr({1, 1});
  wrr.SetUp(1, false);
  EXPECT_EQ(Sequence(wrr, 3, "fs"), "fff");  // OneServerDown
  wrr.SetUp(1, true);
  std::string two = Sequence(wrr, 2, "fs");  // DownThenUp: one each
  EXPECT_EQ(std::count(two.begin(), two.end(), 'f'), 1);
  EXPECT_EQ(std::count(two.begin(), two.end(), 's'), 1);
  // Caveat of §8.2: only weight-0 servers up. Traefik would spin; we refuse the pick.
  WeightedRoundRobin spin({0, 2});
  spin.SetUp(1, false);
  EXPECT_EQ(Sequence(spin, 1, "ab"), "-");
}

// lb.yml TestWRRLoadBalancer_Propagate: a parent over two balancers skips a child with no server
// up (the child reports down).
TEST(WeightedRoundRobin, PropagationThroughParents) {
  WeightedRoundRobin top({1, 1});
  std::vector<WeightedRoundRobin> kids = {WeightedRoundRobin({1, 1}), WeightedRoundRobin({1, 1})};
  std::vector<std::vector<bool>> up = {{true, true}, {true, true}};
  const std::string names =
      "12"
      "34";
  auto run = [&](int calls) {
    std::map<char, int> writes;
    for (int i = 0; i < calls; ++i) {
      std::optional<std::size_t> k = top.Next();
      std::optional<std::size_t> s = k ? kids[*k].Next() : std::nullopt;
      if (!k || !s) {
        ADD_FAILURE() << "no pick";
        return writes;
      }
      writes[names[*k * 2 + *s]]++;
    }
    return writes;
  };
  auto set = [&](std::size_t kid, std::size_t server, bool is_up) {
    up[kid][server] = is_up;
    kids[kid].SetUp(server, is_up);
    top.SetUp(kid, up[kid][0] || up[kid][1]);  // propagate the aggregate state
  };
  std::map<char, int> w;
  w = run(8);
  EXPECT_EQ(w, (std::map<char, int>{{'1', 2}, {'2', 2}, {'3', 2}, {'4', 2}}));
  set(1, 1, false);
  w = run(8);
  EXPECT_EQ(w, (std::map<char, int>{{'1', 2}, {'2', 2}, {'3', 4}}));
  set(1, 0, false);
  w = run(8);
  EXPECT_EQ(w, (std::map<char, int>{{'1', 4}, {'2', 4}}));
}

TEST(BackendMap, Parse) {
  struct Case {
    const char* text;
    bool ok;
    const char* service;
    const char* port;
    const char* server;
    const char* target;
  };
  const Case cases[] = {
      {"apps/db:5432=127.0.0.1:15432", true, "apps/db", "5432", "", "127.0.0.1:15432"},
      {"apps/db:pg=localhost:1", true, "apps/db", "pg", "", "localhost:1"},
      {"10.42.0.7:5432=127.0.0.1:1", true, "", "", "10.42.0.7:5432", "127.0.0.1:1"},
      {"[fd00::1]:80=[::1]:8080", true, "", "", "[fd00::1]:80", "[::1]:8080"},
      {"apps/db=127.0.0.1:1", false, "", "", "", ""},
      {"apps/db:5432", false, "", "", "", ""},
      {"apps/db:5432=127.0.0.1", false, "", "", "", ""},
      {"apps/db:5432=127.0.0.1:70000", false, "", "", "", ""},
      {"/db:1=127.0.0.1:1", false, "", "", "", ""},
      {"db:1=127.0.0.1:1", false, "", "", "", ""},
      {"fd00::1:80=127.0.0.1:1", false, "", "", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    BackendMapping m;
    std::string err;
    ASSERT_EQ(ParseBackendMapping(c.text, "x", &m, &err), c.ok) << err;
    if (c.ok) {
      EXPECT_EQ(m.service, c.service);
      EXPECT_EQ(m.port, c.port);
      EXPECT_EQ(m.server, c.server);
      EXPECT_EQ(m.target, c.target);
    } else {
      EXPECT_FALSE(err.empty());
    }
  }
}

TEST(BackendMap, File) {
  std::vector<BackendMapping> out;
  std::string err;
  ASSERT_TRUE(ParseBackendsFile("b.txt",
                                "# mappings\n\napps/db:5432=127.0.0.1:1  # the db\n"
                                "  10.0.0.1:80=127.0.0.1:2\r\n",
                                &out, &err))
      << err;
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].origin, "b.txt:3");
  EXPECT_EQ(out[1].server, "10.0.0.1:80");
  EXPECT_FALSE(ParseBackendsFile("b.txt", "ok/x:1=127.0.0.1:1\n   nope\n", &out, &err));
  EXPECT_EQ(err,
            "b.txt:2:4: expected NS/SERVICE:PORT=HOST:PORT or IP:PORT=HOST:PORT, got \"nope\"");
}

}  // namespace
}  // namespace irtcp::proxy
