// render --to gateway-api: the worked examples of testdata/gateway-api/examples/ as goldens
// compared as data, one case per row of mapping.md §3 with its exact losses, every emitted
// document validated against the vendored gateway-api v1.5.1 CRDs (core/schema) and their CEL
// rules (core/gateway/cel.h), and a round trip through irtcp's model of Traefik's Gateway
// provider: every connection the input routed to a translated route reaches the same backends,
// except where the report says it does not.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/gateway/cel.h"
#include "core/gateway/traefik_model.h"
#include "core/gateway/translate.h"
#include "core/resolve/route_plan.h"
#include "core/rule_lang/parser.h"
#include "core/run/session.h"
#include "core/schema/compiled.h"
#include "core/schema/crd_convert.h"
#include "core/schema/object_checker.h"
#include "core/yaml/load.h"
#include "tests/golden.h"

namespace irtcp::gateway {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

fs::path GatewayData() { return testing::TestdataDir() / "gateway-api"; }

/// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("irtcp-gateway-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }

 private:
  fs::path path_;
};

// YAML -> JSON with Kubernetes' scalar typing (quoted scalars stay strings).
Json ToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json j = Json::object();
      for (const auto& kv : n) {
        j[kv.first.as<std::string>()] = ToJson(kv.second);
      }
      return j;
    }
    case YAML::NodeType::Sequence: {
      Json j = Json::array();
      for (const auto& item : n) {
        j.push_back(ToJson(item));
      }
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() != "!") {
        std::int64_t i = 0;
        if (YAML::convert<std::int64_t>::decode(n, i)) {
          return i;
        }
        if (s == "true" || s == "false") {
          return s == "true";
        }
      }
      return s;
    }
    default:
      return nullptr;
  }
}

std::vector<Json> ParseStream(const std::string& text) {
  std::vector<Json> out;
  for (const YAML::Node& doc : YAML::LoadAll(text)) {
    if (doc.IsMap()) {
      out.push_back(ToJson(doc));
    }
  }
  return out;
}

/// Documents in a canonical order (compared as data: order and comments ignored).
std::multiset<std::string> Canonical(const std::vector<Json>& docs) {
  std::multiset<std::string> out;
  for (const Json& d : docs) {
    out.insert(nlohmann::json(d).dump(1));  // unordered keys: key order ignored too
  }
  return out;
}

/// The vendored CRDs, converted and compiled with core/schema, by "apiVersion kind".
class GatewayCrds {
 public:
  static const GatewayCrds& Get() {
    static const GatewayCrds kCrds;
    return kCrds;
  }
  const schema::CompiledSchema* Find(const std::string& api_version,
                                     const std::string& kind) const {
    auto it = schemas_.find(api_version + " " + kind);
    return it == schemas_.end() ? nullptr : it->second.get();
  }
  std::size_t size() const { return schemas_.size(); }
  std::string error;

 private:
  GatewayCrds() {
    for (const auto& entry : fs::directory_iterator(GatewayData() / "crds")) {
      if (entry.path().extension() != ".yaml") {
        continue;
      }
      auto file = std::make_shared<source::SourceFile>(entry.path().filename().string(),
                                                       testing::ReadFileOrDie(entry.path()));
      std::optional<std::vector<schema::ConvertedVersion>> converted =
          schema::ConvertCrd(file, &error);
      if (!converted) {
        return;
      }
      for (const schema::ConvertedVersion& v : *converted) {
        std::unique_ptr<schema::CompiledSchema> s =
            schema::CompileSchema(v.group, v.version, v.kind, file->path(), v.schema_json, &error);
        if (s == nullptr) {
          return;
        }
        schemas_[v.api_version() + " " + v.kind] = std::move(s);
      }
    }
  }
  std::map<std::string, std::unique_ptr<schema::CompiledSchema>> schemas_;
};

/// Schema and CEL findings of every document of a YAML stream ("" when all are valid).
std::string ValidateAgainstCrds(const std::string& yaml_text) {
  const GatewayCrds& crds = GatewayCrds::Get();
  if (!crds.error.empty()) {
    return "CRDs: " + crds.error;
  }
  auto file = std::make_shared<source::SourceFile>("emitted.yaml", yaml_text);
  diag::DiagnosticSink sink;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
  std::string problems;
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    problems += "yaml: " + d.message + "\n";
  }
  for (const yaml::Document& doc : docs) {
    model::Object obj;
    obj.doc = &doc;
    obj.node = doc.root();
    obj.api_version = std::string(doc.GetString(obj.node, "apiVersion"));
    obj.kind_name = std::string(doc.GetString(obj.node, "kind"));
    yaml::NodeId meta = doc.Get(obj.node, "metadata");
    obj.name = std::string(doc.GetString(meta, "name"));
    obj.namespace_ = std::string(doc.GetString(meta, "namespace"));
    const schema::CompiledSchema* s = crds.Find(obj.api_version, obj.kind_name);
    if (s == nullptr) {
      problems += "no CRD for " + obj.api_version + " " + obj.kind_name + "\n";
      continue;
    }
    diag::DiagnosticSink found;
    schema::CheckObject(*s, nullptr, obj, found);
    for (const diag::Diagnostic& d : found.diagnostics()) {
      problems += obj.kind_name + " " + obj.name + ": " + std::string(d.code()) + " " +
                  d.json_path + ": " + d.message + "\n";
    }
  }
  for (const Json& doc : ParseStream(yaml_text)) {
    for (const std::string& m : CheckCelRules(doc)) {
      problems += "CEL " + doc.value("kind", "") + ": " + m + "\n";
    }
  }
  return problems;
}

struct Translated {
  std::unique_ptr<run::Session> session;
  resolve::RoutePlan plan;
  Translation translation;
  std::string yaml;
  std::string json;
};

