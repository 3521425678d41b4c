// UTF-8 as Go decodes it, shared by the YAML loader (IRT002) and the rule language.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace irtcp::util {

inline constexpr std::int32_t kRuneError = 0xFFFD;

/// Decodes one UTF-8 sequence at the start of `s` (non-empty) the way Go does: on invalid input
/// `*rune` is kRuneError and `*width` is 1 (a valid U+FFFD has width 3).
void DecodeUtf8(std::string_view s, std::int32_t* rune, std::size_t* width);

/// Appends the UTF-8 encoding of `rune` (invalid runes become U+FFFD).
void AppendUtf8(std::int32_t rune, std::string* out);

/// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF included), or npos.
std::size_t FindInvalidUtf8(std::string_view s);

/// True if `s` is valid UTF-8.
inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

}  // namespace irtcp::util
