// Conformance with Traefik's own CRD provider tests: every case of
// testdata/conformance/traefik/provider-cases/ (vendored; input.yml + options.yml -> expected.yml),
// compared as data.
// The same document is also checked through the YAML and TOML renderings.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
// Same toml++ configuration as irtcp_core (compiled library, not header-only).
#define TOML_HEADER_ONLY 0
#define TOML_SHARED_LIB 1
#include <toml++/toml.h>

#include <vector>

#include "core/lint/support/provider_view.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/render/render.h"
#include "core/run/load_run.h"
#include "core/run/session.h"
#include "tests/golden.h"

namespace irtcp {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path CasesDir() {
  return testing::TestdataDir() / "conformance" / "traefik" / "provider-cases";
}

std::vector<fs::path> CaseDirs() { return testing::CaseDirs(CasesDir(), "expected.yml"); }

// yaml-cpp node -> JSON, resolving plain scalars the way YAML does for this corpus (integers,
// booleans, null); quoted scalars stay strings.
Json YamlToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json j = Json::object();
      for (const auto& kv : n) {
        j[kv.first.as<std::string>()] = YamlToJson(kv.second);
      }
      return j;
    }
    case YAML::NodeType::Sequence: {
      Json j = Json::array();
      for (const auto& item : n) {
        j.push_back(YamlToJson(item));
      }
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "?") {
        if (s == "true" || s == "false") {
          return s == "true";
        }
        if (!s.empty() && s.find_first_not_of("-0123456789") == std::string::npos &&
            s.find('-', 1) == std::string::npos && s != "-") {
          return std::stoll(s);
        }
        if (s == "null" || s == "~") {
          return nullptr;
        }
      }
      return s;
    }
    default:
      return nullptr;
  }
}

Json TomlToJson(const toml::node& n) {
  if (const toml::table* t = n.as_table()) {
    Json j = Json::object();
    for (const auto& [k, v] : *t) {
      j[std::string(k.str())] = TomlToJson(v);
    }
    return j;
  }
  if (const toml::array* a = n.as_array()) {
    Json j = Json::array();
    for (const toml::node& v : *a) {
      j.push_back(TomlToJson(v));
    }
    return j;
  }
  if (auto s = n.value<std::string>(); s && n.is_string()) {
    return *s;
  }
  if (n.is_boolean()) {
    return *n.value<bool>();
  }
  if (n.is_integer()) {
    return *n.value<std::int64_t>();
  }
  return nullptr;
}

// toml++ is built with exceptions: parse errors throw.
bool ParseToml(const std::string& text, Json* out, std::string* err) {
  try {
    toml::table table = toml::parse(text);
    *out = TomlToJson(table);
    return true;
  } catch (const toml::parse_error& e) {
    *err = std::string(e.description());
    return false;
  }
}

provider::ProviderOptions OptionsFromYaml(const YAML::Node& y) {
  provider::ProviderOptions o;
  if (!y.IsMap()) {
    return o;
  }
  if (y["namespaces"]) {
    o.namespaces = y["namespaces"].as<std::vector<std::string>>();
  }
  if (y["labelSelector"]) {
    o.label_selector = y["labelSelector"].as<std::string>();
  }
  if (y["ingressClass"]) {
    o.ingress_class = y["ingressClass"].as<std::string>();
  }
  auto flag = [&](const char* key, bool* out) {
    if (y[key]) {
      *out = y[key].as<bool>();
    }
  };
  flag("allowCrossNamespace", &o.allow_cross_namespace);
  flag("allowExternalNameServices", &o.allow_external_name_services);
  flag("allowEmptyServices", &o.allow_empty_services);
  flag("nativeLBByDefault", &o.native_lb_by_default);
  flag("disableClusterScopeResources", &o.disable_cluster_scope_resources);
  if (y["crossProviderNamespaces"]) {
    const YAML::Node& c = y["crossProviderNamespaces"];
    o.cross_provider_namespaces =
        c.IsSequence() ? c.as<std::vector<std::string>>() : std::vector<std::string>{};
  }
  return o;
}

