#include "core/rule_lang/parser.h"

#include <gtest/gtest.h>

#include <random>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/printer.h"

namespace irtcp::rule_lang {
namespace {

struct ErrorCase {
  const char* name;
  std::string rule;
  ErrorKind kind;
  std::uint32_t begin;
  std::uint32_t end;
  const char* message;
};

TEST(RuleParser, ErrorsCarryKindOffsetsAndGoText) {
  const ErrorCase cases[] = {
      {"empty", "", ErrorKind::kMissingOperand, 0, 0, "1:1: expected operand, found 'EOF'"},
      {"dangling and", "m(`1`) &&", ErrorKind::kMissingOperand, 9, 9,
       "1:10: expected operand, found 'EOF'"},
      {"newline trap", "HostSNI(`a`)\n&& ALPN(`h2`)", ErrorKind::kUnexpectedNewline, 13, 15,
       "2:1: expected 'EOF', found '&&'"},
      {"semicolon", "HostSNI(`a`);", ErrorKind::kTrailingTokens, 12, 13,
       "1:13: expected 'EOF', found ';'"},
      {"and word", "HostSNI(`a`) and ALPN(`b`)", ErrorKind::kTrailingTokens, 13, 16,
       "1:14: expected 'EOF', found and"},
      {"unclosed paren", "(HostSNI(`1`)", ErrorKind::kUnexpectedNewline, 13, 13,
       "1:14: expected ')', found newline"},
      {"raw unterminated", "m(`1)", ErrorKind::kUnterminatedString, 2, 3,
       "1:3: raw string literal not terminated"},
      {"unknown escape", "HostSNI(\"a\\qb\")", ErrorKind::kBadEscape, 10, 11,
       "1:11: unknown escape sequence"},
      {"rune", "HostSNI('ab')", ErrorKind::kBadRuneLiteral, 8, 9, "1:9: illegal rune literal"},
      {"char arg", "HostSNI('a')", ErrorKind::kArgumentType, 8, 11,
       "unsupported function argument type: 'CHAR'"},
      {"missing comma", "HostSNI(`a` `b`)", ErrorKind::kMissingComma, 12, 15,
       "1:13: missing ',' in argument list"},
      {"newline in args", "HostSNI(`a`\n)", ErrorKind::kUnexpectedNewline, 11, 12,
       "1:12: missing ',' before newline in argument list"},
      {"equality", "HostSNI(`a`) == HostSNI(`b`)", ErrorKind::kUnsupportedOperator, 13, 15,
       "== is not supported"},
      {"bit and", "HostSNI(`a`) & HostSNI(`b`)", ErrorKind::kUnsupportedOperator, 13, 14,
       "& is not supported"},
      {"minus", "-HostSNI(`a`)", ErrorKind::kUnsupportedOperator, 0, 1, "- is not supported"},
      {"ident arg", "HostSNI(foo)", ErrorKind::kUndefinedIdentifier, 8, 11, "foo is not defined"},
      {"selector arg", "HostSNI(foo.bar)", ErrorKind::kUndefinedIdentifier, 8, 15,
       "foo.bar is not defined"},
      {"bare ident", "rulewithnotmatcher", ErrorKind::kUndefinedIdentifier, 0, 18,
       "rulewithnotmatcher is not defined"},
      {"method", "x.HostSNI(`a`)", ErrorKind::kUnsupportedFunction, 0, 9,
       "unsupported function: x.HostSNI"},
      {"bad case", "hostSNI(`a`)", ErrorKind::kUnsupportedFunction, 0, 7,
       "unsupported function: hostSNI"},
      {"http matcher", "HostSNI(`a`) || Host(`a`)", ErrorKind::kUnsupportedFunction, 16, 20,
       "unsupported function: Host"},
      {"number", "HostSNI(1)", ErrorKind::kArgumentType, 8, 9,
       "reflect: Call using int as type string"},
      {"index", "HostSNI(`a`)[0]", ErrorKind::kUnsupportedExpression, 12, 13,
       "properties are not supported"},
      {"literal rule", "\"HostSNI\"", ErrorKind::kNotATree, 0, 9, ""},
      {"literal operand", "HostSNI(`a`) && `b`", ErrorKind::kArgumentType, 16, 19,
       "reflect: Call using string as type rules.TreeBuilder"},
      {"nul", std::string("HostSNI(`a\0`)", 13), ErrorKind::kIllegalCharacter, 10, 11,
       "1:11: illegal character NUL"},
      {"bad utf8", "HostSNI(`\xff`)", ErrorKind::kIllegalCharacter, 9, 10,
       "1:10: illegal UTF-8 encoding"},
      {"form feed", "HostSNI(`a`)\f", ErrorKind::kIllegalCharacter, 12, 13,
       "1:13: illegal character U+000C"},
      {"comment newline", "HostSNI(`a`) /* x\n */ && ALPN(`b`)", ErrorKind::kUnexpectedNewline, 22,
       24, "2:5: expected 'EOF', found '&&'"},
      {"unterminated comment", "HostSNI(`a`) && /* x", ErrorKind::kUnterminatedComment, 16, 17,
       "1:17: comment not terminated"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    Error err;
    EXPECT_FALSE(Parse(c.rule, &err).has_value());
    EXPECT_EQ(err.kind, c.kind) << ErrorKindName(err.kind) << " " << err.message;
    EXPECT_EQ(err.begin, c.begin);
    EXPECT_EQ(err.end, c.end);
    EXPECT_EQ(err.message, c.message);
    EXPECT_EQ(err.stage, ErrorStage::kParse);
  }
}

// go/parser stops at 100,000 levels of nesting; irtcp's recursive parser stops at 1,000 with
// the same message, before the stack does (the rule_parser fuzzer's corpus overflowed it).
TEST(RuleParser, DeepNestingIsAnErrorNotAStackOverflow) {
  Error err;
  std::string deep = std::string(50000, '(') + "HostSNI(`a`)" + std::string(50000, ')');
  EXPECT_FALSE(Parse(deep, &err).has_value());
  EXPECT_NE(err.message.find("exceeded max nesting depth"), std::string::npos) << err.message;
  std::string unary(50000, '!');
  EXPECT_FALSE(Parse(unary + "HostSNI(`a`)", &err).has_value());
  EXPECT_NE(err.message.find("exceeded max nesting depth"), std::string::npos) << err.message;
  std::string fine = std::string(100, '(') + "HostSNI(`a`)" + std::string(100, ')');
  EXPECT_TRUE(Parse(fine, &err).has_value()) << err.message;
}

TEST(RuleParser, AcceptsGoLexicalForms) {
  const char* ok[] = {
      "HostSNI(`a`) // comment",
      "HostSNI(`a`) /* x */ && ALPN(`h2`)",
      "HostSNI(`a`) &&\nALPN(`h2`)",
      "HostSNI(`a`)\n",
      "\xEF\xBB\xBFHostSNI(`a`)",
      "HostSNI(`a`,)",
      "HostSNI(`a`...)",
      "HostSNI(`a`, `b`...,)",
      "  HostSNI ( `*` )  ",
      "HostSNI(\n`a`)",
      "!!HostSNI(`a`)",
      "(((HostSNI(`a`))))",
      "HOSTSNI(`a`) || hostsniregexp(`b`) || Clientip(`1.2.3.4`) || Alpn(`h2`)",
      "/* lead */ HostSNI(`a`)",
      "HostSNI(`a`)\t\r\n",
  };
  for (const char* rule : ok) {
    SCOPED_TRACE(rule);
    Error err;
    EXPECT_TRUE(Parse(rule, &err).has_value()) << err.message;
  }
}

TEST(RuleParser, DecodesInterpretedStrings) {
  Error err;
  auto rule = Parse(R"(HostSNI("a\x41\u00e9\U0001F9AD\101\\\"\n"))", &err);
  ASSERT_TRUE(rule) << err.message;
  EXPECT_EQ(rule->root->args[0].value,
            "aA\xC3\xA9\xF0\x9F\xA6\xAD"
            "A\\\"\n");
  EXPECT_EQ(rule->root->args[0].quote, QuoteStyle::kInterpreted);
  auto raw = Parse("HostSNI(`a\r\nb`)", &err);
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->root->args[0].value, "a\nb");  // Go strips \r from raw strings
}

TEST(RuleParser, TreeKeepsOffsets) {
  std::string text = "HostSNI(`a`) && !(ClientIP(`10.0.0.1`) || alpn(\"h2\"))";
  Error err;
  auto rule = Parse(text, &err);
  ASSERT_TRUE(rule) << err.message;
  const Node& root = *rule->root;
  ASSERT_EQ(root.kind, NodeKind::kAnd);
  EXPECT_EQ(root.begin, 0u);
  EXPECT_EQ(root.end, text.size());
  EXPECT_EQ(root.op_begin, text.find("&&"));
  const Node& call = *root.lhs;
  EXPECT_EQ(call.name_end, 7u);
  EXPECT_EQ(call.args[0].begin, 8u);
  EXPECT_EQ(call.args[0].end, 11u);
  const Node& neg = *root.rhs;
  ASSERT_EQ(neg.kind, NodeKind::kNot);
  EXPECT_EQ(neg.begin, text.find('!'));
  const Node& paren = *neg.lhs;
  ASSERT_EQ(paren.kind, NodeKind::kParen);
  EXPECT_EQ(paren.end, text.size());
  const Node& alpn = *paren.lhs->rhs;
  EXPECT_EQ(alpn.name, "ALPN");
  EXPECT_EQ(alpn.spelling, "alpn");
  EXPECT_EQ(alpn.matcher, Matcher::kAlpn);
  EXPECT_EQ(text.substr(alpn.args[0].begin, alpn.args[0].end - alpn.args[0].begin), "\"h2\"");
  auto norm = Normalize(root);
  ASSERT_EQ(norm->kind, NormNode::Kind::kAnd);
  EXPECT_EQ(norm->right->kind, NormNode::Kind::kAnd);  // De Morgan: !(a || b) = !a && !b
  EXPECT_TRUE(norm->right->left->negated);
  EXPECT_TRUE(norm->right->right->negated);
}

struct BuildCase {
  const char* rule;
  Syntax syntax;
  ErrorKind kind;
  std::string_view at;  // text of the reported range
  const char* message;
};

TEST(RuleValidate, ReportsFirstFailingLeafWithRange) {
  const BuildCase cases[] = {
      {"HostSNI(`a`) && HostSNI()", Syntax::kV3, ErrorKind::kNoArgs, "HostSNI()",
       "no args for matcher HostSNI"},
      {"HostSNI(`a`, ``)", Syntax::kV2, ErrorKind::kEmptyArg, "``",
       "empty args for matcher HostSNI, [a ]"},
      {"HostSNI(`a`, `b`)", Syntax::kV3, ErrorKind::kArgCount, "`b`",
       "unexpected number of parameters; got 2, expected 1"},
      {"ALPN(`h2`) || HostSNI(`*.*.a`)", Syntax::kV3, ErrorKind::kInvalidHost, "`*.*.a`",
       "invalid value for HostSNI matcher, \"*.*.a\" is not a valid hostname"},
      {"HostSNI(`a`, `*.b`)", Syntax::kV2, ErrorKind::kInvalidHost, "`*.b`",
       "invalid value for \"HostSNI\" matcher, \"*.b\" is not a valid hostname or IP"},
      {"ALPN(`h2`, `acme-tls/1`)", Syntax::kV2, ErrorKind::kAcmeTlsAlpn, "`acme-tls/1`",
       "invalid protocol value for \"ALPN\" matcher, \"acme-tls/1\" is not allowed"},
      {"ClientIP(`10.0.0.1`, `10.1`)", Syntax::kV2, ErrorKind::kBadIp, "`10.1`",
       "could not initialize IP Checker for \"ClientIP\" matcher: parsing CIDR trusted IPs "
       "<nil>: invalid CIDR address: 10.1"},
      {"ClientIP(`10.0.0.1/33`)", Syntax::kV3, ErrorKind::kBadIp, "`10.0.0.1/33`",
       "initializing IP checker for ClientIP matcher: parsing CIDR trusted IPs <nil>: invalid "
       "CIDR address: 10.0.0.1/33"},
      {"HostSNIRegexp(`a\\C`)", Syntax::kV3, ErrorKind::kBadRegexp, "`a\\C`",
       "compiling HostSNIRegexp matcher: error parsing regexp: invalid escape sequence: `\\C`"},
      {"HostSNIRegexp(`{a`)", Syntax::kV2, ErrorKind::kBadV2Template, "`{a`",
       "invalid pattern value for \"HostSNIRegexp\" matcher, \"{a\" is not a valid pattern: mux: "
       "unbalanced braces in \"{a\""},
  };
  for (const BuildCase& c : cases) {
    SCOPED_TRACE(c.rule);
    Error err;
    std::string text = c.rule;
    EXPECT_FALSE(Compile(text, c.syntax, &err).has_value());
    EXPECT_EQ(err.kind, c.kind) << ErrorKindName(err.kind) << " " << err.message;
    EXPECT_EQ(err.stage, ErrorStage::kBuild);
    ASSERT_LE(err.end, text.size());
    EXPECT_EQ(text.substr(err.begin, err.end - err.begin), c.at);
    EXPECT_EQ(err.message, c.message);
  }
}

TEST(RuleValidate, GoRegexpDialect) {
  Error err;
  EXPECT_TRUE(Compile("HostSNIRegexp(`^(?<sub>[a-z]+)\\.example\\.com$`)", Syntax::kV3, &err))
      << err.message;
  EXPECT_TRUE(Compile("HostSNIRegexp(`[\\C]`)", Syntax::kV3, &err).has_value() ||
              err.kind == ErrorKind::kBadRegexp);
  EXPECT_FALSE(Compile("HostSNIRegexp(`(?<=a)b`)", Syntax::kV3, &err));
  EXPECT_FALSE(Compile("HostSNIRegexp(`a{1001}`)", Syntax::kV3, &err));
  EXPECT_TRUE(Compile("HostSNIRegexp(`example.{tld:(com|org)}`)", Syntax::kV3, &err));
}

// ---------------------------------------------------------------------------------------------
// Property test: random grammatical rules parse, print canonically and re-parse to an equal AST.

class RuleGen {
 public:
  explicit RuleGen(std::uint32_t seed) : rng_(seed) {}

