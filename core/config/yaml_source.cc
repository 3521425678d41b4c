#include <algorithm>
#include <memory>
#include <utility>

#include "core/config/settings.h"
#include "core/config/sources.h"
#include "core/config/workload_args.h"
#include "core/diag/diagnostic.h"
#include "core/source/source_file.h"
#include "core/yaml/load.h"
#include "core/yaml/tree.h"

namespace irtcp::config::internal {

namespace {

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

}  // namespace

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

}  // namespace irtcp::config::internal
