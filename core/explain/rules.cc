#include "core/explain/rules.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/lint/registry.h"
#include "core/report/formatter.h"
#include "core/run/session.h"

namespace irtcp::explain {

namespace {

using nlohmann::json;

struct Group {
  std::string_view prefix;
  std::string_view title;
};
constexpr Group kGroups[] = {
    {"IRT0", "input and schema"},
    {"IRT1", "rule language"},
    {"IRT2", "TLS"},
    {"IRT3", "services"},
    {"IRT4", "cross-resource"},
    {"IRT5", "translation losses"},
    {"IRT9", "meta"},
};

json DiagnosticJson(const diag::Diagnostic& d) {
  json j = json::object();
  j["file"] = d.file != nullptr ? d.file->path() : "";
  j["line"] = d.location.line;
  j["column"] = d.location.column;
  j["severity"] = diag::SeverityName(d.severity);
  j["code"] = d.code();
  j["name"] = d.name();
  j["message"] = d.message;
  if (!d.help.empty()) {
    j["help"] = d.help;
  }
  return j;
}

json RuleJson(const diag::RuleInfo& r) {
  json j = json::object();
  j["code"] = r.code;
  j["name"] = r.name;
  j["group"] = RuleGroup(r.code);
  j["summary"] = r.summary;
  j["severity"] = diag::SeverityName(r.default_severity);
  j["fix"] = FixName(r.fix);
  j["explanation"] = r.explanation;
  return j;
}

std::string FixSentence(diag::FixAvailability fix) {
  switch (fix) {
    case diag::FixAvailability::kAlways:
      return "always (irtcp validate --fix)";
    case diag::FixAvailability::kSometimes:
      return "sometimes (irtcp validate --fix, where the explanation says)";
    case diag::FixAvailability::kNone:
      break;
  }
  return "no automatic fix";
}

/// The command line that reproduces the example.
std::string ExampleCommand(const RuleExample& ex) {
  std::string cmd = "irtcp validate";
  if (!ex.traefik_yaml.empty()) {
    cmd += " --traefik-config traefik.yaml";
  }
  if (!ex.flags.empty()) {
    cmd += " ";
    cmd += ex.flags;
  }
  cmd += " ";
  cmd += kExampleFile;
  return cmd;
}

std::string Numbered(std::string_view text, std::string_view indent) {
  std::string out;
  std::size_t line = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view l = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    std::string n = std::to_string(line);
    out += std::string(indent) + std::string(n.size() < 3 ? 3 - n.size() : 0, ' ') + n + " | ";
    out += l;
    out += '\n';
    ++line;
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  return out;
}

/// Printable form of example text: bytes that are not valid UTF-8 (IRT002's example) as \xHH.
std::string Printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
    }
    if (!ok) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xFU];
      continue;
    }
    out.append(text.substr(i, len));
    i += len - 1;
  }
  return out;
}

}  // namespace

std::string_view FixName(diag::FixAvailability fix) {
  switch (fix) {
    case diag::FixAvailability::kAlways:
      return "always";
    case diag::FixAvailability::kSometimes:
      return "sometimes";
    case diag::FixAvailability::kNone:
      break;
  }
  return "never";
}

std::string_view RuleGroup(std::string_view code) {
  for (const Group& g : kGroups) {
    if (code.substr(0, g.prefix.size()) == g.prefix) {
      return g.title;
    }
  }
  return "other";
}

RuleExplanation ExplainRule(const diag::RuleInfo& rule) {
  RuleExplanation e;
  e.info = &rule;
  e.example = FindExample(rule.code);
  if (e.example == nullptr || e.example->yaml.empty()) {
    return e;
  }
  run::SessionOptions options;
  options.command = run::Command::kValidate;
  options.load.threads = 1;
  options.load.collect.texts.push_back({std::string(kExampleFile), std::string(e.example->yaml)});
  if (e.example->max_file_size != 0) {
    options.load.collect.max_file_size = e.example->max_file_size;
  }
  if (!e.example->traefik_yaml.empty()) {
    options.static_config.traefik_config = "traefik.yaml";
    options.static_config.traefik_config_text = std::string(e.example->traefik_yaml);
  }
  // The flags shown are the flags run: --traefik-version VERSION is the one that changes checks.
  constexpr std::string_view kVersionFlag = "--traefik-version ";
  if (std::size_t at = e.example->flags.find(kVersionFlag); at != std::string_view::npos) {
    std::string_view rest = e.example->flags.substr(at + kVersionFlag.size());
    options.static_config.traefik_version = std::string(rest.substr(0, rest.find(' ')));
  }
  std::unique_ptr<run::Session> session = run::RunSession(options);
  if (!session->fatal_error.empty()) {
    e.example_error = session->fatal_error;
    return e;
  }
  for (const diag::Diagnostic& d : session->loaded->sink.diagnostics()) {
    if (d.code() == rule.code) {
      e.findings.push_back(d);
    } else {
      ++e.other_findings;
    }
  }
  return e;
}

