#include "cli/cmd_validate.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <vector>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/fix/diff.h"
#include "core/fix/loop.h"
#include "core/fix/write.h"
#include "core/lint/registry.h"
#include "core/model/catalog.h"
#include "core/validate/validate.h"

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
};

/// The fixing half of `validate --fix/--diff`: state the report needs afterwards.
struct FixOutcome {
  std::unique_ptr<run::LoadedRun> run;      ///< findings on the fixed text (null: none fixed)
  std::unique_ptr<model::Catalog> catalog;  ///< index of `run`'s input
  fix::LoopResult loop;
  std::size_t files_changed = 0;
  bool write_failed = false;
};

/// Whether `file` is standard input ("-" among the paths; it carries --stdin-filename).
bool IsStdin(const ValidateFlags& flags, const source::SourceFile& file) {
  bool has_dash = false;
  for (const std::string& p : flags.input.paths) {
    has_dash = has_dash || p == "-";
  }
  return has_dash && file.path() == flags.input.stdin_filename;
}

/// Applies fixes until they settle, re-validating the fixed text in memory each pass, then
/// prints a diff (--diff) or writes the files (--fix). Standard input's fixed text goes to
/// `stdin_out`. False on an operational error in validation (already printed).
bool RunFixes(const ValidateFlags& flags, const run::LoadedRun& loaded,
              const validate::ValidateOptions& options, std::ostream& stdin_out, Io& io,
              FixOutcome* outcome) {
  const std::vector<source::SourceFilePtr>& originals = loaded.collected.sources;
  bool first = true;
  fix::CheckFn check = [&](const std::vector<source::SourceFilePtr>& sources,
                           std::vector<diag::Diagnostic>* findings, std::string* err) {
    if (first) {  // the originals were validated already
      first = false;
      *findings = loaded.sink.diagnostics();
      return true;
    }
    auto next = std::make_unique<run::LoadedRun>(flags.input.ns);
    next->collected = loaded.collected;
    next->collected.sources = sources;
    for (const source::SourceFilePtr& file : sources) {
      next->input.AddSource(file, yaml::LoadOptions{}, next->sink);
    }
    // Findings about inputs that were never parsed (too large, Helm templates) stay.
    for (const diag::Diagnostic& d : loaded.sink.diagnostics()) {
      if (d.file != nullptr &&
          std::find(originals.begin(), originals.end(), d.file) == originals.end()) {
        next->sink.Add(d);
      }
    }
    auto next_catalog = std::make_unique<model::Catalog>(next->input);
    validate::ValidateOptions next_options = options;
    next_options.lint.catalog = next_catalog.get();
    if (!validate::Validate(*next, next_options, err)) {
      return false;
    }
    *findings = next->sink.diagnostics();
    outcome->run = std::move(next);
    outcome->catalog = std::move(next_catalog);
    return true;
  };
  fix::LoopOptions loop_options;
  loop_options.selection =
      flags.unsafe_fixes ? fix::Selection::kSafeAndUnsafe : fix::Selection::kSafe;
  std::string err;
  if (!fix::FixUntilStable(originals, check, loop_options, &outcome->loop, &err)) {
    io.err << "irtcp: error: " << err << '\n';
    return false;
  }
  for (std::size_t i = 0; i < originals.size(); ++i) {
    const source::SourceFile& before = *originals[i];
    const source::SourceFile& after = *outcome->loop.sources[i];
    const bool changed = before.text() != after.text();
    if (changed) {
      ++outcome->files_changed;
    }
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
        outcome->write_failed = true;
      }
    }
  }
  return true;
}

