// Text for a terminal. Manifests are untrusted: a value may hold an ESC sequence that sets the
// terminal's title, a CR that overwrites the line, a NUL from a binary file, or an LF that starts
// a fake `file:line:col:` finding. Every text formatter passes such bytes through here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace irtcp::util {

/// Appends `s` with every byte a terminal would act on shown as a visible escape, so one value
/// stays on one line and prints as the characters it holds:
/// - `\n`, `\r` and `\t` for LF, CR and TAB;
/// - `\xHH` (lower-case hex) for the other C0 control bytes (NUL is `\x00`, ESC `\x1b`), DEL,
///   and each byte that is not valid UTF-8;
/// - `\u{HH}` for the C1 control characters U+0080..U+009F, and `\u{HHHH}` for the line and
///   paragraph separators (U+2028, U+2029) and the bidirectional controls (U+061C, U+200E,
///   U+200F, U+202A..U+202E, U+2066..U+2069) that reorder what the terminal shows.
/// Everything else (printable ASCII, valid UTF-8, backslashes) is copied as it is. Escaping is
/// per character, so escaping the parts of a string and joining them equals escaping the whole.
void AppendTerminalSafe(std::string_view s, std::string* out);
std::string TerminalSafe(std::string_view s);
/// The same, but the single-byte control characters in `keep` (such as "\n") are copied as
/// they are: for multi-line output (markdown) and for encodings that handle those bytes
/// themselves (GitHub's workflow commands write CR and LF as %0D and %0A).
void AppendTerminalSafeKeeping(std::string_view s, std::string_view keep, std::string* out);

/// True when AppendTerminalSafe would copy `s` unchanged.
bool IsTerminalSafe(std::string_view s);

/// The width of `s` after escaping, in characters (code points), the unit columns count in.
std::size_t TerminalSafeWidth(std::string_view s);

}  // namespace irtcp::util
