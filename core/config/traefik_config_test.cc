#include "core/config/traefik_config.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/golden.h"

namespace irtcp::config {
namespace {

std::string Fixture(const std::string& name) {
  return (irtcp::testing::SourceDir() / "testdata" / "config" / name).string();
}

/// Entry points as "name=address[*][/udp]" for compact comparisons (* marks asDefault).
std::vector<std::string> EntryPointList(const TraefikConfig& c) {
  std::vector<std::string> out;
  for (const provider::EntryPoint& ep : c.entry_points) {
    out.push_back(ep.name + "=" + ep.address + (ep.as_default ? "*" : "") + (ep.udp ? " udp" : ""));
  }
  return out;
}

struct FileCase {
  const char* name;
  const char* file;
  bool cross_namespace;
  bool external_name;
  std::vector<std::string> namespaces;
  std::optional<std::vector<std::string>> cross_provider;
  std::vector<std::string> entry_points;
  std::vector<std::string> defaults;
  std::string syntax;
};

TEST(ConfigTraefikConfig, ReadsYamlTomlAndManifests) {
  const FileCase cases[] = {
      {"yaml",
       "traefik.yaml",
       true,
       true,
       {"apps", "db"},
       std::vector<std::string>{},
       {"web=:80", "websecure=:443*", "db=:5432", "dns=:53/udp udp"},
       {"websecure"},
       "v2"},
      {"toml",
       "traefik.toml",
       true,
       false,
       {"apps", "db"},
       std::vector<std::string>{"apps"},
       {"db=:5432", "web=:80", "websecure=:443*"},  // toml++ sorts keys
       {"websecure"},
       "v2"},
      {"deployment args",
       "deployment.yaml",
       true,
       true,
       {"apps", "db"},
       std::nullopt,
       {"metrics=:9100/tcp", "traefik=:8080/tcp", "web=:8000/tcp", "websecure=:8443/tcp*",
        "db=:5432"},
       {"websecure"},
       "v2"},
      {"daemonset env",
       "daemonset-env.yaml",
       true,
       false,
       {},
       std::nullopt,
       {"DB=:5432"},
       {"DB"},
       "v3"},
  };
  for (const FileCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::string err;
    std::optional<TraefikConfig> cfg = LoadTraefikConfig(Fixture(c.file), &err);
    ASSERT_TRUE(cfg.has_value()) << err;
    EXPECT_TRUE(cfg->kubernetes_crd_enabled);
    provider::StaticConfig sc;
    ApplyTraefikConfig(*cfg, sc);
    EXPECT_EQ(sc.provider.allow_cross_namespace, c.cross_namespace);
    EXPECT_EQ(sc.provider.allow_external_name_services, c.external_name);
    EXPECT_EQ(sc.provider.namespaces, c.namespaces);
    EXPECT_EQ(sc.provider.cross_provider_namespaces, c.cross_provider);
    EXPECT_EQ(EntryPointList(*cfg), c.entry_points);
    EXPECT_TRUE(sc.entry_points_known);
    EXPECT_EQ(DefaultEntryPoints(sc), c.defaults);
    EXPECT_EQ(sc.default_rule_syntax, c.syntax);
  }
}

// Found by the traefik_config fuzzer
// (testdata/fuzz/traefik_config/crash-toml-table-header-percent): a table header whose key starts
// with neither a bare-key character nor a quote reached an internal assert of toml++ and aborted;
// it is a syntax error with a position.
TEST(ConfigTraefikConfig, TomlTableHeaderWithABadFirstKeyCharacterIsAnError) {
  std::string err;
  std::optional<TraefikConfig> c = ParseTraefikConfig(
      "traefik.toml", "[entryPoints.web]\n  address = \":80\"\n[%sentryPoints.websecure]\n",
      ConfigFormat::kAuto, &err);
  EXPECT_FALSE(c.has_value());
  EXPECT_NE(err.find("traefik.toml:3:"), std::string::npos) << err;
  EXPECT_NE(err.find("expected bare key"), std::string::npos) << err;
}

// Found by the traefik_config fuzzer (testdata/fuzz/traefik_config/crash-toml-unicode-*): toml++
// 3.3.0 reaches __builtin_unreachable() on most non-ASCII characters where it skips whitespace;
// TOML allows none outside strings and comments, so they are refused there (and in multi-line
// basic strings) with a position before the parser sees them.
TEST(ConfigTraefikConfig, NonAsciiWhereTheTomlParserMishandlesItIsRefused) {
  struct Case {
    std::string text;
    std::string error;  // "" when it parses
  };
  const Case cases[] = {
      {"a = 1\nb\xEF\xB9\xBF = 2\n", "traefik.toml:2:2: a non-ASCII character outside"},
      {"s3n6\xCD\x84ue\n", "traefik.toml:1:5: a non-ASCII character outside"},
      {R"(a = """x\)"
       "\n  \xC3\xA9"
       R"(""")"
       "\n",
       "traefik.toml:2:3: a non-ASCII character in a multi-line"},
      {"a = \"\"\xC3\xA9\n", "traefik.toml:1:7: a non-ASCII character outside"},
      {"h=3\"&5;\xEF\xBB\xBD.\n", "traefik.toml:1:8: a non-ASCII character outside"},  // no string
      {"# caf\xC3\xA9 \xEF\xBB\xBF\n[entryPoints.web]  # \xC3\xA9\n  address = \":80\"\n", ""},
      {"[entryPoints.web]\n  address = \"\xC3\xA9\"\n", ""},
      {"[entryPoints.web]\n  address = '\xC3\xA9 # x'\n  # \"\n", ""},
      {"[entryPoints.web]\n  address = "
       R"(''')"
       "\n\xC3\xA9"
       R"(''')"
       "\n",
       ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::string err;
    std::optional<TraefikConfig> cfg =
        ParseTraefikConfig("traefik.toml", c.text, ConfigFormat::kAuto, &err);
    if (c.error.empty()) {
      EXPECT_TRUE(cfg.has_value()) << err;
    } else {
      EXPECT_FALSE(cfg.has_value());
      EXPECT_EQ(err.rfind(c.error, 0), 0U) << err;
    }
  }
}

std::string Repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// toml++ recurses once per level of nesting, dotted keys included: deep nesting is refused
// before it can exhaust the stack (the ASan build overflowed on 20,000 levels).
TEST(ConfigTraefikConfig, TomlNestingDeeperThanTheLimitIsRefused) {
  std::string err;
  std::string dotted = "[a";
  for (int i = 0; i < 20000; ++i) {
    dotted += ".a";
  }
  dotted += "]\n";
  EXPECT_FALSE(ParseTraefikConfig("traefik.toml", dotted, ConfigFormat::kAuto, &err));
  EXPECT_EQ(err.rfind("traefik.toml:1:", 0), 0U) << err;
  EXPECT_NE(err.find("tables nest deeper than 64 levels"), std::string::npos) << err;
  err.clear();
  EXPECT_FALSE(ParseTraefikConfig("traefik.toml", "x = " + std::string(20000, '['),
                                  ConfigFormat::kAuto, &err));
  EXPECT_NE(err.find("nest deeper"), std::string::npos) << err;
  err.clear();
  EXPECT_TRUE(
      ParseTraefikConfig("traefik.toml",
                         "[entryPoints.web]\n  address = \"1.2.3.4:80\"\n  x = 1.5\n  y = [" +
                             Repeated("1.5, ", 100) + "2.5]\n",
                         ConfigFormat::kAuto, &err))
      << err;
}

TEST(ConfigTraefikConfig, OptionDetails) {
  std::string err;
  std::optional<TraefikConfig> yaml = LoadTraefikConfig(Fixture("traefik.yaml"), &err);
  ASSERT_TRUE(yaml.has_value()) << err;
  EXPECT_EQ(yaml->ingress_class, "traefik-internal");
  EXPECT_EQ(yaml->label_selector, "team=edge");
  EXPECT_FALSE(yaml->allow_empty_services.has_value());
  std::optional<TraefikConfig> toml = LoadTraefikConfig(Fixture("traefik.toml"), &err);
  ASSERT_TRUE(toml.has_value()) << err;
  EXPECT_EQ(toml->native_lb_by_default, true);
  EXPECT_EQ(toml->allow_empty_services, true);  // a string Go's ParseBool accepts
}

TEST(ConfigTraefikConfig, DefaultsWhenTheFileSaysNothing) {
  std::string err;
  std::optional<TraefikConfig> cfg =
      ParseTraefikConfig("t.yaml", "log:\n  level: INFO\n", ConfigFormat::kAuto, &err);
  ASSERT_TRUE(cfg.has_value()) << err;
  EXPECT_FALSE(cfg->kubernetes_crd_enabled);
  ASSERT_EQ(cfg->notes.size(), 1U);
  EXPECT_EQ(cfg->notes[0],
            "t.yaml: providers.kubernetesCRD is not enabled: Traefik would read no "
            "IngressRouteTCP at all");
  provider::StaticConfig sc;
  sc.provider.allow_cross_namespace = true;  // a lower layer the file does not override
  ApplyTraefikConfig(*cfg, sc);
  EXPECT_TRUE(sc.provider.allow_cross_namespace);
  EXPECT_EQ(EntryPointList(*cfg), std::vector<std::string>{"http=:80"});
  EXPECT_EQ(DefaultEntryPoints(sc), std::vector<std::string>{"http"});
}

TEST(ConfigTraefikConfig, EmptyCrdBlockEnablesTheProvider) {
  std::string err;
  std::optional<TraefikConfig> cfg =
      ParseTraefikConfig("t.yaml", "providers:\n  kubernetesCRD: {}\n", ConfigFormat::kAuto, &err);
  ASSERT_TRUE(cfg.has_value()) << err;
  EXPECT_TRUE(cfg->kubernetes_crd_enabled);
  EXPECT_TRUE(cfg->notes.empty());
  cfg = ParseTraefikConfig("t.yaml", "providers:\n  kubernetesCRD:\n", ConfigFormat::kAuto, &err);
  ASSERT_TRUE(cfg.has_value()) << err;
  EXPECT_TRUE(cfg->kubernetes_crd_enabled);
}

TEST(ConfigTraefikConfig, ConfigFileArgMakesEntryPointsUnknown) {
  const char* text = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: traefik}
spec:
  template:
    spec:
      containers:
        - name: traefik
          image: traefik:v3.7
          args: ["--configFile=/etc/traefik/static.yaml"]
)";
  std::string err;
  std::optional<TraefikConfig> cfg = ParseTraefikConfig("d.yaml", text, ConfigFormat::kAuto, &err);
  ASSERT_TRUE(cfg.has_value()) << err;
  EXPECT_FALSE(cfg->entry_points_complete);
  provider::StaticConfig sc;
  ApplyTraefikConfig(*cfg, sc);
  EXPECT_FALSE(sc.entry_points_known);
  ASSERT_FALSE(cfg->notes.empty());
  EXPECT_EQ(cfg->notes[0],
            "d.yaml:10:18: Traefik reads its static configuration from /etc/traefik/static.yaml "
            "and ignores the other flags; pass that file to --traefik-config");
}

