// The project configuration file `.irtcp.yaml`: its keys are validate's long flag names (select,
// ignore, severity, exclude, fail-on, output, traefik-config, traefik-version and the provider
// options), so there is nothing new to learn. Flags override the file, key by key.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/config/static_config.h"
#include "core/source/source_file.h"

namespace irtcp::config {

inline constexpr std::string_view kProjectConfigName = ".irtcp.yaml";

/// What a `.irtcp.yaml` sets. Unset keys stay unset (nullopt / empty), so the caller can tell
/// the file's values from defaults; `where` holds "file:line:col" of each key that was set.
struct ProjectConfig {
  std::string path;  ///< the file read, as found or given ("" = none)
  std::optional<std::vector<std::string>> select;
  std::optional<std::vector<std::string>> ignore;
  std::optional<std::vector<std::pair<std::string, std::string>>> severity;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::string> fail_on;
  std::optional<std::string> output;
  std::optional<std::string> traefik_version;
  std::string traefik_version_origin;  ///< "file:line:col" of its value
  /// Provider options and traefik-config (a relative traefik-config is resolved against the
  /// file's directory).
  StaticConfigSource provider;
  std::map<std::string, std::string, std::less<>> where;
  /// Things to tell the user (e.g. a Traefik version not modelled yet).
  std::vector<std::string> notes;
};

/// Every key the file accepts, sorted (for did-you-mean and the schema test).
std::vector<std::string_view> ProjectConfigKeys();

/// Traefik versions `traefik-version` accepts ("2.10", "2.11", "3.0" ... "3.7").
std::vector<std::string_view> KnownTraefikVersions();

/// Looks for `.irtcp.yaml` in `start_dir` and its parents, stopping at the directory that holds
/// `.git` (a directory or, in a worktree, a file) or at `/`. Reads no git state, so start-up stays
/// cheap. The path is `start_dir` joined with the way up ("../.irtcp.yaml" from "."); "" when
/// there is none.
std::string FindProjectConfig(const std::string& start_dir);

/// Parses a configuration text. False with *err as "file:line:col: message" (with a did-you-mean
/// for unknown keys, codes and values) on an unknown key or a bad value.
bool ParseProjectConfig(const source::SourceFilePtr& file, ProjectConfig* out, std::string* err);

/// Reads and parses `path`. False with *err on an I/O or parse error.
bool LoadProjectConfig(const std::string& path, ProjectConfig* out, std::string* err);

}  // namespace irtcp::config
