// Fixing to a fixed point: check, apply, check the fixed text again, as ruff's `--fix` does.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/fix/apply.h"
#include "core/source/source_file.h"

namespace irtcp::fix {

/// Checks the given texts (one per input, same display paths) and returns the findings. Findings
/// are matched to inputs by `Diagnostic::file` (pointer, else path). False with *err on an
/// operational error, which stops the loop.
using CheckFn = std::function<bool(const std::vector<source::SourceFilePtr>& sources,
                                   std::vector<diag::Diagnostic>* findings, std::string* err)>;

struct LoopOptions {
  Selection selection = Selection::kSafe;
  /// Passes that may apply fixes; ruff stops at 100. Fixes that overlap wait for the next pass,
  /// and a fix may uncover another, so more than one pass is normal.
  int max_passes = 10;
};

struct LoopResult {
  /// The texts after fixing, in input order; unchanged inputs keep their SourceFilePtr.
  std::vector<source::SourceFilePtr> sources;
  /// Findings of the last check, made on `sources` (what remains after fixing).
  std::vector<diag::Diagnostic> findings;
  std::size_t applied = 0;  ///< fixes applied over all passes
  int passes = 0;           ///< passes that applied something
  bool converged = true;    ///< false when max_passes ran out while fixes still applied
};

/// Checks `sources`, applies the selected fixes of the findings to each text, and checks again
/// until a pass applies nothing (or `max_passes`). The original texts are never modified; the
/// caller writes or prints `LoopResult::sources`. False with *err when `check` fails.
bool FixUntilStable(const std::vector<source::SourceFilePtr>& sources, const CheckFn& check,
                    const LoopOptions& options, LoopResult* result, std::string* err);

}  // namespace irtcp::fix
