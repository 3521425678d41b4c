#include "core/config/traefik_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>

#include "core/diag/diagnostic.h"
#include "core/source/source_file.h"
#include "core/util/spell.h"
#include "core/yaml/load.h"
#include "core/yaml/tree.h"

namespace irtcp::config {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool StartsWithFold(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

std::string Where(const std::string& file, const source::Location& loc) {
  if (!loc.valid()) {
    return file;
  }
  return file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::vector<std::string> SplitComma(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t comma = text.find(',', start);
    std::string_view piece = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!piece.empty() && piece.front() == ' ') {
      piece.remove_prefix(1);
    }
    while (!piece.empty() && piece.back() == ' ') {
      piece.remove_suffix(1);
    }
    if (!piece.empty()) {
      out.emplace_back(piece);
    }
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

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

std::string DottedPath(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& p : path) {
    if (!out.empty()) {
      out += '.';
    }
    out += p;
  }
  return out;
}

// The options of providers.kubernetesCRD (Traefik v3.7), in Traefik's spelling.
constexpr std::array<std::string_view, 13> kCrdOptions{"namespaces",
                                                       "labelSelector",
                                                       "ingressClass",
                                                       "allowCrossNamespace",
                                                       "allowExternalNameServices",
                                                       "allowEmptyServices",
                                                       "nativeLBByDefault",
                                                       "crossProviderNamespaces",
                                                       "disableClusterScopeResources",
                                                       "throttleDuration",
                                                       "endpoint",
                                                       "token",
                                                       "certAuthFilePath"};

bool IsBoolKey(const std::vector<std::string>& lower_path) {
  if (lower_path.size() == 2 && lower_path[0] == "providers") {
    return true;  // --providers.kubernetescrd enables the provider
  }
  if (lower_path.size() == 3 && lower_path[0] == "providers" && lower_path[1] == "kubernetescrd") {
    const std::string& k = lower_path[2];
    return k == "allowcrossnamespace" || k == "allowexternalnameservices" ||
           k == "allowemptyservices" || k == "nativelbbydefault" ||
           k == "disableclusterscoperesources";
  }
  if (lower_path.size() == 3 && lower_path[0] == "entrypoints") {
    return lower_path[2] == "asdefault";
  }
  return false;
}

/// Turns settings into a TraefikConfig, checking the parts irtcp reads.
class Interpreter {
 public:
  bool Apply(const Setting& s, std::string* err) {
    std::vector<std::string> lower;
    lower.reserve(s.path.size());
    for (const std::string& p : s.path) {
      lower.push_back(Lower(p));
    }
    if (lower.size() >= 2 && lower[0] == "providers" && lower[1] == "kubernetescrd") {
      return ApplyCrd(s, lower, err);
    }
    if (lower.size() >= 2 && lower[0] == "entrypoints") {
      return ApplyEntryPoint(s, lower, err);
    }
    if (lower.size() == 2 && lower[0] == "core" && lower[1] == "defaultrulesyntax") {
      std::string v;
      if (!String(s, &v, err)) {
        return false;
      }
      if (v != "v2" && v != "v3") {
        *err =
            s.where + ": core.defaultRuleSyntax must be v2 or v3, got \"" + diag::Shorten(v) + "\"";
        return false;
      }
      config_.default_rule_syntax = v;
    }
    return true;
  }

  TraefikConfig Finish(std::string origin) {
    config_.origin = std::move(origin);
    if (config_.entry_points.empty() && config_.entry_points_complete) {
      // Traefik's static configuration default (SetEffectiveConfiguration).
      config_.entry_points.push_back({"http", ":80", false, false});
    }
    if (!config_.kubernetes_crd_enabled) {
      config_.notes.push_back(config_.origin +
                              ": providers.kubernetesCRD is not enabled: Traefik would read no "
                              "IngressRouteTCP at all");
    }
    return std::move(config_);
  }

  TraefikConfig& config() { return config_; }

 private:
  bool ApplyCrd(const Setting& s, const std::vector<std::string>& lower, std::string* err) {
    if (lower.size() == 2) {
      if (s.type == Setting::Type::kScalar) {
        std::optional<bool> b = Bool(s, err);
        if (!b) {
          return false;
        }
        config_.kubernetes_crd_enabled = *b;
      } else {
        config_.kubernetes_crd_enabled = true;
      }
      return true;
    }
    config_.kubernetes_crd_enabled = true;
    if (lower.size() > 3) {
      *err = s.where + ": unknown option providers.kubernetesCRD." +
             DottedPath({s.path.begin() + 2, s.path.end()});
      return false;
    }
    const std::string& key = lower[2];
    auto set_bool = [&](std::optional<bool>& field) {
      std::optional<bool> b = Bool(s, err);
      if (!b) {
        return false;
      }
      field = b;
      return true;
    };
    if (key == "namespaces") {
      return List(s, &config_.namespaces, err);
    }
    if (key == "crossprovidernamespaces") {
      return List(s, &config_.cross_provider_namespaces, err);
    }
    if (key == "labelselector" || key == "ingressclass") {
      std::string v;
      if (!String(s, &v, err)) {
        return false;
      }
      (key == "labelselector" ? config_.label_selector : config_.ingress_class) = v;
      return true;
    }
    if (key == "allowcrossnamespace") {
      return set_bool(config_.allow_cross_namespace);
    }
    if (key == "allowexternalnameservices") {
      return set_bool(config_.allow_external_name_services);
    }
    if (key == "allowemptyservices") {
      return set_bool(config_.allow_empty_services);
    }
    if (key == "nativelbbydefault") {
      return set_bool(config_.native_lb_by_default);
    }
    if (key == "disableclusterscoperesources") {
      return set_bool(config_.disable_cluster_scope_resources);
    }
    if (key == "throttleduration" || key == "endpoint" || key == "token" ||
        key == "certauthfilepath") {
      return true;  // no effect on what the provider builds
    }
    // Traefik refuses to start on an unknown field ("field not found, node: ...").
    *err = s.where + ": unknown option providers.kubernetesCRD." + s.path[2];
    std::string_view close = util::ClosestMatch(s.path[2], kCrdOptions);
    if (!close.empty()) {
      *err += "; did you mean " + std::string(close) + "?";
    }
    return false;
  }

  bool ApplyEntryPoint(const Setting& s, const std::vector<std::string>& lower, std::string* err) {
    provider::EntryPoint& ep = EntryPointNamed(s.path[1]);
    if (lower.size() != 3) {
      return true;  // the entry point itself, or settings irtcp does not need (http, transport…)
    }
    if (lower[2] == "address") {
      std::string v;
      if (!String(s, &v, err)) {
        return false;
      }
      ep.address = v;
      std::string l = Lower(v);
      ep.udp = l.size() >= 4 && l.substr(l.size() - 4) == "/udp";
    } else if (lower[2] == "asdefault") {
      std::optional<bool> b = Bool(s, err);
      if (!b) {
        return false;
      }
      ep.as_default = *b;
    }
    return true;
  }

  provider::EntryPoint& EntryPointNamed(const std::string& name) {
    for (provider::EntryPoint& ep : config_.entry_points) {
      if (ep.name == name) {
        return ep;
      }
    }
    config_.entry_points.push_back({name, "", false, false});
    return config_.entry_points.back();
  }

  std::optional<bool> Bool(const Setting& s, std::string* err) {
    if (s.type == Setting::Type::kScalar) {
      if (s.typed_bool) {
        return s.typed_bool;
      }
      if (std::optional<bool> b = ParseGoBool(s.text)) {
        return b;
      }
    }
    *err = s.where + ": " + DottedPath(s.path) + " must be a boolean (true or false), got " +
           Describe(s);
    return std::nullopt;
  }

  bool String(const Setting& s, std::string* out, std::string* err) {
    if (s.type == Setting::Type::kNull) {
      out->clear();
      return true;
    }
    if (s.type != Setting::Type::kScalar) {
      *err = s.where + ": " + DottedPath(s.path) + " must be a string, got " + Describe(s);
      return false;
    }
    *out = s.text;
    return true;
  }

  bool List(const Setting& s, std::optional<std::vector<std::string>>* out, std::string* err) {
    if (s.type == Setting::Type::kList && !s.list_has_non_scalars) {
      if (!out->has_value()) {
        out->emplace();
      }
      (*out)->insert((*out)->end(), s.items.begin(), s.items.end());
      return true;
    }
    if (s.type == Setting::Type::kNull) {
      out->emplace();
      return true;
    }
    if (s.type == Setting::Type::kScalar && !s.typed_bool) {
      // Flags and environment variables carry lists comma-separated ("a,b"); an empty value is an
      // empty list.
      if (!out->has_value()) {
        out->emplace();
      }
      for (std::string& item : SplitComma(s.text)) {
        (*out)->push_back(std::move(item));
      }
      return true;
    }
    *err = s.where + ": " + DottedPath(s.path) + " must be a list of strings, got " + Describe(s);
    return false;
  }

  static std::string Describe(const Setting& s) {
    switch (s.type) {
      case Setting::Type::kMap:
        return "a mapping";
      case Setting::Type::kList:
        return "a list";
      case Setting::Type::kNull:
        return "nothing";
      case Setting::Type::kScalar:
        break;
    }
    return "\"" + diag::Shorten(s.text) + "\"";
  }

  TraefikConfig config_;
};

// -- YAML
// ------------------------------------------------------------------------------------------

void FlattenYaml(const yaml::Document& doc, yaml::NodeId node, std::vector<std::string>& path,
                 std::vector<Setting>& out) {
  const yaml::Node& n = doc.node(node);
  Setting s;
  s.path = path;
  s.where = Where(doc.file().path(), n.loc);
  if (n.kind == yaml::NodeKind::kMapping) {
    if (!path.empty()) {
      s.type = Setting::Type::kMap;
      out.push_back(s);
    }
    for (std::uint32_t i = 0; i < doc.Size(node); ++i) {
      yaml::NodeId k = doc.KeyAt(node, i);
      if (!doc.IsScalar(k)) {
        continue;
      }
      path.emplace_back(doc.Text(k));
      yaml::NodeId v = doc.ValueAt(node, i);
      if (v == yaml::kNoNode) {
        Setting null_setting;
        null_setting.path = path;
        null_setting.type = Setting::Type::kNull;
        null_setting.where = Where(doc.file().path(), doc.node(k).loc);
        out.push_back(std::move(null_setting));
      } else {
        FlattenYaml(doc, v, path, out);
      }
      path.pop_back();
    }
    return;
  }
  if (n.kind == yaml::NodeKind::kSequence) {
    s.type = Setting::Type::kList;
    for (std::uint32_t i = 0; i < doc.Size(node); ++i) {
      yaml::NodeId item = doc.ItemAt(node, i);
      if (doc.IsScalar(item)) {
        s.items.emplace_back(doc.Text(item));
      } else {
        s.list_has_non_scalars = true;
      }
    }
    out.push_back(std::move(s));
    return;
  }
  if (n.type == yaml::ScalarType::kNull) {
    s.type = Setting::Type::kNull;
  } else {
    s.text = std::string(doc.Text(node));
    if (n.type == yaml::ScalarType::kBool) {
      s.typed_bool = n.num.b;
    }
  }
  out.push_back(std::move(s));
}

bool FirstError(const diag::DiagnosticSink& sink, std::string* err) {
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    if (d.severity == diag::Severity::kError) {
      *err =
          Where(d.file != nullptr ? d.file->path() : std::string(), d.location) + ": " + d.message;
      return true;
    }
  }
  return false;
}

bool HasObjectShape(const yaml::Document& doc, yaml::NodeId node) {
  return doc.IsMapping(node) && !doc.GetString(node, "apiVersion").empty() &&
         !doc.GetString(node, "kind").empty();
}

struct Workload {
  const yaml::Document* doc;
  yaml::NodeId container;
  std::string description;  ///< "Deployment kube-system/traefik, container traefik"
};

bool LooksLikeTraefikContainer(const yaml::Document& doc, yaml::NodeId container) {
  if (doc.GetString(container, "image").find("traefik") != std::string_view::npos) {
    return true;
  }
  for (std::string_view field : {"command", "args"}) {
    yaml::NodeId list = doc.Get(container, field);
    if (!doc.IsSequence(list)) {
      continue;
    }
    for (std::uint32_t i = 0; i < doc.Size(list); ++i) {
      yaml::NodeId a = doc.ItemAt(list, i);
      if (doc.IsScalar(a)) {
        std::string_view t = doc.Text(a);
        std::size_t dashes = t.find_first_not_of('-');
        if (dashes >= 1 && dashes != std::string_view::npos &&
            (StartsWithFold(t.substr(dashes), "providers.") ||
             StartsWithFold(t.substr(dashes), "entrypoints."))) {
          return true;
        }
      }
    }
  }
  return false;
}

void FindWorkloads(const yaml::Document& doc, yaml::NodeId obj, std::vector<Workload>& out) {
  std::string_view kind = doc.GetString(obj, "kind");
  yaml::NodeId items = doc.Get(obj, "items");
  if (kind.size() >= 4 && kind.substr(kind.size() - 4) == "List" && doc.IsSequence(items)) {
    for (std::uint32_t i = 0; i < doc.Size(items); ++i) {
      if (HasObjectShape(doc, doc.ItemAt(items, i))) {
        FindWorkloads(doc, doc.ItemAt(items, i), out);
      }
    }
    return;
  }
  yaml::NodeId pod_spec = yaml::kNoNode;
  if (kind == "Deployment" || kind == "DaemonSet" || kind == "StatefulSet") {
    pod_spec = doc.Get(doc.Get(doc.Get(obj, "spec"), "template"), "spec");
  } else if (kind == "Pod") {
    pod_spec = doc.Get(obj, "spec");
  }
  yaml::NodeId containers = doc.Get(pod_spec, "containers");
  if (!doc.IsSequence(containers)) {
    return;
  }
  yaml::NodeId meta = doc.Get(obj, "metadata");
  std::string ns(doc.GetString(meta, "namespace"));
  std::string name(doc.GetString(meta, "name"));
  for (std::uint32_t i = 0; i < doc.Size(containers); ++i) {
    yaml::NodeId c = doc.ItemAt(containers, i);
    if (doc.IsMapping(c) && LooksLikeTraefikContainer(doc, c)) {
      out.push_back({&doc, c,
                     std::string(kind) + " " + (ns.empty() ? "" : ns + "/") + name +
                         ", container " + std::string(doc.GetString(c, "name"))});
    }
  }
}

/// Splits "--a.b.c[0]=v" into a setting; `next` is the following argument (consumed for a
/// non-boolean flag written as "--key value").
bool ArgSetting(std::string_view arg, const std::string& where, std::string_view* next,
                Setting* out, bool* consumed_next) {
  *consumed_next = false;
  std::size_t dashes = arg.find_first_not_of('-');
  if (dashes == 0 || dashes == std::string_view::npos) {
    return false;
  }
  std::string_view body = arg.substr(dashes);
  std::size_t eq = body.find('=');
  std::string_view key = body.substr(0, eq);
  out->from_args = true;
  out->where = where;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t dot = key.find('.', start);
    out->path.emplace_back(
        key.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) {
      break;
    }
    start = dot + 1;
  }
  // paerser's indexed list form: --providers.kubernetescrd.namespaces[0]=a
  std::string& last = out->path.back();
  if (!last.empty() && last.back() == ']') {
    std::size_t open = last.find('[');
    if (open != std::string::npos) {
      last.resize(open);
    }
  }
  out->type = Setting::Type::kScalar;
  if (eq != std::string_view::npos) {
    out->text = std::string(body.substr(eq + 1));
    return true;
  }
  std::vector<std::string> lower;
  for (const std::string& p : out->path) {
    lower.push_back(Lower(p));
  }
  if (IsBoolKey(lower) || next == nullptr || next->empty() || next->front() == '-') {
    out->text = "true";
    return true;
  }
  out->text = std::string(*next);
  *consumed_next = true;
  return true;
}

