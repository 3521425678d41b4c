#include "cli/provider_flags.h"

#include "core/provider/label_selector.h"
#include "core/util/strings.h"

namespace irtcp::cli {

namespace {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  util::SplitCommaList(text, util::Trim::kNone, &out);
  return out;
}

}  // namespace

void AddProviderFlags(CLI::App& app, const std::shared_ptr<ProviderFlags>& flags) {
  auto bool_flag = [&](const std::string& name, std::optional<bool> ProviderFlags::*field,
                       const std::string& help) {
    app.add_flag_callback(
           name, [flags, field]() { (*flags).*field = true; }, help)
        ->group("Provider options");
  };
  bool_flag("--allow-cross-namespace", &ProviderFlags::allow_cross_namespace,
            "providers.kubernetesCRD.allowCrossNamespace: allow references to other namespaces");
  bool_flag("--allow-external-name-services", &ProviderFlags::allow_external_name_services,
            "providers.kubernetesCRD.allowExternalNameServices");
  bool_flag("--allow-empty-services", &ProviderFlags::allow_empty_services,
            "providers.kubernetesCRD.allowEmptyServices: keep services without servers");
  bool_flag("--native-lb-by-default", &ProviderFlags::native_lb_by_default,
            "providers.kubernetesCRD.nativeLBByDefault: use the Service clusterIP");
  bool_flag("--disable-cluster-scope-resources", &ProviderFlags::disable_cluster_scope_resources,
            "providers.kubernetesCRD.disableClusterScopeResources: no Node lookups");
  app.add_option_function<std::string>(
         "--cross-provider-namespaces",
         [flags](const std::string& value) { flags->cross_provider_namespaces = SplitList(value); },
         "providers.kubernetesCRD.crossProviderNamespaces, comma-separated; an empty value "
         "(--cross-provider-namespaces=) allows no namespace, unset allows every namespace")
      ->type_name("LIST")
      ->expected(0, 1)
      ->group("Provider options");
  app.add_option("--watch-namespace", flags->watch_namespaces,
                 "providers.kubernetesCRD.namespaces: only objects in these namespaces are "
                 "visible (repeatable or comma-separated; default: all)")
      ->type_name("NS")
      ->delimiter(',')
      ->group("Provider options");
  app.add_option_function<std::string>(
         "--label-selector", [flags](const std::string& v) { flags->label_selector = v; },
         "providers.kubernetesCRD.labelSelector (Traefik CRD kinds only)")
      ->type_name("SELECTOR")
      // Traefik refuses to start with a selector that does not parse: so does every subcommand
      // that takes the flag, even those that would not use it (explain CODE).
      ->check(CLI::Validator(
          [](const std::string& v) {
            provider::LabelSelector selector;
            std::string err;
            return provider::LabelSelector::Parse(v, &selector, &err)
                       ? std::string()
                       : err + " (Traefik's CRD provider would not start)";
          },
          "", "label-selector"))
      ->group("Provider options");
  app.add_option_function<std::string>(
         "--ingress-class", [flags](const std::string& v) { flags->ingress_class = v; },
         "providers.kubernetesCRD.ingressClass")
      ->type_name("CLASS")
      ->group("Provider options");
  app.add_option_function<std::string>(
         "--default-rule-syntax", [flags](const std::string& v) { flags->default_rule_syntax = v; },
         "core.defaultRuleSyntax: rule syntax of routes that set none (v3 or v2)")
      ->check(CLI::IsMember({"v2", "v3"}))
      ->group("Provider options");
  app.add_option_function<std::string>(
         "--traefik-version", [flags](const std::string& v) { flags->traefik_version = v; },
         "The Traefik that reads the manifests: 2.10, 2.11, 3.0 ... 3.7 (default 3.7; also "
         "vX.Y.Z or an image such as traefik:v2.11.3); selects the CRD schemas, rule syntax and "
         "provider behaviour of that version")
      ->type_name("VERSION")
      ->group("Provider options");
  app.add_option("--traefik-config", flags->traefik_config,
                 "Traefik's static configuration: traefik.yml/.toml, or the Deployment or "
                 "DaemonSet manifest that runs Traefik (provider options and entry points; the "
                 "flags above override it)")
      ->type_name("FILE")
      ->group("Provider options");
}

}  // namespace irtcp::cli
