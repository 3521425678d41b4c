// "Did you mean" suggestions (edit distance), like ninja's SpellcheckStringV.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace irtcp::util {

/// Levenshtein distance (case-sensitive), capped at `max` + 1 for speed.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t max = 1000);

/// The candidate closest to `word` within a distance of max(2, |word| / 3) (case-insensitive
/// matches count as distance 0); "" when none is close enough.
std::string_view ClosestMatch(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace irtcp::util
