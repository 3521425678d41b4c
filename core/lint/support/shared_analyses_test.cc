// The analyses lint rules share: built once per run; the overlap analysis at any size.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/lint/registry.h"
#include "core/lint/support/provider_view.h"
#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {
namespace {

model::InputSet Load(const std::string& text) {
  model::InputSet input;
  diag::DiagnosticSink sink;
  input.AddSource(std::make_shared<const source::SourceFile>("in.yaml", text), yaml::LoadOptions{},
                  sink);
  return input;
}

std::string Routes(int n) {
  std::string text =
      "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: many}\n"
      "spec:\n  tls: {}\n  routes:\n";
  for (int i = 0; i < n; ++i) {
    text += "    - match: HostSNI(`h" + std::to_string(i) +
            ".example.com`)\n      services: [{name: s, port: 1}]\n";
  }
  return text;
}

TEST(SharedAnalyses, BuiltOncePerContext) {
  model::InputSet input = Load(Routes(3));
  LintOptions options;
  RuleContext ctx{input, options};
  const RuleLangEnv& a = ctx.Shared<RuleLangEnv>();
  const RuleLangEnv& b = ctx.Shared<RuleLangEnv>();
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(a.routes().size(), 3U);
  EXPECT_TRUE(a.routes()[0].valid());
  RuleContext other{input, options};
  EXPECT_NE(&other.Shared<RuleLangEnv>(), &a);
}

// IRT123/IRT124 run on inputs of any size (they were skipped above 3,000 routes): 20,000
// distinct names and a catch-all of higher priority that shadows every one of them.
TEST(SharedAnalyses, OverlapAnalysisRunsOnLargeInputs) {
  LintOptions options;
  std::string text = Routes(20000);
  text += "    - match: HostSNI(`*`)\n      priority: 1000\n      services: [{name: s, port: 1}]\n";
  model::InputSet large = Load(text);
  RuleContext ctx{large, options};
  EXPECT_EQ(ctx.Shared<RouteOverlaps>().list.size(), 20000U);
  EXPECT_TRUE(CheckNotes(ctx).empty() ||
              CheckNotes(ctx).front().find("IRT123") == std::string::npos);
}

TEST(ProviderView, KeysAsTraefikRegistersThem) {
  model::InputSet input = Load(R"(apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: my.mw, namespace: apps}
spec: {inFlightConn: {amount: 1}}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: default, namespace: apps}
spec: {}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: strict, namespace: apps}
spec: {}
---
apiVersion: traefik.containo.us/v1alpha1
kind: MiddlewareTCP
metadata: {name: old, namespace: legacy}
spec: {inFlightConn: {amount: 1}}
)");
  LintOptions options;
  RuleContext ctx{input, options};
  const provider::Configuration& config = ctx.Shared<ProviderView>().result().config;
  EXPECT_EQ(config.tcp.middlewares.count("apps-my-mw"), 1U);
  EXPECT_EQ(config.tcp.middlewares.count("legacy-old"), 0U);  // removed group: invisible
  ASSERT_TRUE(config.tls.options.has_value());
  EXPECT_EQ(config.tls.options->count("default"), 1U);  // registered without its namespace
  EXPECT_EQ(config.tls.options->count("apps-strict"), 1U);
}

}  // namespace
}  // namespace irtcp::lint