bool ReadWorkload(const Workload& w, Interpreter& interp, std::string* err) {
  const yaml::Document& doc = *w.doc;
  const std::string& path = doc.file().path();
  std::vector<std::pair<std::string_view, yaml::NodeId>> args;
  for (std::string_view field : {"command", "args"}) {
    yaml::NodeId list = doc.Get(w.container, field);
    if (!doc.IsSequence(list)) {
      continue;
    }
    for (std::uint32_t i = 0; i < doc.Size(list); ++i) {
      yaml::NodeId a = doc.ItemAt(list, i);
      if (doc.IsScalar(a)) {
        args.emplace_back(doc.Text(a), a);
      }
    }
  }
  bool any_flag = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view next = i + 1 < args.size() ? args[i + 1].first : std::string_view();
    Setting s;
    bool consumed = false;
    if (!ArgSetting(args[i].first, Where(path, doc.node(args[i].second).loc),
                    i + 1 < args.size() ? &next : nullptr, &s, &consumed)) {
      continue;
    }
    any_flag = true;
    if (consumed) {
      ++i;
    }
    std::string key = Lower(DottedPath(s.path));
    if (key == "configfile") {
      // Traefik's loaders are exclusive: with a configuration file, the other flags are ignored.
      interp.config().entry_points_complete = false;
      interp.config().notes.push_back(
          s.where + ": Traefik reads its static configuration from " + s.text +
          " and ignores the other flags; pass that file to --traefik-config");
      return true;
    }
    if (!interp.Apply(s, err)) {
      return false;
    }
  }
  if (any_flag) {
    return true;
  }
  // Without flags Traefik reads TRAEFIK_* environment variables
  // (TRAEFIK_PROVIDERS_KUBERNETESCRD_…).
  yaml::NodeId env = doc.Get(w.container, "env");
  bool any_env = false;
  if (doc.IsSequence(env)) {
    for (std::uint32_t i = 0; i < doc.Size(env); ++i) {
      yaml::NodeId e = doc.ItemAt(env, i);
      std::string_view name = doc.GetString(e, "name");
      if (!StartsWithFold(name, "traefik_")) {
        continue;
      }
      any_env = true;
      Setting s;
      s.from_args = true;
      s.where = Where(path, doc.node(e).loc);
      std::string rest(name.substr(8));
      std::size_t start = 0;
      while (true) {
        std::size_t us = rest.find('_', start);
        s.path.push_back(
            rest.substr(start, us == std::string::npos ? std::string::npos : us - start));
        if (us == std::string::npos) {
          break;
        }
        start = us + 1;
      }
      s.text = std::string(doc.GetString(e, "value"));
      if (!interp.Apply(s, err)) {
        return false;
      }
    }
  }
  if (!any_env) {
    interp.config().entry_points_complete = false;
    interp.config().notes.push_back(
        path + ": " + w.description +
        " passes no flags: Traefik reads a traefik.yml/traefik.toml irtcp cannot see; pass that "
        "file to --traefik-config");
  }
  return true;
}

