#include "cli/cmd_validate.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <vector>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/config/project_config.h"
#include "core/fix/diff.h"
#include "core/fix/write.h"
#include "core/lint/selection.h"
#include "core/run/baseline.h"
#include "core/run/fixes.h"
#include "core/util/strings.h"
#include "core/util/terminal.h"

namespace irtcp::cli {

namespace {

struct ValidateFlags {
  InputFlags input;
  OutputFlags output;
  std::vector<std::string> crds;
  bool strict_references = false;
  /// Provider options, --default-rule-syntax and --traefik-config (shared with render, resolve).
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
  bool fix = false;           ///< --fix: apply safe fixes and write the files
  bool unsafe_fixes = false;  ///< --unsafe-fixes: with --fix or --diff, unsafe fixes too
  bool diff = false;          ///< --diff: print what --fix would change; write nothing
  std::string config;         ///< --config FILE ("" = look for .irtcp.yaml)
  bool no_config = false;     ///< --no-config
  bool show_config = false;   ///< --show-config
  std::vector<std::string> select, ignore, severity, exclude;
  bool show_suppressed = false;
  std::string baseline, write_baseline;
  std::vector<std::string> context_paths;
  CLI::Option* output_option = nullptr;   ///< to tell `-o text` from the default
  CLI::Option* fail_on_option = nullptr;  ///< likewise
  std::string output_file;  ///< --output-file: the format goes there, text to the terminal
  bool quiet = false;       ///< --quiet: findings only, no summary or notes
  std::string upgrade_to;   ///< --upgrade-to VERSION: the upgrade report ("" = none)
};

/// One line of --show-config: a key, its effective value and where it came from.
struct ConfigRow {
  std::string key, value, origin;
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) {
    out += (out.empty() ? "" : ",") + i;
  }
  return out;
}

/// Checks --select/--ignore/--severity values; prints "--select: unknown ..." on a bad one.
bool CheckSelectorFlags(const ValidateFlags& flags, lint::SelectionSpec* from_flags, Io& io) {
  std::string err;
  auto check = [&](const char* flag, const std::vector<std::string>& values) {
    for (const std::string& v : values) {
      if (lint::ResolveSelector(v, &err).empty()) {
        io.err << "irtcp: error: " << flag << ": " << util::TerminalSafe(err) << '\n';
        return false;
      }
    }
    return true;
  };
  if (!check("--select", flags.select) || !check("--ignore", flags.ignore)) {
    return false;
  }
  from_flags->select = flags.select;
  from_flags->ignore = flags.ignore;
  for (const std::string& v : flags.severity) {
    std::pair<std::string, std::string> entry;
    std::optional<diag::Severity> level;
    if (!lint::SplitSeverityAssignment(v, &entry, &err)) {
      io.err << "irtcp: error: --severity: " << util::TerminalSafe(err) << '\n';
      return false;
    }
    if (!lint::ParseSeverityLevel(entry.second, &level)) {
      io.err << "irtcp: error: --severity: invalid level \"" << util::TerminalSafe(entry.second)
             << "\" for " << entry.first << " (use error, warning, info or off)\n";
      return false;
    }
    if (!check("--severity", {entry.first})) {
      return false;
    }
    from_flags->severity.push_back(std::move(entry));
  }
  return true;
}

/// Merges .irtcp.yaml under the flags (flags win, key by key) into `flags` and `options`, and
/// records every key's effective value and origin for --show-config. False (exit 2) with the
/// error printed.
bool ApplyProjectConfig(ValidateFlags& flags, run::SessionOptions* options,
                        std::vector<ConfigRow>* rows, std::string* config_path, Io& io) {
  config::ProjectConfig file;
  if (!flags.no_config) {
    std::string path = flags.config.empty() ? config::FindProjectConfig(".") : flags.config;
    if (!path.empty()) {
      std::string err;
      if (!config::LoadProjectConfig(path, &file, &err)) {
        io.err << "irtcp: error: " << util::TerminalSafe(err) << '\n';
        return false;
      }
    }
  }
  *config_path = file.path;
  lint::SelectionSpec from_flags;
  if (!CheckSelectorFlags(flags, &from_flags, io)) {
    return false;
  }
  auto origin = [&](const std::string& key, bool by_flag) {
    if (by_flag) {
      return "--" + key;
    }
    auto it = file.where.find(key);
    return it != file.where.end() ? it->second : std::string("default");
  };
  auto row = [&](const std::string& key, const std::string& value, bool by_flag) {
    rows->push_back({key, value, origin(key, by_flag)});
  };
  // Selection: a flag replaces the file's list; --severity entries override the file's per code.
  lint::SelectionSpec spec;
  const bool select_flag = !from_flags.select.empty();
  spec.select = select_flag ? from_flags.select : file.select.value_or(std::vector<std::string>());
  row("select", spec.select.empty() ? "all" : Join(spec.select), select_flag);
  const bool ignore_flag = !from_flags.ignore.empty();
  spec.ignore = ignore_flag ? from_flags.ignore : file.ignore.value_or(std::vector<std::string>());
  row("ignore", Join(spec.ignore), ignore_flag);
  spec.severity = file.severity.value_or(std::vector<std::pair<std::string, std::string>>());
  for (auto& entry : from_flags.severity) {
    spec.severity.push_back(entry);
  }
  std::vector<std::string> levels;
  for (const auto& [code, level] : spec.severity) {
    std::string item = code;
    item += '=';
    item += level;
    levels.push_back(std::move(item));
  }
  row("severity", Join(levels), !from_flags.severity.empty());
  std::string err;
  if (!lint::RuleSelection::Compile(spec, &options->selection, &err)) {
    io.err << "irtcp: error: " << util::TerminalSafe(err) << '\n';
    return false;
  }
  const bool exclude_flag = !flags.exclude.empty();
  options->load.exclude =
      exclude_flag ? flags.exclude : file.exclude.value_or(std::vector<std::string>());
  if (!exclude_flag && file.exclude.has_value()) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(file.path, ec).parent_path();
    options->load.exclude_base = dir.lexically_normal().string();
  }
  row("exclude", Join(options->load.exclude), exclude_flag);
  // Output and exit status.
  const bool fail_on_flag = flags.fail_on_option->count() > 0;
  if (!fail_on_flag && file.fail_on.has_value()) {
    flags.output.fail_on = *file.fail_on;
  }
  row("fail-on", flags.output.fail_on.empty() ? "error" : flags.output.fail_on, fail_on_flag);
  const bool output_flag = flags.output_option->count() > 0;
  if (!output_flag && file.output.has_value()) {
    flags.output.output = *file.output;
  }
  row("output", flags.output.output.empty() ? "text" : flags.output.output, output_flag);
  // Provider options: a flag wins over the file.
  config::StaticConfigSource& p = *flags.provider;
  const config::StaticConfigSource& f = file.provider;
  const bool tv_flag = p.traefik_version.has_value();
  if (!tv_flag && file.traefik_version.has_value()) {
    p.traefik_version = file.traefik_version;
    p.traefik_version_origin = file.traefik_version_origin;
  }
  row("traefik-version", p.traefik_version.value_or("3.7"), tv_flag);
  auto merge_bool = [&](const std::string& key,
                        std::optional<bool> config::StaticConfigSource::*m) {
    const bool by_flag = (p.*m).has_value();
    if (!by_flag) {
      p.*m = f.*m;
    }
    row(key, (p.*m).has_value() ? ((p.*m).value() ? "true" : "false") : "false", by_flag);
  };
  merge_bool("allow-cross-namespace", &config::StaticConfigSource::allow_cross_namespace);
  merge_bool("allow-empty-services", &config::StaticConfigSource::allow_empty_services);
  merge_bool("allow-external-name-services",
             &config::StaticConfigSource::allow_external_name_services);
  merge_bool("disable-cluster-scope-resources",
             &config::StaticConfigSource::disable_cluster_scope_resources);
  merge_bool("native-lb-by-default", &config::StaticConfigSource::native_lb_by_default);
  const bool cpn_flag = p.cross_provider_namespaces.has_value();
  if (!cpn_flag) {
    p.cross_provider_namespaces = f.cross_provider_namespaces;
  }
  row("cross-provider-namespaces",
      p.cross_provider_namespaces.has_value() ? Join(*p.cross_provider_namespaces) : "(all)",
      cpn_flag);
  const bool wn_flag = !p.watch_namespaces.empty();
  if (!wn_flag) {
    p.watch_namespaces = f.watch_namespaces;
  }
  row("watch-namespace", p.watch_namespaces.empty() ? "(all)" : Join(p.watch_namespaces), wn_flag);
  auto merge_string = [&](const std::string& key,
                          std::optional<std::string> config::StaticConfigSource::*m,
                          const std::string& fallback) {
    const bool by_flag = (p.*m).has_value();
    if (!by_flag) {
      p.*m = f.*m;
    }
    row(key, (p.*m).value_or(fallback), by_flag);
  };
  merge_string("default-rule-syntax", &config::StaticConfigSource::default_rule_syntax, "v3");
  merge_string("ingress-class", &config::StaticConfigSource::ingress_class, "");
  merge_string("label-selector", &config::StaticConfigSource::label_selector, "");
  const bool tc_flag = !p.traefik_config.empty();
  if (!tc_flag) {
    p.traefik_config = f.traefik_config;
  }
  row("traefik-config", p.traefik_config, tc_flag);
  std::sort(rows->begin(), rows->end(),
            [](const ConfigRow& a, const ConfigRow& b) { return a.key < b.key; });
  for (const std::string& note : file.notes) {
    options->config_notes.push_back(note);
  }
  return true;
}

