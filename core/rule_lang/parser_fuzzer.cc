// libFuzzer target: the rule parser must never crash, and whatever parses must print and
// re-parse to an equal tree, and validate the same way, in both syntaxes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/printer.h"
#include "core/rule_lang/priority.h"

namespace {
void Check(bool ok) {
  if (!ok) {
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp::rule_lang;  // NOLINT(google-build-using-namespace): fuzzer entry point
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)DefaultPriority(text);
  Error err;
  std::optional<MatchExpr> rule = Parse(text, &err);
  if (!rule) {
    Check(err.begin <= err.end && err.end <= size);
    return 0;
  }
  std::string printed = Print(*rule->root);
  Error err2;
  std::optional<MatchExpr> again = Parse(printed, &err2);
  Check(again.has_value());
  Check(Equal(*rule->root, *again->root));
  for (Syntax syntax : {Syntax::kV3, Syntax::kV2}) {
    Error e1;
    Error e2;
    auto c1 = CompileMatch(std::move(*Parse(text, nullptr)), syntax, &e1);
    bool v2 = Validate(*again, syntax, &e2);
    Check(c1.has_value() == v2);
    if (c1) {
      Connection conn;
      conn.server_name = "example.com";
      conn.remote_ip = "10.0.0.1";
      conn.alpn = {"h2"};
      (void)c1->Matches(conn);
    } else {
      Check(e1.begin <= e1.end && e1.end <= size);
    }
    if (syntax == Syntax::kV2 && v2) {
      (void)TranslateV2ToV3(*rule, nullptr);
    }
  }
  return 0;
}