std::optional<TraefikConfig> ParseYaml(const std::string& display_path, std::string text,
                                       std::string* err) {
  auto file = std::make_shared<source::SourceFile>(display_path, std::move(text));
  diag::DiagnosticSink sink;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
  if (FirstError(sink, err)) {
    return std::nullopt;
  }
  bool manifest = std::any_of(docs.begin(), docs.end(),
                              [](const yaml::Document& d) { return HasObjectShape(d, d.root()); });
  Interpreter interp;
  if (!manifest) {
    if (docs.size() > 1) {
      *err = display_path + ": a Traefik static configuration is one YAML document, found " +
             std::to_string(docs.size());
      return std::nullopt;
    }
    if (!docs.empty()) {
      const yaml::Document& doc = docs.front();
      if (!doc.IsMapping(doc.root())) {
        *err = Where(display_path, doc.node(doc.root()).loc) +
               ": a Traefik static configuration must be a mapping";
        return std::nullopt;
      }
      std::vector<Setting> settings;
      std::vector<std::string> path;
      FlattenYaml(doc, doc.root(), path, settings);
      for (const Setting& s : settings) {
        if (!interp.Apply(s, err)) {
          return std::nullopt;
        }
      }
    }
    return interp.Finish(display_path);
  }
  std::vector<Workload> workloads;
  for (const yaml::Document& doc : docs) {
    if (HasObjectShape(doc, doc.root())) {
      FindWorkloads(doc, doc.root(), workloads);
    }
  }
  if (workloads.empty()) {
    *err = display_path +
           ": no Deployment or DaemonSet running Traefik (a container whose image is traefik or "
           "whose args set --providers.* or --entryPoints.*)";
    return std::nullopt;
  }
  if (workloads.size() > 1) {
    *err = display_path + ": several workloads run Traefik (";
    for (std::size_t i = 0; i < workloads.size(); ++i) {
      *err += (i > 0 ? "; " : "") + workloads[i].description;
    }
    *err += "); pass a file with only one";
    return std::nullopt;
  }
  if (!ReadWorkload(workloads.front(), interp, err)) {
    return std::nullopt;
  }
  return interp.Finish(display_path + ": " + workloads.front().description);
}

