#include "core/validate/validate.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "core/lint/registry.h"
#include "core/schema/schema_set.h"

namespace irtcp::validate {

namespace {

/// Reads the --crd files into one source (several files: one stream of their documents).
source::SourceFilePtr ReadCrds(const std::vector<std::string>& paths, std::string* err) {
  std::string text;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *err = "--crd " + path + ": cannot read the file";
      return nullptr;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!text.empty()) {
      text += "\n---\n";
    }
    text += ss.str();
  }
  return std::make_shared<source::SourceFile>(paths.size() == 1 ? paths[0] : "--crd files",
                                              std::move(text));
}

}  // namespace

bool Validate(run::LoadedRun& run, const ValidateOptions& options, std::string* err) {
  std::unique_ptr<schema::SchemaSet> custom;
  const schema::SchemaSet* schemas = &schema::SchemaSet::ForVersion(options.lint.traefik_version);
  if (!options.crd_paths.empty()) {
    source::SourceFilePtr crd = ReadCrds(options.crd_paths, err);
    if (crd == nullptr) {
      return false;
    }
    std::string crd_err;
    custom = schema::SchemaSet::FromCrd(crd, &crd_err, *schemas);
    if (custom == nullptr) {
      *err = "--crd " + crd->path() + ": " + crd_err;
      return false;
    }
    schemas = custom.get();
  }
  // Schema checks are per object and SchemaSet::Validate may run concurrently: check on
  // `threads` workers, each object into its own sink, merged in input order (the same findings
  // in the same order as one thread gives).
  std::vector<const model::Object*> checked;
  for (const model::Object& obj : run.input.objects()) {
    if (model::IsTraefikCrdKind(obj.kind)) {
      checked.push_back(&obj);
    }
  }
  std::vector<diag::DiagnosticSink> sinks(checked.size());
  run::ParallelFor(checked.size(), run::WorkerCount(options.threads, checked.size() / 64 + 1),
                   [&](std::size_t i) { schemas->Validate(*checked[i], sinks[i]); });
  for (diag::DiagnosticSink& sink : sinks) {
    for (diag::Diagnostic& d : sink.diagnostics()) {
      run.sink.Add(std::move(d));
    }
  }
  lint::RuleContext ctx{run.input, options.lint};
  lint::RunChecks(ctx, run.sink);
  return true;
}

}  // namespace irtcp::validate
