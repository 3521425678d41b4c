// `irtcp explain IRT304` / `irtcp explain external-name-port-mismatch`: a finding kind's
// documentation from the registry (core/lint/registry.cc) with its default severity, whether
// --fix can fix it, and its example run live; `irtcp explain --rules`: every code irtcp can
// report, for the terminal, JSON, the README table (markdown) and the rules man page.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/explain/text.h"

namespace irtcp::explain {

/// A small input that triggers one code (core/explain/rule_examples.cc).
struct RuleExample {
  // A constructor rather than aggregate initialisation: most examples leave the last fields
  // out, which -Wmissing-field-initializers rejects.
  constexpr RuleExample(std::string_view rule_code, std::string_view manifests,
                        std::string_view static_config = {}, std::string_view other_flags = {},
                        std::uint64_t size_limit = 0, std::string_view why_none = {})
      : code(rule_code),
        yaml(manifests),
        traefik_yaml(static_config),
        flags(other_flags),
        max_file_size(size_limit),
        no_example(why_none) {}

  std::string_view code;
  std::string_view yaml;            ///< the manifests, checked as "example.yaml"
  std::string_view traefik_yaml;    ///< Traefik's static configuration it needs ("" = none)
  std::string_view flags;           ///< other flags, as the user would type them
  std::uint64_t max_file_size = 0;  ///< --max-file-size the flags set (0 = default)
  std::string_view no_example;      ///< why there is no example (yaml is then empty)
};

std::span<const RuleExample> RuleExamples();
const RuleExample* FindExample(std::string_view code);

/// The file name the examples are checked under.
inline constexpr std::string_view kExampleFile = "example.yaml";

/// The group a code belongs to ("input and schema", "rule language", ...), from its number.
std::string_view RuleGroup(std::string_view code);

/// One finding kind explained.
struct RuleExplanation {
  const diag::RuleInfo* info = nullptr;
  const RuleExample* example = nullptr;    ///< nullptr: no example
  std::vector<diag::Diagnostic> findings;  ///< the example's findings of this code
  std::size_t other_findings = 0;          ///< the example's findings of other codes
  std::string example_error;               ///< the example could not run (an irtcp bug)
};

/// Runs the example of `rule` (when it has one) and collects its findings.
RuleExplanation ExplainRule(const diag::RuleInfo& rule);

/// Text: code, name, summary, severity, fix, the rendered explanation, the example and the
/// findings it produces (with their source snippet).
void WriteRuleText(const RuleExplanation& e, const TextStyle& style, std::ostream& out);
void WriteRuleJson(const RuleExplanation& e, std::ostream& out);
void WriteRuleMarkdown(const RuleExplanation& e, std::ostream& out);
void WriteRuleMan(const RuleExplanation& e, std::ostream& out);

/// `--rules`: one line per code, grouped.
void WriteRuleListText(const TextStyle& style, std::ostream& out);
/// `--rules -o json`: every code with its documentation.
void WriteRuleListJson(std::ostream& out);
/// `--rules -o markdown`: the README's rule table.
void WriteRuleListMarkdown(std::ostream& out);
/// `--rules -o man`: the irtcp-rules(7) page, every rule in full. `date` and `version` go to
/// the .TH line.
void WriteRuleListMan(std::string_view version, std::ostream& out);

/// "never", "sometimes", "always" (`--fix` availability).
std::string_view FixName(diag::FixAvailability fix);

}  // namespace irtcp::explain
