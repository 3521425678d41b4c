// Catalog: every object of a run decoded into the typed model, with the lookups the provider
// engine and the reference lint rules need (Service by namespace/name, EndpointSlices by
// Service, Secrets, ConfigMaps, Nodes).
//
// The catalog is raw: it holds every object of the input, whatever Traefik can see.
// Visibility (watched namespaces, label selector, removed API group, owner=helm Secrets) is the
// provider engine's business (core/provider/visibility.h).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/k8s.h"
#include "core/model/object.h"
#include "core/model/traefik.h"

namespace irtcp::model {

class Catalog {
 public:
  /// Decodes every object of `input` (which must outlive the catalog).
  explicit Catalog(const InputSet& input);
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  const InputSet& input() const { return input_; }

  // Input order, every object of the kind (legacy-group Traefik objects included).
  const std::vector<IngressRouteTCP>& ingress_route_tcps() const { return irtcps_; }
  const std::vector<IngressRouteHttp>& ingress_routes() const { return irs_; }
  const std::vector<MiddlewareTCP>& middleware_tcps() const { return middlewares_; }
  const std::vector<ServersTransportTCP>& servers_transport_tcps() const { return transports_; }
  const std::vector<TLSOption>& tls_options() const { return tls_options_; }
  const std::vector<TLSStore>& tls_stores() const { return tls_stores_; }
  const std::vector<Service>& services() const { return services_; }
  const std::vector<EndpointSlice>& endpoint_slices() const { return slices_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Secret>& secrets() const { return secrets_; }
  const std::vector<ConfigMap>& config_maps() const { return config_maps_; }

  /// Lookups by namespace and name (the last object wins when the input repeats one, as with
  /// `kubectl apply`); nullptr when absent.
  const Service* FindService(std::string_view ns, std::string_view name) const;
  const Secret* FindSecret(std::string_view ns, std::string_view name) const;
  const ConfigMap* FindConfigMap(std::string_view ns, std::string_view name) const;
  /// EndpointSlices in `ns` labelled kubernetes.io/service-name=`service`, in input order.
  const std::vector<const EndpointSlice*>& SlicesFor(std::string_view ns,
                                                     std::string_view service) const;

 private:
  static std::string Key(std::string_view ns, std::string_view name);

  const InputSet& input_;
  std::vector<IngressRouteTCP> irtcps_;
  std::vector<IngressRouteHttp> irs_;
  std::vector<MiddlewareTCP> middlewares_;
  std::vector<ServersTransportTCP> transports_;
  std::vector<TLSOption> tls_options_;
  std::vector<TLSStore> tls_stores_;
  std::vector<Service> services_;
  std::vector<EndpointSlice> slices_;
  std::vector<Node> nodes_;
  std::vector<Secret> secrets_;
  std::vector<ConfigMap> config_maps_;
  std::unordered_map<std::string, const Service*> service_index_;
  std::unordered_map<std::string, const Secret*> secret_index_;
  std::unordered_map<std::string, const ConfigMap*> config_map_index_;
  std::unordered_map<std::string, std::vector<const EndpointSlice*>> slice_index_;
};

}  // namespace irtcp::model
