#include <cstdint>
#include <cstdio>
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
/// for U+FC26..U+FEFE, the last bucket of its generated table (found by the traefik_config
/// fuzzer; undefined behaviour, not an error). Such a character is refused before toml++ sees
/// it: the byte offset and code point of the first one (offset npos when none).
struct Mishandled {
  std::size_t at = std::string_view::npos;
  unsigned code_point = 0;
};
Mishandled FirstCharacterTomlppMishandles(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xEF) {
      continue;
    }
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const unsigned cp = 0xF000U | ((b1 & 0x3FU) << 6U) | (b2 & 0x3FU);
    if ((b1 & 0xC0U) == 0x80U && (b2 & 0xC0U) == 0x80U && cp >= 0xFC26U && cp <= 0xFEFEU) {
      return {i, cp};
    }
  }
  return {};
}

}  // namespace

std::optional<TraefikConfig> ParseToml(const std::string& display_path, const std::string& text,
                                       std::string* err) {
  if (Mishandled bad = FirstCharacterTomlppMishandles(text); bad.at != std::string_view::npos) {
    source::SourceFile file(display_path, text);
    source::Location loc = file.LocationAt(static_cast<std::uint32_t>(bad.at));
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", bad.code_point);
    *err = display_path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) +
           ": the character " + code +
           " is not supported in a TOML file here (the TOML parser mishandles U+FC26..U+FEFE)";
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