Translated TranslateFiles(const std::vector<std::string>& paths, const std::string& traefik_config,
                          GatewayOptions options = {}) {
  run::SessionOptions o;
  o.command = run::Command::kRender;
  o.load.paths = paths;
  o.load.threads = 1;
  o.static_config.traefik_config = traefik_config;
  Translated t;
  t.session = run::RunSession(o);
  EXPECT_EQ(t.session->fatal_error, "");
  t.plan = resolve::BuildRoutePlan(t.session->provider, t.session->static_config);
  options.experimental_channel = ExperimentalChannel(traefik_config);
  t.translation = Translate(t.session->provider, t.plan, t.session->static_config, options);
  t.yaml = WriteDocuments(t.translation, Format::kYaml);
  t.json = WriteDocuments(t.translation, Format::kJson);
  return t;
}

/// "IRT501 ClientIP error", one per loss, sorted.
std::multiset<std::string> LossSet(const Translation& t) {
  std::multiset<std::string> out;
  for (const Loss& l : t.losses) {
    out.insert(std::string(l.diagnostic.code()) + " " + l.loss + " " +
               std::string(diag::SeverityName(l.diagnostic.severity)));
  }
  return out;
}

std::string Dump(const Translation& t) {
  std::string out;
  for (const Loss& l : t.losses) {
    const diag::Diagnostic& d = l.diagnostic;
    out += std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
           std::string(d.code()) + " [" + l.loss + "] " + d.message +
           (l.related.empty() ? "" : " -> " + l.related) + "\n";
  }
  return out;
}

