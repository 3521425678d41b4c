// Table tests of the rules issue 14 added (IRT022, IRT125, IRT206, IRT311, IRT412): each case
// runs every check over a small input and lists where one code fires ("line:col"), and that
// rules judge each route as written, whatever else drops it. Their CLI goldens are
// testdata/rules/IRTnnn.yaml (tests/rules_golden_test.cc).
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/lint/registry.h"
#include "core/model/object.h"

namespace irtcp::lint {
namespace {

std::vector<diag::Diagnostic> Lint(const std::string& text,
                                   const version::TraefikVersion& v = version::DefaultVersion()) {
  model::InputSet input;
  diag::DiagnosticSink sink;
  input.AddSource(std::make_shared<const source::SourceFile>("in.yaml", text), yaml::LoadOptions{},
                  sink);
  LintOptions options;
  options.traefik_version = v;
  RuleContext ctx{input, options};
  RunChecks(ctx, sink);
  return sink.diagnostics();
}

// "line:col" of every finding with `code`, in report order.
std::vector<std::string> Where(const std::vector<diag::Diagnostic>& ds, std::string_view code) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : ds) {
    if (d.code() == code) {
      out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column));
    }
  }
  return out;
}

std::string Irtcp(const std::string& name, const std::string& spec) {
  return "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: " + name +
         ", namespace: apps}\nspec:\n" + spec + "---\n";
}

std::string Middleware(const std::string& name, const std::string& spec) {
  return "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\nmetadata: {name: " + name +
         ", namespace: apps}\nspec:\n" + spec + "---\n";
}

struct FindingCase {
  std::string name;
  std::string code;
  std::string input;
  std::vector<std::string> want;  ///< "line:col" of each finding with `code`
  std::string message;            ///< substring of the first finding's message ("" = any)
};

void PrintTo(const FindingCase& c, std::ostream* os) { *os << c.name; }

class RuleFindings : public ::testing::TestWithParam<FindingCase> {};

TEST_P(RuleFindings, ReportsWhereExpected) {
  const FindingCase& c = GetParam();
  std::vector<diag::Diagnostic> ds = Lint(c.input);
  EXPECT_EQ(Where(ds, c.code), c.want);
  if (!c.message.empty()) {
    for (const diag::Diagnostic& d : ds) {
      if (d.code() == c.code) {
        EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
        break;
      }
    }
  }
}

const std::string kRoute =
    "  entryPoints: [postgres]\n  routes:\n    - match: HostSNI(`*`)\n"
    "      services: [{name: db, port: 5432}]\n";

