#include "core/fix/diff.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace irtcp::fix {

namespace {

/// Lines with their line breaks.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

enum class Op : char { kKeep = ' ', kDelete = '-', kInsert = '+' };

struct Step {
  Op op;
  std::size_t a;  ///< line index in `before` (kKeep, kDelete)
  std::size_t b;  ///< line index in `after` (kKeep, kInsert)
};

/// Myers' O(ND) shortest edit script between a[lo_a, hi_a) and b[lo_b, hi_b). Keeps only the
/// diagonal band [-d, d] of each round, so memory is O(D^2); fixes change little, so D is small.
void Myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
           std::size_t lo_a, std::size_t hi_a, std::size_t lo_b, std::size_t hi_b,
           std::vector<Step>* steps) {
  const long n = static_cast<long>(hi_a - lo_a);
  const long m = static_cast<long>(hi_b - lo_b);
  auto line_a = [&](long x) { return a[lo_a + static_cast<std::size_t>(x)]; };
  auto line_b = [&](long y) { return b[lo_b + static_cast<std::size_t>(y)]; };
  std::vector<std::vector<long>> trace;  // trace[d][k + d] = furthest x on diagonal k
  std::vector<long> prev;
  long found_d = -1;
  for (long d = 0; d <= n + m && found_d < 0; ++d) {
    std::vector<long> v(static_cast<std::size_t>(2 * d + 1), 0);
    auto get_prev = [&](long k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
    for (long k = -d; k <= d; k += 2) {
      long x = 0;
      if (d == 0) {
        x = 0;
      } else if (k == -d || (k != d && get_prev(k - 1) < get_prev(k + 1))) {
        x = get_prev(k + 1);
      } else {
        x = get_prev(k - 1) + 1;
      }
      long y = x - k;
      while (x < n && y < m && line_a(x) == line_b(y)) {
        ++x;
        ++y;
      }
      v[static_cast<std::size_t>(k + d)] = x;
      if (x >= n && y >= m) {
        found_d = d;
      }
    }
    trace.push_back(v);
    prev = std::move(v);
  }
  // Walk back from (n, m) through the stored rounds.
  std::vector<Step> reversed;
  long x = n;
  long y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<std::size_t>(d - 1)];
    auto at = [&](long k) { return pv[static_cast<std::size_t>(k + d - 1)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    long prev_x = at(prev_k);
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      reversed.push_back(
          {Op::kKeep, lo_a + static_cast<std::size_t>(x), lo_b + static_cast<std::size_t>(y)});
    }
    if (x == prev_x) {
      --y;
      reversed.push_back(
          {Op::kInsert, lo_a + static_cast<std::size_t>(x), lo_b + static_cast<std::size_t>(y)});
    } else {
      --x;
      reversed.push_back(
          {Op::kDelete, lo_a + static_cast<std::size_t>(x), lo_b + static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x;
    --y;
    reversed.push_back(
        {Op::kKeep, lo_a + static_cast<std::size_t>(x), lo_b + static_cast<std::size_t>(y)});
  }
  steps->insert(steps->end(), reversed.rbegin(), reversed.rend());
}

/// "start,count" as diff -u writes it: count 1 is omitted; an empty range names the line before.
std::string Range(std::size_t start, std::size_t count) {
  if (count == 1) {
    return std::to_string(start + 1);
  }
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

void AppendLine(std::string* out, char prefix, std::string_view line) {
  *out += prefix;
  out->append(line);
  if (line.empty() || line.back() != '\n') {
    *out += "\n\\ No newline at end of file\n";
  }
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view old_label,
                        std::string_view new_label, int context) {
  if (before == after) {
    return {};
  }
  std::vector<std::string_view> a = SplitLines(before);
  std::vector<std::string_view> b = SplitLines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) {
    steps.push_back({Op::kKeep, i, i});
  }
  Myers(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, &steps);
  for (std::size_t i = 0; i < suffix; ++i) {
    steps.push_back({Op::kKeep, a.size() - suffix + i, b.size() - suffix + i});
  }

  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  std::string out;
  out += "--- ";
  out.append(old_label);
  out += "\n+++ ";
  out.append(new_label);
  out += '\n';
  std::size_t i = 0;
  while (i < steps.size()) {
    // Find the next change, then grow the hunk while changes are within 2*ctx of each other.
    std::size_t first = i;
    while (first < steps.size() && steps[first].op == Op::kKeep) {
      ++first;
    }
    if (first == steps.size()) {
      break;
    }
    std::size_t begin = first >= ctx ? first - ctx : 0;
    begin = std::max(begin, i);
    std::size_t last = first;  // last change in the hunk
    std::size_t j = first + 1;
    while (j < steps.size()) {
      if (steps[j].op != Op::kKeep) {
        last = j;
        ++j;
        continue;
      }
      std::size_t k = j;
      while (k < steps.size() && steps[k].op == Op::kKeep) {
        ++k;
      }
      if (k < steps.size() && k - j <= 2 * ctx) {
        j = k;
        continue;
      }
      break;
    }
    std::size_t end = std::min(steps.size(), last + 1 + ctx);
    std::size_t a_start = 0;
    std::size_t b_start = 0;
    std::size_t a_count = 0;
    std::size_t b_count = 0;
    bool a_set = false;
    bool b_set = false;
    for (std::size_t s = begin; s < end; ++s) {
      if (steps[s].op != Op::kInsert) {
        a_start = a_set ? a_start : steps[s].a;
        a_set = true;
        ++a_count;
      }
      if (steps[s].op != Op::kDelete) {
        b_start = b_set ? b_start : steps[s].b;
        b_set = true;
        ++b_count;
      }
    }
    if (!a_set) {
      a_start = steps[begin].a;
    }
    if (!b_set) {
      b_start = steps[begin].b;
    }
    out += "@@ -" + Range(a_start, a_count) + " +" + Range(b_start, b_count) + " @@\n";
    for (std::size_t s = begin; s < end; ++s) {
      const Step& st = steps[s];
      AppendLine(&out, static_cast<char>(st.op), st.op == Op::kInsert ? b[st.b] : a[st.a]);
    }
    i = end;
  }
  return out;
}

}  // namespace irtcp::fix
