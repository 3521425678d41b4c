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
#include "core/fix/diff.h"
#include "core/fix/write.h"
#include "core/run/fixes.h"

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
  std::string output_file;    ///< --output-file: the format goes there, text to the terminal
  bool quiet = false;         ///< --quiet: findings only, no summary or notes
};

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
        io.err << "irtcp: error: " << before.path() << ": " << werr << '\n';
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

int RunValidate(const ValidateFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on = diag::Severity::kError;
  if (!flags.output.fail_on.empty() && !ParseFailOn(flags.output.fail_on, &fail_on)) {
    return kExitError;
  }
  const std::string format_name = EffectiveFormat(flags);
  if (flags.diff && !flags.output.output.empty() && flags.output.output != "text") {
    io.err << "irtcp: error: --diff prints a unified diff; it cannot be combined with -o "
           << flags.output.output << '\n';
    return kExitError;
  }
  std::ofstream output_file;
  if (!flags.output_file.empty()) {
    output_file.open(flags.output_file, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      io.err << "irtcp: error: --output-file " << flags.output_file << ": " << std::strerror(errno)
             << '\n';
      return kExitError;
    }
  }
  run::SessionOptions options;
  options.command = run::Command::kValidate;
  options.static_config = *flags.provider;
  options.crd_paths = flags.crds;
  options.strict_references = flags.strict_references;
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
      io.err << "irtcp: error: " << err << '\n';
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
  const bool to_file = output_file.is_open();
  const int terminal_fd = stdin_fixed ? 2 : 1;
  report::FormatOptions format;
  format.color = format_name == "text" && !to_file && UseColor(flags.output.color, terminal_fd);
  format.tool_version = IRTCP_VERSION;
  if (format_name == "sarif") {
    format.source_root = FindSourceRoot();
    std::error_code ec;
    format.working_directory = std::filesystem::current_path(ec).string();
  }
  std::string ferr;
  auto formatter = report::MakeFormatter(
      format_name, to_file ? static_cast<std::ostream&>(output_file) : report_out, format, &ferr);
  if (formatter == nullptr) {
    io.err << "irtcp: error: " << ferr << '\n';
    return kExitError;
  }
  formatter->Write(findings, summary);
  bool output_failed = false;
  if (to_file) {
    output_file.close();
    if (!output_file) {
      io.err << "irtcp: error: --output-file " << flags.output_file << ": write failed\n";
      output_failed = true;
    }
    // The chosen format went to the file; the terminal (or CI log) still shows the findings.
    report::FormatOptions text;
    text.color = UseColor(flags.output.color, terminal_fd);
    report::MakeFormatter("text", report_out, text, &ferr)->Write(findings, summary);
  }
  if (flags.quiet) {
    for (const std::string& e : summary.errors) {
      io.err << "irtcp: error: " << e << '\n';
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
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunValidate(*flags, io);
  });
}

}  // namespace irtcp::cli
