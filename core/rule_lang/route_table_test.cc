#include "core/rule_lang/route_table.h"

#include <gtest/gtest.h>

#include <random>

namespace irtcp::rule_lang {
namespace {

Connection Sni(std::string sni, std::string ip = "10.0.0.1") {
  Connection c;
  c.server_name = std::move(sni);
  c.remote_ip = std::move(ip);
  return c;
}

TEST(RuleRouteTable, TraefikOrder) {
  RouteTable table({"kubernetescrd", "kubernetes"});
  Error err;
  ASSERT_TRUE(table.Add({"short", "HostSNI(`a.com`)", Syntax::kV3, 0, false, "", false}, &err));
  ASSERT_TRUE(table.Add(
      {"long", "HostSNI(`a.com`) || HostSNI(`b.com`)", Syntax::kV3, 0, false, "", false}, &err));
  ASSERT_TRUE(table.Add({"all", "HostSNI(`*`)", Syntax::kV3, 0, false, "", false}, &err));
  ASSERT_TRUE(table.Add({"neg", "HostSNI(`x.com`)", Syntax::kV3, -5, false, "", false}, &err));
  ASSERT_TRUE(
      table.Add({"k8s", "HostSNI(`c.com`)", Syntax::kV3, 100, false, "kubernetes", false}, &err));
  ASSERT_TRUE(table.Add(
      {"crd", "HostSNI(`c.com`)", Syntax::kV3, 100, false, "kubernetescrd", false}, &err));
  EXPECT_FALSE(table.Add({"bad", "HostSNI(``)", Syntax::kV3, 0, false, "", false}, &err));
  table.Build();
  EXPECT_EQ(table.Pick(Sni("a.com"))->id, "long");  // longer rule, higher default priority
  EXPECT_EQ(table.Pick(Sni("c.com"))->id, "crd");   // provider listed first wins the tie
  EXPECT_EQ(table.Pick(Sni("x.com"))->id, "all");   // -1 beats -5
  EXPECT_EQ(table.Pick(Sni(""))->id, "all");
  EXPECT_TRUE(table.Pick(Sni("zzz"))->match.catch_all());
  EXPECT_EQ(table.indexed_count(), 5u);
}

// Random tables: the indexed Pick must return exactly what Traefik's linear scan returns.
TEST(RuleRouteTable, IndexedPickEqualsLinearScan) {
  std::mt19937 rng(7u);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto host = [&]() {
    return std::string("h").append(std::to_string(pick(300))).append(".example.com");
  };
  RouteTable table({"p1", "p2"});
  RouteTable unbuilt({"p1", "p2"});
  const char* providers[] = {"", "p1", "p2", "p3"};
  for (int i = 0; i < 10000; ++i) {
    std::string rule;
    Syntax syntax = pick(4) == 0 ? Syntax::kV2 : Syntax::kV3;
    switch (pick(10)) {
      case 0:
        rule = "HostSNI(`*`)";
        break;
      case 1:
        rule = "HostSNIRegexp(`^h" + std::to_string(pick(300)) + "\\.`)";
        break;
      case 2:
        rule = "HostSNI(`" + host() + "`) && ClientIP(`10.0.0." + std::to_string(pick(3)) + "`)";
        break;
      case 3:
        rule = "HostSNI(`*.example.com`)";
        syntax = Syntax::kV3;
        break;
      case 4:
        rule = "!HostSNI(`" + host() + "`)";
        break;
      case 5:
        rule = "HostSNI(`" + host() + "`) || HostSNI(`" + host() + ".`)";
        break;
      case 6:
        rule = "HOSTSNI(`" + host() + "`)";
        break;
      default:
        rule = "HostSNI(`" + host() + "`)";
        break;
    }
    std::int64_t priority = pick(3) == 0 ? 0 : pick(50) - 10;
    RouteSpec spec{std::to_string(i), rule, syntax, priority, false, providers[pick(4)], false};
    Error err;
    ASSERT_TRUE(table.Add(spec, &err)) << rule << ": " << err.message;
    if (i < 500) {
      ASSERT_TRUE(unbuilt.Add(spec, &err));
    }
  }
  table.Build();
  EXPECT_GT(table.indexed_count(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    std::string sni;
    switch (pick(6)) {
      case 0:
        sni = "";
        break;
      case 1:
        sni = "nomatch.org";
        break;
      case 2:
        sni = "H" + std::to_string(pick(300)) + ".EXAMPLE.com";
        break;
      case 3:
        sni = host() + ".";
        break;
      default:
        sni = host();
        break;
    }
    Connection conn = Sni(sni, "10.0.0." + std::to_string(pick(3)));
    SCOPED_TRACE(sni);
    EXPECT_EQ(table.Pick(conn), table.PickLinear(conn));
  }
  // Before Build(), Pick falls back to a full scan with the same order.
  RouteTable copy = unbuilt;
  copy.Build();
  for (int i = 0; i < 300; ++i) {
    Connection conn = Sni(host());
    const Route* a = unbuilt.Pick(conn);
    const Route* b = copy.Pick(conn);
    ASSERT_EQ(a == nullptr, b == nullptr);
    if (a != nullptr) {
      EXPECT_EQ(a->id, b->id);
    }
  }
}

}  // namespace
}  // namespace irtcp::rule_lang
