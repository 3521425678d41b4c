// Runs the Traefik v3.7 TCP rule conformance corpus (testdata/conformance/traefik/rule-cases,
// vendored) against
// core/rule_lang: parse.yml, match.yml and priority.yml.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/priority.h"
#include "core/rule_lang/route_table.h"
#include "core/rule_lang/router_check.h"
#include "tests/golden.h"

namespace irtcp::rule_lang {
namespace {

YAML::Node LoadCases(const std::string& file) {
  return YAML::LoadFile(
      (irtcp::testing::TestdataDir() / "conformance" / "traefik" / "rule-cases" / file).string());
}

std::string Str(const YAML::Node& n) { return n ? n.as<std::string>() : std::string(); }

std::vector<std::string> StrList(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence()) {
    for (const auto& v : n) {
      out.push_back(v.as<std::string>());
    }
  }
  return out;
}

Syntax SyntaxOf(const YAML::Node& item) { return SyntaxFromString(Str(item["syntax"])); }

Matcher MatcherFromRule(const std::string& rule) {
  std::string name = rule.substr(0, rule.find('('));
  if (name == "HostSNI") {
    return Matcher::kHostSni;
  }
  if (name == "HostSNIRegexp") {
    return Matcher::kHostSniRegexp;
  }
  if (name == "ClientIP") {
    return Matcher::kClientIp;
  }
  if (name == "ALPN") {
    return Matcher::kAlpn;
  }
  return Matcher::kOther;
}

struct Tally {
  int ran = 0;
  std::vector<std::string> skipped;
  void Report(const char* what) {
    std::string ids;
    for (const std::string& s : skipped) {
      ids += (ids.empty() ? "" : ", ") + s;
    }
    std::printf("[rule-conformance] %s: %d cases ran, %zu skipped%s%s\n", what, ran, skipped.size(),
                ids.empty() ? "" : ": ", ids.c_str());
    ::testing::Test::RecordProperty(std::string(what) + "_ran", ran);
    ::testing::Test::RecordProperty(std::string(what) + "_skipped", ids);
  }
};

// Compares a normalised tree with the corpus form {matcher, not, value} / {matcher: and|or,
// left, right}.
void ExpectTree(const NormNode& n, const YAML::Node& want) {
  std::string m = Str(want["matcher"]);
  if (m == "and" || m == "or") {
    ASSERT_NE(n.kind, NormNode::Kind::kLeaf);
    EXPECT_EQ(n.kind == NormNode::Kind::kAnd ? "and" : "or", m);
    ExpectTree(*n.left, want["left"]);
    ExpectTree(*n.right, want["right"]);
    return;
  }
  ASSERT_EQ(n.kind, NormNode::Kind::kLeaf);
  std::string got_name = n.call->name;
  for (char& c : got_name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(got_name, m);
  EXPECT_EQ(n.negated, want["not"].as<bool>());
  std::vector<std::string> values;
  for (const Arg& a : n.call->args) {
    values.push_back(a.value);
  }
  EXPECT_EQ(values, StrList(want["value"]));
}

bool CheckRuleErrors(const NormNode& n) {
  if (n.kind != NormNode::Kind::kLeaf) {
    return true;  // rules.CheckRule errors on and/or nodes (no values)
  }
  if (n.call->args.empty()) {
    return true;
  }
  for (const Arg& a : n.call->args) {
    if (a.value.empty()) {
      return true;
    }
  }
  return false;
}

void RunParserLevel(const YAML::Node& item) {
  ParseOptions opts;
  opts.matchers = StrList(item["parser_matchers"]);
  Error err;
  std::optional<MatchExpr> rule = Parse(Str(item["rule"]), opts, &err);
  bool valid = item["valid"].as<bool>();
  ASSERT_EQ(rule.has_value(), valid) << err.message;
  if (!valid) {
    if (item["derived_error"]) {
      EXPECT_EQ(err.message, Str(item["derived_error"]));
    }
    return;
  }
  auto norm = Normalize(*rule->root);
  ExpectTree(*norm, item["tree"]);
  const YAML::Node& cre = item["check_rule_error"];
  if (cre.IsScalar()) {
    EXPECT_EQ(CheckRuleErrors(*norm), cre.as<bool>());
  } else if (cre.IsMap()) {
    EXPECT_EQ(CheckRuleErrors(*norm), cre["root"].as<bool>());
    EXPECT_EQ(CheckRuleErrors(*norm->left), cre["left"].as<bool>());
    EXPECT_EQ(CheckRuleErrors(*norm->right), cre["right"].as<bool>());
  }
  // tree.ParseMatchers(matchers): lower-cased values of the named matchers, in order.
  std::vector<std::string> wanted = StrList(item["matchers"]);
  std::vector<std::string> values;
  ForEachCall(*rule->root, [&](const Node& call) {
    for (const std::string& m : wanted) {
      std::string lower = call.name;
      for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (m == lower) {
        for (const Arg& a : call.args) {
          values.push_back(a.value);
        }
      }
    }
  });
  EXPECT_EQ(values, StrList(item["values"]));
}

void RunMuxerLevel(const YAML::Node& item) {
  std::string rule = Str(item["rule"]);
  Error err;
  auto compiled = Compile(rule, SyntaxOf(item), &err);
  bool valid = item["valid"].as<bool>();
  ASSERT_EQ(compiled.has_value(), valid) << AddRouteMessage(err, rule);
  if (!valid && item["derived_error"]) {
    EXPECT_EQ(AddRouteMessage(err, rule), Str(item["derived_error"]));
    EXPECT_LE(err.begin, err.end);
    EXPECT_LE(err.end, rule.size());
  }
}

void RunParseHostSni(const YAML::Node& item) {
  Error err;
  auto hosts = ParseHostSni(Str(item["rule"]), &err);
  bool valid = item["valid"].as<bool>();
  ASSERT_EQ(hosts.has_value(), valid) << err.message;
  if (!valid) {
    EXPECT_EQ(err.message, Str(item["derived_error"]));
    return;
  }
  EXPECT_EQ(*hosts, StrList(item["hostsni"]));
}

void RunMatcherFn(const YAML::Node& item) {
  Error err;
  auto compiled = CompileMatcherCall(MatcherFromRule(Str(item["rule"])), StrList(item["args"]),
                                     SyntaxOf(item), &err);
  bool valid = item["valid"].as<bool>();
  ASSERT_EQ(compiled.has_value(), valid) << err.message;
  if (!valid && item["derived_error"]) {
    EXPECT_EQ(err.message, Str(item["derived_error"]));
  }
}

// Returns false when the row is not about rules (skipped).
bool RunRouterLevel(const YAML::Node& item) {
  if (!item["routers"] || item["service"] || item["http_routers"]) {
    return false;
  }
  bool rule_related = false;
  for (const auto& r : item["routers"]) {
    if (r["service"]) {
      return false;  // a service error, not a rule error
    }
    rule_related = true;
  }
  if (!rule_related) {
    return false;
  }
  int routers_with_errors = 0;
  std::vector<std::string> all;
  for (const auto& r : item["routers"]) {
    RouterMatchInput in;
    std::string name = Str(r["name"]);
    std::string rule = Str(r["rule"]);
    in.name = name;
    in.match = rule;
    in.syntax = SyntaxOf(item);
    in.priority = r["priority"] ? r["priority"].as<std::int64_t>() : 0;
    in.has_tls = r["tls"] && !r["tls"].IsNull();
    in.passthrough = in.has_tls && r["tls"]["passthrough"] && r["tls"]["passthrough"].as<bool>();
    std::vector<std::string> errs = RouterMatchErrors(in);
    if (!errs.empty()) {
      ++routers_with_errors;
    }
    all.insert(all.end(), errs.begin(), errs.end());
  }
  EXPECT_EQ(routers_with_errors, item["expected_error_count"].as<int>());
  EXPECT_EQ(routers_with_errors == 0, item["valid"].as<bool>());
  if (item["derived_error"]) {
    EXPECT_NE(std::find(all.begin(), all.end(), Str(item["derived_error"])), all.end())
        << "got " << ::testing::PrintToString(all);
  }
  return true;
}

TEST(RuleConformance, ParseCases) {
  YAML::Node cases = LoadCases("parse.yml");
  Tally tally;
  for (const auto& item : cases) {
    std::string id = Str(item["id"]);
    SCOPED_TRACE(id);
    std::string level = Str(item["level"]);
    if (level == "parser") {
      RunParserLevel(item);
    } else if (level == "muxer") {
      RunMuxerLevel(item);
    } else if (level == "parsehostsni") {
      RunParseHostSni(item);
    } else if (level == "matcherfn") {
      RunMatcherFn(item);
    } else if (level == "router") {
      if (!RunRouterLevel(item)) {
        tally.skipped.push_back(id);
        continue;
      }
    } else {
      ADD_FAILURE() << "unknown level " << level;
      continue;
    }
    ++tally.ran;
  }
  tally.Report("parse.yml");
  EXPECT_EQ(tally.ran + static_cast<int>(tally.skipped.size()), 162);
}

Connection ConnectionOf(const YAML::Node& item) {
  const YAML::Node& c = item["connection"];
  std::vector<std::string> alpn = StrList(c["alpn"]);
  if (Str(item["conn_via"]) == "NewConnData") {
    return Connection::FromPeer(Str(c["serverName"]), alpn, Str(c["remoteAddr"]));
  }
  Connection conn;
  conn.server_name = Str(c["serverName"]);
  conn.alpn = alpn;
  conn.remote_ip = Str(c["remoteIP"]);
  return conn;
}

TEST(RuleConformance, MatchCases) {
  YAML::Node cases = LoadCases("match.yml");
  Tally tally;
  for (const auto& item : cases) {
    std::string id = Str(item["id"]);
    SCOPED_TRACE(id);
    Error err;
    std::optional<CompiledMatch> rule;
    if (Str(item["level"]) == "matcherfn") {
      rule = CompileMatcherCall(MatcherFromRule(Str(item["rule"])), StrList(item["args"]),
                                SyntaxOf(item), &err);
    } else {
      rule = Compile(Str(item["rule"]), SyntaxOf(item), &err);
    }
    ++tally.ran;
    ASSERT_TRUE(rule.has_value()) << err.message;
    EXPECT_EQ(rule->Matches(ConnectionOf(item)), item["matched"].as<bool>());
    if (item["catch_all"]) {
      EXPECT_EQ(rule->catch_all(), item["catch_all"].as<bool>());
    }
  }
  tally.Report("match.yml");
  EXPECT_EQ(tally.ran, 193);
}

// The cases run per syntax: the v2 ones are also what Traefik 2.10/2.11 run (their matchers are
// v3's matcher_v2.go, versions.md §3.2), the v3 ones what 3.x runs by default.
TEST(RuleConformance, BothSyntaxesAreCovered) {
  for (const char* file : {"parse.yml", "match.yml"}) {
    SCOPED_TRACE(file);
    int v2 = 0;
    int v3 = 0;
    for (const auto& item : LoadCases(file)) {
      (SyntaxOf(item) == Syntax::kV2 ? v2 : v3) += 1;
    }
    std::printf("%s: %d v2 cases, %d v3 cases\n", file, v2, v3);
    EXPECT_GT(v2, 50);
    EXPECT_GT(v3, 50);
  }
}

TEST(RuleConformance, PriorityCases) {
  YAML::Node cases = LoadCases("priority.yml");
  Tally tally;
  for (const auto& item : cases) {
    std::string id = Str(item["id"]);
    SCOPED_TRACE(id);
    std::string kind = Str(item["kind"]);
    if (kind == "muxer_priority") {
      RouteTable table(StrList(item["providers_precedence"]));
      int n = 0;
      for (const auto& r : item["routes"]) {
        RouteSpec spec;
        spec.id = std::to_string(n++);
        spec.match = Str(r["rule"]);
        spec.priority = r["priority"].as<std::int64_t>();
        spec.raw_priority = true;  // the muxer takes priorities verbatim
        spec.provider = Str(r["provider"]);
        Error err;
        ASSERT_TRUE(table.Add(spec, &err)) << err.message;
      }
      table.Build();
      Connection conn;
      conn.server_name = Str(item["connection"]["serverName"]);
      const Route* winner = table.Pick(conn);
      ASSERT_NE(winner, nullptr);
      EXPECT_EQ(winner->match.expr().text, Str(item["winner"]["rule"]));
      EXPECT_EQ(winner->provider, Str(item["winner"]["provider"]));
      EXPECT_EQ(winner, table.PickLinear(conn));
    } else if (kind == "default_priority") {
      EXPECT_EQ(DefaultPriority(Str(item["rule"])), item["expected"].as<std::int64_t>());
    } else {
      tally.skipped.push_back(id);  // entrypoint_routing: the proxy issue
      continue;
    }
    ++tally.ran;
  }
  tally.Report("priority.yml");
  EXPECT_EQ(tally.ran, 8);
}

}  // namespace
}  // namespace irtcp::rule_lang