void PrintConfig(const std::string& path, const std::vector<ConfigRow>& rows, Io& io) {
  io.out << "# configuration file: " << (path.empty() ? "(none)" : util::TerminalSafe(path))
         << '\n';
  for (const ConfigRow& r : rows) {
    // The column of origins is aligned on the text as shown (escaped, counted in characters).
    std::string line = util::TerminalSafe(r.key + ": " + (r.value.empty() ? "\"\"" : r.value));
    line.append(std::max<std::size_t>(util::TerminalSafeWidth(line) + 1, 48) -
                    util::TerminalSafeWidth(line),
                ' ');
    io.out << line << "# " << util::TerminalSafe(r.origin) << '\n';
  }
}

/// The format when -o was not given: GitHub annotations inside GitHub Actions, else text.
std::string EffectiveFormat(const ValidateFlags& flags) {
  if (!flags.output.output.empty()) {
    return flags.output.output;
  }
  const char* gha = std::getenv("GITHUB_ACTIONS");
  return gha != nullptr && std::string_view(gha) == "true" ? "github" : "text";
}

/// "irtcp: 1 error(s), 2 warning(s), 0 info in 3 file(s), 1 Traefik object(s) checked".
void PrintSummaryLine(const std::vector<diag::Diagnostic>& findings, const report::Summary& summary,
                      Io& io) {
  std::size_t counts[3] = {0, 0, 0};
  for (const diag::Diagnostic& d : findings) {
    ++counts[static_cast<int>(d.severity)];
  }
  io.err << "irtcp: " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
         << " info in " << summary.files - summary.skipped_files << " file(s), "
         << summary.traefik_objects << " Traefik object(s) checked";
  if (!summary.traefik_version.empty()) {
    io.err << " for Traefik " << summary.traefik_version;
  }
  if (summary.suppressed_count() > 0) {
    io.err << ", " << summary.suppressed_count() << " suppressed";
  }
  if (summary.baselined_count() > 0) {
    io.err << ", " << summary.baselined_count() << " in the baseline";
  }
  if (summary.skipped_files > 0) {
    io.err << "; " << summary.skipped_files
           << " file(s) of other YAML skipped (no apiVersion or kind; -v lists them)";
  }
  io.err << '\n';
}

