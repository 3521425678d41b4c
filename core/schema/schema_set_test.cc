#include "core/schema/schema_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/model/object.h"
#include "core/schema/compiled.h"
#include "core/schema/rules.h"
#include "core/schema/tree_adapter.h"
#include "core/version/traefik_version.h"
#include "tests/golden.h"

namespace irtcp::schema {
namespace {

struct Found {
  std::vector<std::string> lines;  // "line:col CODE message @json_path"
  std::vector<diag::Diagnostic> diagnostics;
};

/// Loads `text` as input.yaml and validates every covered object.
Found Check(const std::string& text, const SchemaSet& set = SchemaSet::Bundled()) {
  auto file = std::make_shared<const source::SourceFile>("input.yaml", text);
  model::InputSet input;
  diag::DiagnosticSink load_sink;
  input.AddSource(file, yaml::LoadOptions{}, load_sink);
  diag::DiagnosticSink sink;
  for (const model::Object& obj : input.objects()) {
    if (set.Covers(obj)) {
      set.Validate(obj, sink);
    }
  }
  Found out;
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    out.lines.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) +
                        " " + std::string(d.code()) + " " + d.message + " @" + d.json_path);
    out.diagnostics.push_back(d);
  }
  return out;
}

std::string ReadTestdata(const std::string& name) {
  return irtcp::testing::ReadFileOrDie(irtcp::testing::SourceDir() / "testdata/schema" / name);
}

/// An IngressRouteTCP with one route and one service; `service` is spliced into the service
/// mapping (indented 6 spaces), `route` into the route mapping (4 spaces).
std::string Route(const std::string& service, const std::string& route = "") {
  return "apiVersion: traefik.io/v1alpha1\n"
         "kind: IngressRouteTCP\n"
         "metadata:\n"
         "  name: r\n"
         "spec:\n"
         "  routes:\n"
         "  - match: HostSNI(`*`)\n" +
         route +
         "    services:\n"
         "    - name: svc\n" +
         service;
}

struct Case {
  const char* name;
  std::string input;
  std::vector<std::string> expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Check(c.input).lines, c.expected);
  }
}

TEST(SchemaBundled, EveryVersionCompilesItsOwnCrds) {
  for (const version::TraefikVersion& v : version::SupportedVersions()) {
    SCOPED_TRACE(v.Line());
    const SchemaSet& set = SchemaSet::ForVersion(v);
    ASSERT_TRUE(set.traefik_version().has_value());
    EXPECT_EQ(set.traefik_version()->tag, v.tag);
    // v2 has no ServersTransportTCP; every version has the legacy group (its own on 2.x, the
    // newest older copy on 3.x) for IRT404's sake.
    EXPECT_EQ(set.Describe().size(), v.AtLeast(3, 0) ? 9U : 8U);
    EXPECT_EQ(set.Covers("traefik.io/v1alpha1", "ServersTransportTCP"), v.AtLeast(3, 0));
    const std::string own = std::string(v.tag) + "/traefik.io_ingressroutetcps.yaml";
    EXPECT_NE(set.Describe()[0].find(own), std::string::npos) << set.Describe()[0];
  }
  // The same set object on every call (compiled once, on first use).
  EXPECT_EQ(&SchemaSet::ForVersion(version::DefaultVersion()), &SchemaSet::Bundled());
}

