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

bool BuildStaticConfig(const StaticConfigSource& source, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err) {
  *config = provider::StaticConfig{};
  if (!source.traefik_config.empty()) {
    std::string file_err;
    std::optional<TraefikConfig> file = LoadTraefikConfig(source.traefik_config, &file_err);
    if (!file) {
      *err = "--traefik-config: " + file_err;
      return false;
    }
    ApplyTraefikConfig(*file, *config);
    notes->insert(notes->end(), file->notes.begin(), file->notes.end());
  }
  ApplyOverrides(source, *config);
  return true;
}

}  // namespace irtcp::config