INSTANTIATE_TEST_SUITE_P(
    Table, RuleFindings,
    ::testing::Values(
        // IRT412 invalid-source-range: each entry Traefik's IP checker rejects.
        FindingCase{
            "SourceRangeOctet",
            "IRT412",
            Middleware("o", "  ipAllowList:\n    sourceRange: [10.0.0.0/8, 10.0.0.300/32]\n"),
            {"6:31"},
            "\"10.0.0.300/32\" is not an IP address or CIDR"},
        FindingCase{"SourceRangeWord",
                    "IRT412",
                    Middleware("o", "  ipAllowList:\n    sourceRange:\n      - not-an-ip\n"),
                    {"7:9"},
                    "invalid CIDR address: not-an-ip"},
        FindingCase{"SourceRangeSpace",
                    "IRT412",
                    Middleware("o", "  ipAllowList:\n    sourceRange: [\" 10.1.0.0/16\"]\n"),
                    {"6:19"},
                    "\" 10.1.0.0/16\""},
        FindingCase{
            "SourceRangeSeveral",
            "IRT412",
            Middleware("o",
                       "  ipAllowList:\n    sourceRange: [a, 10.0.0.1, b, \"::1\", 1.2.3.4/33]\n"),
            {"6:19", "6:32", "6:42"},
            ""},
        FindingCase{"SourceRangeEmpty",
                    "IRT412",
                    Middleware("o", "  ipAllowList:\n    sourceRange: []\n"),
                    {"6:18"},
                    "sourceRange is empty, IPAllowLister not created"},
        FindingCase{"WhiteListChecked",
                    "IRT412",
                    Middleware("o", "  ipWhiteList:\n    sourceRange: [010.0.0.1]\n"),
                    {"6:19"},
                    ""},
        FindingCase{"WhiteListBesideAllowListIgnored",
                    "IRT412",
                    Middleware("o",
                               "  ipAllowList: {sourceRange: [10.0.0.0/8]}\n"
                               "  ipWhiteList: {sourceRange: [bogus]}\n"),
                    {},
                    ""},
        FindingCase{"SourceRangeValid",
                    "IRT412",
                    Middleware("o",
                               "  ipAllowList:\n    sourceRange: [10.0.0.0/8, 192.168.1.7, "
                               "2001:db8::/32, ::ffff:10.0.0.1, 20.20.20.20/24]\n"),
                    {},
                    ""},
        FindingCase{
            "InFlightOnly", "IRT412", Middleware("o", "  inFlightConn: {amount: 3}\n"), {}, ""},
        // IRT125 catch-all-before-http.
        FindingCase{"CatchAllOnWeb",
                    "IRT125",
                    Irtcp("a",
                          "  entryPoints: [web]\n  routes:\n    - match: HostSNI(`*`)\n"
                          "      services: [{name: db, port: 5432}]\n"),
                    {"7:14"},
                    "entry point web"},
        FindingCase{"CatchAllOnWebsecureAndOwn",
                    "IRT125",
                    Irtcp("a",
                          "  entryPoints: [db, websecure]\n  routes:\n    - match: "
                          "HostSNI(`*`)\n      services: [{name: db, port: 5432}]\n"),
                    {"7:14"},
                    "entry point websecure"},
        FindingCase{"CatchAllOnIngressRouteEntryPoint",
                    "IRT125",
                    "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: h, "
                    "namespace: apps}\nspec:\n  entryPoints: [alt]\n  routes: []\n---\n" +
                        Irtcp("a",
                              "  entryPoints: [alt]\n  routes:\n    - match: HostSNI(`*`)\n"
                              "      services: [{name: db, port: 5432}]\n"),
                    {"14:14"},
                    "entry point alt"},
        FindingCase{"CatchAllOwnEntryPoint", "IRT125", Irtcp("a", kRoute), {}, ""},
        FindingCase{"CatchAllOnDefaultEntryPoints",
                    "IRT125",
                    Irtcp("a",
                          "  routes:\n    - match: HostSNI(`*`)\n"
                          "      services: [{name: db, port: 5432}]\n"),
                    {"6:14"},
                    "without entryPoints binds to Traefik's default entry points"},
        FindingCase{"CatchAllWithTls",
                    "IRT125",
                    Irtcp("a",
                          "  entryPoints: [web]\n  routes:\n    - match: HostSNI(`*`)\n"
                          "      services: [{name: db, port: 5432}]\n  tls: {}\n"),
                    {},
                    ""},
        FindingCase{"SpecificMatchOnWeb",
                    "IRT125",
                    Irtcp("a",
                          "  entryPoints: [web]\n  routes:\n    - match: HostSNI(`*`) && "
                          "ClientIP(`10.0.0.0/8`)\n      services: [{name: db, port: 5432}]\n"),
                    {},
                    ""},
        FindingCase{"NegatedCatchAllOnWeb",
                    "IRT125",
                    Irtcp("a",
                          "  entryPoints: [web]\n  routes:\n    - match: \"!HostSNI(`*`)\"\n"
                          "      services: [{name: db, port: 5432}]\n"),
                    {},
                    ""},
        // IRT206 tls-store-ignored.
        FindingCase{"TlsStoreNamed",
                    "IRT206",
                    Irtcp("a", kRoute + "  tls:\n    store: {name: internal}\n"),
                    {"10:12"},
                    "tls.store \"internal\" is ignored"},
        FindingCase{"TlsStoreDefault",
                    "IRT206",
                    Irtcp("a", kRoute + "  tls:\n    store: {name: default}\n"),
                    {},
                    ""},
        FindingCase{"NoTlsStore", "IRT206", Irtcp("a", kRoute + "  tls: {}\n"), {}, ""},
        // IRT311 weight-ignored.
        FindingCase{"WeightOnSingleService",
                    "IRT311",
                    Irtcp("a",
                          "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n"
                          "      services: [{name: db, port: 5432, weight: 0}]\n"),
                    {"8:49"},
                    "weight 0 is ignored"},
        FindingCase{"WeightOnSeveralServices",
                    "IRT311",
                    Irtcp("a",
                          "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n"
                          "      services: [{name: db, port: 1, weight: 2}, {name: b, port: "
                          "1}]\n"),
                    {},
                    ""},
        FindingCase{"NoWeight", "IRT311", Irtcp("a", kRoute), {}, ""},
        // IRT022 duplicate-object: at the later definition's metadata.name.
        FindingCase{"DuplicateIngressRouteTcp",
                    "IRT022",
                    Irtcp("a", kRoute) + Irtcp("a", kRoute),
                    {"12:18"},
                    "defined again (first at in.yaml:1)"},
        FindingCase{"TripleDefinition",
                    "IRT022",
                    Middleware("m", "  inFlightConn: {amount: 1}\n") +
                        Middleware("m", "  inFlightConn: {amount: 2}\n") +
                        Middleware("m", "  inFlightConn: {amount: 3}\n"),
                    {"9:18", "15:18"},
                    ""},
        FindingCase{"OtherNamespaceOrKind",
                    "IRT022",
                    Irtcp("a", kRoute) + Middleware("a", "  inFlightConn: {amount: 1}\n") +
                        "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: "
                        "{name: a, namespace: other}\nspec:\n" +
                        kRoute,
                    {},
                    ""},
        FindingCase{"OtherApiGroupIsAnotherObject",
                    "IRT022",
                    Irtcp("a", kRoute) +
                        "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRouteTCP\n"
                        "metadata: {name: a, namespace: apps}\nspec:\n" +
                        kRoute,
                    {},
                    ""}),
    [](const ::testing::TestParamInfo<FindingCase>& p) { return p.param.name; });