TEST(SchemaBundled, AllCompile) {
  const SchemaSet& set = SchemaSet::Bundled();
  std::vector<std::string> expected = {
      "traefik.io/v1alpha1 IngressRouteTCP (v3.7.9/traefik.io_ingressroutetcps.yaml)",
      "traefik.io/v1alpha1 MiddlewareTCP (v3.7.9/traefik.io_middlewaretcps.yaml)",
      "traefik.io/v1alpha1 ServersTransportTCP (v3.7.9/traefik.io_serverstransporttcps.yaml)",
      "traefik.io/v1alpha1 TLSOption (v3.7.9/traefik.io_tlsoptions.yaml)",
      "traefik.io/v1alpha1 TLSStore (v3.7.9/traefik.io_tlsstores.yaml)",
      // The legacy group from the newest version that ships it (3.4 and 3.5 ship a stray
      // TLSOption copy of v2.11's).
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one entry, split at 100 columns.
      "traefik.containo.us/v1alpha1 IngressRouteTCP "
      "(v2.11.53/traefik.containo.us_ingressroutetcps.yaml)",
      "traefik.containo.us/v1alpha1 MiddlewareTCP "
      "(v2.11.53/traefik.containo.us_middlewaretcps.yaml)",
      "traefik.containo.us/v1alpha1 TLSOption (v3.5.6/traefik.containo.us_tlsoptions.yaml)",
      "traefik.containo.us/v1alpha1 TLSStore (v2.11.53/traefik.containo.us_tlsstores.yaml)",
  };
  EXPECT_EQ(set.Describe(), expected);
  EXPECT_TRUE(set.Covers("traefik.io/v1alpha1", "IngressRouteTCP"));
  EXPECT_TRUE(set.Covers("traefik.containo.us/v1alpha1", "TLSStore"));
  EXPECT_FALSE(set.Covers("traefik.containo.us/v1alpha1", "ServersTransportTCP"));
  EXPECT_FALSE(set.Covers("traefik.io/v1alpha1", "IngressRoute"));
  EXPECT_FALSE(set.Covers("traefik.io/v1", "IngressRouteTCP"));
}

TEST(SchemaSeed, FirstExampleIsValid) {
  EXPECT_EQ(Check(ReadTestdata("seed-first-example.yaml")).lines, std::vector<std::string>{});
}

TEST(SchemaSeed, ExternalNameExamples) {
  Found f = Check(ReadTestdata("seed-externalname.yaml"));
  std::vector<std::string> expected = {
      "14:5 IRT003 unknown field \"kind\" in spec.routes[0] (IngressRouteTCP routes have no kind; "
      "it belongs to IngressRoute) @/spec/routes/0/kind",
      "30:5 IRT003 unknown field \"kind\" in spec.routes[0] (IngressRouteTCP routes have no kind; "
      "it belongs to IngressRoute) @/spec/routes/0/kind",
      "32:7 IRT011 missing required field \"port\" in spec.routes[0].services[0] "
      "@/spec/routes/0/services/0/port",
  };
  EXPECT_EQ(f.lines, expected);
  ASSERT_EQ(f.diagnostics.size(), 3U);
  // The unknown field's caret covers the key; the missing field points at its parent mapping.
  const diag::Diagnostic& unknown = f.diagnostics[0];
  EXPECT_EQ(unknown.rule, &kUnknownField);
  EXPECT_EQ(unknown.end_offset - unknown.location.offset, 4U);
  EXPECT_EQ(unknown.severity, diag::Severity::kError);
  EXPECT_EQ(f.diagnostics[2].rule, &kMissingField);
  EXPECT_EQ(f.diagnostics[2].end_offset - f.diagnostics[2].location.offset, 4U);  // "name"
}

TEST(SchemaPort, IntOrStringAndYamlScalarTyping) {
  RunCases({
      {"integer", Route("      port: 8080\n"), {}},
      {"quoted string (a port name)", Route("      port: \"8080\"\n"), {}},
      {"named port", Route("      port: postgres\n"), {}},
      {"hex is an integer (go-yaml)", Route("      port: 0x1F\n"), {}},
      {"integral float is an integer once kubectl encodes it", Route("      port: 80.0\n"), {}},
      {"on is a YAML 1.1 boolean",
       Route("      port: on\n"),
       {"10:13 IRT010 spec.routes[0].services[0].port: expected integer or string, found boolean "
        "(on) @/spec/routes/0/services/0/port"}},
      {"yes is a boolean too",
       Route("      port: yes\n"),
       {"10:13 IRT010 spec.routes[0].services[0].port: expected integer or string, found boolean "
        "(yes) @/spec/routes/0/services/0/port"}},
      {"fraction",
       Route("      port: 80.5\n"),
       {"10:13 IRT010 spec.routes[0].services[0].port: expected integer or string, found number "
        "(80.5) @/spec/routes/0/services/0/port"}},
      {"list",
       Route("      port: [80]\n"),
       {"10:13 IRT010 spec.routes[0].services[0].port: expected integer or string, found array "
        "@/spec/routes/0/services/0/port"}},
      {"null port is a missing port",
       Route("      port:\n"),
       {"9:7 IRT011 missing required field \"port\" in spec.routes[0].services[0] "
        "@/spec/routes/0/services/0/port"}},
  });
}

