#include "core/config/project_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>

#include "core/diag/diagnostic.h"
#include "core/lint/selection.h"
#include "core/report/formatter.h"
#include "core/util/spell.h"
#include "core/util/strings.h"
#include "core/yaml/load.h"
#include "core/yaml/tree.h"

namespace irtcp::config {

namespace {

namespace fs = std::filesystem;

enum class KeyType : std::uint8_t { kCodes, kSeverityMap, kGlobs, kString, kBool, kList };

struct KeySpec {
  std::string_view name;
  KeyType type;
};

// Sorted by name. The names are validate's long flags.
constexpr KeySpec kKeys[] = {
    {"allow-cross-namespace", KeyType::kBool},
    {"allow-empty-services", KeyType::kBool},
    {"allow-external-name-services", KeyType::kBool},
    {"cross-provider-namespaces", KeyType::kList},
    {"default-rule-syntax", KeyType::kString},
    {"disable-cluster-scope-resources", KeyType::kBool},
    {"exclude", KeyType::kGlobs},
    {"fail-on", KeyType::kString},
    {"ignore", KeyType::kCodes},
    {"ingress-class", KeyType::kString},
    {"label-selector", KeyType::kString},
    {"native-lb-by-default", KeyType::kBool},
    {"output", KeyType::kString},
    {"select", KeyType::kCodes},
    {"severity", KeyType::kSeverityMap},
    {"traefik-config", KeyType::kString},
    {"traefik-version", KeyType::kString},
    {"watch-namespace", KeyType::kList},
};

constexpr std::string_view kTraefikVersions[] = {"2.10", "2.11", "3.0", "3.1", "3.2",
                                                 "3.3",  "3.4",  "3.5", "3.6", "3.7"};

class Parser {
 public:
  Parser(const yaml::Document& doc, ProjectConfig* out, std::string* err)
      : doc_(doc), out_(out), err_(err) {}

  bool Run() {
    yaml::NodeId root = doc_.root();
    if (doc_.IsNull(root)) {
      return true;  // an empty file sets nothing
    }
    if (!doc_.IsMapping(root)) {
      return Fail(root, "the configuration must be a mapping of option names to values");
    }
    for (std::uint32_t i = 0; i < doc_.Size(root); ++i) {
      yaml::NodeId k = doc_.KeyAt(root, i);
      yaml::NodeId v = doc_.ValueAt(root, i);
      if (!doc_.IsScalar(k)) {
        return Fail(k, "keys must be option names");
      }
      if (!Key(k, v)) {
        return false;
      }
    }
    return true;
  }

 private:
  bool Fail(yaml::NodeId node, const std::string& message) {
    source::Location loc = node == yaml::kNoNode ? source::Location{} : doc_.node(node).loc;
    *err_ = Where(loc) + ": " + message;
    return false;
  }
  std::string Where(source::Location loc) const {
    return doc_.file().path() + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }

  bool Key(yaml::NodeId k, yaml::NodeId v) {
    std::string name(doc_.Text(k));
    const KeySpec* spec = nullptr;
    for (const KeySpec& s : kKeys) {
      if (s.name == name) {
        spec = &s;
      }
    }
    if (spec == nullptr) {
      std::string message = "unknown key \"" + name + "\"";
      std::vector<std::string_view> names = ProjectConfigKeys();
      std::string_view guess = util::ClosestMatch(name, names);
      if (!guess.empty()) {
        message += " (did you mean " + std::string(guess) + "?)";
      }
      return Fail(k, message);
    }
    if (out_->where.count(name) != 0) {
      return Fail(k, "\"" + name + "\" is set twice");
    }
    if (v == yaml::kNoNode || doc_.IsNull(v)) {
      return Fail(k, "\"" + name + "\" has no value");
    }
    out_->where[name] = Where(doc_.node(k).loc);
    switch (spec->type) {
      case KeyType::kCodes:
        return Codes(name, v);
      case KeyType::kSeverityMap:
        return Severity(v);
      case KeyType::kGlobs:
      case KeyType::kList: {
        std::vector<std::string> items;
        if (!List(name, v, &items)) {
          return false;
        }
        if (name == "exclude") {
          out_->exclude = std::move(items);
        } else if (name == "watch-namespace") {
          out_->provider.watch_namespaces = std::move(items);
        } else {
          out_->provider.cross_provider_namespaces = std::move(items);
        }
        return true;
      }
      case KeyType::kBool:
        return Bool(name, v);
      case KeyType::kString:
        return String(name, v);
    }
    return true;
  }

