#include "cli/cmd_explain.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/explain/fields.h"
#include "core/explain/manifests.h"
#include "core/explain/rules.h"
#include "core/lint/registry.h"
#include "core/util/terminal.h"
#include "core/version/traefik_version.h"

namespace irtcp::cli {

namespace {

struct ExplainFlags {
  InputFlags input;
  OutputFlags output;
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
  bool rules = false;
  std::string api_group;
  std::string api_version;
};

/// The terminal's width when standard output is one; 80 otherwise, so that output in pipes
/// and files does not depend on the terminal it was produced from.
std::size_t OutputWidth() {
  if (isatty(1) == 0) {
    return 80;
  }
  winsize ws{};
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

/// A word that names a rule ("IRT304", "external-name-port-mismatch") rather than a path: codes
/// and kebab-case names with no dot, no slash and no file of that name.
bool LooksLikeRule(const std::string& word) {
  if (word.size() > 3 && (word.rfind("IRT", 0) == 0 || word.rfind("irt", 0) == 0)) {
    return word.find_first_not_of("0123456789", 3) == std::string::npos;
  }
  return word.find('-') != std::string::npos && word.find_first_of("./") == std::string::npos;
}

bool IsPath(const std::string& word) {
  std::error_code ec;
  return word == "-" || std::filesystem::exists(word, ec) || word.find('/') != std::string::npos ||
         word.ends_with(".yaml") || word.ends_with(".yml");
}

int RunRules(const ExplainFlags& flags, const explain::TextStyle& style, Io& io) {
  const std::string& format = flags.output.output;
  if (format == "json") {
    explain::WriteRuleListJson(io.out);
  } else if (format == "markdown") {
    explain::WriteRuleListMarkdown(io.out);
  } else if (format == "man") {
    explain::WriteRuleListMan(IRTCP_VERSION, io.out);
  } else {
    explain::WriteRuleListText(style, io.out);
  }
  return kExitClean;
}

int RunRule(const diag::RuleInfo& rule, const ExplainFlags& flags, const explain::TextStyle& style,
            Io& io) {
  explain::RuleExplanation e = explain::ExplainRule(rule);
  const std::string& format = flags.output.output;
  if (format == "json") {
    explain::WriteRuleJson(e, io.out);
  } else if (format == "markdown") {
    explain::WriteRuleMarkdown(e, io.out);
  } else if (format == "man") {
    explain::WriteRuleMan(e, io.out);
  } else {
    explain::WriteRuleText(e, style, io.out);
  }
  return e.example_error.empty() ? kExitClean : kExitError;
}

int RunField(const std::string& path, const ExplainFlags& flags, const explain::TextStyle& style,
             Io& io) {
  std::vector<explain::KindDoc> kinds;
  std::string err;
  // The kinds and descriptions of the selected --traefik-version's CRDs.
  version::TraefikVersion traefik = version::DefaultVersion();
  if (flags.provider->traefik_version) {
    std::string note;
    std::string version_err;
    if (!version::ParseTraefikVersion(*flags.provider->traefik_version, &traefik, &note,
                                      &version_err)) {
      io.err << "irtcp: error: --traefik-version: " << util::TerminalSafe(version_err) << '\n';
      return kExitError;
    }
  }
  std::vector<explain::CrdText> crds = explain::BundledCrds(traefik);
  if (!explain::LoadKinds(crds, &kinds, &err)) {
    io.err << "irtcp: internal error: bundled CRD: " << util::TerminalSafe(err) << '\n';
    return kExitError;
  }
  explain::FieldQuery q{path, flags.api_group, flags.api_version, flags.input.recursive};
  std::optional<explain::FieldExplanation> e = explain::ExplainField(kinds, q, &err);
  if (!e) {
    io.err << "irtcp explain: " << util::TerminalSafe(err) << '\n';
    return kExitError;
  }
  const std::string& format = flags.output.output;
  if (format == "json") {
    explain::WriteFieldJson(*e, io.out);
  } else if (format == "markdown") {
    explain::WriteFieldMarkdown(*e, io.out);
  } else if (format == "man") {
    explain::WriteFieldMan(*e, io.out);
  } else {
    explain::WriteFieldText(*e, style, io.out);
  }
  return kExitClean;
}

int RunManifests(const ExplainFlags& flags, const std::optional<diag::Severity>& fail_on,
                 const explain::TextStyle& style, Io& io) {
  const std::string& format = flags.output.output;
  if (format == "man") {
    io.err << "irtcp explain: -o man is for fields and rules; use text, json or markdown for "
              "manifests\n";
    return kExitError;
  }
  run::SessionOptions options;
  options.command = run::Command::kValidate;  // every finding validate has
  options.static_config = *flags.provider;
  if (!MapInputFlags(flags.input, &options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(options, io);
  if (session == nullptr) {
    return kExitError;
  }
  explain::ManifestExplanation e = explain::ExplainManifests(*session);
  if (format == "json") {
    explain::WriteManifestJson(e, io.out);
  } else if (format == "markdown") {
    // Names, rules and messages come from the manifests: no control byte but LF and TAB
    // reaches the terminal (or the file) raw.
    std::ostringstream md;
    explain::WriteManifestMarkdown(e, md);
    std::string safe;
    util::AppendTerminalSafeKeeping(md.str(), "\n\t", &safe);
    io.out << safe;
  } else {
    explain::WriteManifestText(e, style, io.out);
  }
  // The notes are part of the account (stdout); unreadable paths go to stderr.
  for (const std::string& err : session->summary.errors) {
    io.err << "irtcp: error: " << util::TerminalSafe(err) << '\n';
  }
  int exit_code =
      run::ExitCode(session->loaded->sink.diagnostics(), !session->summary.errors.empty(), fail_on);
  KeepUntilExit(std::move(session));
  return exit_code;
}

int RunExplain(const ExplainFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on;  // explain exits 0 unless --fail-on is given
  if (!flags.output.fail_on.empty() && !ParseFailOn(flags.output.fail_on, &fail_on)) {
    return kExitError;
  }
  explain::TextStyle style{OutputWidth(), UseColor(flags.output.color, 1)};
  const std::vector<std::string>& args = flags.input.paths;
  if (flags.rules) {
    if (!args.empty()) {
      io.err << "irtcp explain: --rules takes no argument (explain one rule with "
                "`irtcp explain CODE`)\n";
      return kExitError;
    }
    return RunRules(flags, style, io);
  }
  if (args.empty()) {
    io.err << "irtcp explain: nothing to explain: give a field path (ingressroutetcp.spec), "
              "a rule (IRT304 or its name), --rules, or manifest files\n";
    return kExitError;
  }
  if (args.size() == 1 && !IsPath(args[0])) {
    if (const diag::RuleInfo* rule = lint::FindRule(args[0])) {
      return RunRule(*rule, flags, style, io);
    }
    std::string upper = args[0];
    for (char& c : upper) {
      c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (const diag::RuleInfo* rule = lint::FindRule(upper)) {
      return RunRule(*rule, flags, style, io);
    }
    if (LooksLikeRule(args[0])) {
      io.err << "irtcp explain: unknown rule \"" << util::TerminalSafe(args[0]) << "\"";
      std::string_view close = lint::SuggestRule(args[0]);
      if (!close.empty()) {
        io.err << "; did you mean \"" << util::TerminalSafe(close) << "\"?";
      }
      io.err << " (irtcp explain --rules lists them)\n";
      return kExitError;
    }
    return RunField(args[0], flags, style, io);
  }
  return RunManifests(flags, fail_on, style, io);
}

}  // namespace

void SetupExplain(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Explain a CRD field (ingressroutetcp.spec.routes), a rule (IRT304 or its name, "
      "--rules for all), or in plain words what the IngressRouteTCPs of FILEs do");
  AddInputFlags(*cmd, flags->input);
  CLI::Option* paths = cmd->get_option("paths");
  paths->required(false);
  paths->description(
      "A field path (KIND[.FIELD...]), a rule code or name, or manifest files, directories or "
      "- for stdin");
  paths->type_name("TOPIC|PATH");
  AddOutputFlags(*cmd, flags->output, {"text", "json", "markdown", "man"}, "never");
  AddProviderFlags(*cmd, flags->provider);
  cmd->add_flag("--rules", flags->rules, "List every code irtcp can report");
  // -R/--recursive comes with the input flags (kubectl's habit for directories, which irtcp always
  // walks); for a field path it means kubectl explain's --recursive.
  cmd->get_option("--recursive")
      ->description(
          "Fields: show every field under the path (directories are always searched "
          "recursively)");
  cmd->add_option("--api-group", flags->api_group,
                  "Fields: the API group of the kind (default traefik.io; traefik.containo.us "
                  "for the legacy kinds)");
  cmd->add_option("--api-version", flags->api_version,
                  "Fields: the version of the kind (v1alpha1, or group/version)");
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunExplain(*flags, io);
  });
}

}  // namespace irtcp::cli
