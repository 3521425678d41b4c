// Unit tests of the renderer on small hand-built configurations: the exact YAML and JSON text,
// the omission rules, YAML quoting, Secret placeholders, TOML holding the same data, and
// determinism. The conformance suite (tests/provider_conformance_test.cc) covers whole provider
// results; these pin each rule on its own.
#include "core/render/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>
// Same toml++ configuration as irtcp_core (compiled library, not header-only).
#define TOML_HEADER_ONLY 0
#define TOML_SHARED_LIB 1
#include <toml++/toml.h>

namespace irtcp::render {
namespace {

using Json = nlohmann::json;
namespace p = provider;

std::string Yaml(const p::Configuration& c, bool include_secrets = false) {
  RenderOptions o;
  o.include_secrets = include_secrets;
  return Render(c, Format::kYaml, o);
}

Json AsJson(const p::Configuration& c, bool include_secrets = false) {
  RenderOptions o;
  o.include_secrets = include_secrets;
  return Json::parse(Render(c, Format::kJson, o));
}

p::SecretText FromSecret(std::string text, std::string key) {
  p::SecretText t;
  t.text = std::move(text);
  t.secret_namespace = "default";
  t.secret_name = "tls-secret";
  t.key = std::move(key);
  return t;
}

// One router, one service with two servers, one middleware and one TLS option.
p::Configuration Small() {
  p::Configuration c;
  p::Router r;
  r.entry_points = {"tcp"};
  r.service = "default-r-abc";
  r.rule = "HostSNI(`a.example.com`)";
  r.tls = p::RouterTls{};
  r.tls->options = "default-opts";
  c.tcp.routers["default-r-abc"] = r;
  p::LoadBalancer lb;
  lb.servers = {{"10.0.0.1:8000", false}, {"10.0.0.2:8000", true}};
  c.tcp.services["default-r-abc"].load_balancer = lb;
  c.tcp.middlewares["default-allow"].ip_allow_list = p::SourceRange{{"10.0.0.0/8"}};
  p::TlsOptions opts;
  opts.min_version = "VersionTLS12";
  opts.sni_strict = true;
  c.tls.options.emplace();
  (*c.tls.options)["default-opts"] = opts;
  return c;
}

TEST(RenderFormat, ParsesNames) {
  struct Case {
    const char* name;
    bool ok;
    Format want;
  };
  for (const Case& tc : std::vector<Case>{{"yaml", true, Format::kYaml},
                                          {"yml", true, Format::kYaml},
                                          {"json", true, Format::kJson},
                                          {"toml", true, Format::kToml},
                                          {"YAML", false, Format::kYaml},
                                          {"", false, Format::kYaml},
                                          {"text", false, Format::kYaml}}) {
    SCOPED_TRACE(tc.name);
    Format f = Format::kToml;
    ASSERT_EQ(ParseFormat(tc.name, &f), tc.ok);
    if (tc.ok) {
      EXPECT_EQ(f, tc.want);
    }
  }
}

TEST(Render, EmptyConfigurationKeepsTheFourTcpMapsAndTls) {
  p::Configuration c;
  EXPECT_EQ(Yaml(c),
            "tcp:\n"
            "  middlewares: {}\n"
            "  routers: {}\n"
            "  serversTransports: {}\n"
            "  services: {}\n"
            "tls: {}\n");
  EXPECT_EQ(Render(c, Format::kJson, {}),
            "{\n"
            "  \"tcp\": {\n"
            "    \"middlewares\": {},\n"
            "    \"routers\": {},\n"
            "    \"serversTransports\": {},\n"
            "    \"services\": {}\n"
            "  },\n"
            "  \"tls\": {}\n"
            "}\n");
}

TEST(Render, SmallConfigurationAsYaml) {
  EXPECT_EQ(Yaml(Small()),
            "tcp:\n"
            "  middlewares:\n"
            "    default-allow:\n"
            "      ipAllowList:\n"
            "        sourceRange:\n"
            "          - 10.0.0.0/8\n"
            "  routers:\n"
            "    default-r-abc:\n"
            "      entryPoints:\n"
            "        - tcp\n"
            "      rule: HostSNI(`a.example.com`)\n"
            "      service: default-r-abc\n"
            "      tls:\n"
            "        options: default-opts\n"
            "        passthrough: false\n"
            "  serversTransports: {}\n"
            "  services:\n"
            "    default-r-abc:\n"
            "      loadBalancer:\n"
            "        servers:\n"
            "          - address: 10.0.0.1:8000\n"
            "          - address: 10.0.0.2:8000\n"
            "            tls: true\n"
            "tls:\n"
            "  options:\n"
            "    default-opts:\n"
            "      minVersion: VersionTLS12\n"
            "      sniStrict: true\n");
}

TEST(Render, SmallConfigurationAsJson) {
  Json want = Json::parse(R"json({
    "tcp": {
      "middlewares": {"default-allow": {"ipAllowList": {"sourceRange": ["10.0.0.0/8"]}}},
      "routers": {"default-r-abc": {"entryPoints": ["tcp"], "rule": "HostSNI(`a.example.com`)",
                                    "service": "default-r-abc",
                                    "tls": {"options": "default-opts", "passthrough": false}}},
      "serversTransports": {},
      "services": {"default-r-abc": {"loadBalancer": {"servers": [
        {"address": "10.0.0.1:8000"}, {"address": "10.0.0.2:8000", "tls": true}]}}}
    },
    "tls": {"options": {"default-opts": {"minVersion": "VersionTLS12", "sniStrict": true}}}
  })json");
  EXPECT_EQ(AsJson(Small()), want);
}

// Go's omitempty on values, pointers written even when they point to zero
// (provider-cases/README.md "Serialization conventions").
TEST(Render, OmissionRules) {
  p::Configuration c;
  p::Router& r = c.tcp.routers["r"];
  r.priority = 0;          // omitempty
  r.tls = p::RouterTls{};  // passthrough always written
  c.tcp.routers["r2"].priority = 42;
  p::Service& weighted = c.tcp.services["w"];
  weighted.weighted = p::Weighted{};
  weighted.weighted->services = {{"a", 0}, {"b", std::nullopt}};
  p::LoadBalancer empty_lb;
  empty_lb.proxy_protocol = p::ProxyProtocol{};  // non-nil pointer to zero: {}
  empty_lb.termination_delay = 0;                // non-nil pointer to zero: written
  c.tcp.services["empty"].load_balancer = empty_lb;
  c.tcp.middlewares["m"].in_flight_conn = p::InFlightConn{};
  p::ServersTransport st;
  st.dial_timeout_ns = 30'000'000'000;
  st.dial_keep_alive_ns = 0;  // omitted
  st.termination_delay_ns = 90'000'000'000;
  st.proxy_protocol = p::ProxyProtocol{2};
  st.tls = p::TransportTls{};
  c.tcp.servers_transports["st"] = st;
  c.tls.options.emplace();
  (*c.tls.options)["bare"] = p::TlsOptions{};  // clientAuth is a value type: omitted when empty
  p::TlsOptions with_auth;
  with_auth.client_auth.client_auth_type = "RequireAndVerifyClientCert";
  (*c.tls.options)["auth"] = with_auth;

  Json j = AsJson(c);
  EXPECT_EQ(j["tcp"]["routers"]["r"], Json::parse(R"({"tls": {"passthrough": false}})"));
  EXPECT_EQ(j["tcp"]["routers"]["r2"], Json::parse(R"({"priority": 42})"));
  EXPECT_EQ(
      j["tcp"]["services"]["w"],
      Json::parse(R"({"weighted": {"services": [{"name": "a", "weight": 0}, {"name": "b"}]}})"));
  EXPECT_EQ(j["tcp"]["services"]["empty"],
            Json::parse(R"({"loadBalancer": {"proxyProtocol": {}, "terminationDelay": 0}})"));
  EXPECT_EQ(j["tcp"]["middlewares"]["m"], Json::parse(R"({"inFlightConn": {}})"));
  EXPECT_EQ(j["tcp"]["serversTransports"]["st"],
            Json::parse(R"({"dialTimeout": "30s", "terminationDelay": "1m30s",
                            "proxyProtocol": {"version": 2}, "tls": {}})"));
  EXPECT_EQ(j["tls"]["options"]["bare"], Json::object());
  EXPECT_EQ(j["tls"]["options"]["auth"],
            Json::parse(R"({"clientAuth": {"clientAuthType": "RequireAndVerifyClientCert"}})"));
  EXPECT_FALSE(j["tls"].contains("stores"));
  EXPECT_FALSE(j["tls"].contains("certificates"));

  // tls.options present but empty is `{}`; absent is no key at all.
  p::Configuration none;
  EXPECT_FALSE(AsJson(none)["tls"].contains("options"));
  none.tls.options.emplace();
  EXPECT_EQ(AsJson(none)["tls"]["options"], Json::object());
}

// A string go-yaml or a YAML 1.2 reader would take for something else is double-quoted.
TEST(Render, YamlQuotesStringsThatWouldReadAsOtherTypes) {
  struct Case {
    std::string value;
    std::string written;
  };
  const std::vector<Case> cases = {
      {"web", "web"},
      {"10.0.0.1:8000", "10.0.0.1:8000"},
      {"10.0.0.0/8", "10.0.0.0/8"},
      {"a#b", "a#b"},
      {"t", "t"},
      {"yes", "\"yes\""},
      {"No", "\"No\""},
      {"on", "\"on\""},
      {"y", "\"y\""},
      {"true", "\"true\""},
      {"null", "\"null\""},
      {"~", "\"~\""},
      {"8080", "\"8080\""},
      {"0x1F", "\"0x1F\""},
      {"1.5", "\"1.5\""},
      {"1e3", "\"1e3\""},
      {".inf", "\".inf\""},
      {"1:30", "\"1:30\""},
      {"", "\"\""},
      {"a: b", "\"a: b\""},
      {"a #b", "\"a #b\""},
      {"*.example.com", "\"*.example.com\""},
      {"-x", "\"-x\""},
      {"trailing ", "\"trailing \""},
      {"<<", "\"<<\""},
      {"tab\there", "\"tab\\there\""},
      {"two\nlines", "\"two\\nlines\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {std::string("\x01", 1), "\"\\x01\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
  };
  for (const Case& tc : cases) {
    SCOPED_TRACE(tc.value);
    p::Configuration c;
    c.tcp.routers["r"].entry_points = {tc.value};
    std::string yaml = Yaml(c);
    EXPECT_NE(yaml.find("      entryPoints:\n        - " + tc.written + "\n"), std::string::npos)
        << yaml;
  }
}

TEST(Render, SecretsArePlaceholdersUnlessIncluded) {
  p::Configuration c;
  p::Certificate cert;
  cert.pair.cert_file = FromSecret("-----BEGIN CERT-----", "tls.crt");
  cert.pair.key_file = FromSecret("-----BEGIN KEY-----", "tls.key");
  c.tls.certificates["default/tls-secret"] = cert;
  p::TransportTls ttls;
  p::SecretText ca_from_config_map;  // not from a Secret: always written
  ca_from_config_map.text = "CONFIGMAP-CA";
  ttls.root_cas = {FromSecret("SECRET-CA", "ca.crt"), ca_from_config_map};
  c.tcp.servers_transports["st"].tls = ttls;

  EXPECT_EQ(SecretPlaceholder(cert.pair.cert_file),
            "<secret default/tls-secret: tls.crt, 20 bytes; use --include-secrets>");
  Json hidden = AsJson(c);
  EXPECT_EQ(hidden["tls"]["certificates"][0]["certFile"], SecretPlaceholder(cert.pair.cert_file));
  EXPECT_EQ(hidden["tls"]["certificates"][0]["keyFile"], SecretPlaceholder(cert.pair.key_file));
  EXPECT_EQ(hidden["tcp"]["serversTransports"]["st"]["tls"]["rootCAs"],
            Json::array({SecretPlaceholder(ttls.root_cas[0]), "CONFIGMAP-CA"}));
  for (Format f : {Format::kYaml, Format::kJson, Format::kToml}) {
    std::string text = Render(c, f, {});
    EXPECT_EQ(text.find("BEGIN"), std::string::npos) << text;
    EXPECT_EQ(text.find("SECRET-CA"), std::string::npos) << text;
  }

  Json shown = AsJson(c, /*include_secrets=*/true);
  EXPECT_EQ(shown["tls"]["certificates"][0]["certFile"], "-----BEGIN CERT-----");
  EXPECT_EQ(shown["tls"]["certificates"][0]["keyFile"], "-----BEGIN KEY-----");
  EXPECT_EQ(shown["tcp"]["serversTransports"]["st"]["tls"]["rootCAs"],
            Json::array({"SECRET-CA", "CONFIGMAP-CA"}));

  // An empty text is omitted, placeholder or not.
  p::Configuration no_key;
  p::Certificate half;
  half.pair.cert_file = FromSecret("PEM", "tls.crt");
  half.pair.key_file = FromSecret("", "tls.key");
  no_key.tls.certificates["default/tls-secret"] = half;
  EXPECT_FALSE(AsJson(no_key)["tls"]["certificates"][0].contains("keyFile"));
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
  if (n.is_string()) {
    return *n.value<std::string>();
  }
  if (n.is_boolean()) {
    return *n.value<bool>();
  }
  if (n.is_integer()) {
    return *n.value<std::int64_t>();
  }
  ADD_FAILURE() << "unexpected TOML node type";
  return nullptr;
}

TEST(Render, TomlHoldsTheSameDocument) {
  p::Configuration c = Small();
  c.tcp.services["w"].weighted = p::Weighted{{{"a", 0}, {"b", 3}}};
  c.tcp.servers_transports["st"].dial_timeout_ns = 100'000'000;
  for (bool secrets : {false, true}) {
    std::string text = Render(c, Format::kToml, RenderOptions{secrets});
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    toml::table parsed;
    try {
      parsed = toml::parse(text);
    } catch (const toml::parse_error& e) {
      FAIL() << e.description() << "\n" << text;
    }
    Json from_toml = TomlToJson(parsed);
    EXPECT_EQ(from_toml, AsJson(c, secrets)) << text;
    EXPECT_EQ(from_toml["tcp"]["serversTransports"]["st"]["dialTimeout"], "100ms");
  }
}

TEST(Render, SameInputSameBytes) {
  // Built in two insertion orders: the maps sort, so the bytes are the same.
  p::Configuration a = Small();
  p::Configuration b;
  b.tls = a.tls;
  b.tcp.middlewares = a.tcp.middlewares;
  b.tcp.services = a.tcp.services;
  b.tcp.routers = a.tcp.routers;
  p::Certificate one;
  one.pair.cert_file.text = "ONE";
  p::Certificate two;
  two.pair.cert_file.text = "TWO";
  a.tls.certificates["ns/a"] = one;
  a.tls.certificates["ns/b"] = two;
  b.tls.certificates["ns/b"] = two;
  b.tls.certificates["ns/a"] = one;
  for (Format f : {Format::kYaml, Format::kJson, Format::kToml}) {
    std::string first = Render(a, f, {});
    EXPECT_EQ(first, Render(a, f, {}));
    EXPECT_EQ(first, Render(b, f, {}));
  }
  // tls.certificates is a list in key order.
  Json j = AsJson(b);
  ASSERT_EQ(j["tls"]["certificates"].size(), 2U);
  EXPECT_EQ(j["tls"]["certificates"][0]["certFile"], "ONE");
  EXPECT_EQ(j["tls"]["certificates"][1]["certFile"], "TWO");
  // Lists keep the provider's order (servers are not sorted).
  p::Configuration c = Small();
  std::swap(c.tcp.services["default-r-abc"].load_balancer->servers[0],
            c.tcp.services["default-r-abc"].load_balancer->servers[1]);
  EXPECT_EQ(AsJson(c)["tcp"]["services"]["default-r-abc"]["loadBalancer"]["servers"][0]["address"],
            "10.0.0.2:8000");
}

}  // namespace
}  // namespace irtcp::render