/// Whether `file` is standard input ("-" among the paths; it carries --stdin-filename).
bool IsStdin(const ValidateFlags& flags, const source::SourceFile& file) {
  bool has_dash = false;
  for (const std::string& p : flags.input.paths) {
    has_dash = has_dash || p == "-";
  }
  return has_dash && file.path() == flags.input.stdin_filename;
}

/// Prints the diff (--diff) or writes the fixed files (--fix); standard input's fixed text goes
/// to `stdin_out`. False when a file could not be written (already printed).
bool WriteFixes(const ValidateFlags& flags, const run::Session& session,
                const run::FixRunResult& fixed, std::ostream& stdin_out, Io& io) {
  const std::vector<source::SourceFilePtr>& originals = session.loaded->collected.sources;
  bool ok = true;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    const source::SourceFile& before = *originals[i];
    const source::SourceFile& after = *fixed.loop.sources[i];
    const bool changed = before.text() != after.text();
    if (flags.diff) {
      if (changed) {
        io.out << fix::UnifiedDiff(before.text(), after.text(), "a/" + before.path(),
                                   "b/" + before.path());
      }
    } else if (IsStdin(flags, before)) {
      stdin_out << after.text();  // a filter prints its input even when nothing changed
    } else if (changed) {
      std::string werr;
      if (!fix::WriteFileAtomically(before.path(), before.text(), after.text(), &werr)) {
        io.err << "irtcp: error: " << util::TerminalSafe(before.path()) << ": "
               << util::TerminalSafe(werr) << '\n';
        ok = false;
      }
    }
  }
  return ok;
}

