#include "core/util/spell.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace irtcp::util {

namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t max) {
  if (a.size() > b.size()) {
    std::swap(a, b);
  }
  if (b.size() - a.size() > max) {
    return max + 1;
  }
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) {
    row[i] = i;
  }
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t prev = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t cur = row[i];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, prev + cost});
      prev = cur;
      best = std::min(best, row[i]);
    }
    if (best > max) {
      return max + 1;
    }
  }
  return row[a.size()];
}

std::string_view ClosestMatch(std::string_view word, std::span<const std::string_view> candidates) {
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  std::string lower_word(word.size(), ' ');
  std::transform(word.begin(), word.end(), lower_word.begin(), Lower);
  for (std::string_view c : candidates) {
    std::string lower_c(c.size(), ' ');
    std::transform(c.begin(), c.end(), lower_c.begin(), Lower);
    std::size_t d = lower_c == lower_word ? 0 : EditDistance(word, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace irtcp::util
