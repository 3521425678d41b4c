// The route plan: which routers Traefik builds, in which order, and which one a connection
// reaches (rules.md §3.4, §6, §7).
#include "core/resolve/route_plan.h"

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace irtcp::resolve {
namespace {

/// A backend every test route can use: nativeLB on a Service with a clusterIP (one server).
constexpr char kService[] = R"(apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec:
  clusterIP: 10.96.0.1
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: default}
spec:
  clusterIP: 10.96.0.2
  ports: [{port: 80}]
---
)";

struct Fixture {
  model::InputSet input;
  std::unique_ptr<model::Catalog> catalog;
  provider::Result result;
  RoutePlan plan;
};

std::unique_ptr<Fixture> Plan(const std::string& objects,
                              const provider::StaticConfig& config = provider::StaticConfig{}) {
  auto f = std::make_unique<Fixture>();
  diag::DiagnosticSink sink;
  f->input.AddSource(
      std::make_shared<const source::SourceFile>("in.yaml", std::string(kService) + objects),
      yaml::LoadOptions{}, sink);
  f->catalog = std::make_unique<model::Catalog>(f->input);
  f->result = provider::Build(*f->catalog, config.provider);
  f->plan = BuildRoutePlan(f->result, config);
  return f;
}

/// One IngressRouteTCP on entry point `ep`; `tls` is the spec.tls flow mapping ("" for none);
/// `routes` are YAML list items, each "match: ..., priority: ..." (services added).
std::string Irt(const std::string& name, const std::string& tls,
                const std::vector<std::string>& routes, const std::string& ep = "ep",
                const std::string& service = "svc") {
  std::string text =
      "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: " + name +
      ", namespace: default}\nspec:\n  entryPoints: [" + ep + "]\n";
  if (!tls.empty()) {
    text.append("  tls: ").append(tls).append("\n");
  }
  text += "  routes:\n";
  for (const std::string& r : routes) {
    text.append("    - {").append(r).append(", services: [{name: ").append(service);
    text.append(", port: 80, nativeLB: true}]}\n");
  }
  return text + "---\n";
}

/// A MiddlewareTCP `m` in namespace default with `spec` (a flow mapping's inside, or "{}").
std::string Mw(const std::string& spec) {
  return "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\n"
         "metadata: {name: m, namespace: default}\nspec: " +
         (spec == "{}" ? spec : "{" + spec + "}") + "\n---\n";
}

/// An IngressRouteTCP whose one route uses middleware `m`.
std::string IrtWithMiddleware() {
  return "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
         "metadata: {name: a, namespace: default}\nspec:\n  entryPoints: [ep]\n"
         "  routes:\n    - {match: HostSNI(`*`), middlewares: [{name: m}], services: [{name: "
         "svc, port: 80, nativeLB: true}]}\n";
}

/// The rule of the router picked for `conn`, or "" when none.
std::string PickedRule(const RoutePlan& plan, const rule_lang::Connection& conn, bool tls,
                       const std::string& ep = "ep") {
  const PlannedRouter* r = plan.Pick(ep, conn, tls);
  return r == nullptr ? "" : r->rule;
}

rule_lang::Connection Tls(const std::string& sni, const std::string& ip = "192.0.2.1") {
  return {sni, {}, ip};
}
rule_lang::Connection Plain(const std::string& ip = "192.0.2.1") { return {"", {}, ip}; }

struct PickCase {
  std::string name;
  std::string objects;
  rule_lang::Connection conn;
  bool tls;
  std::string want;  ///< rule of the picked router; "" = none
};

void PrintTo(const PickCase& c, std::ostream* os) { *os << c.name; }

class RoutePlanPick : public ::testing::TestWithParam<PickCase> {};

TEST_P(RoutePlanPick, PicksTraefiksRouter) {
  const PickCase& c = GetParam();
  auto f = Plan(c.objects);
  EXPECT_EQ(PickedRule(f->plan, c.conn, c.tls), c.want);
  // The picked router is active and listed in its entry point's table.
  if (const PlannedRouter* r = f->plan.Pick("ep", c.conn, c.tls)) {
    EXPECT_TRUE(r->active());
    EXPECT_EQ(f->plan.FindRouter(r->name), r);
  }
}

const std::string kPassthrough = "{passthrough: true}";

