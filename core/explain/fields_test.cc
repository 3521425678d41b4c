#include "core/explain/fields.h"

#include <gtest/gtest.h>

#include <sstream>

namespace irtcp::explain {
namespace {

const std::vector<KindDoc>& Kinds() {
  static const std::vector<KindDoc> kKinds = [] {
    std::vector<KindDoc> k;
    std::string err;
    std::vector<CrdText> crds = BundledCrds();
    EXPECT_TRUE(LoadKinds(crds, &k, &err)) << err;
    return k;
  }();
  return kKinds;
}

TEST(ExplainFields, EveryBundledKind) {
  std::vector<std::string> names;
  for (const KindDoc& k : Kinds()) {
    names.push_back(k.group + "/" + k.version + " " + k.kind);
    EXPECT_FALSE(k.root.description.empty()) << k.kind;
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "traefik.io/v1alpha1 IngressRouteTCP",
                       "traefik.io/v1alpha1 MiddlewareTCP",
                       "traefik.io/v1alpha1 ServersTransportTCP",
                       "traefik.io/v1alpha1 TLSOption",
                       "traefik.io/v1alpha1 TLSStore",
                       "traefik.containo.us/v1alpha1 IngressRouteTCP",
                       "traefik.containo.us/v1alpha1 MiddlewareTCP",
                       "traefik.containo.us/v1alpha1 TLSOption",
                       "traefik.containo.us/v1alpha1 TLSStore",
                   }));
}

