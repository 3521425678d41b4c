#include "core/config/project_config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/golden.h"

namespace irtcp::config {
namespace {

namespace fs = std::filesystem;

bool Parse(const std::string& text, ProjectConfig* out, std::string* err) {
  return ParseProjectConfig(std::make_shared<source::SourceFile>("cfg/.irtcp.yaml", text), out,
                            err);
}

TEST(ProjectConfig, Errors) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"selct: [IRT1]\n", "cfg/.irtcp.yaml:1:1: unknown key \"selct\" (did you mean select?)"},
      {"select: [IRT1, IRT1040]\n",
       "cfg/.irtcp.yaml:1:16: unknown rule code or name \"IRT1040\" (did you mean IRT104?)"},
      {"ignore: hostsni-without-tsl\n",
       "cfg/.irtcp.yaml:1:9: unknown rule code or name \"hostsni-without-tsl\" (did you mean "
       "hostsni-without-tls?)"},
      {"severity:\n  IRT104: warnng\n",
       "cfg/.irtcp.yaml:2:11: invalid severity \"warnng\" (use error, warning, info or off) (did "
       "you mean warning?)"},
      {"severity: [IRT104]\n",
       "cfg/.irtcp.yaml:1:11: \"severity\" takes a mapping of codes to error, warning, info or "
       "off"},
      {"fail-on: warnings\n",
       "cfg/.irtcp.yaml:1:10: invalid fail-on \"warnings\" (expected one of: error, warning, info, "
       "never) (did you mean warning?)"},
      {"output: sarf\n",
       "cfg/.irtcp.yaml:1:9: invalid output \"sarf\" (expected one of: text, json, sarif, github, "
       "junit) "
       "(did you mean sarif?)"},
      {"traefik-version: \"3.17\"\n",
       "cfg/.irtcp.yaml:1:18: invalid traefik-version \"3.17\" (expected one of: 2.10, 2.11, 3.0, "
       "3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7) (did you mean 3.1?)"},
      {"allow-cross-namespace: \"yes\"\n",
       "cfg/.irtcp.yaml:1:24: \"allow-cross-namespace\" takes true or false"},
      {"default-rule-syntax: v1\n",
       "cfg/.irtcp.yaml:1:22: invalid default-rule-syntax \"v1\" (expected one of: v2, v3) (did "
       "you mean v2?)"},
      {"select:\n", "cfg/.irtcp.yaml:1:1: \"select\" has no value"},
      {"- select\n",
       "cfg/.irtcp.yaml:1:1: the configuration must be a mapping of option names to values"},
      {"select: [IRT1\n", nullptr},  // a YAML syntax error, with its position
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    ProjectConfig cfg;
    std::string err;
    EXPECT_FALSE(Parse(c.text, &cfg, &err));
    if (c.error != nullptr) {
      EXPECT_EQ(err, c.error);
    } else {
      EXPECT_TRUE(err.starts_with("cfg/.irtcp.yaml:1:9: while parsing a flow sequence")) << err;
    }
  }
}

TEST(ProjectConfig, Values) {
  ProjectConfig cfg;
  std::string err;
  ASSERT_TRUE(Parse(R"(# every key
select: [IRT1, hostsni-without-tls]
ignore: IRT122, IRT124
severity:
  IRT104: warning
  IRT3: off
exclude: ["charts/**", "*.tmpl.yaml"]
fail-on: warning
output: json
traefik-config: ../traefik.yml
traefik-version: 3.3
allow-cross-namespace: true
allow-external-name-services: false
allow-empty-services: true
native-lb-by-default: true
disable-cluster-scope-resources: true
cross-provider-namespaces: []
watch-namespace: [apps, db]
label-selector: team=edge
ingress-class: traefik-internal
default-rule-syntax: v2
)",
                    &cfg, &err))
      << err;
  EXPECT_EQ(cfg.select, (std::vector<std::string>{"IRT1", "hostsni-without-tls"}));
  EXPECT_EQ(cfg.ignore, (std::vector<std::string>{"IRT122", "IRT124"}));
  ASSERT_TRUE(cfg.severity.has_value());
  EXPECT_EQ(cfg.severity->size(), 2U);
  EXPECT_EQ((*cfg.severity)[1], (std::pair<std::string, std::string>{"IRT3", "off"}));
  EXPECT_EQ(cfg.exclude, (std::vector<std::string>{"charts/**", "*.tmpl.yaml"}));
  EXPECT_EQ(cfg.fail_on, "warning");
  EXPECT_EQ(cfg.output, "json");
  EXPECT_EQ(cfg.provider.traefik_config, "traefik.yml");  // relative to cfg/
  EXPECT_EQ(cfg.traefik_version, "3.3");
  EXPECT_TRUE(cfg.notes.empty());
  EXPECT_EQ(cfg.traefik_version_origin.rfind("cfg/.irtcp.yaml:", 0), 0U)
      << cfg.traefik_version_origin;
  EXPECT_EQ(cfg.provider.allow_cross_namespace, true);
  EXPECT_EQ(cfg.provider.allow_external_name_services, false);
  EXPECT_EQ(cfg.provider.allow_empty_services, true);
  EXPECT_EQ(cfg.provider.native_lb_by_default, true);
  EXPECT_EQ(cfg.provider.disable_cluster_scope_resources, true);
  EXPECT_EQ(cfg.provider.cross_provider_namespaces, std::vector<std::string>{});
  EXPECT_EQ(cfg.provider.watch_namespaces, (std::vector<std::string>{"apps", "db"}));
  EXPECT_EQ(cfg.provider.label_selector, "team=edge");
  EXPECT_EQ(cfg.provider.ingress_class, "traefik-internal");
  EXPECT_EQ(cfg.provider.default_rule_syntax, "v2");
  EXPECT_EQ(cfg.where.at("select"), "cfg/.irtcp.yaml:2:1");
  EXPECT_EQ(cfg.where.size(), ProjectConfigKeys().size());
}