INSTANTIATE_TEST_SUITE_P(
    Table, RoutePlanPick,
    ::testing::Values(
        // Priority: default priority is the rule length, so the longer rule goes first...
        PickCase{"LongerRuleFirst",
                 Irt("a", kPassthrough,
                     {"match: HostSNI(`a.com`) || HostSNI(`b.com`)",
                      "match: HostSNI(`a.com`) || HostSNI(`b.com`) || HostSNI(`c.com`)"}),
                 Tls("a.com"), true, "HostSNI(`a.com`) || HostSNI(`b.com`) || HostSNI(`c.com`)"},
        // ... and an explicit priority beats it.
        PickCase{"ExplicitPriorityWins",
                 Irt("a", kPassthrough,
                     {"match: HostSNI(`a.com`) || HostSNI(`b.com`), priority: 500",
                      "match: HostSNI(`a.com`) || HostSNI(`b.com`) || HostSNI(`c.com`)"}),
                 Tls("a.com"), true, "HostSNI(`a.com`) || HostSNI(`b.com`)"},
        PickCase{"CatchAllYieldsToExactSni",
                 Irt("a", kPassthrough, {"match: HostSNI(`*`)", "match: HostSNI(`a.com`)"}),
                 Tls("a.com"), true, "HostSNI(`a.com`)"},
        PickCase{"CatchAllTakesOtherSni",
                 Irt("a", kPassthrough, {"match: HostSNI(`*`)", "match: HostSNI(`a.com`)"}),
                 Tls("b.com"), true, "HostSNI(`*`)"},
        PickCase{"CatchAllWithHighPriorityWins",
                 Irt("a", kPassthrough,
                     {"match: HostSNI(`*`), priority: 100", "match: HostSNI(`a.com`)"}),
                 Tls("a.com"), true, "HostSNI(`*`)"},
        PickCase{"ClientIpInRange",
                 Irt("a", "", {"match: ClientIP(`10.0.0.0/8`)", "match: HostSNI(`*`)"}),
                 Plain("10.1.2.3"), false, "ClientIP(`10.0.0.0/8`)"},
        PickCase{"ClientIpOutOfRange",
                 Irt("a", "", {"match: ClientIP(`10.0.0.0/8`)", "match: HostSNI(`*`)"}),
                 Plain("192.168.0.1"), false, "HostSNI(`*`)"},
        // Rejected routers are never picked: the next matching router gets the connection.
        PickCase{"HttpHostMatcherRejected",
                 Irt("a", kPassthrough, {"match: Host(`a.com`)", "match: HostSNI(`*`)"}),
                 Tls("a.com"), true, "HostSNI(`*`)"},
        PickCase{"AcmeAlpnRejected",
                 Irt("a", kPassthrough, {"match: ALPN(`acme-tls/1`)", "match: HostSNI(`*`)"}),
                 rule_lang::Connection{"a.com", {"acme-tls/1"}, "192.0.2.1"}, true, "HostSNI(`*`)"},
        PickCase{
            "PriorityAboveMaximumRejected",
            Irt("a", kPassthrough,
                {"match: HostSNI(`a.com`), priority: 9223372036854775000", "match: HostSNI(`*`)"}),
            Tls("a.com"), true, "HostSNI(`*`)"},
        PickCase{"HostSniWithoutTlsRejected",
                 Irt("a", "",
                     {"match: HostSNI(`a.com`), priority: 100", "match: ClientIP(`0.0.0.0/0`)"}),
                 Plain(), false, "ClientIP(`0.0.0.0/0`)"},
        // Two muxers: a TLS connection never reaches a router without tls and vice versa.
        PickCase{"TlsConnectionSkipsNonTlsRouters",
                 Irt("plain", "", {"match: HostSNI(`*`), priority: 1000"}) +
                     Irt("secure", kPassthrough, {"match: HostSNI(`a.com`)"}),
                 Tls("a.com"), true, "HostSNI(`a.com`)"},
        PickCase{"PlainConnectionSkipsTlsRouters",
                 Irt("plain", "", {"match: ClientIP(`0.0.0.0/0`)"}) +
                     Irt("secure", kPassthrough, {"match: HostSNI(`*`), priority: 1000"}),
                 Plain(), false, "ClientIP(`0.0.0.0/0`)"},
        // Fast path: only routers without tls, so Traefik matches before reading anything, TLS
        // or not, with an empty SNI.
        PickCase{"FastPathTakesTlsConnections", Irt("plain", "", {"match: HostSNI(`*`)"}),
                 Tls("a.com"), true, "HostSNI(`*`)"},
        PickCase{"NoMatch", Irt("a", kPassthrough, {"match: HostSNI(`a.com`)"}), Tls("b.com"), true,
                 ""}),
    [](const ::testing::TestParamInfo<PickCase>& p) { return p.param.name; });