/// "applied 3 fixes", "1 unsafe fix available with --unsafe-fixes" lines on stderr.
void PrintFixSummary(const ValidateFlags& flags, const run::FixRunResult& outcome,
                     const std::vector<diag::Diagnostic>& remaining, Io& io) {
  const std::size_t applied = outcome.loop.applied;
  io.err << "irtcp: " << (flags.diff ? "would apply " : "applied ") << applied
         << (applied == 1 ? " fix" : " fixes") << " in " << outcome.files_changed
         << (outcome.files_changed == 1 ? " file" : " files") << '\n';
  if (!outcome.loop.converged) {
    io.err << "irtcp: warning: fixes were still applying after " << outcome.loop.passes
           << " passes; run again\n";
  }
  std::size_t unsafe = 0;
  for (const diag::Diagnostic& d : remaining) {
    if (d.fix && d.fix->applicability == diag::Applicability::kUnsafe) {
      ++unsafe;
    }
  }
  if (unsafe > 0 && !flags.unsafe_fixes) {
    io.err << "irtcp: " << unsafe << (unsafe == 1 ? " unsafe fix" : " unsafe fixes")
           << " available with --unsafe-fixes\n";
  }
}

/// "a,b" and "c" -> a, b, c (the list flags are repeatable or comma-separated).
std::vector<std::string> SplitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    util::SplitCommaList(v, util::Trim::kNone, &out);
  }
  return out;
}