TEST(SchemaPort, HelpSuggestsQuoting) {
  Found f = Check(Route("      port: on\n"));
  ASSERT_EQ(f.diagnostics.size(), 1U);
  EXPECT_EQ(f.diagnostics[0].help,
            "YAML reads unquoted on as a boolean; quote it (\"on\") if you meant a string");
  EXPECT_EQ(f.diagnostics[0].end_offset - f.diagnostics[0].location.offset, 2U);
}

TEST(SchemaTypes, WrongTypes) {
  RunCases({
      {"weight as a string",
       Route("      port: 80\n      weight: \"10\"\n"),
       {"11:15 IRT010 spec.routes[0].services[0].weight: expected integer, found string \"10\" "
        "@/spec/routes/0/services/0/weight"}},
      {"nativeLB as a string",
       Route("      port: 80\n      nativeLB: \"true\"\n"),
       {"11:17 IRT010 spec.routes[0].services[0].nativeLB: expected boolean, found string "
        "\"true\" @/spec/routes/0/services/0/nativeLB"}},
      {"routes as a mapping",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec:\n  routes:\n    match: x\n",
       {"7:5 IRT010 spec.routes: expected array, found object @/spec/routes"}},
      {"match as a number",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec:\n  routes:\n  - match: 12\n",
       {"7:12 IRT010 spec.routes[0].match: expected string, found integer (12) "
        "@/spec/routes/0/match"}},
  });
}

TEST(SchemaRequired, MissingFields) {
  RunCases({
      {"no spec",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n",
       {"1:1 IRT011 missing required field \"spec\" in IngressRouteTCP @/spec"}},
      {"no match",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec:\n  routes:\n  - priority: 1\n",
       {"7:5 IRT011 missing required field \"match\" in spec.routes[0] @/spec/routes/0/match"}},
      {"empty spec",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec: {}\n",
       {"5:7 IRT011 missing required field \"routes\" in spec @/spec/routes"}},
  });
}

TEST(SchemaUnknown, UnknownFields) {
  RunCases({
      {"did you mean",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec:\n  entrypoints: [web]\n  routes:\n  - match: HostSNI(`*`)\n",
       {"6:3 IRT003 unknown field \"entrypoints\" in spec (did you mean \"entryPoints\"?) "
        "@/spec/entrypoints"}},
      {"several in one mapping, top level",
       "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
       "spec:\n  routes:\n  - match: HostSNI(`*`)\nstatus: {}\nspek: 1\n",
       {"8:1 IRT003 unknown field \"status\" in IngressRouteTCP @/status",
        "9:1 IRT003 unknown field \"spek\" in IngressRouteTCP (did you mean \"spec\"?) @/spek"}},
      {"HTTP service options",
       Route("      port: 80\n      sticky: {}\n      middlewares: []\n"),
       {"11:7 IRT003 unknown field \"sticky\" in spec.routes[0].services[0] (sticky is an option "
        "of IngressRoute (HTTP) services; IngressRouteTCP services have no sticky) "
        "@/spec/routes/0/services/0/sticky",
        "12:7 IRT003 unknown field \"middlewares\" in spec.routes[0].services[0] (middlewares "
        "belong to the route (spec.routes[].middlewares), not to a service) "
        "@/spec/routes/0/services/0/middlewares"}},
      {"a null value is absent, not unknown",
       Route("      port: 80\n      sticky: null\n      passHostHeader: ~\n"),
       {}},
      {"HTTP middleware in a MiddlewareTCP",
       "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\nmetadata:\n  name: m\n"
       "spec:\n  headers:\n    customRequestHeaders: {}\n",
       {"6:3 IRT003 unknown field \"headers\" in spec (headers is an HTTP middleware (kind: "
        "Middleware); MiddlewareTCP supports inFlightConn, ipAllowList and ipWhiteList) "
        "@/spec/headers"}},
  });
}