class ProviderConformance : public ::testing::TestWithParam<fs::path> {};

TEST_P(ProviderConformance, MatchesExpected) {
  const fs::path& dir = GetParam();
  run::LoadOptions load;
  load.paths = {(dir / "input.yml").string()};
  std::unique_ptr<run::LoadedRun> loaded = run::Load(load);
  ASSERT_TRUE(loaded->collected.errors.empty());

  provider::ProviderOptions options;
  if (fs::exists(dir / "options.yml")) {
    options = OptionsFromYaml(YAML::LoadFile((dir / "options.yml").string()));
  }
  model::Catalog catalog(loaded->input);
  // A case's input is the whole cluster: an object it does not hold does not exist.
  provider::Result result = provider::Build(catalog, options, provider::BuildOptions{true});
  ASSERT_TRUE(result.fatal_error.empty()) << result.fatal_error;

  Json expected = YamlToJson(YAML::LoadFile((dir / "expected.yml").string()));
  render::RenderOptions ro;
  ro.include_secrets = true;
  Json actual = Json::parse(render::Render(result.config, render::Format::kJson, ro));
  EXPECT_EQ(actual, expected) << "diff: " << Json::diff(expected, actual).dump(1);

  // The YAML and TOML renderings hold the same data.
  Json from_yaml = YamlToJson(YAML::Load(render::Render(result.config, render::Format::kYaml, ro)));
  EXPECT_EQ(from_yaml, actual) << "yaml diff: " << Json::diff(actual, from_yaml).dump(1);
  Json from_toml;
  std::string toml_err;
  ASSERT_TRUE(
      ParseToml(render::Render(result.config, render::Format::kToml, ro), &from_toml, &toml_err))
      << toml_err;
  EXPECT_EQ(from_toml, actual) << "toml diff: " << Json::diff(actual, from_toml).dump(1);
}

TEST(ProviderConformanceCorpus, HasAllCases) { EXPECT_EQ(CaseDirs().size(), 44u); }

INSTANTIATE_TEST_SUITE_P(Cases, ProviderConformance, ::testing::ValuesIn(CaseDirs()),
                         testing::CaseName());

// -- Agreement: validate, render and resolve report every provider event of every case with the
// same code at the same line and column (issue 8: one provider model for every subcommand).

using Place = std::tuple<std::string, std::uint32_t, std::uint32_t>;  // code, line, column

std::set<Place> ProviderFindings(const run::Session& s) {
  std::set<Place> out;
  for (const diag::Diagnostic& d : s.loaded->sink.diagnostics()) {
    if (lint::ReportsProviderEvents(d.code())) {
      out.emplace(std::string(d.code()), d.location.line, d.location.column);
    }
  }
  return out;
}

config::StaticConfigSource SourceFrom(const provider::ProviderOptions& o) {
  config::StaticConfigSource s;
  s.watch_namespaces = o.namespaces;
  s.label_selector = o.label_selector;
  s.ingress_class = o.ingress_class;
  s.allow_cross_namespace = o.allow_cross_namespace;
  s.allow_external_name_services = o.allow_external_name_services;
  s.allow_empty_services = o.allow_empty_services;
  s.native_lb_by_default = o.native_lb_by_default;
  s.disable_cluster_scope_resources = o.disable_cluster_scope_resources;
  s.cross_provider_namespaces = o.cross_provider_namespaces;
  return s;
}

class ProviderAgreement : public ::testing::TestWithParam<fs::path> {};