TEST(ProjectConfig, EmptyFileSetsNothing) {
  ProjectConfig cfg;
  std::string err;
  EXPECT_TRUE(Parse("# nothing yet\n", &cfg, &err)) << err;
  EXPECT_FALSE(cfg.select.has_value());
  EXPECT_TRUE(cfg.where.empty());
}

TEST(ProjectConfig, DiscoveryStopsAtTheRepositoryRoot) {
  fs::path root = fs::temp_directory_path() / ("irtcp-config-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "repo" / "a" / "b");
  fs::create_directories(root / "repo" / ".git");
  auto touch = [](const fs::path& p) { std::ofstream(p) << "select: [IRT1]\n"; };
  // Above the repository root: never read from inside the repository.
  touch(root / kProjectConfigName);
  EXPECT_EQ(FindProjectConfig((root / "repo" / "a" / "b").string()), "");
  touch(root / "repo" / kProjectConfigName);
  EXPECT_EQ(FindProjectConfig((root / "repo" / "a" / "b").string()),
            (root / "repo" / kProjectConfigName).string());
  EXPECT_EQ(FindProjectConfig((root / "repo" / "a" / "b" / ".").string()),
            (root / "repo" / kProjectConfigName).string());
  touch(root / "repo" / "a" / kProjectConfigName);
  EXPECT_EQ(FindProjectConfig((root / "repo" / "a" / "b").string()),
            (root / "repo" / "a" / kProjectConfigName).string());
  // A worktree's .git is a file.
  fs::remove_all(root / "repo" / ".git");
  fs::create_directories(root / "wt" / "x");
  std::ofstream(root / "wt" / ".git") << "gitdir: /elsewhere\n";
  EXPECT_EQ(FindProjectConfig((root / "wt" / "x").string()), "");
  // Without any .git the search goes up to / and finds the file above.
  EXPECT_EQ(FindProjectConfig((root / "repo").string()),
            (root / "repo" / kProjectConfigName).string());
  fs::remove_all(root / "repo" / kProjectConfigName);
  fs::remove_all(root / "repo" / "a" / kProjectConfigName);
  EXPECT_EQ(FindProjectConfig((root / "repo" / "a" / "b").string()),
            (root / kProjectConfigName).string());
  fs::remove_all(root);
}

}  // namespace
}  // namespace irtcp::config

namespace irtcp::config {
namespace {

TEST(ProjectConfig, SchemaListsExactlyTheKeys) {
  nlohmann::json schema = nlohmann::json::parse(irtcp::testing::ReadFileOrDie(
      irtcp::testing::SourceDir() / "schemas" / "irtcp-config.schema.json"));
  std::vector<std::string> in_schema;
  for (const auto& [key, value] : schema["properties"].items()) {
    in_schema.push_back(key);
  }
  std::sort(in_schema.begin(), in_schema.end());
  std::vector<std::string> read;
  for (std::string_view k : ProjectConfigKeys()) {
    read.emplace_back(k);
  }
  EXPECT_EQ(in_schema, read);
  EXPECT_EQ(schema["additionalProperties"], false);
  std::vector<std::string> versions;
  for (std::string_view v : KnownTraefikVersions()) {
    versions.emplace_back(v);
  }
  EXPECT_EQ(schema["properties"]["traefik-version"]["enum"].get<std::vector<std::string>>(),
            versions);
}

}  // namespace
}  // namespace irtcp::config