void WriteRuleText(const RuleExplanation& e, const TextStyle& style, std::ostream& out) {
  const diag::RuleInfo& r = *e.info;
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  out << Bold(std::string(r.code) + " " + std::string(r.name), style) << '\n';
  out << Wrap(r.summary, width, "  ") << '\n';
  out << "  group:    " << RuleGroup(r.code) << '\n';
  out << "  severity: " << diag::SeverityName(r.default_severity) << " (by default)\n";
  out << "  fix:      " << FixSentence(r.fix) << "\n\n";
  out << RenderMarkdown(r.explanation, style);
  out << '\n' << Bold("Example", style) << '\n';
  if (e.example == nullptr) {
    out << "  (no example)\n";
    return;
  }
  if (e.example->yaml.empty()) {
    out << Wrap("No example: " + std::string(e.example->no_example) + ".", width, "  ");
    return;
  }
  if (!e.example->traefik_yaml.empty()) {
    out << "  traefik.yaml (Traefik's static configuration):\n"
        << Numbered(e.example->traefik_yaml, "  ");
  }
  out << "  " << kExampleFile << ":\n" << Numbered(Printable(e.example->yaml), "  ");
  out << "\n  " << Cyan("$ " + ExampleCommand(*e.example), style) << '\n';
  if (!e.example_error.empty()) {
    out << "  irtcp: error: " << e.example_error << '\n';
    return;
  }
  if (e.findings.empty()) {
    out << "  (the example no longer reports " << r.code << ": please report this as a bug)\n";
  }
  report::FormatOptions format;
  format.color = style.color;
  for (const diag::Diagnostic& d : e.findings) {
    out << report::FormatText(d, format);
  }
  if (e.other_findings > 0) {
    out << "  (" << e.other_findings << " finding(s) of other codes not shown)\n";
  }
}

void WriteRuleJson(const RuleExplanation& e, std::ostream& out) {
  json j = RuleJson(*e.info);
  if (e.example != nullptr && !e.example->yaml.empty()) {
    json ex = json::object();
    ex["file"] = kExampleFile;
    ex["yaml"] = Printable(e.example->yaml);
    if (!e.example->traefik_yaml.empty()) {
      ex["traefikConfig"] = e.example->traefik_yaml;
    }
    ex["command"] = ExampleCommand(*e.example);
    json findings = json::array();
    for (const diag::Diagnostic& d : e.findings) {
      findings.push_back(DiagnosticJson(d));
    }
    ex["findings"] = std::move(findings);
    ex["otherFindings"] = e.other_findings;
    if (!e.example_error.empty()) {
      ex["error"] = e.example_error;
    }
    j["example"] = std::move(ex);
  } else if (e.example != nullptr) {
    j["example"] = nullptr;
    j["noExample"] = e.example->no_example;
  }
  out << j.dump(2) << '\n';
}

void WriteRuleMarkdown(const RuleExplanation& e, std::ostream& out) {
  const diag::RuleInfo& r = *e.info;
  out << "# " << r.code << " " << r.name << "\n\n" << r.summary << "\n\n";
  out << "Default severity: " << diag::SeverityName(r.default_severity)
      << ". Fix: " << FixSentence(r.fix) << ".\n\n";
  std::string explanation(r.explanation);
  // One level down: the explanation's `## ` headings sit under the rule's `# ` title.
  out << explanation << (explanation.empty() || explanation.back() == '\n' ? "" : "\n") << '\n';
  if (e.example == nullptr || e.example->yaml.empty()) {
    return;
  }
  out << "## Example\n\n";
  if (!e.example->traefik_yaml.empty()) {
    out << "`traefik.yaml`:\n\n```yaml\n" << e.example->traefik_yaml << "```\n\n";
  }
  out << "`" << kExampleFile << "`:\n\n```yaml\n" << Printable(e.example->yaml) << "```\n\n";
  out << "```console\n$ " << ExampleCommand(*e.example) << '\n';
  report::FormatOptions format;
  for (const diag::Diagnostic& d : e.findings) {
    out << report::FormatText(d, format);
  }
  out << "```\n";
}