TEST(SchemaEnum, AllowedValues) {
  RunCases({
      {"syntax",
       Route("      port: 80\n", "    syntax: v1\n"),
       {"8:13 IRT012 spec.routes[0].syntax: expected one of \"v3\", \"v2\", found string \"v1\" "
        "@/spec/routes/0/syntax"}},
      {"valid syntax", Route("      port: 80\n", "    syntax: v2\n"), {}},
      {"TLSOption clientAuthType",
       "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata:\n  name: o\n"
       "spec:\n  clientAuth:\n    clientAuthType: RequireAndVerifyClientCerts\n",
       {"7:21 IRT012 spec.clientAuth.clientAuthType: expected one of \"NoClientCert\", "
        "\"RequestClientCert\", \"RequireAnyClientCert\", \"VerifyClientCertIfGiven\", "
        "\"RequireAndVerifyClientCert\", found string \"RequireAndVerifyClientCerts\" "
        "@/spec/clientAuth/clientAuthType"}},
  });
  Found f = Check(
      "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata:\n  name: o\n"
      "spec:\n  clientAuth:\n    clientAuthType: RequireAndVerifyClientCerts\n");
  ASSERT_EQ(f.diagnostics.size(), 1U);
  EXPECT_EQ(f.diagnostics[0].help, "did you mean \"RequireAndVerifyClientCert\"?");
}

TEST(SchemaRange, Int64Bounds) {
  RunCases({
      {"weight >= 0",
       Route("      port: 80\n      weight: -1\n"),
       {"11:15 IRT013 spec.routes[0].services[0].weight: expected an integer >= 0, found -1 "
        "@/spec/routes/0/services/0/weight"}},
      {"weight 0", Route("      port: 80\n      weight: 0\n"), {}},
      {"proxyProtocol.version 1..2",
       Route("      port: 80\n      proxyProtocol:\n        version: 3\n"),
       {"12:18 IRT013 spec.routes[0].services[0].proxyProtocol.version: expected an integer from "
        "1 to 2, found 3 @/spec/routes/0/services/0/proxyProtocol/version"}},
      {"proxyProtocol.version 0x2 is 2",
       Route("      port: 80\n      proxyProtocol:\n        version: 0x2\n"),
       {}},
      {"priority at the maximum",
       Route("      port: 80\n", "    priority: 9223372036854775000\n"),
       {}},
      // A double cannot tell these apart; int64 can.
      {"priority just above the maximum",
       Route("      port: 80\n", "    priority: 9223372036854775001\n"),
       {"8:15 IRT013 spec.routes[0].priority: expected an integer <= 9223372036854775000, found "
        "9223372036854775001 @/spec/routes/0/priority"}},
      {"priority beyond int64",
       Route("      port: 80\n", "    priority: 99999999999999999999\n"),
       {"8:15 IRT013 spec.routes[0].priority: expected an integer <= 9223372036854775000, found "
        "99999999999999999999, which does not fit in a 64-bit integer @/spec/routes/0/priority"}},
      {"MiddlewareTCP inFlightConn.amount",
       "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\nmetadata:\n  name: m\n"
       "spec:\n  inFlightConn:\n    amount: -5\n",
       {"7:13 IRT013 spec.inFlightConn.amount: expected an integer >= 0, found -5 "
        "@/spec/inFlightConn/amount"}},
  });
}

std::string Transport(const std::string& spec) {
  return "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\nmetadata:\n  name: t\n"
         "spec:\n" +
         spec;
}

