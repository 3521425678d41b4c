#include "core/explain/match_words.h"

#include <gtest/gtest.h>

#include <optional>

#include "core/rule_lang/parser.h"

namespace irtcp::explain {
namespace {

TEST(MatchWords, Table) {
  struct Case {
    const char* rule;
    rule_lang::Syntax syntax;
    const char* want;
  };
  using rule_lang::Syntax;
  const Case cases[] = {
      {"HostSNI(`*`)", Syntax::kV3, "any connection"},
      {"HostSNI(`db.example.com`)", Syntax::kV3, "the server name (SNI) is db.example.com"},
      {"HostSNI(`*.example.com`)", Syntax::kV3,
       "the server name (SNI) is one label under example.com (*.example.com)"},
      {"!HostSNI(`a.example.com`)", Syntax::kV3, "the server name (SNI) is not a.example.com"},
      {"!HostSNI(`*`)", Syntax::kV3, "no connection (the negation of HostSNI(`*`) never matches)"},
      {"HostSNI(`a.com`) || HostSNI(`b.com`)", Syntax::kV3,
       "the server name (SNI) is a.com or the server name (SNI) is b.com"},
      {"HostSNI(`a.com`) && ClientIP(`10.0.0.0/8`)", Syntax::kV3,
       "the server name (SNI) is a.com and the client address is in 10.0.0.0/8"},
      {"HostSNI(`a.com`) && !ClientIP(`10.0.0.1`)", Syntax::kV3,
       "the server name (SNI) is a.com and the client address is not 10.0.0.1"},
      {"(HostSNI(`a.com`) || HostSNI(`b.com`)) && ALPN(`h2`)", Syntax::kV3,
       "(the server name (SNI) is a.com or the server name (SNI) is b.com) and the client "
       "offers the ALPN protocol h2"},
      {"!(HostSNI(`a.com`) && ALPN(`h2`))", Syntax::kV3,
       "the server name (SNI) is not a.com or the client does not offer the ALPN protocol h2"},
      {"HostSNI(`a.com`) || ClientIP(`10.0.0.0/8`) && ALPN(`x`)", Syntax::kV3,
       "the server name (SNI) is a.com or (the client address is in 10.0.0.0/8 and the client "
       "offers the ALPN protocol x)"},
      {"HostSNIRegexp(`^[a-z]+\\.example\\.com$`)", Syntax::kV3,
       "the server name (SNI) matches `^[a-z]+\\.example\\.com$`"},
      {"HostSNIRegexp(`example\\.com`)", Syntax::kV3,
       "the server name (SNI) matches `example\\.com` (a search: the pattern may match "
       "anywhere in the name)"},
      {"HostSNIRegexp(`{sub:[a-z]+}.example.com`)", Syntax::kV2,
       "the server name (SNI) matches `{sub:[a-z]+}.example.com` (v2 template: anchored, "
       "case-insensitive)"},
      {"ClientIP(`10.0.0.0/8`, `192.168.1.7`)", Syntax::kV2,
       "the client address is in 10.0.0.0/8 or 192.168.1.7"},
      {"HostSNI(`a.com`, `b.com`, `c.com`)", Syntax::kV2,
       "the server name (SNI) is a.com, b.com or c.com"},
      {"HostSNI(`*`, `a.com`)", Syntax::kV2, "any connection"},
      {"ALPN(`h2`)", Syntax::kV3, "the client offers the ALPN protocol h2"},
      {"!ALPN(`h2`)", Syntax::kV3, "the client does not offer the ALPN protocol h2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.rule);
    rule_lang::Error err;
    std::optional<rule_lang::MatchExpr> e = rule_lang::Parse(c.rule, &err);
    ASSERT_TRUE(e.has_value()) << err.message;
    EXPECT_EQ(DescribeMatch(*e->root, c.syntax), c.want);
  }
}

}  // namespace
}  // namespace irtcp::explain
