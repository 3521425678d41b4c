// The settings of a Traefik static configuration, whatever their source (YAML or TOML file,
// container args or environment variables), and the interpreter that turns them into a
// TraefikConfig. Internal to core/config.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/config/traefik_config.h"
#include "core/source/location.h"

namespace irtcp::config::internal {

/// ASCII lower case.
std::string Lower(std::string_view s);
/// Whether `s` starts with `prefix` (lower case) ignoring ASCII case.
bool StartsWithFold(std::string_view s, std::string_view prefix);
/// "file:line:col", or "file" when the location is unknown.
std::string Where(const std::string& file, const source::Location& loc);
/// "a.b.c".
std::string DottedPath(const std::vector<std::string>& path);
/// Whether the option at `lower_path` (lower-cased) is a boolean: a flag naming it alone means
/// true.
bool IsBoolKey(const std::vector<std::string>& lower_path);

/// One leaf of the configuration, whatever the source: Traefik's own loaders (paerser) also turn
/// files, flags and environment variables into the same dotted-name tree before decoding.
struct Setting {
  enum class Type : std::uint8_t { kScalar, kList, kMap, kNull };
  std::vector<std::string> path;  ///< segments as written (names keep their case)
  Type type = Type::kScalar;
  std::string text;                ///< scalar text
  std::optional<bool> typed_bool;  ///< the source typed it as a boolean
  std::vector<std::string> items;  ///< list items (scalars)
  bool list_has_non_scalars = false;
  bool from_args = false;  ///< a flag or environment variable (lists are comma-separated)
  std::string where;       ///< "file:line:col"
};

/// Turns settings into a TraefikConfig, checking the parts irtcp reads.
class Interpreter {
 public:
  /// Applies one setting; false with *err ("file:line:col: message") when Traefik would refuse it.
  bool Apply(const Setting& s, std::string* err);
  /// The configuration read, with Traefik's defaults where the file set nothing.
  TraefikConfig Finish(std::string origin);

  TraefikConfig& config() { return config_; }

 private:
  bool ApplyCrd(const Setting& s, const std::vector<std::string>& lower, std::string* err);
  bool ApplyEntryPoint(const Setting& s, const std::vector<std::string>& lower, std::string* err);
  bool ApplyTcpTransport(const Setting& s, const std::vector<std::string>& lower, std::string* err);
  provider::EntryPoint& EntryPointNamed(const std::string& name);
  /// A Traefik duration (an integer is seconds, else Go's format) into *out, as written.
  bool Duration(const Setting& s, std::optional<std::string>* out, std::string* err);
  std::optional<bool> Bool(const Setting& s, std::string* err);
  bool String(const Setting& s, std::string* out, std::string* err);
  bool List(const Setting& s, std::optional<std::vector<std::string>>* out, std::string* err);
  static std::string Describe(const Setting& s);

  TraefikConfig config_;
  /// Entry point name -> index in config_.entry_points: a file may define 100,000 of them, and a
  /// linear search per setting made reading it quadratic (minutes).
  std::unordered_map<std::string, std::size_t> entry_point_index_;
};

}  // namespace irtcp::config::internal