TEST(ConfigTraefikConfig, Errors) {
  struct ErrCase {
    const char* name;
    std::string file;
    std::string want;
  };
  const ErrCase cases[] = {
      {"unknown option", "bad-option.yaml",
       "bad-option.yaml:3:27: unknown option providers.kubernetesCRD.allowCrossNamespaces; did "
       "you mean allowCrossNamespace?"},
      {"bad bool", "bad-bool.toml",
       "bad-bool.toml:2:23: providers.kubernetesCRD.allowCrossNamespace must be a boolean (true "
       "or false), got \"yes please\""},
      {"toml syntax", "bad-syntax.toml", "bad-syntax.toml:1:25: "},
      {"bad arg", "bad-arg.yaml",
       "bad-arg.yaml:12:15: providers.kubernetescrd.allowCrossNamespace must be a boolean (true "
       "or false), got \"maybe\""},
  };
  for (const ErrCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::string err;
    std::string text = irtcp::testing::ReadFileOrDie(Fixture(c.file));
    EXPECT_FALSE(ParseTraefikConfig(c.file, text, ConfigFormat::kAuto, &err).has_value());
    EXPECT_EQ(err.substr(0, c.want.size()), c.want) << err;
  }
  std::string err;
  EXPECT_FALSE(ParseTraefikConfig("x.yaml", "a: [", ConfigFormat::kAuto, &err).has_value());
  EXPECT_EQ(err.rfind("x.yaml:", 0), 0U) << err;
  EXPECT_FALSE(LoadTraefikConfig(Fixture("missing.yaml"), &err).has_value());
  EXPECT_NE(err.find("cannot read"), std::string::npos);
  const char* two = R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: a}