  std::string Rule(int depth) {
    std::string s = Ws() + Expr(depth) + Ws();
    return s;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string Ws() {
    switch (Pick(8)) {
      case 0:
        return " ";
      case 1:
        return "  \t";
      case 2:
        return " /* c */ ";
      default:
        return "";
    }
  }
  // Whitespace allowed after an operator (a newline is fine there, not after `)`).
  std::string OpWs() {
    switch (Pick(6)) {
      case 0:
        return "\n";
      case 1:
        return " // c\n";
      default:
        return Ws();
    }
  }

  std::string Value() {
    static const char* const kValues[] = {"example.com",
                                          "*",
                                          "",
                                          "10.0.0.1",
                                          "10::/16",
                                          "h2",
                                          "a`b",
                                          "caf\xC3\xA9",
                                          "line\nbreak",
                                          "cr\rlf",
                                          "nul-placeholder",
                                          "\xff",
                                          "back\\slash",
                                          "quote\"s",
                                          "{sub:[a-z]+}.x",
                                          "\xEF\xBB\xBF",
                                          "tab\t"};
    int i = Pick(static_cast<int>(std::size(kValues)));
    if (i == 10) {
      return std::string("n\0l", 3);
    }
    return kValues[i];
  }

  std::string Call() {
    static const char* const kNames[] = {"HostSNI",       "hostsni",       "HOSTSNI",  "Hostsni",
                                         "HostSNIRegexp", "hostsniregexp", "ClientIP", "CLIENTIP",
                                         "ALPN",          "alpn",          "Alpn"};
    std::string s = kNames[Pick(static_cast<int>(std::size(kNames)))];
    s += Ws() + "(" + OpWs();
    int n = Pick(4);
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        s += ",";
        s += OpWs();
      }
      s += QuoteArg(Value()) + Ws();
    }
    if (n > 0 && Pick(5) == 0) {
      s += ",";
    }
    return s + ")";
  }

