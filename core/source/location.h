// Source positions. Parser marks are 0-based; everything irtcp stores and prints is 1-based.
#pragma once

#include <cstdint>

namespace irtcp::source {

/// A position in a source file: 1-based line, 1-based column counted in characters (code points),
/// and the 0-based byte offset into the file's text (for fixes and snippets). line == 0 means
/// "no position" (e.g. a finding about a whole run).
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;

  bool valid() const { return line != 0; }
  friend bool operator==(const Location&, const Location&) = default;
};

/// A half-open byte range [begin, end) in a source file, with the start position.
struct Span {
  Location begin;
  std::uint32_t end_offset = 0;
};

}  // namespace irtcp::source
