#include "core/util/terminal.h"

#include <cstdint>

#include "core/util/utf8.h"

namespace irtcp::util {

namespace {

constexpr char kHex[] = "0123456789abcdef";

bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x7F; }

/// Code points a terminal acts on although they are valid UTF-8.
bool IsHostileRune(std::int32_t r) {
  return (r >= 0x80 && r <= 0x9F) || r == 0x061C || r == 0x200E || r == 0x200F || r == 0x2028 ||
         r == 0x2029 || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069);
}

void AppendByteEscape(unsigned char c, std::string* out) {
  *out += "\\x";
  *out += kHex[c >> 4];
  *out += kHex[c & 0xF];
}

void AppendRuneEscape(std::int32_t r, std::string* out) {
  *out += "\\u{";
  bool started = false;
  for (int shift = 20; shift >= 0; shift -= 4) {
    auto digit = static_cast<std::uint32_t>(r >> shift) & 0xFU;
    if (digit != 0 || started || shift < 8) {
      *out += kHex[digit];
      started = true;
    }
  }
  *out += '}';
}

}  // namespace

bool IsTerminalSafe(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (IsPlainAscii(c)) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      return false;
    }
    std::int32_t r = 0;
    std::size_t w = 0;
    DecodeUtf8(s.substr(i), &r, &w);
    if ((r == kRuneError && w == 1) || IsHostileRune(r)) {
      return false;
    }
    i += w;
  }
  return true;
}

void AppendTerminalSafe(std::string_view s, std::string* out) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the run of plain ASCII at once: nearly all text is nothing else.
    std::size_t run = i;
    while (run < s.size() && IsPlainAscii(static_cast<unsigned char>(s[run]))) {
      ++run;
    }
    out->append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) {
      break;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\n':
          *out += "\\n";
          break;
        case '\r':
          *out += "\\r";
          break;
        case '\t':
          *out += "\\t";
          break;
        default:
          AppendByteEscape(c, out);
      }
      ++i;
      continue;
    }
    std::int32_t r = 0;
    std::size_t w = 0;
    DecodeUtf8(s.substr(i), &r, &w);
    if (r == kRuneError && w == 1) {
      AppendByteEscape(c, out);
    } else if (IsHostileRune(r)) {
      AppendRuneEscape(r, out);
    } else {
      out->append(s.data() + i, w);
    }
    i += w;
  }
}

void AppendTerminalSafeKeeping(std::string_view s, std::string_view keep, std::string* out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || keep.find(s[i]) != std::string_view::npos) {
      AppendTerminalSafe(s.substr(start, i - start), out);  // per character: parts join up
      if (i < s.size()) {
        *out += s[i];
      }
      start = i + 1;
    }
  }
}

std::string TerminalSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendTerminalSafe(s, &out);
  return out;
}

std::size_t TerminalSafeWidth(std::string_view s) {
  std::string escaped = TerminalSafe(s);
  std::size_t n = 0;
  for (char c : escaped) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++n;
    }
  }
  return n;
}

}  // namespace irtcp::util
