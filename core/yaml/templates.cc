#include "core/yaml/templates.h"

#include <array>
#include <cstddef>

#include "core/yaml/load.h"

namespace irtcp::yaml {

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
    ++i;
  }
  return i;
}

// The identifier at s[i...], "" when none.
std::string_view WordAt(std::string_view s, std::size_t i) {
  std::size_t j = i;
  if (j < s.size() && IsIdentStart(s[j])) {
    while (j < s.size() && IsIdentChar(s[j])) {
      ++j;
    }
  }
  return s.substr(i, j - i);
}

template <std::size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& words) {
  for (std::string_view k : words) {
    if (w == k) {
      return true;
    }
  }
  return false;
}

// Jinja `{{ expr }}` at line[i] (i at "{{"): an expression starting with a variable name (not a
// logical keyword: "use {{ and }} in Go templates" is prose), closed on the same line.
bool JinjaExpression(std::string_view line, std::size_t i) {
  static constexpr std::array<std::string_view, 5> kKeywords = {"and", "or", "not", "in", "is"};
  std::size_t j = i + 2;
  if (j < line.size() && (line[j] == '-' || line[j] == '+')) {
    ++j;
  }
  j = SkipSpaces(line, j);
  std::string_view word = WordAt(line, j);
  if (word.empty() || OneOf(word, kKeywords)) {
    return false;
  }
  return line.find("}}", j + word.size()) != std::string_view::npos;
}

// Jinja `{% stmt … %}` at line[i] (i at "{%").
bool JinjaStatement(std::string_view line, std::size_t i) {
  static constexpr std::array<std::string_view, 22> kStatements = {
      "if",    "elif",     "else",    "endif",   "for",    "endfor", "set",      "endset",
      "macro", "endmacro", "include", "import",  "from",   "block",  "endblock", "extends",
      "raw",   "endraw",   "with",    "endwith", "filter", "call"};
  std::size_t j = i + 2;
  if (j < line.size() && (line[j] == '-' || line[j] == '+')) {
    ++j;
  }
  j = SkipSpaces(line, j);
  std::string_view word = WordAt(line, j);
  return OneOf(word, kStatements) && line.find("%}", j) != std::string_view::npos;
}

// Terraform `%{ if … }` / `%{ for … }` / `%{ else }` / `%{ endif }` / `%{ endfor }` at line[i].
bool TerraformDirective(std::string_view line, std::size_t i) {
  static constexpr std::array<std::string_view, 5> kDirectives = {"if", "for", "else", "endif",
                                                                  "endfor"};
  std::size_t j = i + 2;
  if (j < line.size() && line[j] == '~') {
    ++j;
  }
  j = SkipSpaces(line, j);
  std::string_view word = WordAt(line, j);
  return OneOf(word, kDirectives) && line.find('}', j) != std::string_view::npos;
}

// Terraform `${expr}` at line[i] (i at "$"): an expression starting with a name, closed on the
// same line.
bool TerraformInterpolation(std::string_view line, std::size_t i) {
  std::size_t j = SkipSpaces(line, i + 2);
  std::string_view word = WordAt(line, j);
  return !word.empty() && line.find('}', j + word.size()) != std::string_view::npos;
}

// The indentation of a line and whether it opens a block scalar (`key: |`, `- >-`, `|2+`).
bool OpensBlockScalar(std::string_view line) {
  // Drop a trailing comment (` #…`) and spaces.
  std::size_t end = line.size();
  for (std::size_t k = 0; k + 1 < line.size(); ++k) {
    if ((line[k] == ' ' || line[k] == '\t') && line[k + 1] == '#') {
      end = k;
      break;
    }
  }
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) {
    --end;
  }
  std::size_t k = end;
  while (k > 0 &&
         (line[k - 1] == '-' || line[k - 1] == '+' || (line[k - 1] >= '1' && line[k - 1] <= '9'))) {
    --k;
  }
  if (k == 0 || (line[k - 1] != '|' && line[k - 1] != '>')) {
    return false;
  }
  return k == 1 || line[k - 2] == ' ' || line[k - 2] == '\t';
}

std::size_t Indent(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') {
    ++i;
  }
  return i;
}

// Scans one line outside block scalars for Jinja and Terraform constructs; returns the kind and
// sets *at to the offset within the line.
TemplateKind ScanLine(std::string_view line, std::size_t* at) {
  char quote = 0;  // inside a '…' or "…" scalar
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' inside single quotes
        } else {
          quote = 0;
        }
      }
      continue;
    }
    const char prev = i == 0 ? ' ' : line[i - 1];
    const bool token_start = prev == ' ' || prev == '\t' || prev == '[' || prev == '{' ||
                             prev == ',' || prev == ':' || prev == '-';
    if ((c == '"' || c == '\'') && token_start) {
      quote = c;
      continue;
    }
    if (c == '#' && (i == 0 || prev == ' ' || prev == '\t')) {
      return TemplateKind::kNone;  // a comment runs to the end of the line
    }
    if (i + 1 >= line.size()) {
      break;
    }
    const char next = line[i + 1];
    TemplateKind found = TemplateKind::kNone;
    const bool jinja = (c == '{' && next == '{' && JinjaExpression(line, i)) ||
                       (c == '{' && next == '%' && JinjaStatement(line, i));
    const bool terraform =
        (c == '%' && next == '{' && TerraformDirective(line, i)) ||
        (c == '$' && next == '{' && prev != '$' && TerraformInterpolation(line, i));
    if (jinja) {
      found = TemplateKind::kJinja;
    } else if (terraform) {
      found = TemplateKind::kTerraform;
    }
    if (found != TemplateKind::kNone) {
      *at = i;
      return found;
    }
  }
  return TemplateKind::kNone;
}

}  // namespace

std::string_view TemplateKindName(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kNone:
      return "";
    case TemplateKind::kHelm:
      return "Helm";
    case TemplateKind::kJinja:
      return "Jinja";
    case TemplateKind::kTerraform:
      return "Terraform";
  }
  return "";
}

TemplateKind DetectTemplate(std::string_view text, std::uint32_t* offset) {
  if (LooksLikeHelmTemplate(text, offset)) {
    return TemplateKind::kHelm;
  }
  std::size_t pos = 0;
  bool in_block = false;
  std::size_t block_indent = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    const std::size_t indent = Indent(line);
    const bool blank = indent == line.size() || line.substr(indent) == "\r";
    if (in_block && (blank || indent > block_indent)) {
      // block scalar content: scripts and embedded files are data, not template syntax
    } else {
      in_block = false;
      std::size_t at = 0;
      TemplateKind kind = ScanLine(line, &at);
      if (kind != TemplateKind::kNone) {
        if (offset != nullptr) {
          *offset = static_cast<std::uint32_t>(pos + at);
        }
        return kind;
      }
      if (OpensBlockScalar(line)) {
        in_block = true;
        block_indent = indent;
      }
    }
    pos = end + 1;
  }
  return TemplateKind::kNone;
}

}  // namespace irtcp::yaml
