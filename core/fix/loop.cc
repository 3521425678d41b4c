#include "core/fix/loop.h"

#include <memory>
#include <utility>

namespace irtcp::fix {

namespace {

/// Index of the input a finding is about, or sources.size().
std::size_t InputOf(const diag::Diagnostic& d, const std::vector<source::SourceFilePtr>& sources) {
  if (d.file == nullptr) {
    return sources.size();
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i] == d.file) {
      return i;
    }
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i]->path() == d.file->path() && sources[i]->text() == d.file->text()) {
      return i;
    }
  }
  return sources.size();
}

}  // namespace

bool FixUntilStable(const std::vector<source::SourceFilePtr>& sources, const CheckFn& check,
                    const LoopOptions& options, LoopResult* result, std::string* err) {
  *result = LoopResult{};
  result->sources = sources;
  for (int pass = 0;; ++pass) {
    result->findings.clear();
    if (!check(result->sources, &result->findings, err)) {
      return false;
    }
    if (pass >= options.max_passes) {
      // Report what is left, but say the loop did not settle if anything could still apply.
      for (const diag::Diagnostic& d : result->findings) {
        if (d.fix && IsSelected(d.fix->applicability, options.selection) &&
            InputOf(d, result->sources) < result->sources.size()) {
          result->converged = false;
          break;
        }
      }
      return true;
    }
    std::vector<std::vector<const diag::Fix*>> per_input(result->sources.size());
    for (const diag::Diagnostic& d : result->findings) {
      std::size_t i = InputOf(d, result->sources);
      if (d.fix && i < per_input.size()) {
        per_input[i].push_back(&*d.fix);
      }
    }
    std::size_t applied = 0;
    std::vector<source::SourceFilePtr> next = result->sources;
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (per_input[i].empty()) {
        continue;
      }
      ApplyResult r = ApplyFixes(next[i]->text(), per_input[i], options.selection);
      if (r.applied == 0 || r.text == next[i]->text()) {
        continue;
      }
      applied += r.applied;
      next[i] = std::make_shared<source::SourceFile>(next[i]->path(), std::move(r.text));
    }
    if (applied == 0) {
      return true;  // result->findings were made on result->sources
    }
    result->applied += applied;
    ++result->passes;
    result->sources = std::move(next);
  }
}

}  // namespace irtcp::fix
