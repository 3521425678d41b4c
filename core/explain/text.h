// Text output shared by the three kinds of explanation: wrapping to a width, a small markdown
// renderer for terminals (the rule explanations are markdown), roff escaping and ANSI colour.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace irtcp::explain {

/// How text output looks: the terminal's width and whether to colour it.
struct TextStyle {
  std::size_t width = 80;  ///< wrap lines at this many characters (at least 40 is used)
  bool color = false;
};

/// ANSI colours used by the text output (no-ops when `style.color` is false).
std::string Bold(std::string_view s, const TextStyle& style);
std::string Dim(std::string_view s, const TextStyle& style);
std::string Cyan(std::string_view s, const TextStyle& style);
std::string Yellow(std::string_view s, const TextStyle& style);
std::string Red(std::string_view s, const TextStyle& style);

/// Wraps `text` (one paragraph: runs of spaces and newlines count as one space) into lines of at
/// most `width` characters, each prefixed by `indent` (the first by `first_indent` when given).
/// Words longer than a line are not split. Every line ends with '\n'.
std::string Wrap(std::string_view text, std::size_t width, std::string_view indent);
std::string Wrap(std::string_view text, std::size_t width, std::string_view first_indent,
                 std::string_view indent);

/// Renders markdown for a terminal: `#`/`##` headings in bold, paragraphs and list items
/// reflowed to the width under `indent`, fenced code blocks kept verbatim (indented), `code`
/// spans coloured when colour is on (backquotes kept otherwise).
std::string RenderMarkdown(std::string_view markdown, const TextStyle& style,
                           std::string_view indent = "");

/// Escapes text for roff: backslashes, leading dots and apostrophes, and hyphens (`\-`).
std::string RoffEscape(std::string_view text);
/// Renders markdown as roff (man(7) macros): `## X` becomes `.SS X`, paragraphs `.PP`, list
/// items `.IP \(bu 2`, code blocks `.nf`/`.fi` with `.RS`, code spans in bold.
std::string MarkdownToRoff(std::string_view markdown);

/// Escapes `|` for a markdown table cell.
std::string MarkdownCell(std::string_view text);

/// The number of characters (UTF-8 code points) of `s`.
std::size_t DisplayWidth(std::string_view s);

}  // namespace irtcp::explain
