// Unit tests of the helpers the rule-language rules (IRT1xx) share. Their golden outputs are
// run by tests/rules_golden_test.cc.
#include "core/lint/rules/rule_lang_support.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::lint {
namespace {

TEST(RuleLangSupport, EncodeScalarKeepsYamlValid) {
  EXPECT_EQ(EncodeScalar("HostSNI(`a`) || HostSNI(`b`)", true, false),
            "HostSNI(`a`) || HostSNI(`b`)");
  EXPECT_EQ(EncodeScalar("!HostSNI(`a`)", true, false), "'!HostSNI(`a`)'");
  EXPECT_EQ(EncodeScalar("HostSNI(`a`) # x", true, false), "'HostSNI(`a`) # x'");
  EXPECT_EQ(EncodeScalar("HostSNI('a')", false, false), "'HostSNI(''a'')'");
  EXPECT_EQ(EncodeScalar("HostSNI(\"a\\\\b\")", false, true), "\"HostSNI(\\\"a\\\\\\\\b\\\")\"");
}

TEST(RuleLangSupport, ErrorCodes) {
  rule_lang::Error e;
  e.kind = rule_lang::ErrorKind::kUnexpectedNewline;
  e.begin = 13;
  EXPECT_EQ(ErrorCode(e, "HostSNI(`a`)\n|| HostSNI(`b`)"), 105);
  EXPECT_EQ(ErrorCode(e, "(HostSNI(`a`)"), 101);
  e.kind = rule_lang::ErrorKind::kInvalidHost;
  e.begin = 8;
  e.end = 16;
  EXPECT_EQ(ErrorCode(e, "HostSNI(`\xc3\xbc.com`)"), 113);
  EXPECT_EQ(ErrorCode(e, "HostSNI(`a/b.com`)"), 112);
}

}  // namespace
}  // namespace irtcp::lint