std::vector<std::string> BackendKey(const std::vector<resolve::PlannedBackend>& backends) {
  std::vector<std::string> out;
  for (const resolve::PlannedBackend& b : backends) {
    if (b.ok || !b.unknown.empty()) {
      out.push_back(b.service + "@" + std::to_string(b.weight.value_or(1)));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The round trip: the printed YAML through the Gateway provider model, replayed against the
/// input's route plan on every entry point, for the SNIs the routes name (and none, and an
/// unknown one), TLS and not. A difference must be one the report names.
void ExpectRoundTrip(const Translated& t) {
  resolve::RoutePlan model =
      ModelGatewayProvider(ParseStream(t.yaml), t.session->static_config, GatewayModelOptions{});
  std::set<std::string> snis = {"", "unknown.irtcp.invalid"};
  std::set<std::string> ips = {"192.0.2.10"};
  for (const resolve::PlannedRouter& r : t.plan.routers) {
    rule_lang::Error err;
    if (std::optional<rule_lang::MatchExpr> e = rule_lang::Parse(r.rule, &err)) {
      rule_lang::ForEachCall(*e->root, [&](const rule_lang::Node& call) {
        for (const rule_lang::Arg& a : call.args) {
          if (call.matcher == rule_lang::Matcher::kHostSni && a.value != "*") {
            std::string v = a.value;
            if (v.starts_with("*.")) {
              v = "probe" + v.substr(1);
            }
            snis.insert(v);
          } else if (call.matcher == rule_lang::Matcher::kClientIp) {
            ips.insert(a.value.substr(0, a.value.find('/')));
          }
        }
      });
    }
  }
  int compared = 0;
  for (const resolve::EntryPointPlan& ep : t.plan.entry_points) {
    for (const std::string& ip : ips) {
      for (const std::string& sni : snis) {
        for (bool tls : {false, true}) {
          if (!tls && !sni.empty()) {
            continue;
          }
          rule_lang::Connection conn{sni, {}, ip};
          const resolve::PlannedRouter* before = t.plan.Pick(ep.name, conn, tls);
          const resolve::PlannedRouter* after = model.Pick(ep.name, conn, tls);
          std::string trace = ep.name + " sni=";
          trace += sni;
          trace += " ip=";
          trace += ip;
          trace += tls ? " tls" : " plain";
          SCOPED_TRACE(trace);
          if (before == nullptr) {
            continue;
          }
          // The object key the translation gave this route: ns/<object>-<index>.
          std::string key;
          for (std::size_t i = 0; i < t.plan.routers.size(); ++i) {
            if (&t.plan.routers[i] == before) {
              const provider::RouteResult& rr = t.session->provider.routes[i];
              key = rr.irtcp->object->namespace_ + "/" + rr.irtcp->IngressName() + "-" +
                    std::to_string(rr.route->index);
            }
          }
          const bool same =
              after != nullptr && (after->object == key || after->object.starts_with(key + "-"));
          if (!same) {
            // The report must say why: an error at the route (left out, a lost name), the
            // order change naming the receiver, or deny-unknown-host taking the connection.
            bool explained = false;
            for (const Loss& l : t.translation.losses) {
              if (l.diagnostic.object != "IngressRouteTCP " + before->object) {
                continue;
              }
              explained = explained || l.diagnostic.severity == diag::Severity::kError ||
                          (l.diagnostic.code() == "IRT511" && after != nullptr &&
                           l.related == after->object) ||
                          (after != nullptr && after->name == kDenyUnknownHost &&
                           l.loss == "deny-unknown-host");
            }
            EXPECT_TRUE(explained) << "connection moved from " << key << " to "
                                   << (after ? after->name : "(none)") << " unreported\n"
                                   << Dump(t.translation);
            continue;
          }
          ++compared;
          EXPECT_EQ(BackendKey(after->backends), BackendKey(before->backends)) << key;
        }
      }
    }
  }
  (void)compared;
}

// -- the worked examples ---------------------------------------------------------------------

struct ExampleCase {
  const char* dir;
  std::vector<std::string> losses;  ///< the exact report: "code loss severity"
  bool error;                       ///< an error-level loss (exit 1 without --allow-partial)
};

const std::vector<std::string> kTlsCommon = {"IRT512 deny-unknown-host warning",
                                             "IRT513 names info"};

std::vector<std::string> With(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(GatewayExamples, MatchTheExpectedFilesAsDataWithTheirReports) {
  const std::vector<ExampleCase> cases = {
      {"01-passthrough-two-sni", kTlsCommon, false},
      {"02-terminate-secretname",
       With(kTlsCommon, {"IRT504 tls.options error", "IRT512 tls.secretName warning",
                         "IRT513 services[].port info"}),
       true},
      {"03-tcp-catch-all-own-entrypoint",
       {"IRT513 experimentalChannel info", "IRT513 names info"},
       false},
      {"04-weighted-services", With(kTlsCommon, {"IRT512 services[].weight warning"}), false},
      {"05-clientip-not-expressible", With(kTlsCommon, {"IRT501 ClientIP error"}), true},
      {"06-cross-namespace-service",
       {"IRT513 experimentalChannel info", "IRT513 names info", "IRT513 services[].namespace info"},
       false},
  };
  const std::string traefik = (GatewayData() / "examples" / "traefik.yaml").string();
  for (const ExampleCase& c : cases) {
    SCOPED_TRACE(c.dir);
    const fs::path dir = GatewayData() / "examples" / c.dir;
    Translated t = TranslateFiles({(dir / "input.yaml").string()}, traefik);
    ASSERT_EQ(t.translation.fatal_error, "");
    std::vector<Json> expected = ParseStream(testing::ReadFileOrDie(dir / "expected.yaml"));
    EXPECT_EQ(Canonical(ParseStream(t.yaml)), Canonical(expected)) << t.yaml;
    // The JSON output holds the same documents.
    Json list = Json::parse(t.json);
    EXPECT_EQ(Canonical(list["items"].get<std::vector<Json>>()), Canonical(expected));
    std::multiset<std::string> want(c.losses.begin(), c.losses.end());
    EXPECT_EQ(LossSet(t.translation), want) << Dump(t.translation);
    EXPECT_EQ(t.translation.HasErrorLoss(), c.error);
    EXPECT_EQ(ValidateAgainstCrds(t.yaml), "");
    ExpectRoundTrip(t);
    // Deterministic.
    EXPECT_EQ(TranslateFiles({(dir / "input.yaml").string()}, traefik).yaml, t.yaml);
  }
}

TEST(GatewayExamples, ExpectedFilesThemselvesValidate) {
  ASSERT_GE(GatewayCrds::Get().size(), 8U) << GatewayCrds::Get().error;
  for (const auto& entry : fs::directory_iterator(GatewayData() / "examples")) {
    if (!entry.is_directory()) {
      continue;
    }
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(ValidateAgainstCrds(testing::ReadFileOrDie(entry.path() / "expected.yaml")), "");
  }
}

TEST(GatewayValidation, TheCheckRejectsWhatTheCrdsAndCelRulesReject) {
  // The checks can fail: a schema violation, and each CEL rule family.
  const std::string bad_schema = R"(apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs: [{name: traefik, namespace: traefik, sectionName: x}]
  hostnames: [a.example.com]
  rules: [{backendRefs: [{name: s, port: 5432}]}]
  unknownField: 1
)";
  EXPECT_NE(ValidateAgainstCrds(bad_schema).find("unknownField"), std::string::npos)
      << ValidateAgainstCrds(bad_schema);
  struct CelCase {
    const char* yaml;
    const char* message;
  };
  const std::vector<CelCase> cel = {
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TCP, port: 1, tls: {mode: Passthrough}}]})",
       "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"},
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TLS, port: 1}]})",
       "tls mode must be set for protocol TLS"},
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TCP, port: 1, hostname: a.b}]})",
       "hostname must not be specified for protocols ['TCP', 'UDP']"},
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TCP, port: 1}, {name: a, protocol: TCP, port: 2}]})",
       "Listener name must be unique within the Gateway"},
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TCP, port: 1}, {name: b, protocol: TCP, port: 1}]})",
       "Combination of port, protocol and hostname must be unique for each listener"},
      {R"(kind: Gateway
spec: {listeners: [{name: a, protocol: TLS, port: 1, tls: {mode: Terminate}}]})",
       "certificateRefs or options must be specified when mode is Terminate"},
      {R"(kind: TLSRoute
spec: {hostnames: [10.0.0.1]})",
       "Hostnames cannot contain an IP"},
      {R"(kind: TLSRoute
spec: {hostnames: [a_b.example.com]})",
       "Hostnames must be valid based on RFC-1123"},
      {R"(kind: TLSRoute
spec: {hostnames: [a.*.example.com]})",
       "Wildcards on hostnames must be the first label, and the rest of hostname must be valid "
       "based on RFC-1123"},
      {R"(kind: TCPRoute
spec: {parentRefs: [{name: g}, {name: g, sectionName: x}]})",
       "sectionName or port must be specified when parentRefs includes 2 or more references to "
       "the same parent"},
      {R"(kind: TCPRoute
spec: {parentRefs: [{name: g, sectionName: x}, {name: g, sectionName: x}]})",
       "sectionName or port must be unique when parentRefs includes 2 or more references to the "
       "same parent"},
      {R"(kind: TCPRoute
spec: {rules: [{backendRefs: [{name: s}]}]})",
       "Must have port for Service reference"},
  };
  for (const CelCase& c : cel) {
    SCOPED_TRACE(c.yaml);
    std::vector<Json> docs = ParseStream(c.yaml);
    ASSERT_EQ(docs.size(), 1U);
    std::vector<std::string> got = CheckCelRules(docs[0]);
    EXPECT_EQ(got, std::vector<std::string>{c.message});
  }
  EXPECT_TRUE(CheckCelRules(ParseStream(R"(kind: TCPRoute
spec: {rules: [{backendRefs: [{name: s@file, kind: TraefikService, group: traefik.io}]}]})")[0])
                  .empty());
}