TEST(RoutePlan, TwoArgumentPickInfersTlsFromSniOrAlpn) {
  auto f = Plan(Irt("plain", "", {"match: ClientIP(`0.0.0.0/0`)"}) +
                Irt("secure", kPassthrough, {"match: HostSNI(`*`)"}));
  ASSERT_NE(f->plan.Pick("ep", Tls("a.com")), nullptr);
  EXPECT_EQ(f->plan.Pick("ep", Tls("a.com"))->rule, "HostSNI(`*`)");
  EXPECT_EQ(f->plan.Pick("ep", Plain())->rule, "ClientIP(`0.0.0.0/0`)");
  EXPECT_EQ(f->plan.Pick("other", Plain()), nullptr);
}

TEST(RoutePlan, DuplicateMatchListsOnlyTheWinner) {
  // Two routes of one IngressRouteTCP with the same match get the same router name; the later
  // one replaces the earlier (provider.md §6.6).
  auto f = Plan(
      "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
      "metadata: {name: dup, namespace: default}\nspec:\n  entryPoints: [ep]\n"
      "  tls: {passthrough: true}\n  routes:\n"
      "    - {match: HostSNI(`d.com`), services: [{name: svc, port: 80, nativeLB: true}]}\n"
      "    - {match: HostSNI(`d.com`), services: [{name: other, port: 80, nativeLB: true}]}\n");
  const RoutePlan& plan = f->plan;
  ASSERT_EQ(plan.routers.size(), 2U);
  const PlannedRouter& loser = plan.routers[0];
  const PlannedRouter& winner = plan.routers[1];
  EXPECT_EQ(loser.name, winner.name);
  EXPECT_EQ(loser.status, RouterStatus::kReplaced);
  EXPECT_NE(loser.replaced_by.find("default/dup (in.yaml:"), std::string::npos)
      << loser.replaced_by;
  EXPECT_TRUE(winner.active());
  const EntryPointPlan* ep = plan.FindEntryPoint("ep");
  ASSERT_NE(ep, nullptr);
  int listed = 0;
  for (const rule_lang::Route& r : ep->tls.routes()) {
    listed += r.id == winner.name ? 1 : 0;
  }
  EXPECT_EQ(listed, 1);
  const PlannedRouter* picked = plan.Pick("ep", Tls("d.com"), true);
  ASSERT_NE(picked, nullptr);
  EXPECT_EQ(picked, &winner);
  ASSERT_EQ(picked->backends.size(), 1U);
  EXPECT_EQ(picked->backends[0].service, "default/other");
  ASSERT_EQ(picked->backends[0].servers.size(), 1U);
  EXPECT_EQ(picked->backends[0].servers[0].address, "10.96.0.2:80");
}

struct RejectCase {
  std::string name;
  std::string objects;
  RouterStatus status;
  std::string rejected_by;
  std::string reason;  ///< expected substring of the reason
};

void PrintTo(const RejectCase& c, std::ostream* os) { *os << c.name; }

class RoutePlanReject : public ::testing::TestWithParam<RejectCase> {};

