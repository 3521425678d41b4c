#include "core/config/static_config.h"

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
  if (source.default_rule_syntax) {
    config.default_rule_syntax = *source.default_rule_syntax;
  }
}

bool BuildStaticConfig(const StaticConfigSource& source, provider::StaticConfig* config,
                       std::vector<std::string>* notes, std::string* err) {
  *config = provider::StaticConfig{};
  if (!source.traefik_config.empty() || !source.traefik_config_text.empty()) {
    std::string file_err;
    std::optional<TraefikConfig> file =
        source.traefik_config_text.empty()
            ? LoadTraefikConfig(source.traefik_config, &file_err)
            : ParseTraefikConfig(
                  source.traefik_config.empty() ? "traefik.yaml" : source.traefik_config,
                  source.traefik_config_text, ConfigFormat::kAuto, &file_err);
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