TEST(SchemaPattern, DurationsWithRe2) {
  RunCases({
      {"go duration", Transport("  dialTimeout: 1m30s\n  dialKeepAlive: 500µs\n"), {}},
      {"integer (int-or-string, the pattern applies to strings only)",
       Transport("  dialTimeout: 30\n"),
       {}},
      {"not a duration",
       Transport("  dialTimeout: 10 seconds\n"),
       {"6:16 IRT014 spec.dialTimeout: \"10 seconds\" does not match the pattern "
        "^([0-9]+(ns|us|µs|ms|s|m|h)?)+$ @/spec/dialTimeout"}},
      // std::regex backtracks exponentially on this input; RE2 does not.
      {"catastrophic backtracking input",
       Transport("  terminationDelay: \"1111111111111111111111111111111111111111x\"\n"),
       {"6:21 IRT014 spec.terminationDelay: \"1111111111111111111111111111111111111111x\" does "
        "not match the pattern ^([0-9]+(ns|us|µs|ms|s|m|h)?)+$ @/spec/terminationDelay"}},
  });
}

TEST(SchemaCel, RootCaSecretOrConfigMap) {
  RunCases({
      {"one each", Transport("  tls:\n    rootCAs:\n    - secret: ca\n    - configMap: ca\n"), {}},
      {"both",
       Transport("  tls:\n    rootCAs:\n    - secret: ca\n      configMap: ca\n"),
       {"9:7 IRT016 spec.tls.rootCAs[0] sets both secret and configMap (RootCA cannot have both "
        "Secret and ConfigMap defined) @/spec/tls/rootCAs/0"}},
  });
}

std::string WithMetadata(const std::string& metadata) {
  return "apiVersion: traefik.io/v1alpha1\nkind: TLSStore\nmetadata:\n" + metadata + "spec: {}\n";
}

TEST(SchemaMetadata, StrictObjectMeta) {
  RunCases({
      {"kubectl get -o yaml fields",
       WithMetadata("  name: default\n  uid: x\n  resourceVersion: \"1\"\n  generation: 2\n"
                    "  creationTimestamp: null\n  selfLink: /x\n  deletionGracePeriodSeconds: 30\n"
                    "  deletionTimestamp: \"2025-01-01T00:00:00Z\"\n  finalizers: [a]\n"),
       {}},
      {"unknown metadata field",
       WithMetadata("  name: default\n  labls: {}\n"),
       {"5:3 IRT003 unknown field \"labls\" in metadata (did you mean \"labels\"?) "
        "@/metadata/labls"}},
      {"name missing",
       WithMetadata("  namespace: apps\n"),
       {"4:3 IRT015 metadata.name is missing (set metadata.name, or metadata.generateName) "
        "@/metadata/name"}},
      {"generateName instead of name", WithMetadata("  generateName: store-\n"), {}},
      {"name not DNS-1123",
       WithMetadata("  name: My_Store\n"),
       {"4:9 IRT015 metadata.name \"My_Store\" is not a valid DNS-1123 subdomain (lower-case "
        "letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 "
        "characters) @/metadata/name"}},
      {"namespace with a dot",
       WithMetadata("  name: s\n  namespace: a.b\n"),
       {"5:14 IRT015 metadata.namespace \"a.b\" is not a valid DNS-1123 label (lower-case "
        "letters, digits and '-', starting and ending with a letter or digit, at most 63 "
        "characters) @/metadata/namespace"}},
      {"name of the wrong type",
       WithMetadata("  name: 12\n"),
       {"4:9 IRT010 metadata.name: expected string, found integer (12) @/metadata/name"}},
      {"no metadata",
       "apiVersion: traefik.io/v1alpha1\nkind: TLSStore\nspec: {}\n",
       {"1:1 IRT011 missing required field \"metadata\" in TLSStore @/metadata"}},
  });
}

