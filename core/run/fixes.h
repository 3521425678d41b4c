// `validate --fix` / `--diff` without the terminal: apply fixes until they settle, re-checking
// the fixed text in memory after each pass. Writing files and printing diffs stay with the CLI.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/fix/loop.h"
#include "core/run/session.h"

namespace irtcp::run {

struct FixRunOptions {
  bool unsafe = false;  ///< --unsafe-fixes: apply unsafe fixes too
};

struct FixRunResult {
  /// Findings on the fixed text; null when no pass changed anything.
  std::unique_ptr<Session> session;
  fix::LoopResult loop;  ///< loop.sources: the texts after fixing, in input order
  std::size_t files_changed = 0;
};

/// Fixes the inputs of a validate session. False with *err on an operational error.
bool RunFixes(const Session& session, const SessionOptions& options,
              const FixRunOptions& fix_options, FixRunResult* result, std::string* err);

}  // namespace irtcp::run
