#include "core/fix/yaml_edit.h"

#include <cstdint>

#include "core/util/strings.h"

namespace irtcp::fix {

namespace {

// The offset of the first byte of the line holding `offset`.
std::size_t LineStart(std::string_view text, std::size_t offset) {
  std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

}  // namespace

std::string EncodeYamlScalar(std::string_view value, bool prefer_plain, bool prefer_double) {
  // Control characters (and DEL) are not printable in YAML: they need double quotes and
  // escapes. Tabs and line breaks would also change meaning in the other styles.
  bool needs_double = false;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    needs_double = needs_double || u < 0x20 || u == 0x7F;
  }
  bool plain_ok =
      !needs_double && !value.empty() && value.front() != ' ' && value.back() != ' ' &&
      value.back() != ':' &&
      std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) == std::string_view::npos &&
      value.find(": ") == std::string_view::npos && value.find(" #") == std::string_view::npos;
  if (prefer_plain && plain_ok) {
    return std::string(value);
  }
  if (prefer_double || needs_double) {
    return util::DoubleQuoted(value);
  }
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') {
      out += '\'';
    }
  }
  return out + "'";
}

std::optional<diag::Edit> ReplaceScalar(const yaml::Document& doc, yaml::NodeId node,
                                        std::string_view value) {
  if (!doc.IsScalar(node)) {
    return std::nullopt;
  }
  const yaml::Node& n = doc.node(node);
  if (n.style != yaml::ScalarStyle::kPlain && n.style != yaml::ScalarStyle::kSingleQuoted &&
      n.style != yaml::ScalarStyle::kDoubleQuoted) {
    return std::nullopt;
  }
  return diag::Edit{n.begin, n.end,
                    EncodeYamlScalar(value, n.style == yaml::ScalarStyle::kPlain,
                                     n.style == yaml::ScalarStyle::kDoubleQuoted)};
}

std::optional<diag::Edit> InsertEntryAfter(const yaml::Document& doc, yaml::NodeId map,
                                           std::string_view after, std::string_view key,
                                           std::string_view value_text) {
  yaml::NodeId after_key = doc.GetKey(map, after);
  yaml::NodeId after_value = doc.Get(map, after);
  if (after_key == yaml::kNoNode || after_value == yaml::kNoNode) {
    return std::nullopt;
  }
  const std::string& text = doc.file().text();
  std::uint32_t key_begin = doc.node(after_key).begin;
  std::size_t line_start = LineStart(text, key_begin);
  // The key's column, counting a leading "- " as indentation: the new entry lines up with it.
  std::string indent(key_begin - line_start, ' ');
  std::size_t nl = text.find('\n', doc.node(after_value).end);
  bool crlf = nl != std::string::npos && nl > 0 && text[nl - 1] == '\r';
  std::string eol = crlf ? "\r\n" : "\n";
  std::size_t at = nl == std::string::npos ? text.size() : (crlf ? nl - 1 : nl);
  return diag::Edit{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at),
                    eol + indent + std::string(key) + ": " + std::string(value_text)};
}

std::optional<diag::Edit> DeleteEntryLine(const yaml::Document& doc, yaml::NodeId map,
                                          std::string_view key) {
  if (!doc.IsMapping(map) || doc.node(map).flow) {
    return std::nullopt;
  }
  yaml::NodeId key_node = doc.GetKey(map, key);
  yaml::NodeId value = doc.Get(map, key);
  if (key_node == yaml::kNoNode || value == yaml::kNoNode) {
    return std::nullopt;
  }
  const std::string& text = doc.file().text();
  std::uint32_t key_begin = doc.node(key_node).begin;
  std::size_t line_start = LineStart(text, key_begin);
  for (std::size_t i = line_start; i < key_begin; ++i) {
    if (text[i] != ' ') {
      return std::nullopt;
    }
  }
  std::size_t nl = text.find('\n', doc.node(value).end);
  std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
  return diag::Edit{static_cast<std::uint32_t>(line_start), static_cast<std::uint32_t>(end), ""};
}

}  // namespace irtcp::fix
