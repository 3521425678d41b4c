#include "core/model/catalog.h"

#include <array>

namespace irtcp::model {

Catalog::Catalog(const InputSet& input) : input_(input) {
  // Exact sizes first: the typed objects are large, and growth slack would be most of the memory.
  std::array<std::size_t, kKindCount> counts{};
  for (const Object& o : input.objects()) {
    ++counts[static_cast<std::size_t>(o.kind)];
  }
  auto count = [&](Kind k) { return counts[static_cast<std::size_t>(k)]; };
  irtcps_.reserve(count(Kind::kIngressRouteTCP));
  irs_.reserve(count(Kind::kIngressRoute));
  middlewares_.reserve(count(Kind::kMiddlewareTCP));
  transports_.reserve(count(Kind::kServersTransportTCP));
  tls_options_.reserve(count(Kind::kTLSOption));
  tls_stores_.reserve(count(Kind::kTLSStore));
  services_.reserve(count(Kind::kService));
  slices_.reserve(count(Kind::kEndpointSlice));
  nodes_.reserve(count(Kind::kNode));
  secrets_.reserve(count(Kind::kSecret));
  config_maps_.reserve(count(Kind::kConfigMap));
  for (const Object& o : input.objects()) {
    switch (o.kind) {
      case Kind::kIngressRouteTCP:
        irtcps_.push_back(DecodeIngressRouteTCP(o));
        break;
      case Kind::kIngressRoute:
        irs_.push_back(DecodeIngressRouteHttp(o));
        break;
      case Kind::kMiddlewareTCP:
        middlewares_.push_back(DecodeMiddlewareTCP(o));
        break;
      case Kind::kServersTransportTCP:
        transports_.push_back(DecodeServersTransportTCP(o));
        break;
      case Kind::kTLSOption:
        tls_options_.push_back(DecodeTLSOption(o));
        break;
      case Kind::kTLSStore:
        tls_stores_.push_back(DecodeTLSStore(o));
        break;
      case Kind::kService:
        services_.push_back(DecodeService(o));
        break;
      case Kind::kEndpointSlice:
        slices_.push_back(DecodeEndpointSlice(o));
        break;
      case Kind::kNode:
        nodes_.push_back(DecodeNode(o));
        break;
      case Kind::kSecret:
        secrets_.push_back(DecodeSecret(o));
        break;
      case Kind::kConfigMap:
        config_maps_.push_back(DecodeConfigMap(o));
        break;
      default:
        break;
    }
  }
  // Indexes are built after the vectors stop growing, so the pointers stay valid.
  service_index_.reserve(services_.size());
  for (const Service& s : services_) {
    service_index_.insert_or_assign(Key(s.object->namespace_, s.object->name), &s);
  }
  for (const Secret& s : secrets_) {
    secret_index_.insert_or_assign(Key(s.object->namespace_, s.object->name), &s);
  }
  for (const ConfigMap& c : config_maps_) {
    config_map_index_.insert_or_assign(Key(c.object->namespace_, c.object->name), &c);
  }
  slice_index_.reserve(slices_.size());
  for (const EndpointSlice& es : slices_) {
    if (!es.service_name.empty()) {
      slice_index_[Key(es.object->namespace_, es.service_name)].push_back(&es);
    }
  }
}

namespace {

/// Catalog::Key in a per-thread buffer: lookups run once per reference per rule, and a key
/// longer than the small-string buffer would cost an allocation each time.
const std::string& LookupKey(std::string_view ns, std::string_view name) {
  thread_local std::string key;
  key.assign(ns);
  key += '/';
  key.append(name);
  return key;
}

}  // namespace

std::string Catalog::Key(std::string_view ns, std::string_view name) { return LookupKey(ns, name); }

const Service* Catalog::FindService(std::string_view ns, std::string_view name) const {
  auto it = service_index_.find(LookupKey(ns, name));
  return it == service_index_.end() ? nullptr : it->second;
}

const Secret* Catalog::FindSecret(std::string_view ns, std::string_view name) const {
  auto it = secret_index_.find(LookupKey(ns, name));
  return it == secret_index_.end() ? nullptr : it->second;
}

const ConfigMap* Catalog::FindConfigMap(std::string_view ns, std::string_view name) const {
  auto it = config_map_index_.find(LookupKey(ns, name));
  return it == config_map_index_.end() ? nullptr : it->second;
}

const std::vector<const EndpointSlice*>& Catalog::SlicesFor(std::string_view ns,
                                                            std::string_view service) const {
  static const std::vector<const EndpointSlice*> kNone;
  auto it = slice_index_.find(LookupKey(ns, service));
  return it == slice_index_.end() ? kNone : it->second;
}

}  // namespace irtcp::model