int RunValidate(const ValidateFlags& given, Io& io) {
  ValidateFlags flags = given;
  flags.select = SplitCommas(given.select);
  flags.ignore = SplitCommas(given.ignore);
  flags.severity = SplitCommas(given.severity);
  flags.exclude = SplitCommas(given.exclude);
  flags.provider = std::make_shared<ProviderFlags>(*given.provider);
  run::SessionOptions options;
  options.command = run::Command::kValidate;
  std::vector<ConfigRow> rows;
  std::string config_path;
  if (!ApplyProjectConfig(flags, &options, &rows, &config_path, io)) {
    return kExitError;
  }
  if (flags.show_config) {
    PrintConfig(config_path, rows, io);
    return kExitClean;
  }
  std::optional<diag::Severity> fail_on = diag::Severity::kError;
  if (!flags.output.fail_on.empty() && !ParseFailOn(flags.output.fail_on, &fail_on)) {
    return kExitError;
  }
  const std::string format_name = EffectiveFormat(flags);
  if (flags.fix && flags.input.from_cluster) {
    // The live objects are not files; --diff shows what a fix would change in them.
    io.err << "irtcp: error: --fix writes files; the objects read with --from-cluster are not "
              "files (use --diff to see the fixes)\n";
    return kExitError;
  }
  if (flags.diff && !flags.output.output.empty() && flags.output.output != "text") {
    io.err << "irtcp: error: --diff prints a unified diff; it cannot be combined with -o "
           << flags.output.output << '\n';
    return kExitError;
  }
  std::ofstream output_file;
  if (!flags.output_file.empty()) {
    output_file.open(flags.output_file, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      io.err << "irtcp: error: --output-file " << util::TerminalSafe(flags.output_file) << ": "
             << std::strerror(errno) << '\n';
      return kExitError;
    }
  }
  options.static_config = *flags.provider;
  options.crd_paths = flags.crds;
  options.strict_references = flags.strict_references;
  options.baseline_path = flags.baseline;
  options.load.context_paths = flags.context_paths;
  if (!flags.upgrade_to.empty()) {
    options.upgrade_to = flags.upgrade_to;
  }
  if (!MapInputFlags(flags.input, &options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(options, io);
  if (session == nullptr) {
    return kExitError;
  }
  // --fix on standard input prints the fixed text on stdout, so the report goes to stderr.
  bool stdin_fixed = false;
  if (flags.fix && !flags.diff) {
    for (const source::SourceFilePtr& file : session->loaded->collected.sources) {
      stdin_fixed = stdin_fixed || IsStdin(flags, *file);
    }
  }
  std::ostream& report_out = stdin_fixed ? io.err : io.out;
  run::FixRunResult fixed;
  bool write_failed = false;
  if (flags.fix || flags.diff) {
    run::FixRunOptions fix_options;
    fix_options.unsafe = flags.unsafe_fixes;
    std::string err;
    if (!run::RunFixes(*session, options, fix_options, &fixed, &err)) {
      io.err << "irtcp: error: " << util::TerminalSafe(err) << '\n';
      return kExitError;
    }
    write_failed = !WriteFixes(flags, *session, fixed, io.out, io);
    if (flags.diff) {
      PrintFixSummary(flags, fixed, fixed.loop.findings, io);
      return write_failed ? kExitError : (fixed.files_changed > 0 ? kExitFindings : kExitClean);
    }
    if (fixed.session != nullptr) {  // report what remains in the fixed text
      KeepUntilExit(std::move(session));
      session = std::move(fixed.session);
    }
  }
  const std::vector<diag::Diagnostic>& findings = session->loaded->sink.diagnostics();
  const report::Summary& summary = session->summary;
  if (!flags.write_baseline.empty()) {
    // With --baseline too, the findings it already holds stay recorded.
    std::vector<diag::Diagnostic> recorded = findings;
    for (const report::SuppressedFinding& s : summary.suppressed) {
      if (s.baselined) {
        recorded.push_back(s.finding);
      }
    }
    std::string err;
    if (!run::WriteBaseline(flags.write_baseline, recorded, session->loaded->input, &err)) {
      io.err << "irtcp: error: --write-baseline: " << util::TerminalSafe(err) << '\n';
      return kExitError;
    }
    PrintErrorsAndNotes(summary, io);
    io.err << "irtcp: wrote " << recorded.size() << " finding(s) to "
           << util::TerminalSafe(flags.write_baseline) << '\n';
    int code = summary.errors.empty() ? kExitClean : kExitError;
    KeepUntilExit(std::move(session));
    return code;
  }
  const bool to_file = output_file.is_open();
  const int terminal_fd = stdin_fixed ? 2 : 1;
  report::FormatOptions format;
  format.color = format_name == "text" && !to_file && UseColor(flags.output.color, terminal_fd);
  format.tool_version = IRTCP_VERSION;
  format.show_suppressed = flags.show_suppressed;
  if (format_name == "sarif") {
    format.source_root = FindSourceRoot();
    std::error_code ec;
    format.working_directory = std::filesystem::current_path(ec).string();
  }
  std::string ferr;
  auto formatter = report::MakeFormatter(
      format_name, to_file ? static_cast<std::ostream&>(output_file) : report_out, format, &ferr);
  if (formatter == nullptr) {
    io.err << "irtcp: error: " << util::TerminalSafe(ferr) << '\n';
    return kExitError;
  }
  formatter->Write(findings, summary);
  if (format_name == "text" && flags.show_suppressed) {
    for (const report::SuppressedFinding& s : summary.suppressed) {
      report_out << report::FormatText(s.finding, format)
                 << "    = note: " << (s.baselined ? "in the baseline" : "suppressed")
                 << (s.justification.empty() ? "" : ": " + s.justification) << '\n';
    }
  }
  bool output_failed = false;
  if (to_file) {
    output_file.close();
    if (!output_file) {
      io.err << "irtcp: error: --output-file " << util::TerminalSafe(flags.output_file)
             << ": write failed\n";
      output_failed = true;
    }
    // The chosen format went to the file; the terminal (or CI log) still shows the findings.
    report::FormatOptions text;
    text.color = UseColor(flags.output.color, terminal_fd);
    report::MakeFormatter("text", report_out, text, &ferr)->Write(findings, summary);
  }
  if (flags.quiet) {
    for (const std::string& e : summary.errors) {
      io.err << "irtcp: error: " << util::TerminalSafe(e) << '\n';
    }
  } else {
    PrintErrorsAndNotes(summary, io);
    PrintSummaryLine(findings, summary, io);
  }
  if (flags.fix) {
    PrintFixSummary(flags, fixed, findings, io);
  }
  int exit_code = write_failed || output_failed
                      ? kExitError
                      : run::ExitCode(findings, !summary.errors.empty(), fail_on);
  KeepUntilExit(std::move(session));
  return exit_code;
}

}  // namespace

void SetupValidate(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check manifests against the Traefik CRD schemas and irtcp's lint rules");
  AddInputFlags(*cmd, flags->input);
  flags->output.output.clear();  // unset: text, or github inside GitHub Actions
  AddOutputFlags(*cmd, flags->output, {"text", "json", "sarif", "github", "junit"}, "error");
  cmd->get_option("--output")
      ->description(
          "Output format: text|json|sarif|github|junit (default: text; github when "
          "GITHUB_ACTIONS=true)");
  cmd->add_option("--output-file", flags->output_file,
                  "Write the -o format to FILE; the findings still go to the terminal as text")
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", flags->quiet, "Print the findings only: no summary line, no notes");
  cmd->add_option("--crd", flags->crds,
                  "Validate against this CRD file instead of the bundled schema for its kind "
                  "(repeatable)")
      ->type_name("FILE");
  cmd->add_option("--upgrade-to", flags->upgrade_to,
                  "Report what changes or stops working when the cluster moves from "
                  "--traefik-version to this Traefik version (errors: what breaks; --fix applies "
                  "the safe fixes)")
      ->type_name("VERSION");
  cmd->add_flag("--strict-references", flags->strict_references,
                "Report references to objects missing from the input even where the input holds "
                "no object of that kind in that namespace");
  cmd->add_flag("--fix", flags->fix,
                "Apply safe fixes and write the files back (standard input: print the fixed text "
                "on stdout and the findings on stderr)");
  cmd->add_flag("--unsafe-fixes", flags->unsafe_fixes,
                "With --fix or --diff, apply unsafe fixes too (they may change the router name "
                "or priority)");
  cmd->add_flag("--diff", flags->diff,
                "Print a unified diff of what --fix would change instead of writing; exit 1 when "
                "there is something to fix");
  AddProviderFlags(*cmd, flags->provider);
  flags->output_option = cmd->get_option("--output");
  flags->fail_on_option = cmd->get_option("--fail-on");
  const std::string config_group = "Configuration and selection";
  cmd->add_option("--config", flags->config,
                  "Read this configuration file instead of looking for .irtcp.yaml from the "
                  "current directory up to the repository root")
      ->type_name("FILE")
      ->group(config_group);
  cmd->add_flag("--no-config", flags->no_config, "Ignore .irtcp.yaml")->group(config_group);
  cmd->add_flag("--show-config", flags->show_config,
                "Print the effective configuration and where each value came from, then exit "
                "(e.g. irtcp validate --show-config .)")
      ->group(config_group);
  cmd->add_option("--select", flags->select,
                  "Report only these codes, code prefixes (IRT1) or names (repeatable or "
                  "comma-separated; default: all)")
      ->type_name("CODE")
      ->allow_extra_args(false)
      ->take_all()
      ->group(config_group);
  cmd->add_option("--ignore", flags->ignore,
                  "Do not report these codes, prefixes or names (IRT001 always shows)")
      ->type_name("CODE")
      ->allow_extra_args(false)
      ->take_all()
      ->group(config_group);
  cmd->add_option("--severity", flags->severity,
                  "Report a code at another severity: CODE=error|warning|info|off (repeatable or "
                  "comma-separated)")
      ->type_name("CODE=LEVEL")
      ->allow_extra_args(false)
      ->take_all()
      ->group(config_group);
  cmd->add_option("--exclude", flags->exclude,
                  "Skip files matching this glob (* within a directory, ** across; a glob "
                  "without / matches any path component), repeatable or comma-separated")
      ->type_name("GLOB")
      ->allow_extra_args(false)
      ->take_all()
      ->group(config_group);
  cmd->add_flag("--show-suppressed", flags->show_suppressed,
                "Also list findings silenced by irtcp.io/ignore, # irtcp: ignore or the baseline")
      ->group(config_group);
  cmd->add_option("--baseline", flags->baseline,
                  "Report only findings not recorded in this baseline file")
      ->type_name("FILE")
      ->group(config_group);
  cmd->add_option("--write-baseline", flags->write_baseline,
                  "Record the findings in this baseline file and exit 0")
      ->type_name("FILE")
      ->group(config_group);
  cmd->add_option("--context-path", flags->context_paths,
                  "Also load these files or directories so references resolve, but report only "
                  "findings in PATHS (pre-commit hooks: --context-path . plus the changed files)")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->take_all()
      ->group(config_group);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunValidate(*flags, io);
  });
}

}  // namespace irtcp::cli
