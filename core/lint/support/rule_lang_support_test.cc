// Unit tests of the helpers the rule-language rules (IRT1xx) share (the YAML edits their fixes
// use are tested in core/fix/yaml_edit_test.cc). Their golden outputs are
// run by tests/rules_golden_test.cc.
#include "core/lint/support/rule_lang_support.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::lint {
namespace {

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
