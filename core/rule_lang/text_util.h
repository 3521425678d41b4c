// Small text helpers shared by the rule-language files (UTF-8, Go-style quoting).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace irtcp::rule_lang {

inline constexpr std::int32_t kRuneError = 0xFFFD;

/// Decodes one UTF-8 sequence at the start of `s` (non-empty) the way Go does: on invalid input
/// `*rune` is kRuneError and `*width` is 1.
void DecodeUtf8(std::string_view s, std::int32_t* rune, std::size_t* width);

/// Appends the UTF-8 encoding of `rune` (invalid runes become U+FFFD).
void AppendUtf8(std::int32_t rune, std::string* out);

/// True if `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

/// Go's `%#U`: "U+0040 '@'" (the quoted character only when printable).
std::string FormatRune(std::int32_t rune);

/// Go's strconv.Quote / `%q`.
std::string GoQuote(std::string_view s);

/// ASCII lower-casing (Go strings.ToLower on ASCII input).
std::string AsciiLower(std::string_view s);

/// Go strings.EqualFold(a, b) where `a` is ASCII.
bool EqualFoldAscii(std::string_view ascii, std::string_view other);

/// Go regexp.QuoteMeta.
std::string QuoteMeta(std::string_view s);

}  // namespace irtcp::rule_lang
