#include "core/util/strings.h"

namespace irtcp::util {

void SplitCommaList(std::string_view text, Trim trim, std::vector<std::string>* out) {
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view piece = text.substr(0, comma);
    if (trim == Trim::kSpaces) {
      while (!piece.empty() && piece.front() == ' ') {
        piece.remove_prefix(1);
      }
      while (!piece.empty() && piece.back() == ' ') {
        piece.remove_suffix(1);
      }
    }
    if (!piece.empty()) {
      out->emplace_back(piece);
    }
    if (comma == std::string_view::npos) {
      return;
    }
    text.remove_prefix(comma + 1);
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string GoList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += ' ';
    }
    out += items[i];
  }
  out += ']';
  return out;
}

void AppendDoubleQuoted(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          *out += "\\x";
          *out += kHex[c >> 4];
          *out += kHex[c & 0xF];
        } else {
          *out += ch;
        }
    }
  }
  *out += '"';
}

std::string DoubleQuoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendDoubleQuoted(s, &out);
  return out;
}

void AppendJsonPointerToken(std::string_view token, std::string* out) {
  for (char c : token) {
    if (c == '~') {
      *out += "~0";
    } else if (c == '/') {
      *out += "~1";
    } else {
      *out += c;
    }
  }
}

}  // namespace irtcp::util
