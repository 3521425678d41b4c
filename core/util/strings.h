// Small string helpers that several modules need: suffix tests, Go's rendering of a string list,
// double-quoted escaping and JSON-pointer escaping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace irtcp::util {

/// Whether `s` ends with `suffix`.
bool EndsWith(std::string_view s, std::string_view suffix);

/// Go's fmt "%v" of a []string, as Traefik's log and error messages print one: "[a b c]".
std::string GoList(const std::vector<std::string>& items);

/// Appends `s` in double quotes with backslash escapes: `\"`, `\\`, `\n`, `\t`, `\r`, and `\xHH`
/// for the other control bytes and DEL. The result is a valid YAML double-quoted scalar and
/// readable in messages; other bytes (UTF-8 included) are copied as they are.
void AppendDoubleQuoted(std::string_view s, std::string* out);
std::string DoubleQuoted(std::string_view s);

/// Whether SplitCommaList trims spaces around each item.
enum class Trim : bool { kNone, kSpaces };

/// Appends the comma-separated items of `text` to *out, dropping empty ones (`a,,b` and a
/// trailing comma add nothing); with Trim::kSpaces, spaces around each item are removed first.
void SplitCommaList(std::string_view text, Trim trim, std::vector<std::string>* out);

/// Appends one JSON-pointer reference token (RFC 6901): `~` as `~0`, `/` as `~1`. The caller
/// writes the `/` before it.
void AppendJsonPointerToken(std::string_view token, std::string* out);

}  // namespace irtcp::util
