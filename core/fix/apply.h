// The fix engine: applies the byte edits of findings' fixes to a file's original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"

namespace irtcp::fix {

/// Which fixes to apply: `--fix` takes the safe ones, `--fix --unsafe-fixes` all of them.
enum class Selection : std::uint8_t { kSafe, kSafeAndUnsafe };

/// Whether `selection` takes a fix of `applicability`.
bool IsSelected(diag::Applicability applicability, Selection selection);

/// What one application did to one text.
struct ApplyResult {
  std::string text;              ///< the fixed text (the original when nothing applied)
  std::size_t applied = 0;       ///< fixes whose edits are in `text`
  std::size_t overlapping = 0;   ///< selected fixes left out because they touch an applied one
  std::size_t not_selected = 0;  ///< unsafe fixes left out under Selection::kSafe
  std::size_t invalid = 0;       ///< fixes with edits out of range, inside a UTF-8 character,
                                 ///< or overlapping each other (a rule bug; never applied)
};

/// True when the file's first line break is "\r\n": replacements then get "\r\n" too.
bool UsesCrlf(std::string_view text);

/// Applies the selected `fixes` to `text`, whose byte offsets they refer to. Fixes are taken in
/// order of their first edit (ties keep the given order); a fix whose edits overlap or touch an
/// edit already taken is left for the next pass, as ruff does, so that two fixes never rewrite
/// the same bytes. A fix identical to one already taken (two findings, one mend) is dropped. In a
/// CRLF file every lone "\n" in a replacement becomes "\r\n".
ApplyResult ApplyFixes(std::string_view text, const std::vector<const diag::Fix*>& fixes,
                       Selection selection);

}  // namespace irtcp::fix