// -- TOML
// ------------------------------------------------------------------------------------------

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

void FlattenToml(const std::string& file, const toml::node& node, std::vector<std::string>& path,
                 std::vector<Setting>& out) {
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
      FlattenToml(file, value, path, out);
      path.pop_back();
    }
    return;
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
    return;
  }
  if (const auto* b = node.as_boolean()) {
    s.typed_bool = b->get();
  }
  s.text = TomlScalarText(node);
  out.push_back(std::move(s));
}

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
  FlattenToml(display_path, table, path, settings);
  Interpreter interp;
  for (const Setting& s : settings) {
    if (!interp.Apply(s, err)) {
      return std::nullopt;
    }
  }
  return interp.Finish(display_path);
}

}  // namespace

std::optional<bool> ParseGoBool(std::string_view text) {
  if (text == "1" || text == "t" || text == "T" || text == "TRUE" || text == "true" ||
      text == "True") {
    return true;
  }
  if (text == "0" || text == "f" || text == "F" || text == "FALSE" || text == "false" ||
      text == "False") {
    return false;
  }
  return std::nullopt;
}

std::optional<TraefikConfig> ParseTraefikConfig(const std::string& display_path, std::string text,
                                                ConfigFormat format, std::string* err) {
  if (format == ConfigFormat::kAuto) {
    std::string lower = Lower(display_path);
    format = lower.size() >= 5 && lower.substr(lower.size() - 5) == ".toml" ? ConfigFormat::kToml
                                                                            : ConfigFormat::kYaml;
  }
  if (format == ConfigFormat::kToml) {
    return ParseToml(display_path, text, err);
  }
  return ParseYaml(display_path, std::move(text), err);
}