TEST_P(ProviderAgreement, SameFindingsInEverySubcommand) {
  const fs::path& dir = GetParam();
  run::SessionOptions options;
  options.load.paths = {(dir / "input.yml").string()};
  options.strict_references = true;  // a case's input is the whole cluster
  if (fs::exists(dir / "options.yml")) {
    options.static_config =
        SourceFrom(OptionsFromYaml(YAML::LoadFile((dir / "options.yml").string())));
  }
  std::set<Place> by_command[3];
  const run::Command commands[] = {run::Command::kValidate, run::Command::kRender,
                                   run::Command::kResolve};
  std::unique_ptr<run::Session> validate;
  for (int i = 0; i < 3; ++i) {
    options.command = commands[i];
    std::unique_ptr<run::Session> s = run::RunSession(options);
    ASSERT_TRUE(s->fatal_error.empty()) << s->fatal_error;
    by_command[i] = ProviderFindings(*s);
    if (i == 0) {
      validate = std::move(s);
    }
  }
  EXPECT_EQ(by_command[1], by_command[0]) << "render differs from validate";
  EXPECT_EQ(by_command[2], by_command[0]) << "resolve differs from validate";
  // And every event that maps to a finding is one, with that code at the event's place.
  for (const provider::Event& e : validate->provider.events) {
    std::string_view code = lint::EventRuleCode(e.code);
    bool reported = (code == "IRT490" && e.level >= provider::EventLevel::kWarn) ||
                    (!code.empty() && code != "IRT490" && code != "IRT109" && code != "IRT111" &&
                     code != "IRT404");
    if (!reported || e.object == nullptr) {
      continue;
    }
    const source::Location& loc = e.object->doc->node(e.node).loc;
    EXPECT_EQ(by_command[0].count(Place{std::string(code), loc.line, loc.column}), 1U)
        << e.Text() << " (" << code << " at " << loc.line << ":" << loc.column << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ProviderAgreement, ::testing::ValuesIn(CaseDirs()),
                         testing::CaseName());

// -- irtcp render CLI goldens: testdata/render/<case>/{args, expected.stdout, expected.stderr,
// expected.exit}, run in the case directory by the shared runner (RunCliCase); --update rewrites
// the expectations. The inputs the cases share are in testdata/render/common/.

fs::path RenderDir() { return testing::TestdataDir() / "render"; }

const testing::CliGoldenFiles kRenderGoldenFiles{"expected.stdout", "expected.stderr",
                                                 "expected.exit"};

class RenderGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(RenderGolden, Output) {
  const fs::path& dir = GetParam();
  testing::RunResult first = testing::RunCliCase(dir, kRenderGoldenFiles);
  // Deterministic: the same bytes twice.
  testing::RunResult second = testing::RunIrtcp(testing::ReadArgLines(dir / "args"), dir);
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(first.err, second.err);
}

INSTANTIATE_TEST_SUITE_P(Cases, RenderGolden,
                         ::testing::ValuesIn(testing::CaseDirs(RenderDir(), "args")),
                         testing::CaseName());

// The three formats of the CLI hold the same document.
TEST(RenderFormats, YamlJsonTomlAgree) {
  fs::path dir = RenderDir() / "common";
  testing::RunResult y = testing::RunIrtcp({"render", "-o", "yaml", "input.yaml"}, dir);
  testing::RunResult j = testing::RunIrtcp({"render", "-o", "json", "input.yaml"}, dir);
  testing::RunResult t = testing::RunIrtcp({"render", "-o", "toml", "input.yaml"}, dir);
  ASSERT_EQ(j.exit_code, 0);
  Json from_json = Json::parse(j.out);
  EXPECT_EQ(YamlToJson(YAML::Load(y.out)), from_json);
  Json from_toml;
  std::string toml_err;
  ASSERT_TRUE(ParseToml(t.out, &from_toml, &toml_err)) << toml_err;
  EXPECT_EQ(from_toml, from_json);
}

TEST(RenderSecrets, PlaceholderUnlessIncluded) {
  fs::path dir = RenderDir() / "common";
  testing::RunResult hidden = testing::RunIrtcp({"render", "input.yaml"}, dir);
  EXPECT_EQ(hidden.out.find("MIIEfake"), std::string::npos);
  EXPECT_NE(hidden.out.find("<secret db/db-tls: tls.key, "), std::string::npos);
  testing::RunResult shown = testing::RunIrtcp({"render", "--include-secrets", "input.yaml"}, dir);
  EXPECT_NE(shown.out.find("MIIEfake"), std::string::npos);
}

}  // namespace
}  // namespace irtcp
