#include "core/source/source_file.h"

#include <algorithm>

namespace irtcp::source {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

}  // namespace

std::uint32_t CountChars(std::string_view text) {
  std::uint32_t n = 0;
  for (char c : text) {
    if (!IsContinuation(static_cast<unsigned char>(c))) {
      ++n;
    }
  }
  return n;
}

std::uint32_t BytesForChars(std::string_view text, std::uint32_t chars) {
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text[i]))) {
      if (seen == chars) {
        return static_cast<std::uint32_t>(i);
      }
      ++seen;
    }
  }
  return static_cast<std::uint32_t>(text.size());
}

namespace {

/// The offset just past the line break that starts at byte `i` of `text` (LF, CRLF, CR, NEL,
/// LS, PS: libyaml's), or 0 when none starts there.
std::size_t BreakAt(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  switch (at(i)) {
    case '\n':
      return i + 1;
    case '\r':
      return at(i + 1) == '\n' ? i + 2 : i + 1;
    case 0xC2:
      return at(i + 1) == 0x85 ? i + 2 : 0;  // NEL
    case 0xE2:
      return at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9) ? i + 3 : 0;
    default:
      return 0;
  }
}

}  // namespace

SourceFile::SourceFile(std::string display_path, std::string text)
    : path_(std::move(display_path)), text_(std::move(text)) {
  // A UTF-8 byte order mark is not part of line 1: columns count from after it.
  line_starts_.push_back(text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  // Lines break where libyaml breaks them (its marks count lines so): LF, CRLF, a lone CR
  // (classic Mac files), NEL (U+0085), LS and PS (U+2028, U+2029).
  unsigned char high = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    high = static_cast<unsigned char>(high | static_cast<unsigned char>(text_[i]));
    std::size_t after = BreakAt(text_, i);
    if (after != 0 && after < text_.size()) {
      line_starts_.push_back(static_cast<std::uint32_t>(after));
      i = after - 1;
    }
  }
  ascii_ = (high & 0x80U) == 0;
}

std::uint32_t SourceFile::LineStart(std::uint32_t line) const {
  if (line == 0) {
    return 0;
  }
  if (line > line_starts_.size()) {
    return static_cast<std::uint32_t>(text_.size());
  }
  return line_starts_[line - 1];
}

std::string_view SourceFile::LineText(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) {
    return {};
  }
  std::uint32_t begin = line_starts_[line - 1];
  std::size_t end = begin;
  while ((end = text_.find_first_of("\r\n\xC2\xE2", end)) != std::string::npos &&
         BreakAt(text_, end) == 0) {
    ++end;
  }
  if (end == std::string::npos) {
    end = text_.size();
  }
  return std::string_view(text_).substr(begin, end - begin);
}

Location SourceFile::LocationAt(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line_index = static_cast<std::uint32_t>(it - line_starts_.begin());  // 1-based line
  if (line_index == 0) {  // inside the byte order mark
    return Location{1, 1, offset};
  }
  std::uint32_t start = line_starts_[line_index - 1];
  if (ascii_) {
    return Location{line_index, offset - start + 1, offset};
  }
  std::string_view prefix = std::string_view(text_).substr(start, offset - start);
  return Location{line_index, CountChars(prefix) + 1, offset};
}

Location SourceFile::FromMark(std::uint32_t line0, std::uint32_t column0) const {
  std::uint32_t line = line0 + 1;
  if (line > line_starts_.size()) {
    // A mark at the very end of a file that ends with a newline.
    return LocationAt(static_cast<std::uint32_t>(text_.size()));
  }
  std::uint32_t start = line_starts_[line - 1];
  if (ascii_) {  // one byte per character: no need to walk the line
    return Location{
        line, column0 + 1,
        std::min<std::uint32_t>(start + column0, static_cast<std::uint32_t>(text_.size()))};
  }
  std::string_view rest = std::string_view(text_).substr(start);
  return Location{line, column0 + 1, start + BytesForChars(rest, column0)};
}

}  // namespace irtcp::source