// -- one case per row of mapping.md §3 ---------------------------------------------------------

constexpr char kTraefik[] = R"(entryPoints:
  web: {address: ":8000", asDefault: true}
  websecure: {address: ":8443", asDefault: true}
  db: {address: ":5432"}
  mysql: {address: ":3306"}
  other: {address: "0.0.0.0:9000"}
  dns: {address: ":53/udp"}
  twin-a: {address: "10.0.0.1:7000"}
  twin-b: {address: "10.0.0.2:7000"}
providers:
  kubernetesCRD:
    allowCrossNamespace: true
    allowExternalNameServices: true
  kubernetesGateway:
    experimentalChannel: true
)";

constexpr char kServices[] = R"(
---
apiVersion: v1
kind: Service
metadata: {name: pg, namespace: apps}
spec:
  selector: {app: pg}
  ports: [{name: postgres, port: 5432, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: pg2, namespace: apps}
spec:
  selector: {app: pg2}
  ports: [{name: postgres, port: 5432, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: pgc, namespace: apps}
spec:
  clusterIP: 10.96.0.10
  ports: [{name: postgres, port: 5432, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: apps}
spec:
  type: ExternalName
  externalName: db.example.net
  ports: [{port: 5432}]
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: modern, namespace: apps}
spec: {minVersion: VersionTLS13}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: mtls, namespace: apps}
spec:
  clientAuth: {clientAuthType: RequireAndVerifyClientCert}
---
apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata: {name: office, namespace: apps}
spec:
  ipAllowList: {sourceRange: [10.0.0.0/8]}
)";

std::string Irtcp(const std::string& name, const std::string& spec) {
  return "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: " + name +
         ", namespace: apps}\nspec:\n" + spec;
}

struct RowCase {
  const char* row;                   ///< the §3 row
  std::string input;                 ///< IngressRouteTCPs (the Services above are appended)
  std::vector<std::string> emitted;  ///< "Kind ns/name", sorted
  std::vector<std::string> losses;   ///< "code loss severity" (IRT513 names and the
                                     ///< deny-unknown-host note are not listed)
  std::string contains;              ///< a fragment the YAML must contain ("" none)
  std::string related;               ///< IRT509/IRT511: the route named
};

