#include "core/config/traefik_config.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "core/config/settings.h"
#include "core/config/sources.h"

namespace irtcp::config {

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
    std::string lower = internal::Lower(display_path);
    format = lower.size() >= 5 && lower.substr(lower.size() - 5) == ".toml" ? ConfigFormat::kToml
                                                                            : ConfigFormat::kYaml;
  }
  if (format == ConfigFormat::kToml) {
    return internal::ParseToml(display_path, text, err);
  }
  return internal::ParseYaml(display_path, std::move(text), err);
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
  config.tcp_servers_transport = file.tcp_servers_transport;
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
