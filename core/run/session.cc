#include "core/run/session.h"

#include <algorithm>

#include "core/lint/registry.h"
#include "core/lint/support/provider_view.h"
#include "core/lint/suppression.h"
#include "core/run/upgrade.h"
#include "core/validate/validate.h"

namespace irtcp::run {

namespace {

void Select(Session& s, const SessionOptions& options);

/// Catalog -> provider model -> checks over an already loaded input.
bool Analyse(Session& s, const SessionOptions& options, std::string* err) {
  s.catalog = std::make_unique<model::Catalog>(s.loaded->input);
  provider::BuildOptions build;
  build.complete_input = options.strict_references;
  s.provider = provider::Build(*s.catalog, s.static_config.provider, build);
  if (!s.provider.fatal_error.empty()) {
    *err = s.provider.fatal_error + " (Traefik would not start)";
    return false;
  }
  s.lint.default_rule_syntax = s.static_config.default_rule_syntax;
  s.lint.traefik_version = s.static_config.provider.traefik_version;
  s.lint.strict_references = options.strict_references;
  s.lint.static_config = &s.static_config;
  s.lint.catalog = s.catalog.get();
  s.lint.provider_result = &s.provider;
  lint::RuleContext ctx{s.loaded->input, s.lint};
  std::vector<std::string>& notes = s.summary.notes;
  if (options.command == Command::kValidate) {
    validate::ValidateOptions vo;
    vo.crd_paths = options.crd_paths;
    vo.lint = s.lint;
    vo.threads = options.load.threads;
    if (!validate::Validate(*s.loaded, vo, err)) {
      return false;
    }
    if (s.loaded->input.traefik_object_count() == 0 && s.loaded->collected.errors.empty()) {
      notes.push_back(
          "no Traefik TCP object (IngressRouteTCP, MiddlewareTCP, ServersTransportTCP, "
          "TLSOption, TLSStore) found in the input");
    }
    for (std::string& note : lint::CheckNotes(ctx)) {
      notes.push_back(std::move(note));
    }
  } else {
    lint::RunProviderChecks(ctx, s.loaded->sink);
    for (std::string& note : lint::SkippedReferenceNotes(ctx)) {
      notes.push_back(std::move(note));
    }
    for (std::string& note : lint::UnknownServerNotes(s.provider)) {
      notes.push_back(std::move(note));
    }
  }
  if (options.verbose) {
    for (const model::InputSet::NonManifest& f : s.loaded->input.non_manifests()) {
      notes.push_back("skipped " + f.path +
                      ": not Kubernetes YAML (no document has apiVersion or " + "kind)");
    }
    for (const auto& [kind, n] : s.loaded->input.skipped()) {
      notes.push_back("skipped " + std::to_string(n) + " object(s) of kind " + kind);
    }
  }
  if (options.verbose && s.loaded->excluded_files > 0) {
    notes.push_back("excluded " + std::to_string(s.loaded->excluded_files) +
                    " file(s) matching the exclude globs");
  }
  if (options.verbose && !s.loaded->context_only.empty()) {
    notes.push_back("loaded " + std::to_string(s.loaded->context_only.size()) +
                    " context file(s) for references; their own findings are not reported");
  }
  s.loaded->sink.Sort();
  Select(s, options);
  s.loaded->sink.Sort();
  AttachObjects(*s.loaded);
  return true;
}

/// Selection, then suppressions, then context files, then the baseline.
void Select(Session& s, const SessionOptions& options) {
  std::vector<diag::Diagnostic>& findings = s.loaded->sink.diagnostics();
  options.selection.Apply(findings);
  std::vector<report::SuppressedFinding>& suppressed = s.summary.suppressed;
  suppressed.clear();
  for (lint::SuppressedFinding& f :
       lint::ApplySuppressions(s.loaded->input, options.selection, findings)) {
    suppressed.push_back({std::move(f.finding), false, std::move(f.justification)});
  }
  if (!s.loaded->context_only.empty()) {
    auto in_context = [&](const diag::Diagnostic& d) {
      return s.loaded->IsContextOnly(d.file.get());
    };
    std::erase_if(findings, in_context);
    std::erase_if(suppressed,
                  [&](const report::SuppressedFinding& f) { return in_context(f.finding); });
  }
  for (diag::Diagnostic& d : ApplyBaseline(s.baseline, s.loaded->input, findings)) {
    suppressed.push_back({std::move(d), true, ""});
  }
}

/// --upgrade-to: checks the same sources as the target version reads them and turns the
/// session's findings into the upgrade report.
bool AnalyseUpgrade(Session& s, const SessionOptions& options, std::string* err) {
  SessionOptions to_options = options;
  to_options.upgrade_to.reset();
  to_options.static_config.traefik_version = *options.upgrade_to;
  to_options.static_config.traefik_version_origin = "--upgrade-to";
  Session t;
  std::vector<std::string> ignored;
  if (!config::BuildStaticConfig(to_options.static_config, &t.static_config, &ignored, err)) {
    return false;
  }
  const version::TraefikVersion& from = s.static_config.provider.traefik_version;
  const version::TraefikVersion& to = t.static_config.provider.traefik_version;
  if (version::LineIndex(to) <= version::LineIndex(from)) {
    *err = "--upgrade-to " + to.Line() + " is not later than the checked version " + from.Line() +
           " (set --traefik-version to the version the cluster runs now)";
    return false;
  }
  s.upgrade_to = to;
  t.baseline = s.baseline;
  t.loaded = std::make_unique<LoadedRun>(options.load.default_namespace);
  t.loaded->collected = s.loaded->collected;
  t.loaded->context_only = s.loaded->context_only;
  for (const source::SourceFilePtr& file : s.loaded->collected.sources) {
    t.loaded->input.AddSource(file, options.load.yaml, t.loaded->sink);
  }
  if (!Analyse(t, to_options, err)) {
    return false;
  }
  std::vector<diag::Diagnostic>& findings = s.loaded->sink.diagnostics();
  findings = UpgradeItems(findings, std::move(t.loaded->sink.diagnostics()), from, to);
  s.loaded->sink.Sort();
  std::vector<std::string>& notes = s.summary.notes;
  notes.clear();
  notes.push_back("upgrade report from Traefik " + from.Display() + " to " + to.Display() +
                  ": only what changes is listed (run without --upgrade-to for the findings on " +
                  from.Line() + ")");
  for (std::string& note : UpgradeNotes(from, to)) {
    notes.push_back(std::move(note));
  }
  s.summary.suppressed.clear();
  return true;
}

void FillSummary(Session& s) {
  std::vector<std::string> analysis_notes = std::move(s.summary.notes);
  std::vector<report::SuppressedFinding> suppressed = std::move(s.summary.suppressed);
  s.summary = s.loaded->MakeSummary();
  s.summary.suppressed = std::move(suppressed);
  s.summary.traefik_version = s.static_config.provider.traefik_version.Display();
  s.summary.notes = s.config_notes;
  s.summary.notes.insert(s.summary.notes.end(), analysis_notes.begin(), analysis_notes.end());
}

}  // namespace

std::unique_ptr<Session> RunSession(const SessionOptions& options) {
  auto s = std::make_unique<Session>();
  if (!config::BuildStaticConfig(options.static_config, &s->static_config, &s->config_notes,
                                 &s->fatal_error)) {
    return s;
  }
  s->config_notes.insert(s->config_notes.begin(), options.config_notes.begin(),
                         options.config_notes.end());
  if (!options.baseline_path.empty() &&
      !LoadBaseline(options.baseline_path, &s->baseline, &s->fatal_error)) {
    s->fatal_error = "--baseline: " + s->fatal_error;
    return s;
  }
  s->loaded = Load(options.load);
  if (!s->loaded->fatal_error.empty()) {
    s->fatal_error = s->loaded->fatal_error;
    return s;
  }
  if (!Analyse(*s, options, &s->fatal_error)) {
    return s;
  }
  if (options.upgrade_to && !AnalyseUpgrade(*s, options, &s->fatal_error)) {
    return s;
  }
  FillSummary(*s);
  return s;
}

std::unique_ptr<Session> RecheckSources(const Session& base, const SessionOptions& options,
                                        const std::vector<source::SourceFilePtr>& sources,
                                        std::string* err) {
  auto s = std::make_unique<Session>();
  s->static_config = base.static_config;
  s->config_notes = base.config_notes;
  s->baseline = base.baseline;
  s->loaded = std::make_unique<LoadedRun>(options.load.default_namespace);
  s->loaded->collected = base.loaded->collected;
  s->loaded->excluded_files = base.loaded->excluded_files;
  s->loaded->collected.sources = sources;
  for (const source::SourceFilePtr& file : sources) {
    s->loaded->input.AddSource(file, options.load.yaml, s->loaded->sink);
  }
  // Findings about inputs that were never parsed (too large, Helm templates) stay.
  const std::vector<source::SourceFilePtr>& originals = base.loaded->collected.sources;
  for (std::size_t i = 0; i < originals.size() && i < sources.size(); ++i) {
    if (base.loaded->IsContextOnly(originals[i].get())) {
      s->loaded->context_only.push_back(sources[i].get());
    }
  }
  for (const diag::Diagnostic& d : base.loaded->sink.diagnostics()) {
    if (d.file != nullptr &&
        std::find(originals.begin(), originals.end(), d.file) == originals.end()) {
      s->loaded->sink.Add(d);
    }
  }
  if (!Analyse(*s, options, err)) {
    return nullptr;
  }
  if (options.upgrade_to && !AnalyseUpgrade(*s, options, err)) {
    return nullptr;
  }
  FillSummary(*s);
  return s;
}

}  // namespace irtcp::run
