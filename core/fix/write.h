// Writing fixed text back: atomically, through symlinks, and only over what was read.
#pragma once

#include <string>
#include <string_view>

namespace irtcp::fix {

/// The error text when the file is not what was read (exact wording is part of the CLI output).
inline constexpr std::string_view kChangedOnDisk =
    "file changed on disk since it was read; not written";

/// Replaces the file at `path` with `text`, provided it still holds `expected` (the text it was
/// read with). A symlink is followed to its final target, the target is replaced and the link
/// is left alone. The new file is written to a temporary file in the target's directory, gets
/// the target's permission bits (and owner, when allowed), is synced, and is renamed over the
/// target, so readers see the old or the new file, never a mix. Hard links to the target are
/// not updated (they keep the old text), as with any rename-based writer. False with *err
/// (without the path) when nothing was written.
bool WriteFileAtomically(const std::string& path, std::string_view expected, std::string_view text,
                         std::string* err);

}  // namespace irtcp::fix
