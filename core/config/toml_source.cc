#include <cstdint>
#include <sstream>
#include <string_view>
#include <utility>

#include "core/config/settings.h"
#include "core/config/sources.h"
#include "core/config/toml.h"
#include "core/source/source_file.h"

namespace irtcp::config::internal {

namespace {

std::string TomlWhere(const std::string& file, const toml::node& n) {
  const toml::source_region& r = n.source();
  return file + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

std::string TomlScalarText(const toml::node& n) {
  if (const auto* str = n.as_string()) {
    return str->get();
  }
  if (const auto* b = n.as_boolean()) {
    return b->get() ? "true" : "false";
  }
  if (const auto* i = n.as_integer()) {
    return std::to_string(i->get());
  }
  if (const auto* f = n.as_floating_point()) {
    std::ostringstream os;
    os << f->get();
    return os.str();
  }
  return "";  // dates and times: no option irtcp reads takes one
}

/// Deeper tables than any Traefik option (the deepest is about 6 levels) are refused: a
/// `[a.a.a…]` header 20,000 keys deep would otherwise recurse off the stack here and copy its
/// path into every level's setting.
constexpr std::size_t kMaxTomlDepth = 64;

bool FlattenToml(const std::string& file, const toml::node& node, std::vector<std::string>& path,
                 std::vector<Setting>& out, std::string* err) {
  if (path.size() > kMaxTomlDepth) {
    *err = TomlWhere(file, node) + ": tables nest deeper than " + std::to_string(kMaxTomlDepth) +
           " levels; no Traefik option is that deep";
    return false;
  }
  Setting s;
  s.path = path;
  s.where = TomlWhere(file, node);
  if (const toml::table* t = node.as_table()) {
    if (!path.empty()) {
      s.type = Setting::Type::kMap;
      out.push_back(s);
    }
    for (const auto& [key, value] : *t) {
      path.emplace_back(key.str());
      if (!FlattenToml(file, value, path, out, err)) {
        return false;
      }
      path.pop_back();
    }
    return true;
  }
  if (const toml::array* a = node.as_array()) {
    s.type = Setting::Type::kList;
    for (const toml::node& item : *a) {
      if (item.is_value()) {
        s.items.push_back(TomlScalarText(item));
      } else {
        s.list_has_non_scalars = true;
      }
    }
    out.push_back(std::move(s));
    return true;
  }
  if (const auto* b = node.as_boolean()) {
    s.typed_bool = b->get();
  }
  s.text = TomlScalarText(node);
  out.push_back(std::move(s));
  return true;
}

/// toml++ 3.3.0 (Debian 12) reaches __builtin_unreachable() in is_non_ascii_horizontal_whitespace
/// for most non-ASCII characters (U+00A1..U+0499, U+2C8E..U+3087, U+FC26..U+FEFE: buckets of its
/// generated table that lack a `return false`), which it calls wherever it skips whitespace:
/// undefined behaviour, found by the traefik_config fuzzer. TOML 1.0 allows no non-ASCII
/// character outside strings and comments, so such a character is refused there before toml++
/// sees it, and in multi-line basic strings too (a line-ending backslash skips whitespace).
/// toml++ also recurses once per level of nesting, with no limit on dotted keys, so deep
/// nesting (brackets and braces, or dots in one line's keys) is refused beyond kMaxTomlDepth
/// before it can exhaust the stack.
/// Returns the byte offset of the first problem (npos when none) and what it is.
struct Refused {
  enum class Why : std::uint8_t { kNonAscii, kNonAsciiInMultilineString, kTooDeep };
  std::size_t at = std::string_view::npos;
  Why why = Why::kNonAscii;
};
Refused TomlppWouldMishandle(std::string_view t) {
  enum class In : std::uint8_t { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral };
  constexpr std::string_view kMultiBasicQuote = R"(""")";
  constexpr std::string_view kMultiLiteralQuote = R"(''')";
  In in = In::kCode;
  auto starts = [&](std::size_t i, std::string_view q) { return t.substr(i, q.size()) == q; };
  std::size_t open = 0;  // brackets and braces open, outside strings
  std::size_t dots = 0;  // dots in the key being read (a table header or dotted key)
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    switch (in) {
      case In::kCode: {
        if (c >= 0x80) {
          return {i, Refused::Why::kNonAscii};
        }
        open += c == '[' || c == '{' ? 1 : 0;
        open -= (c == ']' || c == '}') && open > 0 ? 1 : 0;
        dots = c == '\n' || c == '=' || c == ',' ? 0 : dots + (c == '.' ? 1 : 0);
        if (open > kMaxTomlDepth || dots > kMaxTomlDepth) {
          return {i, Refused::Why::kTooDeep};
        }
        // A quote opens a string only where a key or value starts; inside a token (`3"x`) the
        // parser reads on as code, and so does this scan.
        const unsigned char before = i == 0 ? '\n' : static_cast<unsigned char>(t[i - 1]);
        const bool token_start = std::string_view(" \t\r\n=[,{.").find(static_cast<char>(before)) !=
                                 std::string_view::npos;
        if (c == '#') {
          in = In::kComment;
        } else if (!token_start) {
          break;
        } else if (starts(i, kMultiBasicQuote)) {
          in = In::kMultiBasic;
          i += 2;
        } else if (starts(i, kMultiLiteralQuote)) {
          in = In::kMultiLiteral;
          i += 2;
        } else if (c == '"') {
          in = In::kBasic;
        } else if (c == '\'') {
          in = In::kLiteral;
        }
        break;
      }
      case In::kComment:
        in = c == '\n' ? In::kCode : in;
        break;
      case In::kBasic:
        if (c == '\\') {
          ++i;
        } else if (c == '"' || c == '\n') {
          in = In::kCode;
        }
        break;
      case In::kLiteral:
        in = c == '\'' || c == '\n' ? In::kCode : in;
        break;
      case In::kMultiBasic:
        if (c >= 0x80) {
          return {i, Refused::Why::kNonAsciiInMultilineString};
        }
        if (c == '\\') {
          ++i;
        } else if (starts(i, kMultiBasicQuote)) {
          in = In::kCode;
          i += 2;
        }
        break;
      case In::kMultiLiteral:
        if (starts(i, kMultiLiteralQuote)) {
          in = In::kCode;
          i += 2;
        }
        break;
    }
  }
  return {};
}

}  // namespace

