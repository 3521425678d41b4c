// The man pages: irtcp(1) from the CLI definition and a hand-written template, irtcp-rules(7)
// from the registry.
#include <map>
#include <sstream>

#include "core/docs/cli_doc.h"

namespace irtcp::docs {

namespace {

/// Text in a roff line: escaped, without a leading control character.
std::string Line(std::string_view text) { return RoffEscape(text); }

/// Backslashes and hyphens escaped; what RoffEscape does without guarding the line start.
std::string EscapeChars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\e";
        break;
      case '-':
        out += "\\-";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Inline markdown (`code`, ``code``) to roff with escapes, for the start of a line.
std::string Inline(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '`') {
      std::size_t ticks = 0;
      while (i + ticks < text.size() && text[i + ticks] == '`') {
        ++ticks;
      }
      std::string fence(ticks, '`');
      std::size_t close = text.find(fence, i + ticks);
      if (close != std::string_view::npos) {
        std::string_view code = text.substr(i + ticks, close - i - ticks);
        if (ticks > 1 && !code.empty() && code.front() == ' ') {
          code.remove_prefix(1);
        }
        if (ticks > 1 && !code.empty() && code.back() == ' ') {
          code.remove_suffix(1);
        }
        out += "\\fB";
        out += EscapeChars(code);
        out += "\\fR";
        i = close + ticks;
        continue;
      }
    }
    std::size_t next = text.find('`', i + 1);
    if (next == std::string_view::npos) {
      next = text.size();
    }
    out += EscapeChars(text.substr(i, next - i));
    i = next;
  }
  // Every caller starts a line with the result.
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
    out.insert(0, "\\&");
  }
  return out;
}

std::string OptionNames(const OptionDoc& o) {
  std::string out;
  for (const std::string& s : o.shorts) {
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-") + RoffEscape(s) + "\\fR";
  }
  for (const std::string& l : o.longs) {
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + RoffEscape(l) + "\\fR";
  }
  if (!o.choices.empty()) {
    std::string c;
    for (const std::string& v : o.choices) {
      c += (c.empty() ? "" : "|") + RoffEscape(v);
    }
    out += " " + c;
  } else if (!o.value_name.empty()) {
    out += " \\fI" + RoffEscape(o.value_name) + "\\fR";
  }
  return out;
}

std::string Synopsis(const CommandDoc& c, const std::string& program) {
  std::string out = ".B " + RoffEscape(program) + " " + RoffEscape(c.name) + "\n[\\fIOPTIONS\\fR]";
  for (const PositionalDoc& p : c.positionals) {
    std::string v = "\\fI" + RoffEscape(p.value_name.empty() ? p.name : p.value_name) + "\\fR";
    if (p.many) {
      v += "...";
    }
    out += " " + (p.required ? v : "[" + v + "]");
  }
  return out + "\n";
}

/// Every option once, in the order first seen, with the subcommands that take it; where
/// subcommands describe it differently, each description is named.
std::string OptionsSection(const CliDoc& cli) {
  struct Use {
    const OptionDoc* option;
    std::vector<std::string> commands;
  };
  struct Entry {
    std::string key;
    std::vector<Use> uses;  ///< one per distinct description and choice list
  };
  std::vector<std::string> group_order;
  std::map<std::string, std::vector<Entry>> groups;
  for (const CommandDoc& c : cli.commands) {
    for (const OptionDoc& o : c.options) {
      std::string key = o.longs.empty() ? o.shorts.front() : o.longs.front();
      std::string group = o.group.empty() || o.group == "Options" ? "General" : o.group;
      if (groups.find(group) == groups.end()) {
        group_order.push_back(group);
      }
      std::vector<Entry>& entries = groups[group];
      Entry* entry = nullptr;
      for (Entry& e : entries) {
        if (e.key == key) {
          entry = &e;
        }
      }
      if (entry == nullptr) {
        entries.push_back(Entry{key, {}});
        entry = &entries.back();
      }
      bool merged = false;
      for (Use& u : entry->uses) {
        if (u.option->description == o.description && u.option->choices == o.choices &&
            u.option->value_name == o.value_name) {
          u.commands.push_back(c.name);
          merged = true;
        }
      }
      if (!merged) {
        entry->uses.push_back(Use{&o, {c.name}});
      }
    }
  }
  std::string out;
  for (const std::string& group : group_order) {
    out += ".SS " + Line(group) + "\n";
    for (const Entry& e : groups[group]) {
      for (const Use& u : e.uses) {
        std::string commands;
        for (const std::string& c : u.commands) {
          commands += (commands.empty() ? "" : ", ") + c;
        }
        out += ".TP\n" + OptionNames(*u.option) + "\n";
        out += Inline(u.option->description) + " (" + RoffEscape(commands) + ")\n";
      }
    }
  }
  return out;
}

}  // namespace

std::string RoffEscape(std::string_view text) {
  std::string out = EscapeChars(text);
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
    out.insert(0, "\\&");
  }
  return out;
}

