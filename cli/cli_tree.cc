#include "cli/cli_tree.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/man_template.h"
#include "core/lint/registry.h"
#include "core/schema/bundled.h"

namespace irtcp::cli {

namespace {

std::vector<const CLI::App*> Subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

/// "TEXT:{text,json}" -> {"text", "json"}; {} without a member list.
std::vector<std::string> Choices(const std::string& type_name) {
  std::size_t open = type_name.find(":{");
  std::size_t close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) {
    return {};
  }
  std::vector<std::string> out;
  std::string list = type_name.substr(open + 2, close - open - 2);
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!item.empty()) {
      out.push_back(item);
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

/// The value name without CLI11's validator suffixes ("N:UINT in [1 - 1024]" -> "N").
std::string BaseTypeName(const std::string& type_name) {
  return type_name.substr(0, type_name.find(':'));
}

docs::ValueKind KindOf(const std::string& value_name, const std::vector<std::string>& choices) {
  if (!choices.empty()) {
    return docs::ValueKind::kChoice;
  }
  if (value_name == "FILE") {
    return docs::ValueKind::kFile;
  }
  if (value_name == "PATH") {
    return docs::ValueKind::kPath;
  }
  if (value_name == "CODE" || value_name == "CODE=LEVEL") {
    return docs::ValueKind::kCode;
  }
  return docs::ValueKind::kFree;
}

std::string_view FixName(diag::FixAvailability f) {
  switch (f) {
    case diag::FixAvailability::kNone:
      return "none";
    case diag::FixAvailability::kSometimes:
      return "sometimes (--fix)";
    case diag::FixAvailability::kAlways:
      return "always (--fix)";
  }
  return "none";
}

bool WriteText(const std::filesystem::path& path, const std::string& text, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) {
    err << "irtcp: error: cannot write " << path.string() << '\n';
    return false;
  }
  return true;
}

}  // namespace

void DumpCli(const CLI::App& app, std::ostream& out) {
  for (const CLI::App* sub : Subcommands(app)) {
    out << sub->get_name() << '\n';
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& name : opt->get_lnames()) {
        if (name != "help") {
          out << sub->get_name() << " --" << name << '\n';
        }
      }
    }
  }
}

docs::CliDoc DescribeCli(const CLI::App& app) {
  docs::CliDoc cli;
  cli.program = "irtcp";
  cli.version = IRTCP_VERSION;
  cli.description = app.get_description();
  for (const CLI::App* sub : Subcommands(app)) {
    docs::CommandDoc c;
    c.name = sub->get_name();
    c.description = sub->get_description();
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_name() == "--help" || opt->get_name() == "-h,--help") {
        continue;
      }
      if (opt->get_lnames().empty() && opt->get_snames().empty()) {
        if (opt->get_positional()) {
          docs::PositionalDoc p;
          p.name = opt->get_name();
          p.value_name = BaseTypeName(opt->get_type_name());
          p.description = opt->get_description();
          p.required = opt->get_required();
          p.many = opt->get_items_expected_max() > 1;
          p.value = KindOf(p.value_name, {});
          if (c.name == "help") {
            p.value = docs::ValueKind::kChoice;
          }
          c.positionals.push_back(std::move(p));
        }
        continue;
      }
      if (std::find(opt->get_lnames().begin(), opt->get_lnames().end(), "help") !=
          opt->get_lnames().end()) {
        continue;
      }
      docs::OptionDoc o;
      o.shorts = opt->get_snames();
      o.longs = opt->get_lnames();
      o.description = opt->get_description();
      o.group = opt->get_group();
      if (opt->get_type_size() == 0 || opt->get_expected_max() == 0) {
        o.value = docs::ValueKind::kNone;
      } else {
        std::string full = opt->get_type_name();
        o.choices = Choices(full);
        o.value_name = BaseTypeName(full);
        o.value = KindOf(o.value_name, o.choices);
        o.repeatable = opt->get_expected_max() > 1;
      }
      c.options.push_back(std::move(o));
    }
    cli.commands.push_back(std::move(c));
  }
  return cli;
}

docs::ExplainWords ExplainCompletionWords() {
  docs::ExplainWords w;
  for (const lint::Rule& r : lint::AllRules()) {
    w.codes.emplace_back(r.info->code);
    w.names.emplace_back(r.info->name);
  }
  std::set<std::string> seen;
  for (const schema::BundledSchema& s : schema::BundledSchemas()) {
    std::string kind(s.kind);
    std::string lower;
    for (char ch : kind) {
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    for (const std::string& k : {kind, lower}) {
      if (seen.insert(k).second) {
        w.kinds.push_back(k);
      }
    }
  }
  return w;
}

bool GenerateDocs(const CLI::App& app, const std::string& dir, std::ostream& err) {
  const docs::CliDoc cli = DescribeCli(app);
  const docs::ExplainWords words = ExplainCompletionWords();
  std::vector<docs::RuleDoc> rules;
  for (const lint::Rule& r : lint::AllRules()) {
    const diag::RuleInfo& i = *r.info;
    rules.push_back(docs::RuleDoc{std::string(i.code), std::string(i.name), std::string(i.summary),
                                  std::string(i.explanation),
                                  std::string(diag::SeverityName(i.default_severity)),
                                  std::string(FixName(i.fix))});
  }
  const std::filesystem::path root = dir;
  return WriteText(root / "man" / "irtcp.1", docs::GenerateMan1(cli, kManTemplate), err) &&
         WriteText(root / "man" / "irtcp-rules.7", docs::GenerateRulesMan7(cli, rules), err) &&
         WriteText(root / "completions" / "irtcp.bash", docs::GenerateBash(cli, words), err) &&
         WriteText(root / "completions" / "_irtcp", docs::GenerateZsh(cli, words), err) &&
         WriteText(root / "completions" / "irtcp.fish", docs::GenerateFish(cli, words), err);
}

void CompleteKubectlPlugin(const CLI::App& app, const std::vector<std::string>& args,
                           std::ostream& out) {
  out << docs::CompleteForKubectl(DescribeCli(app), ExplainCompletionWords(), args);
}

}  // namespace irtcp::cli
