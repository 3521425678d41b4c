#include "core/yaml/scalar_map.h"

#include <algorithm>

#include "core/util/hex.h"

namespace irtcp::yaml {
namespace {

// The decoded value with the file offset of every byte.
class Out {
 public:
  void Put(char c, std::size_t at) {
    value.push_back(c);
    offsets.push_back(static_cast<std::uint32_t>(at));
  }
  void Put(std::string_view s, std::size_t at) {
    for (char c : s) {
      Put(c, at);
    }
  }
  void Append(const Out& other) {
    value += other.value;
    offsets.insert(offsets.end(), other.offsets.begin(), other.offsets.end());
  }
  void Clear() {
    value.clear();
    offsets.clear();
  }
  bool empty() const { return value.empty(); }

  std::string value;
  std::vector<std::uint32_t> offsets;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }

// Length of the line break at `i` (CRLF counts as one break).
std::size_t BreakLen(std::string_view s, std::size_t i) {
  if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
    return 2;
  }
  return 1;
}

void AppendUtf8(std::uint32_t r, Out* out, std::size_t at) {
  std::string s;
  if (r < 0x80) {
    s.push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (r >> 6)));
    s.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (r >> 12)));
    s.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (r >> 18)));
    s.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
  out->Put(s, at);
}

// Flow scalars (plain, single- and double-quoted) over [b, e): libyaml's
// yaml_parser_scan_flow_scalar / scan_plain_scalar joining rules.
void DecodeFlow(std::string_view s, std::size_t b, std::size_t e, ScalarStyle style, Out* out,
                std::size_t* content_end) {
  bool single = style == ScalarStyle::kSingleQuoted;
  bool dbl = style == ScalarStyle::kDoubleQuoted;
  std::size_t i = b;
  *content_end = b;
  while (i < e) {
    bool leading_blanks = false;
    // Non-blank characters.
    while (i < e && !IsBlank(s[i]) && !IsBreak(s[i])) {
      if (single && s[i] == '\'' && i + 1 < e && s[i + 1] == '\'') {
        out->Put('\'', i);
        i += 2;
      } else if (dbl && s[i] == '\\' && i + 1 < e && IsBreak(s[i + 1])) {
        i += 1 + BreakLen(s, i + 1);
        leading_blanks = true;
        break;
      } else if (dbl && s[i] == '\\' && i + 1 < e) {
        std::size_t at = i;
        char c = s[i + 1];
        i += 2;
        int hex = 0;
        switch (c) {
          case '0':
            out->Put('\0', at);
            break;
          case 'a':
            out->Put('\a', at);
            break;
          case 'b':
            out->Put('\b', at);
            break;
          case 't':
          case '\t':
            out->Put('\t', at);
            break;
          case 'n':
            out->Put('\n', at);
            break;
          case 'v':
            out->Put('\v', at);
            break;
          case 'f':
            out->Put('\f', at);
            break;
          case 'r':
            out->Put('\r', at);
            break;
          case 'e':
            out->Put('\x1b', at);
            break;
          case ' ':
            out->Put(' ', at);
            break;
          case '"':
            out->Put('"', at);
            break;
          case '/':
            out->Put('/', at);
            break;
          case '\'':
            out->Put('\'', at);
            break;
          case '\\':
            out->Put('\\', at);
            break;
          case 'N':
            AppendUtf8(0x85, out, at);
            break;
          case '_':
            AppendUtf8(0xA0, out, at);
            break;
          case 'L':
            AppendUtf8(0x2028, out, at);
            break;
          case 'P':
            AppendUtf8(0x2029, out, at);
            break;
          case 'x':
            hex = 2;
            break;
          case 'u':
            hex = 4;
            break;
          case 'U':
            hex = 8;
            break;
          default:
            out->Put(c, at);
            break;
        }
        if (hex > 0) {
          std::uint32_t r = 0;
          for (int k = 0; k < hex && i < e && util::HexDigitValue(s[i]) >= 0; ++k, ++i) {
            r = r * 16 + static_cast<std::uint32_t>(util::HexDigitValue(s[i]));
          }
          AppendUtf8(r, out, at);
        }
      } else {
        out->Put(s[i], i);
        ++i;
      }
      *content_end = i;
    }
    if (i >= e) {
      break;
    }
    // Blanks and breaks.
    Out whitespaces;
    Out leading_break;
    Out trailing_breaks;
    while (i < e && (IsBlank(s[i]) || IsBreak(s[i]))) {
      if (IsBlank(s[i])) {
        if (!leading_blanks) {
          whitespaces.Put(s[i], i);
        }
        ++i;
      } else {
        std::size_t len = BreakLen(s, i);
        if (!leading_blanks) {
          whitespaces.Clear();
          leading_break.Put('\n', i);
          leading_blanks = true;
        } else {
          trailing_breaks.Put('\n', i);
        }
        i += len;
      }
    }
    if (i >= e) {
      break;  // trailing blanks are not part of the value
    }
    if (leading_blanks) {
      if (!leading_break.empty()) {
        if (trailing_breaks.empty()) {
          out->Put(' ', leading_break.offsets[0]);
        } else {
          out->Append(trailing_breaks);
        }
      } else {
        out->Append(trailing_breaks);
      }
    } else {
      out->Append(whitespaces);
    }
  }
}