  /// A list of strings, or one string (comma-separated items allowed, as on the command line).
  bool List(const std::string& name, yaml::NodeId v, std::vector<std::string>* items) {
    auto add = [&](yaml::NodeId item) {
      if (!doc_.IsScalar(item) || doc_.IsNull(item)) {
        return Fail(item, "\"" + name + "\" takes a list of strings");
      }
      util::SplitCommaList(doc_.Text(item), util::Trim::kSpaces, items);
      return true;
    };
    if (doc_.IsSequence(v)) {
      for (std::uint32_t i = 0; i < doc_.Size(v); ++i) {
        if (!add(doc_.ItemAt(v, i))) {
          return false;
        }
      }
      return true;
    }
    return add(v);
  }

  bool CheckSelector(yaml::NodeId node, std::string_view selector) {
    std::string err;
    if (lint::ResolveSelector(selector, &err).empty()) {
      return Fail(node, err);
    }
    return true;
  }

  bool Codes(const std::string& name, yaml::NodeId v) {
    std::vector<std::string> items;
    if (!List(name, v, &items)) {
      return false;
    }
    // Point at the item that names an unknown code.
    for (const std::string& s : items) {
      yaml::NodeId at = v;
      if (doc_.IsSequence(v)) {
        for (std::uint32_t i = 0; i < doc_.Size(v); ++i) {
          if (doc_.Text(doc_.ItemAt(v, i)).find(s) != std::string_view::npos) {
            at = doc_.ItemAt(v, i);
            break;
          }
        }
      }
      if (!CheckSelector(at, s)) {
        return false;
      }
    }
    (name == "select" ? out_->select : out_->ignore) = std::move(items);
    return true;
  }

  bool Severity(yaml::NodeId v) {
    if (!doc_.IsMapping(v)) {
      return Fail(v, "\"severity\" takes a mapping of codes to error, warning, info or off");
    }
    std::vector<std::pair<std::string, std::string>> entries;
    for (std::uint32_t i = 0; i < doc_.Size(v); ++i) {
      yaml::NodeId k = doc_.KeyAt(v, i);
      yaml::NodeId level = doc_.ValueAt(v, i);
      if (!doc_.IsScalar(k) || !CheckSelector(k, doc_.Text(k))) {
        return !err_->empty() ? false : Fail(k, "severity keys are codes or names");
      }
      std::optional<diag::Severity> parsed;
      // `off` and the others are plain strings; YAML 1.1 reads a bare `off` as a boolean, so
      // accept the scalar text whatever its type.
      if (level == yaml::kNoNode || !doc_.IsScalar(level) ||
          !lint::ParseSeverityLevel(doc_.Text(level), &parsed)) {
        std::string text = level != yaml::kNoNode && doc_.IsScalar(level)
                               ? std::string(doc_.Text(level))
                               : std::string();
        std::string message = "invalid severity \"" + text + "\" (use error, warning, info or off)";
        constexpr std::string_view kLevels[] = {"error", "warning", "info", "off"};
        std::string_view guess = util::ClosestMatch(text, kLevels);
        if (!guess.empty()) {
          message += " (did you mean " + std::string(guess) + "?)";
        }
        return Fail(level == yaml::kNoNode ? k : level, message);
      }
      entries.emplace_back(std::string(doc_.Text(k)), std::string(doc_.Text(level)));
    }
    out_->severity = std::move(entries);
    return true;
  }

  bool Bool(const std::string& name, yaml::NodeId v) {
    const yaml::Node& n = doc_.node(v);
    if (n.kind != yaml::NodeKind::kScalar || n.type != yaml::ScalarType::kBool) {
      return Fail(v, "\"" + name + "\" takes true or false");
    }
    const bool b = n.num.b;
    StaticConfigSource& p = out_->provider;
    if (name == "allow-cross-namespace") {
      p.allow_cross_namespace = b;
    } else if (name == "allow-external-name-services") {
      p.allow_external_name_services = b;
    } else if (name == "allow-empty-services") {
      p.allow_empty_services = b;
    } else if (name == "native-lb-by-default") {
      p.native_lb_by_default = b;
    } else {
      p.disable_cluster_scope_resources = b;
    }
    return true;
  }

