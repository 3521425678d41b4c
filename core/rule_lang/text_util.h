// Small text helpers shared by the rule-language files (UTF-8, Go-style quoting).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/util/utf8.h"

namespace irtcp::rule_lang {

// UTF-8 decoding and validation live in core/util/utf8.h (shared with the YAML loader).
using util::AppendUtf8;
using util::DecodeUtf8;
using util::IsValidUtf8;
using util::kRuneError;

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
