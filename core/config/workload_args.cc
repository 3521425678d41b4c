#include "core/config/workload_args.h"

#include <string_view>
#include <utility>

namespace irtcp::config::internal {

namespace {

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

}  // namespace

bool HasObjectShape(const yaml::Document& doc, yaml::NodeId node) {
  return doc.IsMapping(node) && !doc.GetString(node, "apiVersion").empty() &&
         !doc.GetString(node, "kind").empty();
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
      std::string description(kind);
      description += ' ';
      description += ns.empty() ? "" : ns + "/";
      description += name;
      description += ", container ";
      description += doc.GetString(c, "name");
      out.push_back({&doc, c, std::move(description)});
    }
  }
}

bool ReadWorkload(const Workload& w, Interpreter& interp, std::string* err) {
  const yaml::Document& doc = *w.doc;
  const std::string& path = doc.file().path();
  if (yaml::NodeId image = doc.Get(w.container, "image"); doc.IsScalar(image)) {
    interp.config().image = std::string(doc.Text(image));
    interp.config().image_origin = Where(path, doc.node(image).loc);
  }
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

}  // namespace irtcp::config::internal
