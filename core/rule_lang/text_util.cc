#include "core/rule_lang/text_util.h"

#include <cstdio>

namespace irtcp::rule_lang {

namespace {
// Approximation of unicode.IsPrint: ASCII graphic + space, and non-ASCII except controls,
// format characters commonly met in hostile input, and separators.
bool IsPrint(std::int32_t r) {
  if (r < 0x80) {
    return r >= 0x20 && r < 0x7F;
  }
  if (r < 0xA0 || r == 0xAD) {
    return false;
  }
  if ((r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F) || r == 0xFEFF ||
      (r >= 0xFFF9 && r <= 0xFFFB) || r == 0x3000 || (r >= 0xE000 && r <= 0xF8FF) || r >= 0xF0000 ||
      r == 0xFFFE || r == 0xFFFF) {
    return false;
  }
  return true;
}
}  // namespace

std::string FormatRune(std::int32_t r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(r));
  std::string out = buf;
  if (IsPrint(r)) {
    out += " '";
    AppendUtf8(r, &out);
    out += "'";
  }
  return out;
}

std::string GoQuote(std::string_view s) {
  std::string out = "\"";
  std::size_t i = 0;
  char buf[16];
  while (i < s.size()) {
    std::int32_t r = 0;
    std::size_t w = 0;
    DecodeUtf8(s.substr(i), &r, &w);
    if (r == kRuneError && w == 1) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
      out += buf;
      i += 1;
      continue;
    }
    i += w;
    if (r == '"' || r == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(r));
    } else if (IsPrint(r)) {
      AppendUtf8(r, &out);
    } else {
      switch (r) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        default:
          if (r < 0x20 || r == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
          } else if (r < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
          } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
          }
          out += buf;
      }
    }
  }
  out += "\"";
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

bool EqualFoldAscii(std::string_view ascii, std::string_view other) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < ascii.size() && j < other.size()) {
    auto a = static_cast<unsigned char>(ascii[i]);
    std::int32_t r = 0;
    std::size_t w = 0;
    DecodeUtf8(other.substr(j), &r, &w);
    j += w;
    ++i;
    std::int32_t la = (a >= 'A' && a <= 'Z') ? a - 'A' + 'a' : a;
    std::int32_t lr = (r >= 'A' && r <= 'Z') ? r - 'A' + 'a' : r;
    // The only non-ASCII runes whose case-fold orbit contains ASCII letters.
    if (r == 0x212A) {
      lr = 'k';
    } else if (r == 0x017F) {
      lr = 's';
    }
    if (la != lr) {
      return false;
    }
  }
  return i == ascii.size() && j == other.size();
}

std::string QuoteMeta(std::string_view s) {
  static constexpr std::string_view kSpecial = "\\.+*?()|[]{}^$";
  std::string out;
  for (char c : s) {
    if (kSpecial.find(c) != std::string_view::npos) {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace irtcp::rule_lang