TEST(SchemaMetadata, LabelAndAnnotationValues) {
  RunCases({
      {"strings",
       WithMetadata("  name: s\n  labels:\n    enabled: \"yes\"\n    port: \"8080\"\n"
                    "    app.kubernetes.io/name: web\n    empty: \"\"\n"
                    "  annotations:\n    note: free text, with spaces\n"),
       {}},
      {"unquoted yes, on, y and 8080",
       WithMetadata("  name: s\n  labels:\n    enabled: yes\n    tls: on\n    short: y\n"
                    "  annotations:\n    example.com/port: 8080\n"),
       {"6:14 IRT017 label \"enabled\" must be a string, found boolean (yes); quote it: \"yes\" "
        "@/metadata/labels/enabled",
        "7:10 IRT017 label \"tls\" must be a string, found boolean (on); quote it: \"on\" "
        "@/metadata/labels/tls",
        "8:12 IRT017 label \"short\" must be a string, found boolean (y); quote it: \"y\" "
        "@/metadata/labels/short",
        "10:23 IRT017 annotation \"example.com/port\" must be a string, found integer (8080); "
        "quote it: \"8080\" @/metadata/annotations/example.com~1port"}},
      {"invalid label key and value",
       WithMetadata("  name: s\n  labels:\n    bad key: x\n    ok: has space\n"),
       {"6:5 IRT018 label key \"bad key\" is invalid: the key may contain only letters, digits, "
        "'-', '_' and '.' @/metadata/labels/bad key",
        "7:9 IRT018 label \"ok\" has an invalid value \"has space\": the value may contain only "
        "letters, digits, '-', '_' and '.' @/metadata/labels/ok"}},
      {"invalid annotation key",
       WithMetadata("  name: s\n  annotations:\n    Example.com/x: z\n"),
       {"6:5 IRT018 annotation key \"Example.com/x\" is invalid: the prefix before '/' must be a "
        "DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters) "
        "@/metadata/annotations/Example.com~1x"}},
  });
}

TEST(SchemaList, ItemPathsAndKubectlFields) {
  Found f = Check(ReadTestdata("kubectl-get.yaml"));
  std::vector<std::string> expected = {
      "57:15 IRT010 spec.routes[0].services[0].port: expected integer or string, found boolean "
      "(yes) @/items/1/spec/routes/0/services/0/port",
  };
  EXPECT_EQ(f.lines, expected);
}

TEST(SchemaLegacy, ContainousGroupUsesV211Crds) {
  std::string legacy =
      "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
      "spec:\n  routes:\n  - match: HostSNI(`*`)\n";
  RunCases({
      // v2.11 has no minimum on weight and no maximum on proxyProtocol.version.
      {"no v3 bounds",
       legacy + "    services:\n    - name: s\n      port: 80\n      weight: -1\n"
                "      proxyProtocol: {version: 7}\n",
       {}},
      {"v3-only field",
       legacy + "    syntax: v3\n",
       {"8:5 IRT003 unknown field \"syntax\" in spec.routes[0] (only the traefik.io/v1alpha1 CRD "
        "(Traefik v3) has syntax; traefik.containo.us/v1alpha1 is Traefik v2's) "
        "@/spec/routes/0/syntax"}},
      {"still strict",
       legacy + "    kind: Rule\n",
       {"8:5 IRT003 unknown field \"kind\" in spec.routes[0] (IngressRouteTCP routes have no "
        "kind; it belongs to IngressRoute) @/spec/routes/0/kind"}},
  });
}

TEST(SchemaMessages, LongValuesAreShortened) {
  std::string huge(std::size_t{5} * 1024 * 1024, 'x');
  Found f = Check(Route("      port: 80\n      nativeLB: \"" + huge + "\"\n"));
  ASSERT_EQ(f.diagnostics.size(), 1U);
  EXPECT_LT(f.diagnostics[0].message.size(), 200U);
  EXPECT_NE(f.diagnostics[0].message.find("xxx…\""), std::string::npos);
}

