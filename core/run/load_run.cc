#include "core/run/load_run.h"

namespace irtcp::run {

report::Summary LoadedRun::MakeSummary() const {
  report::Summary s;
  s.files = input.files().size();
  s.documents = input.document_count();
  s.objects = input.objects().size();
  s.traefik_objects = static_cast<std::size_t>(input.traefik_object_count());
  for (const auto& [kind, n] : input.skipped()) {
    s.skipped_objects += static_cast<std::size_t>(n);
  }
  s.errors = collected.errors;
  return s;
}

std::unique_ptr<LoadedRun> Load(const LoadOptions& options) {
  auto run = std::make_unique<LoadedRun>(options.default_namespace);
  run->collected = input::Collect(options.paths, options.collect, run->sink);
  for (const source::SourceFilePtr& file : run->collected.sources) {
    run->input.AddSource(file, options.yaml, run->sink);
  }
  return run;
}

int ExitCode(const std::vector<diag::Diagnostic>& diagnostics, bool had_errors,
             std::optional<diag::Severity> fail_on) {
  if (had_errors) {
    return 2;
  }
  if (fail_on.has_value()) {
    for (const diag::Diagnostic& d : diagnostics) {
      if (d.severity >= *fail_on) {
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace irtcp::run