  std::string Expr(int depth) {
    if (depth <= 0) {
      return Call();
    }
    switch (Pick(5)) {
      case 0:
        return Expr(depth - 1) + Ws() + "&&" + OpWs() + Expr(depth - 1);
      case 1:
        return Expr(depth - 1) + Ws() + "||" + OpWs() + Expr(depth - 1);
      case 2:
        return std::string("!").append(OpWs()).append(Expr(depth - 1));
      case 3:
        return std::string("(").append(OpWs()).append(Expr(depth - 1)).append(Ws()).append(")");
      default:
        return Call();
    }
  }

  std::mt19937 rng_;
};

void CheckOffsets(const Node& n, std::string_view text) {
  ASSERT_LE(n.begin, n.end);
  ASSERT_LE(n.end, text.size());
  if (n.kind == NodeKind::kCall) {
    EXPECT_EQ(text.substr(n.begin, n.name_end - n.begin), n.spelling);
    for (const Arg& a : n.args) {
      char q = text[a.begin];
      EXPECT_TRUE(q == '`' || q == '"');
      EXPECT_EQ(text[a.end - 1], q);
    }
    EXPECT_EQ(text[n.end - 1], ')');
    return;
  }
  if (n.lhs) {
    CheckOffsets(*n.lhs, text);
  }
  if (n.rhs) {
    CheckOffsets(*n.rhs, text);
  }
}

TEST(RuleRoundTrip, RandomRulesPrintAndReparseEqual) {
  RuleGen gen(20240611u);
  for (int i = 0; i < 3000; ++i) {
    std::string text = gen.Rule(i % 5);
    SCOPED_TRACE(text);
    Error err;
    auto rule = Parse(text, &err);
    ASSERT_TRUE(rule) << err.message;
    CheckOffsets(*rule->root, text);
    std::string printed = Print(*rule->root);
    auto again = Parse(printed, &err);
    ASSERT_TRUE(again) << printed << ": " << err.message;
    EXPECT_TRUE(Equal(*rule->root, *again->root)) << printed;
    EXPECT_EQ(Print(*again->root), printed);
    // Validity does not depend on how the rule is written.
    for (Syntax syntax : {Syntax::kV3, Syntax::kV2}) {
      Error e1;
      Error e2;
      EXPECT_EQ(Validate(*rule, syntax, &e1), Validate(*again, syntax, &e2));
      EXPECT_EQ(e1.message, e2.message);
    }
  }
}

}  // namespace
}  // namespace irtcp::rule_lang