void WriteRuleMan(const RuleExplanation& e, std::ostream& out) {
  const diag::RuleInfo& r = *e.info;
  out << ".SH " << r.code << " " << RoffEscape(r.name) << '\n' << RoffEscape(r.summary) << ".\n";
  out << ".PP\nDefault severity: " << diag::SeverityName(r.default_severity)
      << ". Fix: " << RoffEscape(FixSentence(r.fix)) << ".\n";
  out << MarkdownToRoff(r.explanation);
  if (e.example == nullptr || e.example->yaml.empty()) {
    return;
  }
  out << ".SS Example\n.PP\n.RS 4\n.nf\n";
  if (!e.example->traefik_yaml.empty()) {
    out << "# traefik.yaml\n" << RoffEscape(e.example->traefik_yaml);
  }
  out << "# " << kExampleFile << '\n' << RoffEscape(Printable(e.example->yaml));
  out << "$ " << RoffEscape(ExampleCommand(*e.example)) << '\n';
  report::FormatOptions format;
  format.snippets = false;
  for (const diag::Diagnostic& d : e.findings) {
    out << RoffEscape(report::FormatText(d, format));
  }
  out << ".fi\n.RE\n";
}

void WriteRuleListText(const TextStyle& style, std::ostream& out) {
  std::string_view group;
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  for (const lint::Rule& rule : lint::AllRules()) {
    const diag::RuleInfo& r = *rule.info;
    if (RuleGroup(r.code) != group) {
      out << (group.empty() ? "" : "\n");
      group = RuleGroup(r.code);
      out << Bold(std::string(group), style) << '\n';
    }
    std::string head = "  " + std::string(r.code) + "  ";
    std::string name(r.name);
    std::string sev(diag::SeverityName(r.default_severity));
    std::string fix =
        r.fix == diag::FixAvailability::kNone ? "" : " fix:" + std::string(FixName(r.fix));
    out << "  " << Bold(r.code, style) << "  " << Cyan(name, style) << "  " << sev << fix << '\n';
    out << Wrap(r.summary, width, std::string(head.size(), ' '));
  }
}

void WriteRuleListJson(std::ostream& out) {
  json rules = json::array();
  for (const lint::Rule& rule : lint::AllRules()) {
    rules.push_back(RuleJson(*rule.info));
  }
  json j = json::object();
  j["version"] = 1;
  j["rules"] = std::move(rules);
  out << j.dump(2) << '\n';
}

void WriteRuleListMarkdown(std::ostream& out) {
  std::string_view group;
  for (const lint::Rule& rule : lint::AllRules()) {
    const diag::RuleInfo& r = *rule.info;
    if (RuleGroup(r.code) != group) {
      if (!group.empty()) {
        out << '\n';
      }
      group = RuleGroup(r.code);
      std::string title(group);
      title[0] =
          static_cast<char>(title[0] >= 'a' && title[0] <= 'z' ? title[0] - 'a' + 'A' : title[0]);
      out << "### " << title << "\n\n| code | name | severity | fix | what it reports |\n"
          << "|---|---|---|---|---|\n";
    }
    out << "| " << r.code << " | `" << r.name << "` | " << diag::SeverityName(r.default_severity)
        << " | " << FixName(r.fix) << " | " << MarkdownCell(r.summary) << " |\n";
  }
}

void WriteRuleListMan(std::string_view version, std::ostream& out) {
  out << ".TH IRTCP-RULES 7 \"\" \"irtcp " << RoffEscape(version)
      << "\" \"Miscellaneous Information Manual\"\n"
      << ".SH NAME\nirtcp-rules \\- the finding codes of irtcp and what they mean\n"
      << ".SH DESCRIPTION\nEvery finding irtcp reports carries a stable code (IRTnnn, never "
         "reused) and a kebab-case name. This page is generated by\n.B irtcp explain \\-\\-rules "
         "\\-o man\n; \\fBirtcp explain\\fR \\fICODE\\fR prints one rule with its example run "
         "live.\n";
  for (const lint::Rule& rule : lint::AllRules()) {
    WriteRuleMan(ExplainRule(*rule.info), out);
  }
  out << ".SH SEE ALSO\n.BR irtcp (1)\n";
}

}  // namespace irtcp::explain