/// "applied 3 fixes", "1 unsafe fix available with --unsafe-fixes" lines on stderr.
void PrintFixSummary(const ValidateFlags& flags, const FixOutcome& outcome,
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
  provider::StaticConfig static_config;  // flags, then --traefik-config, then the defaults
  std::vector<std::string> config_notes;
  std::string config_err;
  if (!BuildStaticConfig(*flags.provider, &static_config, &config_notes, &config_err)) {
    io.err << "irtcp: error: " << config_err << '\n';
    return kExitError;
  }
  std::unique_ptr<run::LoadedRun> loaded = LoadInputs(flags.input, io);
  if (loaded == nullptr) {
    return kExitError;
  }
  auto catalog = std::make_unique<model::Catalog>(loaded->input);
  validate::ValidateOptions options;
  options.crd_paths = flags.crds;
  options.lint.default_rule_syntax = static_config.default_rule_syntax;
  options.lint.strict_references = flags.strict_references;
  options.lint.static_config = &static_config;
  options.lint.catalog = catalog.get();
  std::string err;
  if (!validate::Validate(*loaded, options, &err)) {
    io.err << "irtcp: error: " << err << '\n';
    return kExitError;
  }
  // --fix on standard input prints the fixed text on stdout, so the report goes to stderr.
  bool stdin_fixed = false;
  if (flags.fix && !flags.diff) {
    for (const source::SourceFilePtr& file : loaded->collected.sources) {
      stdin_fixed = stdin_fixed || IsStdin(flags, *file);
    }
  }
  std::ostream& report_out = stdin_fixed ? io.err : io.out;
  FixOutcome fixed;
  if (flags.fix || flags.diff) {
    if (!RunFixes(flags, *loaded, options, io.out, io, &fixed)) {
      return kExitError;
    }
    if (flags.diff) {
      PrintFixSummary(flags, fixed, fixed.loop.findings, io);
      return fixed.write_failed ? kExitError
                                : (fixed.files_changed > 0 ? kExitFindings : kExitClean);
    }
    if (fixed.run != nullptr) {  // report what remains in the fixed text
      loaded = std::move(fixed.run);
      options.lint.catalog = fixed.catalog.get();
    }
  }
  loaded->sink.Sort();
  report::Summary summary = loaded->MakeSummary();
  if (loaded->input.traefik_object_count() == 0 && loaded->collected.errors.empty()) {
    summary.notes.push_back(
        "no Traefik TCP object (IngressRouteTCP, MiddlewareTCP, "
        "ServersTransportTCP, TLSOption, TLSStore) found in the input");
  }
  summary.notes.insert(summary.notes.end(), config_notes.begin(), config_notes.end());
  for (std::string& note : lint::CheckNotes(lint::RuleContext{loaded->input, options.lint})) {
    summary.notes.push_back(std::move(note));
  }
  if (flags.input.verbose) {
    for (const auto& [kind, n] : loaded->input.skipped()) {
      summary.notes.push_back("skipped " + std::to_string(n) + " object(s) of kind " + kind);
    }
  }
  report::FormatOptions format;
  format.color = flags.output.output == "text" && UseColor(flags.output.color, stdin_fixed ? 2 : 1);
  format.tool_version = IRTCP_VERSION;
  std::string ferr;
  auto formatter = report::MakeFormatter(flags.output.output, report_out, format, &ferr);
  if (formatter == nullptr) {
    io.err << "irtcp: error: " << ferr << '\n';
    return kExitError;
  }
  formatter->Write(loaded->sink.diagnostics(), summary);
  PrintErrorsAndNotes(summary, io);
  if (flags.output.output == "text") {
    std::size_t counts[3] = {0, 0, 0};
    for (const diag::Diagnostic& d : loaded->sink.diagnostics()) {
      ++counts[static_cast<int>(d.severity)];
    }
    if (flags.input.verbose || counts[0] + counts[1] + counts[2] > 0) {
      io.err << "irtcp: " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
             << " info in " << summary.files << " file(s), " << summary.traefik_objects
             << " Traefik object(s) checked\n";
    }
  }
  if (flags.fix) {
    PrintFixSummary(flags, fixed, loaded->sink.diagnostics(), io);
  }
  if (fixed.write_failed) {
    return kExitError;
  }
  int exit_code = run::ExitCode(loaded->sink.diagnostics(), !summary.errors.empty(), fail_on);
  KeepUntilExit(std::move(catalog));
  KeepUntilExit(std::move(loaded));
  return exit_code;
}

}  // namespace

void SetupValidate(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check manifests against the Traefik CRD schemas and irtcp's lint rules");
  AddInputFlags(*cmd, flags->input);
  AddOutputFlags(*cmd, flags->output, {"text", "json", "sarif", "github"}, "error");
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