TEST(SchemaCrd, UserCrdReplacesBundled) {
  auto crd = std::make_shared<const source::SourceFile>("custom-crd.yaml",
                                                        ReadTestdata("custom-crd.yaml"));
  std::string err;
  std::unique_ptr<SchemaSet> set = SchemaSet::FromCrd(crd, &err);
  ASSERT_NE(set, nullptr) << err;
  // The HTTP IngressRoute CRD in the file is ignored; the other bundled schemas stay.
  EXPECT_FALSE(set->Covers("traefik.io/v1alpha1", "IngressRoute"));
  EXPECT_TRUE(set->Covers("traefik.io/v1alpha1", "TLSOption"));
  EXPECT_FALSE(set->Covers("traefik.io/v1alpha0", "IngressRouteTCP"));  // not served
  std::string input = Route(
      "      port: 80\n      weight: -1\n      zone: a\n"
      "      extra: {anything: [1, 2]}\n      sticky: {}\n");
  std::vector<std::string> expected = {
      "12:13 IRT019 spec.routes[0].services[0].zone: string should be no fewer than 2 characters "
      "in "
      "length "
      "@/spec/routes/0/services/0/zone",
      "14:7 IRT003 unknown field \"sticky\" in spec.routes[0].services[0] (sticky is an option of "
      "IngressRoute (HTTP) services; IngressRouteTCP services have no sticky) "
      "@/spec/routes/0/services/0/sticky",
  };
  EXPECT_EQ(Check(input, *set).lines, expected);
  // The bundled set is unchanged.
  EXPECT_EQ(Check(input).lines.size(), 4U);
}

TEST(SchemaCrd, Errors) {
  struct ErrCase {
    const char* name;
    std::string text;
    std::string error;
  };
  std::vector<ErrCase> cases = {
      {"not YAML", "a: [\n", "crd.yaml:1:6: "},
      {"no CRD", "apiVersion: v1\nkind: ConfigMap\n",
       "crd.yaml: no CustomResourceDefinition with an openAPIV3Schema found"},
      {"only HTTP kinds",
       "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
       "  name: x\nspec:\n  group: traefik.io\n  names: {kind: IngressRoute}\n  versions:\n"
       "  - name: v1alpha1\n    served: true\n    schema:\n      openAPIV3Schema: {type: object}\n",
       "crd.yaml: no CRD for a Traefik TCP kind (IngressRouteTCP, MiddlewareTCP, "
       "ServersTransportTCP, TLSOption, TLSStore)"},
      {"bad pattern",
       "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
       "  name: x\nspec:\n  group: traefik.io\n  names: {kind: TLSStore}\n  versions:\n"
       "  - name: v1alpha1\n    schema:\n      openAPIV3Schema:\n        type: object\n"
       "        properties:\n          a: {type: string, pattern: \"(\"}\n",
       "crd.yaml: pattern ( is not a valid RE2 expression: missing ): ("},
  };
  for (const ErrCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::string err;
    auto file = std::make_shared<const source::SourceFile>("crd.yaml", c.text);
    EXPECT_EQ(SchemaSet::FromCrd(file, &err), nullptr);
    EXPECT_EQ(err.substr(0, c.error.size()), c.error);
  }
}

}  // namespace
}  // namespace irtcp::schema