TEST(ExplainFields, Paths) {
  struct Case {
    const char* path;
    const char* group;
    const char* want_kind;  ///< "group kind" of the result
    const char* want_name;
    const char* want_type;
    bool required;
  };
  const Case cases[] = {
      {"ingressroutetcp.spec.routes.services.nativeLB", "", "traefik.io IngressRouteTCP",
       "nativeLB", "boolean", false},
      {"IngressRouteTCP", "", "traefik.io IngressRouteTCP", "IngressRouteTCP", "Object", false},
      {"ingressroutetcps.spec.routes", "", "traefik.io IngressRouteTCP", "routes", "[]Object",
       true},
      {"INGRESSROUTETCP.spec.routes.match", "", "traefik.io IngressRouteTCP", "match", "string",
       true},
      {"ingressroutetcp.spec.routes.services.port", "", "traefik.io IngressRouteTCP", "port",
       "IntOrString", true},
      {"ingressroutetcp.spec.entryPoints", "", "traefik.io IngressRouteTCP", "entryPoints",
       "[]string", false},
      {"ingressroutetcp.metadata", "", "traefik.io IngressRouteTCP", "metadata", "ObjectMeta",
       true},
      {"tlsoption.spec", "", "traefik.io TLSOption", "spec", "Object", true},
      {"serverstransporttcp.spec.dialTimeout", "", "traefik.io ServersTransportTCP", "dialTimeout",
       "IntOrString", false},
      {"ingressroutetcp.spec", "traefik.containo.us", "traefik.containo.us IngressRouteTCP", "spec",
       "Object", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    std::string err;
    std::optional<FieldExplanation> e =
        ExplainField(Kinds(), FieldQuery{c.path, c.group, "", false}, &err);
    ASSERT_TRUE(e.has_value()) << err;
    EXPECT_EQ(e->kind->group + " " + e->kind->kind, c.want_kind);
    EXPECT_EQ(e->field.name, c.want_name);
    EXPECT_EQ(e->field.type, c.want_type);
    EXPECT_EQ(e->field.required, c.required);
  }
}

TEST(ExplainFields, FactsAndNotes) {
  std::string err;
  auto prio = ExplainField(Kinds(), {"ingressroutetcp.spec.routes.priority", "", "", false}, &err);
  ASSERT_TRUE(prio) << err;
  EXPECT_EQ(prio->field.maximum.value_or(""), "9223372036854775000");
  EXPECT_FALSE(prio->field.notes.empty());
  auto delay = ExplainField(
      Kinds(), {"ingressroutetcp.spec.routes.services.terminationDelay", "", "", false}, &err);
  ASSERT_TRUE(delay) << err;
  EXPECT_NE(delay->field.deprecated.find("Deprecated:"), std::string::npos);
  ASSERT_EQ(delay->field.notes.size(), 1U);
  EXPECT_NE(delay->field.notes[0].find("nanoseconds"), std::string::npos);
  auto syntax = ExplainField(Kinds(), {"ingressroutetcp.spec.routes.syntax", "", "", false}, &err);
  ASSERT_TRUE(syntax) << err;
  EXPECT_EQ(syntax->field.enum_values, (std::vector<std::string>{"\"v3\"", "\"v2\""}));
  auto pattern =
      ExplainField(Kinds(), {"serverstransporttcp.spec.dialTimeout", "", "", false}, &err);
  ASSERT_TRUE(pattern) << err;
  EXPECT_EQ(pattern->field.pattern, "^([0-9]+(ns|us|µs|ms|s|m|h)?)+$");
  // Without --recursive the children are listed without theirs.
  auto spec = ExplainField(Kinds(), {"ingressroutetcp.spec", "", "", false}, &err);
  ASSERT_TRUE(spec) << err;
  for (const FieldDoc& c : spec->field.fields) {
    EXPECT_TRUE(c.fields.empty()) << c.name;
  }
  auto all = ExplainField(Kinds(), {"ingressroutetcp.spec", "", "", true}, &err);
  ASSERT_TRUE(all) << err;
  bool deep = false;
  for (const FieldDoc& c : all->field.fields) {
    deep = deep || !c.fields.empty();
  }
  EXPECT_TRUE(deep);
}

TEST(ExplainFields, Errors) {
  struct Case {
    FieldQuery q;
    const char* want;
  };
  const Case cases[] = {
      {{"ingresroutetcp.spec", "", "", false},
       "unknown kind \"ingresroutetcp\"; did you mean \"ingressroutetcp\"? (irtcp knows: "
       "ingressroutetcp middlewaretcp serverstransporttcp tlsoption tlsstore)"},
      {{"ingressroutetcp.spec.rutes.match", "", "", false},
       "field \"rutes\" does not exist in IngressRouteTCP.spec; did you mean \"routes\"?"},
      {{"ingressroutetcp.spec.routes.match.x", "", "", false},
       "field \"x\" does not exist: IngressRouteTCP.spec.routes.match is <string> and has no "
       "fields"},
      {{"serverstransporttcp", "traefik.containo.us", "", false},
       "ServersTransportTCP is not bundled for traefik.containo.us (bundled: "
       "traefik.io/v1alpha1)"},
      {{"tlsoption", "", "traefik.io/v1", false},
       "TLSOption is not bundled for traefik.io/v1 (bundled: traefik.io/v1alpha1, "
       "traefik.containo.us/v1alpha1)"},
      {{"ingressroutetcp.spec.ingressClassName", "traefik.containo.us", "", false},
       "field \"ingressClassName\" does not exist in IngressRouteTCP.spec"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.q.path);
    std::string err;
    EXPECT_FALSE(ExplainField(Kinds(), c.q, &err).has_value());
    EXPECT_EQ(err, c.want);
  }
}

TEST(ExplainFields, Outputs) {
  std::string err;
  auto e = ExplainField(Kinds(), {"ingressroutetcp.spec.routes.services", "", "", false}, &err);
  ASSERT_TRUE(e) << err;
  std::ostringstream text;
  WriteFieldText(*e, TextStyle{80, false}, text);
  EXPECT_NE(text.str().find("FIELD: services <[]Object>\n"), std::string::npos) << text.str();
  std::ostringstream json;
  WriteFieldJson(*e, json);
  EXPECT_NE(json.str().find("\"type\": \"[]Object\""), std::string::npos);
  std::ostringstream man;
  WriteFieldMan(*e, man);
  EXPECT_EQ(man.str().rfind(".SH IngressRouteTCP.spec.routes.services", 0), 0U) << man.str();
}

}  // namespace
}  // namespace irtcp::explain
