#include "core/rule_lang/matcher.h"

#include <gtest/gtest.h>

#include "core/rule_lang/ip.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/printer.h"
#include "core/rule_lang/priority.h"
#include "core/rule_lang/router_check.h"

namespace irtcp::rule_lang {
namespace {

Connection Conn(std::string sni, std::string ip = "", std::vector<std::string> alpn = {}) {
  Connection c;
  c.server_name = std::move(sni);
  c.remote_ip = std::move(ip);
  c.alpn = std::move(alpn);
  return c;
}

struct MatchCase {
  const char* rule;
  Syntax syntax;
  Connection conn;
  bool matched;
};

TEST(RuleMatcher, Table) {
  const MatchCase cases[] = {
      {"HostSNI(`*.example.com`)", Syntax::kV3, Conn("foo.example.com"), true},
      {"HostSNI(`*.example.com`)", Syntax::kV3, Conn("FOO.Example.com"), true},
      {"HostSNI(`*.example.com`)", Syntax::kV3, Conn("example.com"), false},
      {"HostSNI(`*.example.com`)", Syntax::kV3, Conn("a.b.example.com"), false},
      {"HostSNI(`Example.COM`)", Syntax::kV3, Conn("example.com"), true},
      {"HostSNI(`example.com.`)", Syntax::kV3, Conn("example.com"), true},
      {"HostSNI(`k.com`)", Syntax::kV3, Conn("\xE2\x84\xAA.com"), true},  // Go EqualFold
      {"HostSNI(`a.com`)", Syntax::kV3, Conn(""), false},
      {"HostSNI(`*`)", Syntax::kV3, Conn(""), true},
      {"!HostSNI(`*`)", Syntax::kV3, Conn("a"), false},
      {"HostSNIRegexp(`example\\.com`)", Syntax::kV3, Conn("www.example.com.evil.org"), true},
      {"HostSNIRegexp(`^$`)", Syntax::kV3, Conn(""), true},
      {"HostSNIRegexp(`^(?<x>a)$`)", Syntax::kV3, Conn("a"), true},
      {"HostSNIRegexp(`{sub:[a-z]+}.foo`)", Syntax::kV2, Conn("ABC.foo"), true},
      {"HostSNIRegexp(`{sub:[a-z]+}.foo`)", Syntax::kV2, Conn("abcxfoo"), false},
      {"HostSNIRegexp(`{sub:a{2}}.foo`)", Syntax::kV2, Conn("aa.foo"), true},
      {"ClientIP(`10.0.0.0/8`)", Syntax::kV3, Conn("", "::ffff:10.1.2.3"), true},
      {"ClientIP(`::ffff:10.0.0.1`)", Syntax::kV3, Conn("", "10.0.0.1"), true},
      {"ClientIP(`10.0.0.1`)", Syntax::kV3, Conn("", "::ffff:10.0.0.1"), true},
      {"ClientIP(`::/0`)", Syntax::kV3, Conn("", "10.0.0.1"), false},
      {"ClientIP(`0.0.0.0/0`)", Syntax::kV3, Conn("", "::1"), false},
      {"ClientIP(`::ffff:0:0/96`)", Syntax::kV3, Conn("", "192.168.1.1"), true},
      {"ClientIP(`fe80::/10`)", Syntax::kV3, Conn("", "fe80::1%eth0"), true},
      {"ClientIP(`10.0.0.1`)", Syntax::kV3, Conn("", "010.0.0.1"), false},
      {"ClientIP(`10.0.0.1`)", Syntax::kV3, Conn("", ""), false},
      {"!ClientIP(`10.0.0.1`)", Syntax::kV3, Conn("", "garbage"), true},
      {"ClientIP(`20.20.20.20/24`)", Syntax::kV3, Conn("", "20.20.20.200"), true},
      {"ALPN(`h2`)", Syntax::kV3, Conn("", "", {"http/1.1", "h2"}), true},
      {"ALPN(`H2`)", Syntax::kV3, Conn("", "", {"h2"}), false},
      {"!ALPN(`h2`)", Syntax::kV3, Conn(""), true},
      {"ALPN(`ACME-TLS/1`)", Syntax::kV3, Conn("", "", {"ACME-TLS/1"}), true},
      {"HostSNI(`foo`, `*`)", Syntax::kV2, Conn(""), false},
      {"HostSNI(`*`, `foo`)", Syntax::kV2, Conn(""), true},
      {"HostSNI(`FOO`)", Syntax::kV2, Conn("foo"), true},
      {"ALPN(`a`, `b`)", Syntax::kV2, Conn("", "", {"b"}), true},
  };
  for (const MatchCase& c : cases) {
    SCOPED_TRACE(c.rule);
    Error err;
    auto rule = Compile(c.rule, c.syntax, &err);
    ASSERT_TRUE(rule) << err.message;
    EXPECT_EQ(rule->Matches(c.conn), c.matched);
  }
}

TEST(RuleMatcher, ConnectionFromPeerNormalises) {
  Connection c = Connection::FromPeer("  Example.COM ", {"h2"}, "[fe80::1%eth0]:443");
  EXPECT_EQ(c.server_name, "example.com");
  EXPECT_EQ(c.remote_ip, "fe80::1%eth0");
  EXPECT_EQ(Connection::FromPeer("", {}, "10.0.0.1:80").remote_ip, "10.0.0.1");
  EXPECT_EQ(Connection::FromPeer("", {}, "bogus").remote_ip, "");
}

TEST(RuleIp, ParsesLikeGo) {
  EXPECT_TRUE(ParseIpAddr("1.2.3.4", false));
  EXPECT_FALSE(ParseIpAddr("01.2.3.4", false));
  EXPECT_FALSE(ParseIpAddr("1.2.3", false));
  EXPECT_FALSE(ParseIpAddr("256.1.1.1", false));
  EXPECT_TRUE(ParseIpAddr("::", false));
  EXPECT_TRUE(ParseIpAddr("1::", false));
  EXPECT_TRUE(ParseIpAddr("::ffff:1.2.3.4", false));
  EXPECT_TRUE(ParseIpAddr("1:2:3:4:5:6:7:8", false));
  EXPECT_FALSE(ParseIpAddr("1:2:3:4:5:6:7:8:9", false));
  EXPECT_FALSE(ParseIpAddr("1:2:3:4:5:6:7::8", false) && false);
  EXPECT_FALSE(ParseIpAddr("1::2::3", false));
  EXPECT_FALSE(ParseIpAddr("12345::", false));
  EXPECT_FALSE(ParseIpAddr("fe80::1%eth0", false));
  EXPECT_TRUE(ParseIpAddr("fe80::1%eth0", true));
  EXPECT_FALSE(ParseIpAddr("fe80::1%", true));
  EXPECT_FALSE(ParseIpAddr("[::1]", false));
  EXPECT_FALSE(ParseIpAddr(" 10.0.0.1", false));
  IpChecker checker;
  std::string err;
  std::size_t bad = 0;
  EXPECT_TRUE(checker.Init({"10.0.0.0/08"}, &err, &bad));  // Go's dtoi accepts leading zeros
  EXPECT_FALSE(checker.Init({"10.0.0.0/33"}, &err, &bad));
  EXPECT_FALSE(checker.Init({}, &err, &bad));
  EXPECT_EQ(err, "no trusted IPs provided");
}

struct PriorityCase {
  const char* rule;
  std::int64_t priority;
};

TEST(RulePriority, DefaultPriority) {
  const PriorityCase cases[] = {
      {"HostSNI(`example.org`)", 22},
      {"HostSNI(`*`)", -1},
      {"   HostSNI ( `*` )       ", -1},
      {"HostSNI(\"*\")", -1},
      {"hostsni(\"*\")", -1},
      {"(HostSNI(`*`))", -1},
      {"HostSNI(`*`,)", -1},
      {"!HostSNI(`*`)", -1},
      {"HostSNI(`*`) // all", -1},
      {"HostSNI(`*`, `a`)", 17},
      {"HostSNI(`*`) && ClientIP(`1.2.3.4`)", 35},
      {"HostSNIRegexp(`.*`)", 19},
      {"HostSNI(`caf\xC3\xA9`)", 16},
      {"", 0},
  };
  for (const PriorityCase& c : cases) {
    SCOPED_TRACE(c.rule);
    EXPECT_EQ(DefaultPriority(c.rule), c.priority);
  }
}

TEST(RuleRouterCheck, OrderAndQuirks) {
  RouterMatchInput in;
  in.match = "HostSNI(`*`) || HostSNI(`a.com`)";
  EXPECT_TRUE(RouterMatchErrors(in).empty());
  in.match = "HostSNI(`a.com`) || HostSNI(`*`)";
  ASSERT_EQ(RouterMatchErrors(in).size(), 1u);
  in.match = "HostSNIRegexp(`a`)";
  EXPECT_TRUE(RouterMatchErrors(in).empty());
  in.match = "ClientIP(`1.2.3.4`)";
  in.priority = kMaxUserPriority + 1;
  EXPECT_EQ(RouterMatchErrors(in).size(), 1u);
  in.name = "x@internal";
  EXPECT_TRUE(RouterMatchErrors(in).empty());
}

struct TranslateCase {
  const char* v2;
  const char* v3;
};

TEST(RuleTranslate, V2ToV3) {
  const TranslateCase cases[] = {
      {"HostSNI(`a`, `b`)", "HostSNI(`a`) || HostSNI(`b`)"},
      {"!ClientIP(`1.2.3.4`, `10.0.0.0/8`) && ALPN(`h2`)",
       "!(ClientIP(`1.2.3.4`) || ClientIP(`10.0.0.0/8`)) && ALPN(`h2`)"},
      {"ALPN(`x`) && ALPN(`a`,`b`)", "ALPN(`x`) && (ALPN(`a`) || ALPN(`b`))"},
      {"HostSNIRegexp(`{sub:[a-z]+}.example.com`)",
       "HostSNIRegexp(`(?i)^(?P<v0>[a-z]+)\\.example\\.com$`)"},
      {"HostSNIRegexp(`bar`, `{x}`)",
       "HostSNIRegexp(`(?i)^bar$`) || HostSNIRegexp(`(?i)^(?P<v0>[^.]+)$`)"},
      {"HostSNI(`foo`, `*`)", "HostSNI(`foo`) || HostSNIRegexp(`.`)"},
      {"HostSNI(`*`, `foo`)", "HostSNI(`*`)"},
      {"(hostsni(\"a\"))", "(HostSNI(`a`))"},
  };
  for (const TranslateCase& c : cases) {
    SCOPED_TRACE(c.v2);
    Error err;
    auto v2 = Parse(c.v2, &err);
    ASSERT_TRUE(v2) << err.message;
    auto v3 = TranslateV2ToV3(*v2, &err);
    ASSERT_TRUE(v3) << err.message;
    EXPECT_EQ(*v3, c.v3);
    // Same verdicts on a sample of connections.
    auto a = Compile(c.v2, Syntax::kV2, &err);
    auto b = Compile(*v3, Syntax::kV3, &err);
    ASSERT_TRUE(a && b);
    for (const Connection& conn :
         {Conn(""), Conn("a"), Conn("b"), Conn("foo"), Conn("bar"), Conn("x.example.com"),
          Conn("x.y.example.com"), Conn("", "1.2.3.4", {"h2"}), Conn("", "10.1.1.1", {"a"}),
          Conn("q", "9.9.9.9", {"x", "b"})}) {
      EXPECT_EQ(a->Matches(conn), b->Matches(conn)) << conn.server_name;
    }
  }
  Error err;
  auto bad = Parse("HostSNIRegexp(`caf\xC3\xA9`)", &err);
  ASSERT_TRUE(bad);
  EXPECT_FALSE(TranslateV2ToV3(*bad, &err));
  EXPECT_EQ(err.kind, ErrorKind::kNonAsciiRegexp);
}

TEST(RulePrinter, Canonical) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"  hostsni ( \"a\" ,)  &&!( ALPN(`h2`)||clientip(`1.2.3.4`))",
       "HostSNI(`a`) && !(ALPN(`h2`) || ClientIP(`1.2.3.4`))"},
      {"HostSNI(\"a`b\")", "HostSNI(\"a`b\")"},
      {"HostSNI(\"a\\x00\\rb\")", "HostSNI(\"a\\x00\\rb\")"},
      {"HostSNI(\"\\xff\")", "HostSNI(\"\\xff\")"},
      {"HostSNI(\"\\ufeff\")", "HostSNI(\"\\ufeff\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    Error err;
    auto rule = Parse(c.in, &err);
    ASSERT_TRUE(rule) << err.message;
    EXPECT_EQ(Print(*rule->root), c.out);
  }
  // A hand-built tree gets the parentheses its shape needs.
  auto leaf = [](const char* v) {
    auto n = std::make_unique<Node>();
    n->kind = NodeKind::kCall;
    n->matcher = Matcher::kHostSni;
    n->name = "HostSNI";
    n->args.push_back(Arg{v, QuoteStyle::kRaw, 0, 0});
    return n;
  };
  auto orn = std::make_unique<Node>();
  orn->kind = NodeKind::kOr;
  orn->lhs = leaf("a");
  orn->rhs = leaf("b");
  Node andn;
  andn.kind = NodeKind::kAnd;
  andn.lhs = std::move(orn);
  andn.rhs = leaf("c");
  EXPECT_EQ(Print(andn), "(HostSNI(`a`) || HostSNI(`b`)) && HostSNI(`c`)");
}

}  // namespace
}  // namespace irtcp::rule_lang
