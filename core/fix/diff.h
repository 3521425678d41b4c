// Unified diffs of a file's text before and after fixing, for `irtcp validate --diff`.
#pragma once

#include <string>
#include <string_view>

namespace irtcp::fix {

/// A unified diff of `before` and `after` in the shape of `diff -u` (and ruff's `--diff`): a
/// `--- old_label` / `+++ new_label` header, then hunks with `context` lines of context around
/// each change. A last line without a line break gets "\ No newline at end of file". Empty
/// when the texts are equal. Line breaks ("\n" or "\r\n") are kept as they are.
std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view old_label,
                        std::string_view new_label, int context = 3);

}  // namespace irtcp::fix
