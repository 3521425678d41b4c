#include "core/explain/text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace irtcp::explain {

namespace {

std::string Ansi(std::string_view code, std::string_view s, const TextStyle& style) {
  if (!style.color || s.empty()) {
    return std::string(s);
  }
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += s;
  out += "\x1b[0m";
  return out;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) {
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') {
      ++i;
    }
    if (i > start) {
      words.push_back(text.substr(start, i - start));
    }
  }
  return words;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < text.size()) {
        lines.emplace_back(text.substr(start));
      }
      break;
    }
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  return s;
}

bool IsListItem(std::string_view line) {
  line = TrimLeft(line);
  return line.size() > 1 && (line[0] == '-' || line[0] == '*') && line[1] == ' ';
}

/// Colours `code` spans of already wrapped text; `open` carries a span across lines.
std::string ColorSpans(std::string_view text, const TextStyle& style) {
  if (!style.color) {
    return std::string(text);
  }
  std::string out;
  bool open = false;
  for (char c : text) {
    if (c == '`') {
      if (!open) {
        out += "\x1b[36m`";
      } else {
        out += "`\x1b[0m";
      }
      open = !open;
      continue;
    }
    if (c == '\n' && open) {
      out += "\x1b[0m\n";
      continue;
    }
    out += c;
  }
  if (open) {
    out += "\x1b[0m";
  }
  return out;
}

/// Markdown blocks: a heading, a paragraph, a list item, a code block.
struct Block {
  enum class Kind : std::uint8_t { kHeading, kParagraph, kItem, kCode } kind = Kind::kParagraph;
  int level = 0;  ///< heading level
  std::string text;
};

std::vector<Block> ParseBlocks(std::string_view markdown) {
  std::vector<Block> blocks;
  std::vector<std::string> lines = SplitLines(markdown);
  bool in_code = false;
  Block* open = nullptr;
  for (const std::string& line : lines) {
    std::string_view l = line;
    if (l.substr(0, 3) == "```") {
      if (in_code) {
        in_code = false;
        open = nullptr;
      } else {
        in_code = true;
        blocks.push_back({Block::Kind::kCode, 0, ""});
        open = &blocks.back();
      }
      continue;
    }
    if (in_code) {
      open->text += line;
      open->text += '\n';
      continue;
    }
    std::string_view trimmed = TrimLeft(l);
    if (trimmed.empty()) {
      open = nullptr;
      continue;
    }
    if (trimmed[0] == '#') {
      std::size_t level = trimmed.find_first_not_of('#');
      if (level != std::string_view::npos && trimmed[level] == ' ') {
        blocks.push_back({Block::Kind::kHeading, static_cast<int>(level),
                          std::string(trimmed.substr(level + 1))});
        open = nullptr;
        continue;
      }
    }
    if (IsListItem(l)) {
      blocks.push_back({Block::Kind::kItem, 0, std::string(trimmed.substr(2))});
      open = &blocks.back();
      continue;
    }
    if (open == nullptr || open->kind == Block::Kind::kCode ||
        open->kind == Block::Kind::kHeading) {
      blocks.push_back({Block::Kind::kParagraph, 0, std::string(trimmed)});
      open = &blocks.back();
      continue;
    }
    open->text += ' ';
    open->text += trimmed;
  }
  return blocks;
}

std::string RoffInline(std::string_view text) {
  // `code` -> \fBcode\fR
  std::string out;
  bool open = false;
  std::string escaped = RoffEscape(text);
  for (char c : escaped) {
    if (c == '`') {
      out += open ? "\\fR" : "\\fB";
      open = !open;
      continue;
    }
    out += c;
  }
  if (open) {
    out += "\\fR";
  }
  return out;
}

}  // namespace

std::string Bold(std::string_view s, const TextStyle& style) { return Ansi("1", s, style); }
std::string Dim(std::string_view s, const TextStyle& style) { return Ansi("2", s, style); }
std::string Cyan(std::string_view s, const TextStyle& style) { return Ansi("36", s, style); }
std::string Yellow(std::string_view s, const TextStyle& style) { return Ansi("33", s, style); }
std::string Red(std::string_view s, const TextStyle& style) { return Ansi("31", s, style); }

std::size_t DisplayWidth(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++n;
    }
  }
  return n;
}

std::string Wrap(std::string_view text, std::size_t width, std::string_view indent) {
  return Wrap(text, width, indent, indent);
}

std::string Wrap(std::string_view text, std::size_t width, std::string_view first_indent,
                 std::string_view indent) {
  width = std::max<std::size_t>(width, 40);
  std::string out;
  std::string line(first_indent);
  std::size_t line_width = DisplayWidth(first_indent);
  bool line_has_word = false;
  for (std::string_view w : Words(text)) {
    std::size_t ww = DisplayWidth(w);
    if (line_has_word && line_width + 1 + ww > width) {
      out += line;
      out += '\n';
      line = std::string(indent);
      line_width = DisplayWidth(indent);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += w;
    line_width += ww;
    line_has_word = true;
  }
  if (line_has_word) {
    out += line;
    out += '\n';
  }
  return out;
}

std::string RenderMarkdown(std::string_view markdown, const TextStyle& style,
                           std::string_view indent) {
  std::string out;
  std::string body_indent = std::string(indent) + "  ";
  bool first = true;
  for (const Block& b : ParseBlocks(markdown)) {
    switch (b.kind) {
      case Block::Kind::kHeading:
        if (!first) {
          out += '\n';
        }
        out += std::string(indent) + Bold(b.text, style) + '\n';
        break;
      case Block::Kind::kParagraph:
        out += ColorSpans(Wrap(b.text, style.width, body_indent), style);
        break;
      case Block::Kind::kItem:
        out += ColorSpans(Wrap(b.text, style.width, body_indent + "- ", body_indent + "  "), style);
        break;
      case Block::Kind::kCode:
        for (const std::string& line : SplitLines(b.text)) {
          out += body_indent + "    " + Cyan(line, style) + '\n';
        }
        break;
    }
    first = false;
  }
  return out;
}

std::string RoffEscape(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if ((c == '.' || c == '\'') && line_start) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string MarkdownToRoff(std::string_view markdown) {
  std::string out;
  for (const Block& b : ParseBlocks(markdown)) {
    switch (b.kind) {
      case Block::Kind::kHeading:
        out += ".SS " + RoffEscape(b.text) + '\n';
        break;
      case Block::Kind::kParagraph:
        out += ".PP\n" + RoffInline(b.text) + '\n';
        break;
      case Block::Kind::kItem:
        out += ".IP \\(bu 2\n" + RoffInline(b.text) + '\n';
        break;
      case Block::Kind::kCode:
        out += ".PP\n.RS 4\n.nf\n" + RoffEscape(b.text) + ".fi\n.RE\n";
        break;
    }
  }
  return out;
}

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace irtcp::explain
