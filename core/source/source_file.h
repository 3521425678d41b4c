// A loaded input file: its text as the user gave it, and a line index to map offsets to positions.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source/location.h"

namespace irtcp::source {

/// The text of one input (a file or standard input) plus a line-start index. Paths are kept exactly
/// as the user gave them, so findings print the same path back.
class SourceFile {
 public:
  SourceFile(std::string display_path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// Number of lines (a trailing line without a newline counts).
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// Byte offset where 1-based `line` starts.
  std::uint32_t LineStart(std::uint32_t line) const;
  /// The text of 1-based `line` without its line break ("\n" or "\r\n").
  std::string_view LineText(std::uint32_t line) const;

  /// Position of a byte offset (column counted in UTF-8 characters, 1-based).
  Location LocationAt(std::uint32_t offset) const;
  /// Position of a 0-based (line, character column) pair, as parser marks give them. The one place
  /// where 0-based marks become 1-based locations.
  Location FromMark(std::uint32_t line0, std::uint32_t column0) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  bool ascii_ = true;  ///< no byte >= 0x80: a column is a byte count
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

/// Number of UTF-8 characters in `text` (invalid bytes count one each).
std::uint32_t CountChars(std::string_view text);
/// Byte length of the first `chars` characters of `text` (clamped to its size).
std::uint32_t BytesForChars(std::string_view text, std::uint32_t chars);

}  // namespace irtcp::source