// Indentation of the parent collection for a block scalar header at `header` (see libyaml's
// parser->indent): the column of the innermost `- ` entry or mapping key on the header's line.
int ParentIndent(std::string_view s, std::size_t header) {
  std::size_t line = s.rfind('\n', header == 0 ? 0 : header - 1);
  line = (line == std::string_view::npos || header == 0) ? 0 : line + 1;
  std::size_t i = line;
  int parent = -1;
  while (i < header) {
    while (i < header && s[i] == ' ') {
      ++i;
    }
    if (i >= header) {
      break;
    }
    if (s[i] == '-' && i + 1 <= header && (i + 1 == header || s[i + 1] == ' ')) {
      parent = static_cast<int>(i - line);
      ++i;
      continue;
    }
    // A mapping key on this line: the key's column.
    parent = static_cast<int>(i - line);
    break;
  }
  return parent;
}

void DecodeBlock(std::string_view s, std::size_t b, std::size_t e, Out* out,
                 std::size_t* content_end) {
  bool literal = s[b] == '|';
  std::size_t i = b + 1;
  int chomping = 0;
  int increment = 0;
  for (int k = 0; k < 2 && i < e; ++k) {
    if (s[i] == '+' || s[i] == '-') {
      chomping = s[i] == '+' ? 1 : -1;
      ++i;
    } else if (s[i] >= '1' && s[i] <= '9') {
      increment = s[i] - '0';
      ++i;
    }
  }
  // Rest of the header line (blanks, comment).
  while (i < e && !IsBreak(s[i])) {
    ++i;
  }
  if (i < e) {
    i += BreakLen(s, i);
  }
  *content_end = i;
  int parent = ParentIndent(s, b);
  int indent = 0;
  if (increment > 0) {
    indent = parent >= 0 ? parent + increment : increment;
  }
  Out leading_break;
  Out trailing_breaks;
  // Scans empty lines (and determines the indentation when not given).
  auto scan_breaks = [&](int* ind) {
    int max_indent = 0;
    while (true) {
      std::size_t col = 0;
      while (i < e && s[i] == ' ' && (*ind == 0 || static_cast<int>(col) < *ind)) {
        ++i;
        ++col;
      }
      if (static_cast<int>(col) > max_indent) {
        max_indent = static_cast<int>(col);
      }
      if (i >= e || !IsBreak(s[i])) {
        if (*ind == 0) {
          *ind = std::max(max_indent, static_cast<int>(col));
          *ind = std::max(*ind, parent + 1);
          *ind = std::max(*ind, 1);
        }
        return col;
      }
      trailing_breaks.Put('\n', i);
      i += BreakLen(s, i);
    }
  };
  std::size_t col = scan_breaks(&indent);
  bool leading_blank = false;
  while (i < e && static_cast<int>(col) == indent) {
    bool trailing_blank = IsBlank(s[i]);
    if (!literal && !leading_break.empty() && !leading_blank && !trailing_blank) {
      if (trailing_breaks.empty()) {
        out->Put(' ', leading_break.offsets[0]);
      }
      leading_break.Clear();
    } else {
      out->Append(leading_break);
      leading_break.Clear();
    }
    out->Append(trailing_breaks);
    trailing_breaks.Clear();
    leading_blank = IsBlank(s[i]);
    while (i < e && !IsBreak(s[i])) {
      out->Put(s[i], i);
      ++i;
    }
    *content_end = i;
    if (i >= e) {
      break;
    }
    leading_break.Put('\n', i);
    i += BreakLen(s, i);
    col = scan_breaks(&indent);
  }
  if (chomping != -1) {
    out->Append(leading_break);
  }
  if (chomping == 1) {
    out->Append(trailing_breaks);
  }
}

}  // namespace

std::string DecodeScalar(std::string_view file_text, std::uint32_t node_begin,
                         std::uint32_t node_end, ScalarStyle style,
                         std::vector<std::uint32_t>* offsets) {
  std::size_t b = std::min<std::size_t>(node_begin, file_text.size());
  std::size_t e = std::min<std::size_t>(std::max(node_end, node_begin), file_text.size());
  Out out;
  std::size_t content_end = b;
  switch (style) {
    case ScalarStyle::kSingleQuoted:
    case ScalarStyle::kDoubleQuoted:
      if (e > b + 1) {
        DecodeFlow(file_text, b + 1, e - 1, style, &out, &content_end);
      }
      break;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded:
      if (e > b) {
        DecodeBlock(file_text, b, e, &out, &content_end);
      }
      break;
    case ScalarStyle::kPlain:
    case ScalarStyle::kNone:
      DecodeFlow(file_text, b, e, ScalarStyle::kPlain, &out, &content_end);
      break;
  }
  if (offsets != nullptr) {
    *offsets = std::move(out.offsets);
    offsets->push_back(static_cast<std::uint32_t>(content_end));
  }
  return out.value;
}

std::uint32_t MapScalarOffset(std::string_view file_text, std::uint32_t node_begin,
                              std::uint32_t node_end, ScalarStyle style,
                              std::uint32_t value_offset) {
  // A plain scalar on one line is its own text: the value offset is the byte offset. Every
  // finding in a `match` maps one offset, so decoding a multi-megabyte scalar for each one made
  // validate spend seconds here.
  std::size_t b = std::min<std::size_t>(node_begin, file_text.size());
  std::size_t e = std::min<std::size_t>(std::max(node_end, node_begin), file_text.size());
  if ((style == ScalarStyle::kPlain || style == ScalarStyle::kNone) &&
      file_text.substr(b, e - b).find_first_of("\r\n") == std::string_view::npos) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(b + value_offset, e));
  }
  std::vector<std::uint32_t> offsets;
  DecodeScalar(file_text, node_begin, node_end, style, &offsets);
  if (value_offset >= offsets.size()) {
    return offsets.back();
  }
  return offsets[value_offset];
}

}  // namespace irtcp::yaml