TEST_P(RoutePlanReject, KeepsTheRouterWithWhy) {
  const RejectCase& c = GetParam();
  auto f = Plan(c.objects);
  ASSERT_EQ(f->plan.routers.size(), 1U);
  const PlannedRouter& r = f->plan.routers[0];
  EXPECT_EQ(r.status, c.status);
  EXPECT_EQ(r.rejected_by, c.rejected_by);
  EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
  EXPECT_EQ(f->plan.FindRouter(r.name), nullptr);
  EXPECT_TRUE(f->plan.entry_points.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, RoutePlanReject,
    ::testing::Values(
        RejectCase{"HttpHost", Irt("a", kPassthrough, {"match: Host(`a.com`)"}),
                   RouterStatus::kRejected, "router manager",
                   "invalid rule: \"Host(`a.com`)\" , unsupported function: Host"},
        RejectCase{"HostSniWithoutTls", Irt("a", "", {"match: HostSNI(`a.com`)"}),
                   RouterStatus::kRejected, "router manager",
                   "invalid rule: \"HostSNI(`a.com`)\" , has HostSNI matcher, but no TLS on "
                   "router"},
        RejectCase{
            "PriorityAboveMaximum",
            Irt("a", kPassthrough, {"match: HostSNI(`a.com`), priority: 9223372036854775000"}),
            RouterStatus::kRejected, "router manager",
            "the router priority 9223372036854775000 exceeds the max user-defined priority "
            "9223372036854774807"},
        RejectCase{"AcmeAlpn", Irt("a", kPassthrough, {"match: ALPN(`acme-tls/1`)"}),
                   RouterStatus::kRejected, "router manager", "acme-tls/1"},
        RejectCase{
            "TlsOptionCrossNamespace",
            Irt("a", "{options: {name: opts, namespace: other}}", {"match: HostSNI(`a.com`)"}),
            RouterStatus::kRejected, "provider",
            "Invalid reference to TLSOption \"opts\": allowCrossNamespace is disabled"},
        RejectCase{"MiddlewareCrossNamespace",
                   "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
                   "metadata: {name: a, namespace: default}\nspec:\n  entryPoints: [ep]\n"
                   "  routes:\n    - {match: HostSNI(`*`), middlewares: [{name: m, namespace: "
                   "x}], services: [{name: svc, port: 80, nativeLB: true}]}\n",
                   RouterStatus::kRejected, "provider",
                   "invalid reference to middleware m: allowCrossNamespace is disabled"},
        // A middleware Traefik's builder cannot build drops the router (manager.go
        // buildTCPHandler), with the texts of pkg/middlewares/tcp (provider/middleware_build.h).
        RejectCase{
            "MiddlewareInvalidSourceRange",
            Mw("ipAllowList: {sourceRange: [10.0.0.0/8, 10.0.0.300/32]}") + IrtWithMiddleware(),
            RouterStatus::kRejected, "router manager",
            "cannot parse CIDRs [10.0.0.0/8 10.0.0.300/32]: parsing CIDR trusted IPs "
            "<nil>: invalid CIDR address: 10.0.0.300/32"},
        RejectCase{"MiddlewareSourceRangeWithSpace",
                   Mw("ipAllowList: {sourceRange: [\" 10.1.0.0/16\"]}") + IrtWithMiddleware(),
                   RouterStatus::kRejected, "router manager", "invalid CIDR address:  10.1.0.0/16"},
        RejectCase{"MiddlewareEmptySourceRange",
                   Mw("ipAllowList: {sourceRange: []}") + IrtWithMiddleware(),
                   RouterStatus::kRejected, "router manager",
                   "sourceRange is empty, IPAllowLister not created"},
        RejectCase{"MiddlewareInvalidWhiteList",
                   Mw("ipWhiteList: {sourceRange: [not-an-ip]}") + IrtWithMiddleware(),
                   RouterStatus::kRejected, "router manager",
                   "cannot parse CIDR whitelist [not-an-ip]: parsing CIDR trusted IPs <nil>: "
                   "invalid CIDR address: not-an-ip"},
        RejectCase{"MiddlewareWithoutType", Mw("{}") + IrtWithMiddleware(), RouterStatus::kRejected,
                   "router manager",
                   "invalid middleware \"default-m@kubernetescrd\" configuration: invalid "
                   "middleware type or middleware does not exist"},
        RejectCase{"Dangling", Irt("a", "", {"match: HostSNI(`*`)"}, "ep", "absent"),
                   RouterStatus::kDangling, "",
                   "the service \"default-a-673acf455cb2dab0b43a@kubernetescrd\" does not exist"}),
    [](const ::testing::TestParamInfo<RejectCase>& p) { return p.param.name; });

TEST(RoutePlan, UnknownEntryPointsWarnAndNoneLeftRejects) {
  provider::StaticConfig config;
  config.entry_points_known = true;
  config.entry_points = {provider::MakeEntryPoint("ep", ":1", false, false),
                         provider::MakeEntryPoint("udp", ":2", false, true)};
  auto f = Plan(Irt("a", kPassthrough, {"match: HostSNI(`a.com`)"}, "ep, nope") +
                    Irt("b", kPassthrough, {"match: HostSNI(`b.com`)"}, "udp"),
                config);
  ASSERT_EQ(f->plan.routers.size(), 2U);
  const PlannedRouter& a = f->plan.routers[0];
  EXPECT_TRUE(a.active());
  EXPECT_EQ(a.entry_points, std::vector<std::string>{"ep"});
  EXPECT_EQ(a.warnings, std::vector<std::string>{"entryPoint \"nope\" doesn't exist"});
  const PlannedRouter& b = f->plan.routers[1];
  EXPECT_EQ(b.status, RouterStatus::kRejected);
  EXPECT_EQ(b.reason, "no valid entryPoint for this router");
  EXPECT_NE(f->plan.Pick("ep", Tls("a.com"), true), nullptr);
  EXPECT_EQ(f->plan.Pick("udp", Tls("b.com"), true), nullptr);
}

TEST(RoutePlan, DefaultEntryPointsAndImplicitGroup) {
  std::string objects =
      "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\n"
      "metadata: {name: a, namespace: default}\nspec:\n  routes:\n"
      "    - {match: ClientIP(`0.0.0.0/0`), services: [{name: svc, port: 80, nativeLB: true}]}\n";
  auto unknown = Plan(objects);
  ASSERT_EQ(unknown->plan.entry_points.size(), 1U);
  EXPECT_EQ(unknown->plan.entry_points[0].name, kImplicitEntryPoint);
  EXPECT_TRUE(unknown->plan.routers[0].default_entry_points);

  provider::StaticConfig config;
  config.entry_points_known = true;
  config.entry_points = {provider::MakeEntryPoint("web", ":80", false, false),
                         provider::MakeEntryPoint("websecure", ":443", true, false)};
  auto known = Plan(objects, config);
  EXPECT_EQ(known->plan.routers[0].entry_points, std::vector<std::string>{"websecure"});
  EXPECT_NE(known->plan.Pick("websecure", Plain(), false), nullptr);
  EXPECT_EQ(known->plan.Pick("web", Plain(), false), nullptr);
}

TEST(RoutePlan, TlsModes) {
  auto f = Plan(Irt("term", "{secretName: cert, options: {name: opts}, certResolver: le}",
                    {"match: HostSNI(`a.com`)"}) +
                Irt("pass", kPassthrough, {"match: HostSNI(`b.com`)"}) +
                Irt("plain", "", {"match: HostSNI(`*`)"}) +
                Irt("dflt", "{}", {"match: HostSNI(`c.com`)"}));
  ASSERT_EQ(f->plan.routers.size(), 4U);
  const PlannedTls& term = f->plan.routers[0].tls;
  EXPECT_EQ(term.mode, TlsMode::kTerminate);
  EXPECT_EQ(term.options, "default-opts");
  EXPECT_EQ(term.options_note, "not in the input");
  EXPECT_EQ(term.cert_resolver, "le");
  EXPECT_EQ(term.certificate, "secret default/cert");
  // The input holds no Secret in that namespace: the Secret is unknown, not missing.
  EXPECT_EQ(term.certificate_note, "not in the input");
  EXPECT_EQ(term.Describe(),
            "terminate (secret default/cert, certResolver le, options default-opts "
            "(not in the input))");
  EXPECT_EQ(f->plan.routers[1].tls.mode, TlsMode::kPassthrough);
  EXPECT_EQ(f->plan.routers[2].tls.mode, TlsMode::kNone);
  const PlannedTls& dflt = f->plan.routers[3].tls;
  EXPECT_EQ(dflt.options, "default");
  EXPECT_EQ(dflt.certificate,
            "by SNI among the loaded certificates, else the self-signed TRAEFIK DEFAULT CERT");
  EXPECT_EQ(dflt.Describe(),
            "terminate (by SNI among the loaded certificates, else the self-signed TRAEFIK "
            "DEFAULT CERT, options default)");
}

TEST(RoutePlan, UnknownTlsOptionsClosesConnectionsButStaysInTheTable) {
  auto f = Plan(
      "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata: {name: real, namespace: "
      "default}\nspec: {minVersion: VersionTLS12}\n---\n" +
      Irt("a", "{options: {name: typo}}", {"match: HostSNI(`a.com`)"}));
  const PlannedRouter& r = f->plan.routers[0];
  EXPECT_TRUE(r.active());
  EXPECT_EQ(r.tls.options_error, "unknown TLS options: default-typo@kubernetescrd");
  EXPECT_EQ(f->plan.Pick("ep", Tls("a.com"), true), &r);
}

}  // namespace
}  // namespace irtcp::resolve
