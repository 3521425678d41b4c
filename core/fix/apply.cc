#include "core/fix/apply.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>

namespace irtcp::fix {

namespace {

bool IsContinuationByte(std::string_view text, std::uint32_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0U) == 0x80U;
}

/// Sorted edits of `fix`, or false when they are out of range, split a UTF-8 character or
/// overlap each other.
bool SortedEdits(std::string_view text, const diag::Fix& fix, std::vector<diag::Edit>* out) {
  *out = fix.edits;
  std::stable_sort(out->begin(), out->end(), [](const diag::Edit& a, const diag::Edit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::uint32_t last_end = 0;
  for (const diag::Edit& e : *out) {
    if (e.begin > e.end || e.end > text.size() || e.begin < last_end ||
        IsContinuationByte(text, e.begin) || IsContinuationByte(text, e.end)) {
      return false;
    }
    last_end = e.end;
  }
  return !out->empty();
}

/// Closed-interval test: touching counts, so an insertion next to a replacement waits a pass.
bool Touches(const diag::Edit& a, const diag::Edit& b) {
  return a.begin <= b.end && b.begin <= a.end;
}

bool SameEdits(const std::vector<diag::Edit>& a, const std::vector<diag::Edit>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const diag::Edit& x, const diag::Edit& y) {
                      return x.begin == y.begin && x.end == y.end && x.replacement == y.replacement;
                    });
}

std::string ToCrlf(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) {
      out += '\r';
    }
    out += s[i];
  }
  return out;
}

}  // namespace

bool IsSelected(diag::Applicability applicability, Selection selection) {
  return applicability == diag::Applicability::kSafe || selection == Selection::kSafeAndUnsafe;
}

bool UsesCrlf(std::string_view text) {
  std::size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r';
}

ApplyResult ApplyFixes(std::string_view text, const std::vector<const diag::Fix*>& fixes,
                       Selection selection) {
  ApplyResult result;
  struct Candidate {
    std::size_t index;
    std::vector<diag::Edit> edits;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    if (fixes[i] == nullptr) {
      continue;
    }
    if (!IsSelected(fixes[i]->applicability, selection)) {
      ++result.not_selected;
      continue;
    }
    Candidate c{i, {}};
    if (!SortedEdits(text, *fixes[i], &c.edits)) {
      ++result.invalid;
      continue;
    }
    candidates.push_back(std::move(c));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     const diag::Edit& x = a.edits.front();
                     const diag::Edit& y = b.edits.front();
                     return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
                   });

  std::vector<const Candidate*> taken;
  std::vector<const diag::Edit*> accepted;  // every edit of the taken fixes
  for (const Candidate& c : candidates) {
    bool duplicate = std::any_of(taken.begin(), taken.end(),
                                 [&](const Candidate* t) { return SameEdits(t->edits, c.edits); });
    if (duplicate) {
      continue;
    }
    bool clash = std::any_of(c.edits.begin(), c.edits.end(), [&](const diag::Edit& e) {
      return std::any_of(accepted.begin(), accepted.end(),
                         [&](const diag::Edit* a) { return Touches(*a, e); });
    });
    if (clash) {
      ++result.overlapping;
      continue;
    }
    taken.push_back(&c);
    for (const diag::Edit& e : c.edits) {
      accepted.push_back(&e);
    }
  }
  result.applied = taken.size();
  if (taken.empty()) {
    result.text = std::string(text);
    return result;
  }

  std::stable_sort(accepted.begin(), accepted.end(),
                   [](const diag::Edit* a, const diag::Edit* b) { return a->begin < b->begin; });
  const bool crlf = UsesCrlf(text);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (const diag::Edit* e : accepted) {
    out.append(text.substr(pos, e->begin - pos));
    out += crlf ? ToCrlf(e->replacement) : e->replacement;
    pos = e->end;
  }
  out.append(text.substr(pos));
  result.text = std::move(out);
  return result;
}

}  // namespace irtcp::fix
