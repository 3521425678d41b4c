#include "core/config/static_config.h"

#include <algorithm>

#include "core/config/traefik_config.h"

namespace irtcp::config {

void ApplyOverrides(const StaticConfigSource& source, provider::StaticConfig& config) {
  provider::ProviderOptions& p = config.provider;
  if (source.allow_cross_namespace) {
    p.allow_cross_namespace = *source.allow_cross_namespace;
  }
  if (source.allow_external_name_services) {
    p.allow_external_name_services = *source.allow_external_name_services;
  }
  if (source.allow_empty_services) {
    p.allow_empty_services = *source.allow_empty_services;
  }
  if (source.native_lb_by_default) {
    p.native_lb_by_default = *source.native_lb_by_default;
  }
  if (source.disable_cluster_scope_resources) {
    p.disable_cluster_scope_resources = *source.disable_cluster_scope_resources;
  }
  if (source.cross_provider_namespaces) {
    p.cross_provider_namespaces = *source.cross_provider_namespaces;
  }
  if (!source.watch_namespaces.empty()) {
    p.namespaces = source.watch_namespaces;
  }
  if (source.label_selector) {
    p.label_selector = *source.label_selector;
  }
  if (source.ingress_class) {
    p.ingress_class = *source.ingress_class;
  }
  for (const provider::EntryPoint& ep : source.entry_points) {
    auto it = std::find_if(config.entry_points.begin(), config.entry_points.end(),
                           [&](const provider::EntryPoint& e) { return e.name == ep.name; });
    if (it == config.entry_points.end()) {
      config.entry_points.push_back(ep);
    } else {
      it->address = ep.address;
    }
    config.entry_points_known = true;
  }
  if (source.default_rule_syntax) {
    config.default_rule_syntax = *source.default_rule_syntax;
  }
}

namespace {

/// Resets the options `version` does not have (versions.md §4.1, §3.1) to Traefik's default, with
/// a note naming each: that Traefik would refuse to start on an unknown option or ignore it.
void DropUnknownOptions(provider::StaticConfig& config, std::vector<std::string>* notes) {
  provider::ProviderOptions& p = config.provider;
  const version::TraefikVersion& v = p.traefik_version;
  const std::string on = " is not an option of Traefik " + v.Display() + "; ignored";
  if (p.native_lb_by_default && !v.AtLeast(3, 0)) {
    p.native_lb_by_default = false;
    notes->push_back("providers.kubernetesCRD.nativeLBByDefault" + on);
  }
  if (p.disable_cluster_scope_resources && !v.AtLeastPatch(3, 1, 2)) {
    p.disable_cluster_scope_resources = false;
    notes->push_back("providers.kubernetesCRD.disableClusterScopeResources" + on);
  }
  if (p.cross_provider_namespaces && !version::HasResolveReference(v)) {
    p.cross_provider_namespaces.reset();
    notes->push_back("providers.kubernetesCRD.crossProviderNamespaces" + on);
  }
  if (config.default_rule_syntax != "v3" && !v.AtLeast(3, 0)) {
    notes->push_back("core.defaultRuleSyntax" + on + " (Traefik v2 has only the v2 syntax)");
  }
  if (!v.AtLeast(3, 0)) {
    config.default_rule_syntax = "v2";
  }
}

}  // namespace

bool ResolveTraefikVersion(const StaticConfigSource& source, const TraefikConfig* file,
                           version::TraefikVersion* out, std::vector<std::string>* notes,
                           std::string* err) {
  *out = version::DefaultVersion();
  std::string note;
  if (source.traefik_version) {
    std::string parse_err;
    if (!version::ParseTraefikVersion(*source.traefik_version, out, &note, &parse_err)) {
      *err = source.traefik_version_origin + ": " + parse_err;
      return false;
    }
  } else if (file != nullptr && file->image) {
    std::string parse_err;
    if (!version::ParseTraefikVersion(*file->image, out, &note, &parse_err)) {
      *out = version::DefaultVersion();
      note = file->image_origin + ": the Traefik version of image \"" + *file->image +
             "\" is not known (" + parse_err + "); checks follow Traefik " + out->Line() +
             " (set --traefik-version)";
    } else if (note.empty()) {
      note = "Traefik " + out->Display() + ", from the image " + *file->image + " (" +
             file->image_origin + ")";
    }
  }
  if (!note.empty()) {
    notes->push_back(std::move(note));
  }
  return true;
}

bool BuildStaticConfig(const StaticConfigSource& source, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err) {
  *config = provider::StaticConfig{};
  std::optional<TraefikConfig> file;
  if (!source.traefik_config.empty() || !source.traefik_config_text.empty()) {
    std::string file_err;
    file = source.traefik_config_text.empty()
               ? LoadTraefikConfig(source.traefik_config, &file_err)
               : ParseTraefikConfig(
                     source.traefik_config.empty() ? "traefik.yaml" : source.traefik_config,
                     source.traefik_config_text, ConfigFormat::kAuto, &file_err);
    if (!file) {
      *err = "--traefik-config: " + file_err;
      return false;
    }
  }
  version::TraefikVersion v;
  if (!ResolveTraefikVersion(source, file ? &*file : nullptr, &v, notes, err)) {
    return false;
  }
  config->provider.traefik_version = v;
  if (file) {
    ApplyTraefikConfig(*file, *config);
    notes->insert(notes->end(), file->notes.begin(), file->notes.end());
  }
  ApplyOverrides(source, *config);
  DropUnknownOptions(*config, notes);
  return true;
}

}  // namespace irtcp::config