std::vector<std::string> Emitted(const Translation& t) {
  std::vector<std::string> out;
  for (const Json& d : t.documents) {
    std::string kind = d.value("kind", "");
    if (kind == "Gateway") {
      continue;
    }
    out.push_back(kind + " " + d["metadata"].value("namespace", "") + "/" +
                  d["metadata"].value("name", ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::multiset<std::string> RowLosses(const Translation& t) {
  std::multiset<std::string> out;
  for (const std::string& s : LossSet(t)) {
    if (s != "IRT513 names info" && s != "IRT512 deny-unknown-host warning") {
      out.insert(s);
    }
  }
  return out;
}

const char* const kPass = "  tls: {passthrough: true}\n";

TEST(GatewayMappingRows, EachRowTranslatesOrReportsExactly) {
  const std::vector<RowCase> cases = {
      {"entryPoints: [e…] (two entry points, two parentRefs, ports from the addresses)",
       Irtcp("two",
             "  entryPoints: [websecure, other]\n  routes:\n    - match: "
             "HostSNI(`a.example.com`)\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/two-0"},
       {},
       "port: 9000",
       ""},
      {"entryPoints absent: the default entry points",
       Irtcp("implicit",
             "  routes:\n    - match: HostSNI(`a.example.com`)\n      services: [{name: pg, port: "
             "5432}]\n") +
           kPass,
       {"TLSRoute apps/implicit-0"},
       {"IRT512 entryPoints warning"},
       "sectionName: web-tls-passthrough",
       ""},
      {"HostSNI(`*`) without tls: TCP listener + TCPRoute",
       Irtcp("plain",
             "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n      services: [{name: "
             "pg, port: 5432}]\n"),
       {"TCPRoute apps/plain-0"},
       {"IRT513 experimentalChannel info"},
       "protocol: TCP",
       ""},
      {"HostSNI(a) || b with tls: hostnames, lower-cased, trailing dot stripped",
       Irtcp("or",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`A.Example.com.`) || "
             "HostSNI(`b.example.com`)\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/or-0"},
       {},
       "- a.example.com\n    - b.example.com",
       ""},
      {"more than 16 names: split into several TLSRoutes",
       [] {
         std::string m;
         for (int i = 0; i < 18; ++i) {
           m += std::string(i ? " || " : "") + "HostSNI(`h" + std::to_string(i) + ".example.com`)";
         }
         return Irtcp("many", "  entryPoints: [websecure]\n  routes:\n    - match: " + m +
                                  "\n      services: [{name: pg, port: 5432}]\n") +
                kPass;
       }(),
       {"TLSRoute apps/many-0", "TLSRoute apps/many-0-1"},
       {"IRT513 HostSNI info"},
       "h17.example.com",
       ""},
      {"HostSNI(`*.x`): wildcard hostname (≈)",
       Irtcp("wild",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`*.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/wild-0"},
       {"IRT512 HostSNI(`*.example.com`) warning"},
       "- \"*.example.com\"",
       ""},
      {"HostSNI with an IP, `_` or a port: the names are left out",
       Irtcp("badnames",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`10.0.0.1`) || "
             "HostSNI(`a_b.example.com`) || HostSNI(`ok.example.com`)\n      services: [{name: pg, "
             "port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/badnames-0"},
       {"IRT508 HostSNI error", "IRT508 HostSNI error"},
       "- ok.example.com",
       ""},
      {"HostSNIRegexp ^literal$ and ^[a-z0-9-]+\\.suffix$",
       Irtcp("re",
             "  entryPoints: [websecure]\n  routes:\n    - match: "
             "HostSNIRegexp(`^db\\.example\\.com$`)\n      services: [{name: pg, port: 5432}]\n    "
             "- match: HostSNIRegexp(`^[a-z0-9-]+\\.pg\\.example\\.com$`)\n      services: [{name: "
             "pg2, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/re-0", "TLSRoute apps/re-1"},
       {"IRT512 HostSNI(`*.pg.example.com`) warning"},
       "- db.example.com",
       ""},
      {"HostSNIRegexp, other forms: left out; an exact name behind it now receives its SNIs",
       Irtcp("rx",
             "  entryPoints: [websecure]\n  routes:\n    - match: "
             "HostSNIRegexp(`^db-[0-9]+\\.example\\.com$`)\n      priority: 100\n      services: "
             "[{name: pg2, port: 5432}]\n    - match: HostSNI(`db-1.example.com`)\n      services: "
             "[{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/rx-1"},
       {"IRT501 HostSNIRegexp error", "IRT509 HostSNIRegexp error"},
       "",
       "apps/rx-1"},
      {"HostSNI(`*`) + passthrough alone on a non-default entry point: TCPRoute (≈)",
       Irtcp("pgall",
             "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n      services: [{name: "
             "pg, port: 5432}]\n") +
           kPass,
       {"TCPRoute apps/pgall-0"},
       {"IRT512 HostSNI(`*`) warning", "IRT513 experimentalChannel info"},
       "db-tcp",
       ""},
      {"HostSNI(`*`) + passthrough on a default entry point: left out",
       Irtcp("pgdef",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`*`)\n      services: "
             "[{name: pg, port: 5432}]\n") +
           kPass,
       {},
       {"IRT501 HostSNI(`*`) error"},
       "",
       ""},
      {"HostSNI(`*`) + terminate: left out",
       Irtcp("termall",
             "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n      services: [{name: "
             "pg, port: 5432}]\n  tls: {secretName: pg-tls}\n"),
       {},
       {"IRT501 HostSNI(`*`) error", "IRT512 tls.secretName warning"},
       "",
       ""},
      {"ClientIP in front of a catch-all: left out, the catch-all now receives its clients",
       Irtcp("client",
             "  entryPoints: [mysql]\n  routes:\n    - match: HostSNI(`*`) && "
             "ClientIP(`10.0.0.0/8`)\n      services: [{name: pg2, port: 5432}]\n    - match: "
             "HostSNI(`*`)\n      services: [{name: pg, port: 5432}]\n"),
       {"TCPRoute apps/client-1"},
       {"IRT501 ClientIP error", "IRT509 ClientIP error", "IRT513 experimentalChannel info"},
       "",
       "apps/client-1"},
      {"&& ALPN in front of the plain HostSNI route: left out, reported with the receiver",
       Irtcp("alpn",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`) && "
             "ALPN(`h2`)\n      services: [{name: pg2, port: 5432}]\n    - match: "
             "HostSNI(`a.example.com`)\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/alpn-1"},
       {"IRT501 ALPN error", "IRT509 ALPN error"},
       "",
       "apps/alpn-1"},
      {"! and &&: left out",
       Irtcp("neg",
             "  entryPoints: [websecure]\n  routes:\n    - match: \"!HostSNI(`a.example.com`)\"\n  "
             "    services: [{name: pg, port: 5432}]\n    - match: HostSNI(`b.example.com`) && "
             "HostSNI(`c.example.com`)\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {},
       {"IRT501 ! error", "IRT501 && error"},
       "",
       ""},
      {"priority: a long wildcard now beats an exact name (warning among emitted routes)",
       Irtcp("prio",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "priority: 1000\n      services: [{name: pg, port: 5432}]\n    - match: "
             "HostSNI(`*.example.com`) || HostSNI(`very-long-name.other.org`)\n      services: "
             "[{name: pg2, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/prio-0", "TLSRoute apps/prio-1"},
       {"IRT511 priority warning", "IRT512 HostSNI(`*.example.com`) warning"},
       "",
       "apps/prio-1"},
      {"syntax v2: HostSNI(a, b) becomes hostnames; a template is roughly *.suffix",
       Irtcp("v2",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`, "
             "`b.example.com`)\n      syntax: v2\n      services: [{name: pg, port: 5432}]\n    - "
             "match: HostSNIRegexp(`{sub:[a-z0-9-]+}.v2.example.com`)\n      syntax: v2\n      "
             "services: [{name: pg2, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/v2-0", "TLSRoute apps/v2-1"},
       {"IRT512 HostSNI(`*.v2.example.com`) warning", "IRT512 HostSNIRegexp warning"},
       "- b.example.com",
       ""},
      {"middlewares: left out",
       Irtcp("mw",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "middlewares: [{name: office}]\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {},
       {"IRT502 middleware error"},
       "",
       ""},
      {"services[].name/port: a named port is resolved through the Service",
       Irtcp("named",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: postgres}]\n") +
           kPass,
       {"TLSRoute apps/named-0"},
       {"IRT513 services[].port info"},
       "port: 5432",
       ""},
      {"services[].namespace: backendRef namespace + ReferenceGrant (TLSRoute)",
       Irtcp("xns",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: cache, namespace: data, port: 6379}]\n") +
           kPass,
       {"ReferenceGrant data/apps-tlsroutes-to-cache", "TLSRoute apps/xns-0"},
       {"IRT513 services[].namespace info"},
       "kind: TLSRoute\n      namespace: apps",
       ""},
      {"services[].weight: kept, weight 0 kept with several backends",
       Irtcp(
           "weights",
           "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
           "services: [{name: pg, port: 5432, weight: 3}, {name: pg2, port: 5432, weight: 0}]\n") +
           kPass,
       {"TLSRoute apps/weights-0"},
       {"IRT512 services[].weight warning"},
       "weight: 0",
       ""},
      {"weight 0 on a single ref: dropped",
       Irtcp("w0",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432, weight: 0}]\n") +
           kPass,
       {"TLSRoute apps/w0-0"},
       {"IRT513 services[].weight info"},
       "",
       ""},
      {"services[].nativeLB: the Service annotation (≈)",
       Irtcp("nlb",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pgc, port: 5432, nativeLB: true}]\n") +
           kPass,
       {"TLSRoute apps/nlb-0"},
       {"IRT512 services[].nativeLB warning"},
       "",
       ""},
      {"services[].nodePortLB, serversTransport, tls, proxyProtocol, terminationDelay: lost",
       Irtcp("svcopts",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services:\n        - {name: pg, port: 5432, nodePortLB: true, serversTransport: st, "
             "tls: true, proxyProtocol: {version: 2}, terminationDelay: 100}\n") +
           kPass,
       {"TLSRoute apps/svcopts-0"},
       {"IRT505 services[].nodePortLB error", "IRT505 services[].proxyProtocol error",
        "IRT505 services[].serversTransport error", "IRT505 services[].terminationDelay error",
        "IRT505 services[].tls error"},
       "",
       ""},
      {"ExternalName Service: refused by the Gateway provider",
       Irtcp("extname",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: ext, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/extname-0"},
       {"IRT506 ExternalName error"},
       "",
       ""},
      {"tls.passthrough: a Passthrough listener",
       Irtcp("pt",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n") +
           kPass,
       {"TLSRoute apps/pt-0"},
       {},
       "mode: Passthrough",
       ""},
      {"tls.secretName beside passthrough on one entry point: a Terminate listener per hostname",
       Irtcp("mixp",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`p.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n") +
           kPass + "---\n" +
           Irtcp("mixt",
                 "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`t.example.com`) || "
                 "HostSNI(`*.t.example.com`)\n      services: [{name: pg2, port: 5432}]\n  tls: "
                 "{secretName: t-tls}\n"),
       {"ReferenceGrant apps/traefik-gateways-to-t-tls", "TLSRoute apps/mixp-0",
        "TLSRoute apps/mixt-0"},
       {"IRT512 HostSNI(`*.t.example.com`) warning", "IRT512 tls.secretName warning"},
       "name: websecure-tls-terminate-wildcard.t.example.com",
       ""},
      {"tls: {} (the default certificate): left out",
       Irtcp("defcert",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n  tls: {}\n"),
       {},
       {"IRT507 tls error"},
       "",
       ""},
      {"TLSStore default (default certificate): not expressible, still applies (≈)",
       Irtcp("store-default",
             "  entryPoints: [websecure]\n  routes:\n    - match: "
             "HostSNI(`a.example.com`)\n      services: [{name: pg, port: "
             "5432}]\n  tls: {secretName: a-tls}\n") +
           "---\napiVersion: traefik.io/v1alpha1\nkind: TLSStore\nmetadata: {name: default, "
           "namespace: apps}\nspec:\n  defaultGeneratedCert: {resolver: le, domain: {main: "
           "example.com}}\n",
       {"ReferenceGrant apps/traefik-gateways-to-a-tls", "TLSRoute apps/store-default-0"},
       {"IRT512 TLSStore warning", "IRT512 tls.secretName warning"},
       "",
       ""},
      {"tls.options without client auth: lost, the route is emitted",
       Irtcp("opts",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n  tls: {secretName: a-tls, options: {name: "
             "modern}}\n"),
       {"ReferenceGrant apps/traefik-gateways-to-a-tls", "TLSRoute apps/opts-0"},
       {"IRT504 tls.options error", "IRT512 tls.secretName warning"},
       "",
       ""},
      {"tls.options requiring client certificates: left out",
       Irtcp("mtls",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n  tls: {secretName: a-tls, options: {name: "
             "mtls}}\n"),
       {},
       {"IRT503 tls.options error", "IRT512 tls.secretName warning"},
       "",
       ""},
      {"tls.certResolver and tls.domains: lost (the Secret still carries the route)",
       Irtcp("acme",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n  tls:\n    secretName: a-tls\n    certResolver: "
             "le\n    domains: [{main: a.example.com}]\n"),
       {"ReferenceGrant apps/traefik-gateways-to-a-tls", "TLSRoute apps/acme-0"},
       {"IRT507 tls.certResolver error", "IRT507 tls.domains error",
        "IRT512 tls.secretName warning"},
       "",
       ""},
      {"tls.store: nothing to map",
       Irtcp("store",
             "  entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n  tls: {passthrough: true, store: {name: "
             "default}}\n"),
       {"TLSRoute apps/store-0"},
       {},
       "",
       ""},
      {"ingressClassName: the choice of GatewayClass (≈)",
       Irtcp("cls",
             "  ingressClassName: traefik-internal\n  entryPoints: [websecure]\n  routes:\n    - "
             "match: HostSNI(`a.example.com`)\n      services: [{name: pg, port: 5432}]\n") +
           kPass,
       {},
       {},
       "",
       ""},
      {"two entry points on one port: left out",
       Irtcp("twin",
             "  entryPoints: [twin-a]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n") +
           kPass,
       {},
       {"IRT510 entryPoints error"},
       "",
       ""},
      {"TCP and TLS routes on one entry point: both emitted, with the portability warning",
       Irtcp("mixed",
             "  entryPoints: [other]\n  routes:\n    - match: HostSNI(`*`)\n      services: "
             "[{name: pg, port: 5432}]\n") +
           "---\n" +
           Irtcp("mixedtls",
                 "  entryPoints: [other]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
                 "services: [{name: pg2, port: 5432}]\n") +
           kPass,
       {"TCPRoute apps/mixed-0", "TLSRoute apps/mixedtls-0"},
       {"IRT512 entryPoints warning", "IRT513 experimentalChannel info"},
       "",
       ""},
      {"HostSNI names without tls: Traefik refuses the router, so nothing is translated",
       Irtcp("notls",
             "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
             "services: [{name: pg, port: 5432}]\n"),
       {},
       {"IRT515 route warning"},  // Traefik refuses the router: nothing to translate
       "",
       ""},
  };
  TempDir dir;
  const std::string traefik = dir.Write("traefik.yaml", kTraefik);
  for (const RowCase& c : cases) {
    SCOPED_TRACE(c.row);
    const std::string input = dir.Write("input.yaml", c.input + kServices);
    Translated t = TranslateFiles({input}, traefik);
    ASSERT_EQ(t.translation.fatal_error, "");
    std::vector<std::string> want_emitted = c.emitted;
    std::sort(want_emitted.begin(), want_emitted.end());
    if (std::string(c.row).starts_with("ingressClassName")) {
      // Not processed by this Traefik (its ingress class is not the provider's): nothing
      // emitted, nothing lost.
      EXPECT_TRUE(t.translation.documents.empty()) << t.yaml;
      continue;
    }
    EXPECT_EQ(Emitted(t.translation), want_emitted) << t.yaml;
    std::multiset<std::string> want(c.losses.begin(), c.losses.end());
    EXPECT_EQ(RowLosses(t.translation), want) << Dump(t.translation);
    if (!c.contains.empty()) {
      EXPECT_NE(t.yaml.find(c.contains), std::string::npos) << t.yaml;
    }
    if (!c.related.empty()) {
      bool found = false;
      for (const Loss& l : t.translation.losses) {
        found = found || l.related == c.related;
      }
      EXPECT_TRUE(found) << Dump(t.translation);
    }
    EXPECT_EQ(ValidateAgainstCrds(t.yaml), "") << t.yaml;
    ExpectRoundTrip(t);
  }
}

TEST(GatewayMappingRows, IngressClassOfAProcessedRouteIsAWarning) {
  TempDir dir;
  const std::string traefik = dir.Write(
      "traefik.yaml",
      "entryPoints:\n  websecure: {address: \":8443\"}\nproviders:\n  kubernetesCRD:\n    "
      "ingressClass: traefik\n");
  const std::string input =
      dir.Write("input.yaml",
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: cls\n  "
                "namespace: apps\n  annotations: {kubernetes.io/ingress.class: traefik}\nspec:\n  "
                "entryPoints: [websecure]\n  routes:\n    - match: HostSNI(`a.example.com`)\n      "
                "services: [{name: pg, port: 5432}]\n  tls: {passthrough: true}\n" +
                    std::string(kServices));
  Translated t = TranslateFiles({input}, traefik);
  EXPECT_EQ(RowLosses(t.translation),
            (std::multiset<std::string>{"IRT512 ingressClassName warning"}))
      << Dump(t.translation);
}

TEST(GatewayOptionsTest, GatewayFlagsAndExitConditions) {
  TempDir dir;
  const std::string traefik = dir.Write("traefik.yaml", kTraefik);
  const std::string input =
      dir.Write("input.yaml", Irtcp("a",
                                    "  entryPoints: [websecure]\n  routes:\n    - match: "
                                    "HostSNI(`a.example.com`)\n      services: [{name: pg, "
                                    "port: 5432}]\n  tls: {secretName: a-tls}\n") +
                                  kServices);
  GatewayOptions options;
  std::string err;
  ASSERT_TRUE(ParseGatewayRef("edge/public", &options, &err));
  options.gateway_class = "traefik-edge";
  Translated t = TranslateFiles({input}, traefik, options);
  EXPECT_NE(t.yaml.find("gatewayClassName: traefik-edge"), std::string::npos) << t.yaml;
  EXPECT_NE(t.yaml.find("name: edge-gateways-to-a-tls"), std::string::npos) << t.yaml;
  EXPECT_NE(t.yaml.find("namespace: edge\n      sectionName: websecure-tls-terminate"),
            std::string::npos)
      << t.yaml;
  EXPECT_EQ(ValidateAgainstCrds(t.yaml), "");
  for (const char* bad : {"public", "edge/", "/x", "Edge/x", "a/b/c"}) {
    EXPECT_FALSE(ParseGatewayRef(bad, &options, &err)) << bad;
  }
  // No static configuration: the entry points' addresses are unknown, and that is fatal.
  Translated unknown = TranslateFiles({input}, "");
  EXPECT_NE(unknown.translation.fatal_error.find("--traefik-config"), std::string::npos);
  EXPECT_NE(unknown.translation.fatal_error.find("websecure"), std::string::npos);
  // A configuration without experimentalChannel: TCPRoutes still emitted, with a warning.
  const std::string no_exp = dir.Write("noexp.yaml", "entryPoints:\n  db: {address: \":5432\"}\n");
  const std::string tcp =
      dir.Write("tcp.yaml", Irtcp("plain",
                                  "  entryPoints: [db]\n  routes:\n    - match: HostSNI(`*`)\n "
                                  "     services: [{name: pg, port: 5432}]\n") +
                                kServices);
  Translated warned = TranslateFiles({tcp}, no_exp);
  EXPECT_NE(warned.yaml.find("kind: TCPRoute"), std::string::npos);
  bool warning = false;
  for (const Loss& l : warned.translation.losses) {
    warning = warning || (l.loss == "experimentalChannel" &&
                          l.diagnostic.severity == diag::Severity::kWarning);
  }
  EXPECT_TRUE(warning) << Dump(warned.translation);
  Json report = Json::parse(ReportJson(warned.translation));
  ASSERT_FALSE(report["findings"].empty());
  for (const char* key : {"object", "file", "line", "column", "path", "code", "severity", "loss",
                          "message", "related"}) {
    EXPECT_TRUE(report["findings"][0].contains(key)) << key;
  }
  EXPECT_EQ(report["summary"]["routes_emitted"], 1);
}

TEST(GatewayCli, ReportFileAllowPartialAndExitCodes) {
  TempDir dir;
  const fs::path examples = GatewayData() / "examples";
  const std::string report = dir.Write("report.json", "");
  const std::vector<std::string> base = {
      "render",
      "--to",
      "gateway-api",
      "--traefik-config",
      (examples / "traefik.yaml").string(),
      (examples / "05-clientip-not-expressible" / "input.yaml").string()};
  testing::RunResult strict = testing::RunIrtcp(base, examples);
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.out.find("name: databases-1"), std::string::npos);  // YAML in every case
  std::vector<std::string> partial = base;
  partial.insert(partial.end(), {"--allow-partial", "--report", report});
  testing::RunResult r = testing::RunIrtcp(partial, examples);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, strict.out);
  EXPECT_NE(r.err.find("[IRT501 untranslatable-match]"), std::string::npos) << r.err;
  Json j = Json::parse(testing::ReadFileOrDie(report));
  ASSERT_FALSE(j["findings"].empty());
  const Json& first = j["findings"][0];
  EXPECT_EQ(first["code"], "IRT501");
  EXPECT_EQ(first["loss"], "ClientIP");
  EXPECT_EQ(first["path"], "/spec/routes/0/match");
  EXPECT_EQ(first["object"], "IngressRouteTCP apps/databases");
  EXPECT_EQ(first["line"], 10);
  EXPECT_EQ(first["column"], 14);
  // --fail-on still governs the other findings (the example's Services have no EndpointSlices:
  // no finding at warning level there), and a bad --report path is an I/O error.
  std::vector<std::string> bad = partial;
  bad.back() = (fs::path(report).parent_path() / "missing" / "r.json").string();
  EXPECT_EQ(testing::RunIrtcp(bad, examples).exit_code, 2);
}

TEST(GatewayModel, EntryPointPortsAndListenerBinding) {
  EXPECT_EQ(EntryPointPort(":8443"), 8443);
  EXPECT_EQ(EntryPointPort("0.0.0.0:8443"), 8443);
  EXPECT_EQ(EntryPointPort("[::]:8443"), 8443);
  EXPECT_EQ(EntryPointPort(":8443/tcp"), 8443);
  EXPECT_EQ(EntryPointPort(":53/udp"), 0);
  EXPECT_EQ(EntryPointPort("localhost"), 0);
  EXPECT_EQ(EntryPointPort(":99999"), 0);
  provider::StaticConfig config;
  config.entry_points_known = true;
  config.entry_points = {provider::MakeEntryPoint("web", ":8000", true, false),
                         provider::MakeEntryPoint("tls", ":8443", false, false)};
  std::vector<Json> docs = ParseStream(R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: g, namespace: traefik}
spec:
  gatewayClassName: traefik
  listeners:
    - name: t
      protocol: TLS
      port: 8443
      tls: {mode: Passthrough}
      allowedRoutes:
        namespaces: {from: All}
        kinds: [{group: gateway.networking.k8s.io, kind: TLSRoute}]
    - name: nowhere
      protocol: TLS
      port: 9999
      tls: {mode: Passthrough}
      allowedRoutes:
        namespaces: {from: All}
        kinds: [{group: gateway.networking.k8s.io, kind: TLSRoute}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs: [{name: g, namespace: traefik}]
  hostnames: [a.example.com, "*.example.com"]
  rules: [{backendRefs: [{name: s, port: 1, weight: 2}, {name: s, namespace: other, port: 2}]}]
)");
  resolve::RoutePlan plan = ModelGatewayProvider(docs, config, GatewayModelOptions{});
  // One router (the listener on 9999 binds no entry point), plus deny-unknown-host on web.
  ASSERT_EQ(plan.routers.size(), 2U);
  const resolve::PlannedRouter& r = plan.routers[0];
  EXPECT_EQ(r.rule, "HostSNI(`a.example.com`) || HostSNIRegexp(`^[a-z0-9-]+\\.example\\.com$`)");
  EXPECT_EQ(r.priority, 13);  // max(len(h) - count(*)): 13 and 12
  EXPECT_EQ(r.entry_points, std::vector<std::string>{"tls"});
  ASSERT_EQ(r.backends.size(), 2U);
  EXPECT_TRUE(r.backends[0].ok);
  EXPECT_FALSE(r.backends[1].ok);  // no ReferenceGrant: an err-lb keeping its weight
  EXPECT_EQ(r.backends[1].error, "missing ReferenceGrant");
  EXPECT_EQ(plan.routers[1].name, kDenyUnknownHost);
  EXPECT_EQ(plan.routers[1].entry_points, std::vector<std::string>{"web"});
  // One label only, as Traefik's regexp.
  EXPECT_NE(plan.Pick("tls", {"x.example.com", {}, "192.0.2.1"}, true), nullptr);
  EXPECT_EQ(plan.Pick("tls", {"x.y.example.com", {}, "192.0.2.1"}, true), nullptr);
  EXPECT_EQ(plan.Pick("web", {"unknown.example.org", {}, "192.0.2.1"}, true)->name,
            kDenyUnknownHost);
  EXPECT_EQ(plan.Pick("web", {"unknown.example.org", {"h2"}, "192.0.2.1"}, true), nullptr);
}

}  // namespace
}  // namespace irtcp::gateway
