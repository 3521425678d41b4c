#include "core/docs/cli_doc.h"

#include <gtest/gtest.h>

namespace irtcp::docs {
namespace {

CliDoc SmallCli() {
  CliDoc cli;
  cli.version = "9.9";
  CommandDoc validate{"validate", "Check manifests", {}, {}};
  validate.options.push_back(OptionDoc{{"o"},
                                       {"output"},
                                       "TEXT",
                                       "Output format",
                                       "Options",
                                       {"text", "json"},
                                       ValueKind::kChoice,
                                       false});
  validate.options.push_back(
      OptionDoc{{}, {"select"}, "CODE", "Codes", "Options", {}, ValueKind::kCode, true});
  validate.options.push_back(
      OptionDoc{{}, {"fix"}, "", "Apply fixes", "Options", {}, ValueKind::kNone, false});
  validate.positionals.push_back(PositionalDoc{"paths", "PATH", "", false, true, ValueKind::kPath});
  cli.commands.push_back(validate);
  cli.commands.push_back(CommandDoc{"help", "Show help", {}, {}});
  return cli;
}

ExplainWords Words() {
  return ExplainWords{{"IRT301", "IRT302", "IRT401"}, {"service-missing"}, {"TLSOption"}};
}

TEST(Roff, Escape) {
  EXPECT_EQ(RoffEscape("--fix"), "\\-\\-fix");
  EXPECT_EQ(RoffEscape("a\\b"), "a\\eb");
  EXPECT_EQ(RoffEscape(".irtcp.yaml"), "\\&.irtcp.yaml");
  EXPECT_EQ(RoffEscape("'x"), "\\&'x");
}

TEST(Roff, Markdown) {
  struct Case {
    const char* name;
    const char* markdown;
    const char* roff;
  };
  constexpr Case kCases[] = {
      {"heading and paragraph", "## Why\nTraefik drops\nthe router.\n",
       ".PP\n\\fBWhy\\fR\n.br\nTraefik drops\nthe router.\n"},
      {"code spans", "Use `tls: {}` or ``HostSNI(`*`)``.\n",
       ".PP\nUse \\fBtls: {}\\fR or \\fBHostSNI(`*`)\\fR.\n"},
      {"list", "- one\n- `two`\n", ".IP \\(bu 2\none\n.IP \\(bu 2\n\\fBtwo\\fR\n"},
      {"fenced code", "```yaml\n.a: -1\n```\n", ".PP\n.RS 4\n.nf\n\\&.a: \\-1\n.fi\n.RE\n"},
      {"leading dot", ".spec is\n", ".PP\n\\&.spec is\n"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(MarkdownToRoff(c.markdown), c.roff);
  }
}

TEST(Man1, MarkersReplacedAndTextKept) {
  const std::string page = GenerateMan1(SmallCli(),
                                        ".\\\" irtcp-gen: header\n.SH NAME\nx\n"
                                        ".\\\" irtcp-gen: commands\n.\\\" irtcp-gen: options\n");
  EXPECT_NE(page.find(".TH IRTCP 1 \"\" \"irtcp 9.9\" \"User Commands\"\n"), std::string::npos);
  EXPECT_NE(page.find(".SH NAME\nx\n"), std::string::npos);
  EXPECT_NE(page.find(".TP\n.B validate\nCheck manifests.\n"), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-o\\fR, \\fB\\-\\-output\\fR text|json\nOutput format (validate)"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("irtcp-gen"), std::string::npos);
}

TEST(KubectlComplete, Cases) {
  struct Case {
    const char* name;
    std::vector<std::string> args;
    const char* out;
  };
  const Case cases[] = {
      {"subcommand", {"va"}, "validate\n:4\n"},
      {"all subcommands (explain only once it is one)",
       {""},
       "validate\nhelp\n--help\n--version\n:4\n"},
      {"flag value", {"validate", "-o", ""}, "text\njson\n:4\n"},
      {"flags", {"validate", "--s"}, "--select\n:4\n"},
      {"codes", {"validate", "--select", "IRT30"}, "IRT301\nIRT302\n:4\n"},
      {"paths", {"validate", "x"}, ":0\n"},
      {"explain topics from the registry", {"explain", "IRT30"}, "IRT301\nIRT302\n:0\n"},
      {"explain kinds", {"explain", "TLS"}, "TLSOption\n:0\n"},
      {"help topics", {"help", "v"}, "validate\n:4\n"},
      {"unknown word", {"nope", ""}, ":4\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CompleteForKubectl(SmallCli(), Words(), c.args), c.out);
  }
}

TEST(Completions, ExplainWordsWithoutAnExplainCommand) {
  const std::string bash = GenerateBash(SmallCli(), Words());
  EXPECT_NE(bash.find("_irtcp_codes=\"IRT301 IRT302 IRT401\""), std::string::npos);
  EXPECT_NE(bash.find("    explain)\n"), std::string::npos);
  const std::string fish = GenerateFish(SmallCli(), Words());
  EXPECT_NE(fish.find("__fish_seen_subcommand_from explain\" -F -a 'IRT301"), std::string::npos)
      << fish;
  const std::string zsh = GenerateZsh(SmallCli(), Words());
  EXPECT_NE(zsh.find("        explain)\n"), std::string::npos);
  EXPECT_NE(zsh.find("'*--select[Codes]:code:_irtcp_codes'"), std::string::npos) << zsh;
  EXPECT_NE(zsh.find("'(-o --output)'{-o,--output}'[Output format]:TEXT:(text json)'"),
            std::string::npos)
      << zsh;
}

}  // namespace
}  // namespace irtcp::docs