std::optional<TraefikConfig> LoadTraefikConfig(const std::string& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read the Traefik configuration file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseTraefikConfig(path, text.str(), ConfigFormat::kAuto, err);
}

void ApplyTraefikConfig(const TraefikConfig& file, provider::StaticConfig& config) {
  provider::ProviderOptions& p = config.provider;
  if (file.namespaces) {
    p.namespaces = *file.namespaces;
  }
  if (file.label_selector) {
    p.label_selector = *file.label_selector;
  }
  if (file.ingress_class) {
    p.ingress_class = *file.ingress_class;
  }
  if (file.allow_cross_namespace) {
    p.allow_cross_namespace = *file.allow_cross_namespace;
  }
  if (file.allow_external_name_services) {
    p.allow_external_name_services = *file.allow_external_name_services;
  }
  if (file.allow_empty_services) {
    p.allow_empty_services = *file.allow_empty_services;
  }
  if (file.native_lb_by_default) {
    p.native_lb_by_default = *file.native_lb_by_default;
  }
  if (file.cross_provider_namespaces) {
    p.cross_provider_namespaces = file.cross_provider_namespaces;
  }
  if (file.disable_cluster_scope_resources) {
    p.disable_cluster_scope_resources = *file.disable_cluster_scope_resources;
  }
  if (file.entry_points_complete || !file.entry_points.empty()) {
    config.entry_points = file.entry_points;
    config.entry_points_known = file.entry_points_complete;
  }
  if (file.default_rule_syntax) {
    config.default_rule_syntax = *file.default_rule_syntax;
  }
}

std::vector<std::string> DefaultEntryPoints(const provider::StaticConfig& config) {
  std::vector<std::string> out;
  for (const provider::EntryPoint& ep : config.entry_points) {
    if (ep.as_default && !ep.udp) {
      out.push_back(ep.name);
    }
  }
  if (!out.empty()) {
    return out;
  }
  for (const provider::EntryPoint& ep : config.entry_points) {
    if (!ep.udp && ep.name != "traefik") {
      out.push_back(ep.name);
    }
  }
  return out;
}

}  // namespace irtcp::config
