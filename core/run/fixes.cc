#include "core/run/fixes.h"

namespace irtcp::run {

bool RunFixes(const Session& session, const SessionOptions& options,
              const FixRunOptions& fix_options, FixRunResult* result, std::string* err) {
  const std::vector<source::SourceFilePtr>& originals = session.loaded->collected.sources;
  bool first = true;
  fix::CheckFn check = [&](const std::vector<source::SourceFilePtr>& sources,
                           std::vector<diag::Diagnostic>* findings, std::string* check_err) {
    if (first) {  // the originals were checked already
      first = false;
      *findings = session.loaded->sink.diagnostics();
      return true;
    }
    std::unique_ptr<Session> next = RecheckSources(session, options, sources, check_err);
    if (next == nullptr) {
      return false;
    }
    *findings = next->loaded->sink.diagnostics();
    result->session = std::move(next);
    return true;
  };
  fix::LoopOptions loop_options;
  loop_options.selection =
      fix_options.unsafe ? fix::Selection::kSafeAndUnsafe : fix::Selection::kSafe;
  if (!fix::FixUntilStable(originals, check, loop_options, &result->loop, err)) {
    return false;
  }
  for (std::size_t i = 0; i < originals.size(); ++i) {
    if (originals[i]->text() != result->loop.sources[i]->text()) {
      ++result->files_changed;
    }
  }
  return true;
}

}  // namespace irtcp::run