// The later definition is the one references resolve to, and both are still checked.
TEST(RuleFindings, DuplicateBothLintedLaterWins) {
  std::string text = Irtcp("a",
                           "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n"
                           "      services: [{name: db, port: 5432, weight: 1}]\n") +
                     Irtcp("a",
                           "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n"
                           "      services: [{name: db, port: 5432, weight: 2}]\n");
  std::vector<diag::Diagnostic> ds = Lint(text);
  EXPECT_EQ(Where(ds, "IRT311"), (std::vector<std::string>{"8:49", "17:49"}));
  EXPECT_EQ(Where(ds, "IRT022"), (std::vector<std::string>{"12:18"}));
  model::InputSet input;
  diag::DiagnosticSink sink;
  input.AddSource(std::make_shared<const source::SourceFile>("in.yaml", text), yaml::LoadOptions{},
                  sink);
  const model::Object* found = input.Find(model::Kind::kIngressRouteTCP, "apps", "a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->loc().line, 10U);
}

// A route is judged as written: shadowed by an earlier catch-all AND using a middleware that is
// missing or cannot be built, it gets every finding, not only the one that drops it.
TEST(RuleFindings, RouteJudgedIndependentlyOfWhatDropsIt) {
  std::string text = Middleware("broken", "  ipAllowList: {sourceRange: [not-an-ip]}\n") +
                     Irtcp("a",
                           "  entryPoints: [db]\n  tls: {passthrough: true}\n  routes:\n"
                           "    - match: HostSNI(`*`)\n      priority: 100\n"
                           "      services: [{name: db, port: 5432}]\n"
                           "    - match: HostSNI(`x.example.com`)\n      priority: 1\n"
                           "      middlewares: [{name: broken}, {name: absent}]\n"
                           "      services: [{name: missing-svc, port: 5432}]\n");
  std::vector<diag::Diagnostic> ds = Lint(text);
  EXPECT_EQ(Where(ds, "IRT123").size(), 1U) << "shadowed";
  EXPECT_EQ(Where(ds, "IRT412").size(), 1U) << "middleware cannot be built";
  EXPECT_EQ(Where(ds, "IRT403").size(), 1U) << "middleware missing";
}

}  // namespace
}  // namespace irtcp::lint