std::string MarkdownToRoff(std::string_view markdown) {
  std::istringstream in{std::string(markdown)};
  std::string line;
  std::string out;
  bool in_code = false;
  bool in_list = false;
  bool paragraph_open = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      if (in_code) {
        out += ".fi\n.RE\n";
        in_code = false;
      } else {
        out += ".PP\n.RS 4\n.nf\n";
        in_code = true;
        in_list = false;
        paragraph_open = false;
      }
      continue;
    }
    if (in_code) {
      out += RoffEscape(line) + "\n";
      continue;
    }
    if (line.empty()) {
      paragraph_open = false;
      in_list = false;
      continue;
    }
    if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) {
      out += ".PP\n\\fB" + RoffEscape(line.substr(line.find(' ') + 1)) + "\\fR\n.br\n";
      paragraph_open = true;
      in_list = false;
      continue;
    }
    if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
      out += ".IP \\(bu 2\n" + Inline(line.substr(2)) + "\n";
      in_list = true;
      paragraph_open = true;
      continue;
    }
    std::size_t start = line.find_first_not_of(' ');
    std::string_view text = std::string_view(line).substr(start);
    if (!paragraph_open && !in_list) {
      out += ".PP\n";
      paragraph_open = true;
    }
    out += Inline(text) + "\n";
  }
  if (in_code) {
    out += ".fi\n.RE\n";
  }
  return out;
}

std::string GenerateMan1(const CliDoc& cli, std::string_view tmpl) {
  std::istringstream in{std::string(tmpl)};
  std::string line;
  std::string out =
      ".\\\" Generated by scripts/gen-docs.sh from man/irtcp.1.in and the CLI definition: do not "
      "edit.\n";
  const std::string marker = ".\\\" irtcp-gen: ";
  while (std::getline(in, line)) {
    if (line.rfind(marker, 0) != 0) {
      out += line + "\n";
      continue;
    }
    std::string what = line.substr(marker.size());
    if (what == "header") {
      out += ".TH IRTCP 1 \"\" \"irtcp " + cli.version + "\" \"User Commands\"\n";
    } else if (what == "synopsis") {
      bool first = true;
      for (const CommandDoc& c : cli.commands) {
        out += (first ? "" : ".br\n") + Synopsis(c, cli.program);
        first = false;
      }
      out += ".br\n.B irtcp\n\\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR\n";
    } else if (what == "commands") {
      for (const CommandDoc& c : cli.commands) {
        out += ".TP\n.B " + RoffEscape(c.name) + "\n" + Inline(c.description) + ".\n";
      }
    } else if (what == "options") {
      out += OptionsSection(cli);
    } else {
      out += line + "\n";
    }
  }
  return out;
}

std::string GenerateRulesMan7(const CliDoc& cli, const std::vector<RuleDoc>& rules) {
  std::string out =
      ".\\\" Generated by scripts/gen-docs.sh from the rule registry (core/lint/registry.cc): do "
      "not edit.\n";
  out += ".TH IRTCP\\-RULES 7 \"\" \"irtcp " + cli.version + "\" \"Miscellaneous\"\n";
  out += ".SH NAME\nirtcp\\-rules \\- the findings irtcp reports, by code\n";
  out += ".SH DESCRIPTION\n";
  out +=
      "Every finding prints as \\fIfile\\fR:\\fIline\\fR:\\fIcol\\fR: \\fIseverity\\fR: "
      "\\fImessage\\fR [\\fICODE name\\fR]. Codes are stable and never reused: IRT0xx input and "
      "schema, IRT1xx rule language, IRT2xx TLS, IRT3xx services, IRT4xx cross\\-resource "
      "checks, IRT5xx losses when translating, IRT9xx meta. \\fB\\-\\-select\\fR, "
      "\\fB\\-\\-ignore\\fR, \\fB\\-\\-severity\\fR and the \\fBirtcp.io/ignore\\fR annotation "
      "take a code, a code prefix (IRT1) or a name.\n";
  out += ".SH SUMMARY\n";
  for (const RuleDoc& r : rules) {
    out += ".TP\n.B " + RoffEscape(r.code) + " " + RoffEscape(r.name) + "\n" + Inline(r.summary) +
           " (" + RoffEscape(r.severity) + ")\n";
  }
  out += ".SH RULES\n";
  for (const RuleDoc& r : rules) {
    out += ".SS " + RoffEscape(r.code) + " " + RoffEscape(r.name) + "\n";
    out += "Default severity: \\fB" + RoffEscape(r.severity) + "\\fR. Fix: " + RoffEscape(r.fix) +
           ".\n";
    out += MarkdownToRoff(r.explanation);
  }
  out += ".SH SEE ALSO\n.BR irtcp (1)\n";
  return out;
}

const CommandDoc* CliDoc::Find(std::string_view name) const {
  for (const CommandDoc& c : commands) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace irtcp::docs
