// Generated documentation: the man pages and the shell completions, written from a plain
// description of the command line (built from the CLI11 tree by cli/cli_tree.cc) and from the
// rule registry, so that a new subcommand, flag or rule appears in all of them by itself.
// `scripts/gen-docs.sh` regenerates the checked-in files; tests/docs_test.cc fails on drift.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::docs {

/// What a flag's value (or a positional) is, for completion.
enum class ValueKind : std::uint8_t {
  kNone,    ///< a flag without a value
  kFree,    ///< anything: nothing to offer
  kChoice,  ///< one of `choices`
  kFile,    ///< a file name
  kPath,    ///< a file or directory
  kCode,    ///< a rule code or name (--select, --ignore, --severity)
  kTopic,   ///< what `explain` takes: a rule code or name, a kind (or a field path), a file
};

struct OptionDoc {
  std::vector<std::string> shorts;  ///< "o"
  std::vector<std::string> longs;   ///< "output"
  std::string value_name;           ///< "FORMAT", "FILE"; "" for a flag
  std::string description;
  std::string group;  ///< CLI11 group ("Options", "Provider options", ...)
  std::vector<std::string> choices;
  ValueKind value = ValueKind::kNone;
  bool repeatable = false;  ///< may be given more than once (--select A --select B)
};

struct PositionalDoc {
  std::string name;        ///< "paths"
  std::string value_name;  ///< "PATH"
  std::string description;
  bool required = false;
  bool many = false;
  ValueKind value = ValueKind::kPath;
};

struct CommandDoc {
  std::string name;
  std::string description;
  std::vector<OptionDoc> options;  ///< in definition order, without --help
  std::vector<PositionalDoc> positionals;
};

/// The whole command line.
struct CliDoc {
  std::string program = "irtcp";
  std::string version;  ///< "0.1.0"
  std::string description;
  std::vector<CommandDoc> commands;

  const CommandDoc* Find(std::string_view name) const;
};

/// One finding kind, as the rules page and completions need it.
struct RuleDoc {
  std::string code, name, summary, explanation, severity, fix;
};

/// What completions offer after `explain`: rule codes and names, and kind names (as written and
/// in lower case, as kubectl explain accepts them).
struct ExplainWords {
  std::vector<std::string> codes, names, kinds;
};

/// man/irtcp.1: `tmpl` is man/irtcp.1.in, whose lines `.\" irtcp-gen: header|synopsis|commands|
/// options` are replaced by what the CLI definition says; everything else is copied.
std::string GenerateMan1(const CliDoc& cli, std::string_view tmpl);
/// man/irtcp-rules.7: every finding kind with its explanation (markdown turned into roff).
std::string GenerateRulesMan7(const CliDoc& cli, const std::vector<RuleDoc>& rules);
std::string GenerateBash(const CliDoc& cli, const ExplainWords& words);
std::string GenerateZsh(const CliDoc& cli, const ExplainWords& words);
std::string GenerateFish(const CliDoc& cli, const ExplainWords& words);

/// Completion for `kubectl_complete-irtcp` (kubectl's plugin completion protocol, Cobra's
/// `__complete` output): `args` are the words after `kubectl irtcp`, the last one the word being
/// completed (possibly ""). Returns one candidate per line, then `:<directive>` (0: the shell
/// may also complete file names; 4: it may not).
std::string CompleteForKubectl(const CliDoc& cli, const ExplainWords& words,
                               const std::vector<std::string>& args);

/// Markdown (the registry's explanations) as roff body text: `##` headings, paragraphs,
/// `- ` lists, fenced code blocks and `code` spans.
std::string MarkdownToRoff(std::string_view markdown);
/// Escapes text for roff: backslashes, hyphens, and a leading `.` or `'`.
std::string RoffEscape(std::string_view text);

}  // namespace irtcp::docs