spec: {template: {spec: {containers: [{name: t, image: traefik}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b, namespace: x}
spec: {template: {spec: {containers: [{name: t, image: traefik:v3}]}}}
)";
  EXPECT_FALSE(ParseTraefikConfig("two.yaml", two, ConfigFormat::kAuto, &err).has_value());
  EXPECT_EQ(err,
            "two.yaml: several workloads run Traefik (DaemonSet a, container t; Deployment x/b, "
            "container t); pass a file with only one");
  EXPECT_FALSE(ParseTraefikConfig("svc.yaml",
                                  "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n",
                                  ConfigFormat::kAuto, &err)
                   .has_value());
  EXPECT_NE(err.find("no Deployment or DaemonSet running Traefik"), std::string::npos);
  EXPECT_FALSE(
      ParseTraefikConfig("s.yaml", "core:\n  defaultRuleSyntax: v4\n", ConfigFormat::kAuto, &err)
          .has_value());
  EXPECT_EQ(err, "s.yaml:2:22: core.defaultRuleSyntax must be v2 or v3, got \"v4\"");
}

// What `serve` reads of the static configuration: proxyProtocol, readTimeout and the static
// tcpServersTransport, in the three syntaxes.
TEST(ConfigTraefikConfig, ServeSettings) {
  struct Case {
    const char* name;
    const char* file;
    std::string text;
  };
  const Case cases[] = {
      {"yaml", "traefik.yaml", R"(entryPoints:
  db:
    address: ":5432"
    proxyProtocol: {trustedIPs: [127.0.0.1/32, "10.0.0.0/8"], insecure: true}
    transport: {respondingTimeouts: {readTimeout: 5s}}
tcpServersTransport:
  dialTimeout: 10
  dialKeepAlive: 1m
  tls: {insecureSkipVerify: true, rootCAs: [/etc/ca.pem]}
providers: {kubernetesCRD: {}}
)"},
      {"toml", "traefik.toml", R"([entryPoints.db]
address = ":5432"
[entryPoints.db.proxyProtocol]
trustedIPs = ["127.0.0.1/32", "10.0.0.0/8"]
insecure = true
[entryPoints.db.transport.respondingTimeouts]
readTimeout = "5s"
[tcpServersTransport]
dialTimeout = 10
dialKeepAlive = "1m"
[tcpServersTransport.tls]
insecureSkipVerify = true
rootCAs = ["/etc/ca.pem"]
[providers.kubernetesCRD]
)"},
      {"deployment args", "deploy.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: traefik}
spec:
  template:
    spec:
      containers:
        - name: traefik
          image: traefik:v3.7
          args:
            - --entryPoints.db.address=:5432
            - --entryPoints.db.proxyProtocol.trustedIPs=127.0.0.1/32,10.0.0.0/8
            - --entryPoints.db.proxyProtocol.insecure
            - --entryPoints.db.transport.respondingTimeouts.readTimeout=5s
            - --tcpServersTransport.dialTimeout=10
            - --tcpServersTransport.dialKeepAlive=1m
            - --tcpServersTransport.tls.insecureSkipVerify=true
            - --tcpServersTransport.tls.rootCAs=/etc/ca.pem
            - --providers.kubernetescrd
)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string err;
    std::optional<TraefikConfig> cfg =
        ParseTraefikConfig(c.file, c.text, ConfigFormat::kAuto, &err);
    ASSERT_TRUE(cfg.has_value()) << err;
    provider::StaticConfig sc;
    ApplyTraefikConfig(*cfg, sc);
    ASSERT_EQ(sc.entry_points.size(), 1U);
    const provider::EntryPoint& ep = sc.entry_points[0];
    EXPECT_EQ(ep.proxy_protocol_trusted_ips,
              (std::vector<std::string>{"127.0.0.1/32", "10.0.0.0/8"}));
    EXPECT_TRUE(ep.proxy_protocol_insecure);
    EXPECT_EQ(ep.read_timeout.value_or(""), "5s");
    EXPECT_EQ(sc.tcp_servers_transport.dial_timeout.value_or(""), "10");
    EXPECT_EQ(sc.tcp_servers_transport.dial_keep_alive.value_or(""), "1m");
    EXPECT_TRUE(sc.tcp_servers_transport.insecure_skip_verify);
    EXPECT_EQ(sc.tcp_servers_transport.root_cas, std::vector<std::string>{"/etc/ca.pem"});
  }
  std::string err;
  EXPECT_FALSE(ParseTraefikConfig("t.yaml",
                                  "entryPoints: {db: {transport: {respondingTimeouts: "
                                  "{readTimeout: soon}}}}\n",
                                  ConfigFormat::kAuto, &err)
                   .has_value());
  EXPECT_EQ(err,
            "t.yaml:1:66: entryPoints.db.transport.respondingTimeouts.readTimeout must be a "
            "duration (\"60s\", or seconds), got \"soon\"");
}

TEST(ConfigTraefikConfig, ParseGoBool) {
  EXPECT_EQ(ParseGoBool("True"), true);
  EXPECT_EQ(ParseGoBool("0"), false);
  EXPECT_EQ(ParseGoBool("yes"), std::nullopt);
}

}  // namespace
}  // namespace irtcp::config