  bool OneOf(yaml::NodeId v, const std::string& name, std::string_view value,
             std::span<const std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
      return true;
    }
    std::string list;
    for (std::string_view a : allowed) {
      list += (list.empty() ? "" : ", ") + std::string(a);
    }
    std::string message =
        "invalid " + name + " \"" + std::string(value) + "\" (expected one of: " + list + ")";
    std::string_view guess = util::ClosestMatch(value, allowed);
    if (!guess.empty()) {
      message += " (did you mean " + std::string(guess) + "?)";
    }
    return Fail(v, message);
  }

  bool String(const std::string& name, yaml::NodeId v) {
    if (!doc_.IsScalar(v)) {
      return Fail(v, "\"" + name + "\" takes a string");
    }
    std::string value(doc_.Text(v));
    if (name == "fail-on") {
      constexpr std::string_view kAllowed[] = {"error", "warning", "info", "never"};
      if (!OneOf(v, name, value, kAllowed)) {
        return false;
      }
      out_->fail_on = value;
    } else if (name == "output") {
      std::vector<std::string_view> formats = report::FormatNames();
      if (!OneOf(v, name, value, formats)) {
        return false;
      }
      out_->output = value;
    } else if (name == "traefik-version") {
      // The scalar's text as written: a bare 2.10 keeps its zero.
      if (!OneOf(v, name, value, kTraefikVersions)) {
        return false;
      }
      out_->traefik_version = value;
      out_->traefik_version_origin = Where(doc_.node(v).loc);
    } else if (name == "default-rule-syntax") {
      constexpr std::string_view kAllowed[] = {"v2", "v3"};
      if (!OneOf(v, name, value, kAllowed)) {
        return false;
      }
      out_->provider.default_rule_syntax = value;
    } else if (name == "traefik-config") {
      fs::path p(value);
      fs::path dir = fs::path(doc_.file().path()).parent_path();
      out_->provider.traefik_config =
          p.is_absolute() || dir.empty() ? value : (dir / p).lexically_normal().string();
    } else if (name == "label-selector") {
      out_->provider.label_selector = value;
    } else {
      out_->provider.ingress_class = value;
    }
    return true;
  }

  const yaml::Document& doc_;
  ProjectConfig* out_;
  std::string* err_;
};

}  // namespace

std::vector<std::string_view> ProjectConfigKeys() {
  std::vector<std::string_view> keys;
  for (const KeySpec& k : kKeys) {
    keys.push_back(k.name);
  }
  return keys;
}

std::vector<std::string_view> KnownTraefikVersions() {
  return {std::begin(kTraefikVersions), std::end(kTraefikVersions)};
}

std::string FindProjectConfig(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  if (ec) {
    return "";
  }
  dir = dir.lexically_normal();
  const fs::path start = dir;
  while (true) {
    fs::path candidate = dir / kProjectConfigName;
    if (fs::is_regular_file(candidate, ec)) {
      // Relative to where the search started, as paths given on the command line are printed.
      fs::path rel = candidate.lexically_relative(start);
      fs::path shown = fs::path(start_dir) / rel;
      return (start_dir == "." ? rel : shown.lexically_normal()).string();
    }
    if (fs::exists(dir / ".git", ec) || !dir.has_relative_path()) {
      return "";
    }
    fs::path parent = dir.parent_path();
    if (parent == dir) {
      return "";
    }
    dir = parent;
  }
}

bool ParseProjectConfig(const source::SourceFilePtr& file, ProjectConfig* out, std::string* err) {
  *out = ProjectConfig();
  out->path = file->path();
  diag::DiagnosticSink sink;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions(), sink);
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    if (d.severity == diag::Severity::kError) {
      *err = file->path() + ":" + std::to_string(d.location.line) + ":" +
             std::to_string(d.location.column) + ": " + d.message;
      return false;
    }
  }
  if (docs.size() > 1) {
    *err = file->path() + ":" + std::to_string(docs[1].node(docs[1].root()).loc.line) +
           ": the configuration must be one YAML document";
    return false;
  }
  if (docs.empty()) {
    return true;
  }
  err->clear();
  return Parser(docs.front(), out, err).Run();
}

bool LoadProjectConfig(const std::string& path, ProjectConfig* out, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read the configuration file";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseProjectConfig(std::make_shared<source::SourceFile>(path, text.str()), out, err);
}

}  // namespace irtcp::config
