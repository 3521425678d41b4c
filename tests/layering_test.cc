// The layering of STYLE.md §1.1, checked on the source text: core/ knows nothing of the CLI,
// Asio or TLS (only core/proxy/ may use Asio and libssl), and core/lint/rules/ holds one file
// per lint rule. The link graph already rejects some of this (CLI11 is not on irtcp_core's
// include path); this test names the file and line, and also covers headers nobody compiles yet.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

/// Files under `dir` (relative to the source tree, with a trailing '/'), except those under
/// `except` ("" for none), must not include a header whose spelling, delimiters included
/// (`<asio.hpp>`, `"cli/io.h"`), matches `forbidden` (an RE2 pattern, searched).
struct LayerRule {
  std::string_view dir;
  std::string_view except;
  std::string_view forbidden;
  std::string_view why;
};

constexpr LayerRule kLayerRules[] = {
    {"core/", "core/proxy/", R"(^<CLI/)", "CLI11 belongs to cli/"},
    {"core/", "core/proxy/", R"(^<asio[/.>])", "Asio belongs to core/proxy/"},
    {"core/", "core/proxy/", R"(^<openssl/(ssl|ssl2|ssl3|tls1|dtls1|srtp|sslerr|quic)\.h>)",
     "libssl belongs to core/proxy/ (libcrypto headers are fine)"},
    {"core/", "", R"(^"cli/)", "core/ must not depend on cli/"},
    {"core/lint/", "", R"(^"core/resolve/)",
     "core/resolve/ builds on the provider model; lint must not depend on it"},
    {"core/provider/", "", R"(^"core/(lint|resolve|render|run)/)",
     "the provider model is below the lint rules and every consumer"},
};

struct Include {
  int line = 0;
  std::string spelling;  // with its delimiters
};

std::vector<Include> IncludesOf(const std::string& text) {
  static const re2::RE2 kInclude(R"(^\s*#\s*include\s*([<"][^>"]*[>"]))");
  std::vector<Include> out;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string spelling;
    if (re2::RE2::PartialMatch(line, kInclude, &spelling)) {
      out.push_back({n, spelling});
    }
  }
  return out;
}

/// "path:line: includes X (why)" for every include of `text` (the file at `path`, relative to
/// the source tree) that a rule forbids.
std::vector<std::string> Violations(const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  for (const Include& inc : IncludesOf(text)) {
    for (const LayerRule& rule : kLayerRules) {
      if (!path.starts_with(rule.dir) || (!rule.except.empty() && path.starts_with(rule.except))) {
        continue;
      }
      if (re2::RE2::PartialMatch(inc.spelling, re2::RE2(rule.forbidden))) {
        out.push_back(path + ":" + std::to_string(inc.line) + ": includes " + inc.spelling + " (" +
                      std::string(rule.why) + ")");
      }
    }
  }
  return out;
}

bool IsSource(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".cc" || ext == ".h" || ext == ".hpp" || ext == ".inc";
}

/// Source files under `dir` of the source tree, as paths relative to it ("core/yaml/tree.h").
std::vector<std::string> SourcesUnder(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / dir)) {
    if (entry.is_regular_file() && IsSource(entry.path())) {
      out.push_back(fs::relative(entry.path(), SourceDir()).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Layering, CheckerFindsEachForbiddenInclude) {
  const std::string text =
      "#include <CLI/CLI.hpp>\n"
      "// #include <asio.hpp> in a comment is fine\n"
      "  #  include <asio/ip/tcp.hpp>\n"
      "#include <openssl/evp.h>\n"
      "#include <openssl/ssl.h>\n"
      "#include <openssl/tls1.h>\n"
      "#include \"cli/cmd_validate.h\"\n"
      "#include \"core/cli_like.h\"\n"
      "#include <asiolike>\n";
  const std::string libssl = " (libssl belongs to core/proxy/ (libcrypto headers are fine))";
  const std::string cli = " (core/ must not depend on cli/)";
  EXPECT_EQ(Violations("core/x/y.cc", text),
            (std::vector<std::string>{
                "core/x/y.cc:1: includes <CLI/CLI.hpp> (CLI11 belongs to cli/)",
                "core/x/y.cc:3: includes <asio/ip/tcp.hpp> (Asio belongs to core/proxy/)",
                "core/x/y.cc:5: includes <openssl/ssl.h>" + libssl,
                "core/x/y.cc:6: includes <openssl/tls1.h>" + libssl,
                "core/x/y.cc:7: includes \"cli/cmd_validate.h\"" + cli,
            }));
  // The proxy may use Asio and libssl, but not the CLI; cli/ itself is not checked.
  EXPECT_EQ(
      Violations("core/proxy/tls.cc", text),
      (std::vector<std::string>{"core/proxy/tls.cc:7: includes \"cli/cmd_validate.h\"" + cli}));
  EXPECT_TRUE(Violations("cli/main.cc", text).empty());
}

TEST(Layering, CoreIncludesNoCliAsioOrLibssl) {
  std::vector<std::string> all;
  for (const std::string& path : SourcesUnder("core")) {
    for (std::string& v : Violations(path, ReadFileOrDie(SourceDir() / path))) {
      all.push_back(std::move(v));
    }
  }
  EXPECT_TRUE(all.empty()) << ::testing::PrintToString(all);
}

TEST(Layering, LintRulesHoldsOneFilePerRule) {
  static const re2::RE2 kRuleFile(R"(core/lint/rules/irt([0-9]{3})_[a-z0-9_]+\.cc)");
  std::map<std::string, std::string> by_code;
  for (const std::string& path : SourcesUnder("core/lint/rules")) {
    std::string number;
    if (!re2::RE2::FullMatch(path, kRuleFile, &number)) {
      ADD_FAILURE() << path
                    << ": core/lint/rules/ holds only rule files named irtNNN_<name>.cc; shared "
                    << "code goes to core/lint/support/";
      continue;
    }
    std::string code = "IRT" + number;
    EXPECT_NE(ReadFileOrDie(SourceDir() / path).find("\"" + code + "\""), std::string::npos)
        << path << " does not define rule " << code;
    auto [it, inserted] = by_code.emplace(code, path);
    EXPECT_TRUE(inserted) << path << " and " << it->second << " are both " << code;
  }
  EXPECT_FALSE(by_code.empty());
}

}  // namespace
}  // namespace irtcp::testing
