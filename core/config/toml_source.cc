#include <sstream>
#include <utility>

#include "core/config/settings.h"
#include "core/config/sources.h"
#include "core/config/toml.h"

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

}  // namespace

std::optional<TraefikConfig> ParseToml(const std::string& display_path, const std::string& text,
                                       std::string* err) {
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