std::optional<TraefikConfig> ParseToml(const std::string& display_path, const std::string& text,
                                       std::string* err) {
  if (Refused bad = TomlppWouldMishandle(text); bad.at != std::string_view::npos) {
    source::SourceFile file(display_path, text);
    source::Location loc = file.LocationAt(static_cast<std::uint32_t>(bad.at));
    *err = display_path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    switch (bad.why) {
      case Refused::Why::kNonAscii:
        *err += ": a non-ASCII character outside a string or comment: TOML allows none there";
        break;
      case Refused::Why::kNonAsciiInMultilineString:
        *err += R"(: a non-ASCII character in a multi-line basic string ("""..."""): not )"
                R"(supported here; use a literal string ('''...''') or an escape (\uXXXX))";
        break;
      case Refused::Why::kTooDeep:
        *err += ": tables nest deeper than " + std::to_string(kMaxTomlDepth) + " levels";
        break;
    }
    return std::nullopt;
  }
  toml::table table;
  try {
    table = toml::parse(text, display_path);
  } catch (const toml::parse_error& e) {
    const toml::source_region& r = e.source();
    *err = display_path + ":" + std::to_string(r.begin.line) + ":" +
           std::to_string(r.begin.column) + ": " + std::string(e.description());
    return std::nullopt;
  }
  std::vector<Setting> settings;
  std::vector<std::string> path;
  if (!FlattenToml(display_path, table, path, settings, err)) {
    return std::nullopt;
  }
  Interpreter interp;
  for (const Setting& s : settings) {
    if (!interp.Apply(s, err)) {
      return std::nullopt;
    }
  }
  return interp.Finish(display_path);
}

}  // namespace irtcp::config::internal