namespace irtcp::schema {
namespace {

/// Every way to break one place of a document: each value replaced by values of other types,
/// each mapping given an unknown key, each key removed.
std::vector<nlohmann::json> Mutations(const nlohmann::json& doc) {
  std::vector<nlohmann::json> out;
  const std::vector<nlohmann::json> replacements = {
      true, "text", -1, 1.5, nlohmann::json::array(), nlohmann::json::object(), 7, "10s"};
  // Every place: the leaves and all their ancestors.
  std::set<std::string> places;
  const nlohmann::json flat = doc.flatten();
  for (const auto& item : flat.items()) {
    nlohmann::json::json_pointer ptr(item.key());
    while (!ptr.empty()) {
      places.insert(ptr.to_string());
      ptr = ptr.parent_pointer();
    }
  }
  for (const std::string& place : places) {
    nlohmann::json::json_pointer ptr(place);
    for (const nlohmann::json& r : replacements) {
      nlohmann::json copy = doc;
      copy[ptr] = r;
      out.push_back(std::move(copy));
    }
    if (doc[ptr.parent_pointer()].is_object()) {
      nlohmann::json removed = doc;
      removed[ptr.parent_pointer()].erase(ptr.back());
      out.push_back(std::move(removed));
      nlohmann::json added = doc;
      added[ptr.parent_pointer()]["bogusField"] = 1;
      out.push_back(std::move(added));
    }
  }
  return out;
}

TEST(SchemaEngine, CompiledValidatorAgreesWithValijson) {
  const std::vector<std::string> seeds = {
      ReadTestdata("seed-first-example.yaml"),
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one multi-line YAML document.
      "apiVersion: traefik.io/v1alpha1\nkind: ServersTransportTCP\nmetadata: {name: t}\n"
      "spec:\n  dialTimeout: 10s\n  terminationDelay: 100\n  proxyProtocol: {version: 1}\n"
      "  tls:\n    serverName: x\n    rootCAs: [{secret: a}, {configMap: b}]\n"
      "    peerCertSANs: [{type: dns, value: x}]\n    spiffe: {ids: [a], trustDomain: t}\n",
      "apiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata: {name: o, labels: {a: b}}\n"
      "spec:\n  minVersion: VersionTLS12\n  cipherSuites: [a]\n  sniStrict: true\n"
      "  clientAuth: {clientAuthType: NoClientCert, secretNames: [s]}\n",
      "apiVersion: traefik.io/v1alpha1\nkind: TLSStore\nmetadata: {name: default}\n"
      "spec:\n  certificates: [{secretName: a}]\n  defaultCertificate: {secretName: b}\n"
      "  defaultGeneratedCert: {resolver: r, domain: {main: m, sans: [s]}}\n",
      "apiVersion: traefik.io/v1alpha1\nkind: MiddlewareTCP\nmetadata: {name: m}\n"
      "spec:\n  inFlightConn: {amount: 10}\n  ipAllowList: {sourceRange: [10.0.0.0/8]}\n",
      "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: r}\n"
      "spec:\n  routes:\n  - match: HostSNI(`*`)\n    services: [{name: s, port: 80, weight: 1}]\n",
  };
  // Codes of failures valijson sees too; ranges, patterns, CEL and ObjectMeta syntax are checked
  // only by irtcp (they are stripped from valijson's schema).
  const std::vector<std::string_view> shared_codes = {"IRT003", "IRT010", "IRT011",
                                                      "IRT012", "IRT017", "IRT019"};
  int compared = 0;
  for (const std::string& seed : seeds) {
    auto file = std::make_shared<const source::SourceFile>("seed.yaml", seed);
    diag::DiagnosticSink load_sink;
    std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, load_sink);
    ASSERT_EQ(docs.size(), 1U);
    for (const nlohmann::json& mutated : Mutations(TreeToJson(docs[0], docs[0].root()))) {
      std::string text = mutated.dump();
      auto mfile = std::make_shared<const source::SourceFile>("m.json", text);
      model::InputSet input;
      diag::DiagnosticSink sink;
      input.AddSource(mfile, yaml::LoadOptions{}, sink);
      for (const model::Object& obj : input.objects()) {
        const CompiledSchema* schema =
            SchemaSet::Bundled().FindForTest(obj.api_version, obj.kind_name);
        if (schema == nullptr) {
          continue;
        }
        ASSERT_TRUE(schema->structural);
        diag::DiagnosticSink found;
        SchemaSet::Bundled().Validate(obj, found);
        bool compiled_ok = std::none_of(
            found.diagnostics().begin(), found.diagnostics().end(), [&](const diag::Diagnostic& d) {
              return std::find(shared_codes.begin(), shared_codes.end(), d.code()) !=
                     shared_codes.end();
            });
        EXPECT_EQ(compiled_ok, ValijsonAccepts(*schema, *obj.doc, obj.node)) << text;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 500);
}

}  // namespace
}  // namespace irtcp::schema
