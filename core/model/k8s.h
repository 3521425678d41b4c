// Typed views of the Kubernetes core objects Traefik's CRD provider reads: Service,
// EndpointSlice, Node, Secret, ConfigMap (and the metadata every object has).
//
// Each struct points back at its model::Object (file, document, node, JSON pointer prefix) and
// keeps every field as a Field<T> with its node and location. Decoding never fails.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/field.h"
#include "core/model/object.h"

namespace irtcp::model {

/// A string-to-string map (labels, annotations, ConfigMap data) with the node of each value.
struct StringMap {
  struct Entry {
    std::string value;
    yaml::NodeId node = yaml::kNoNode;
  };
  std::map<std::string, Entry, std::less<>> entries;
  yaml::NodeId node = yaml::kNoNode;

  const Entry* Find(std::string_view key) const {
    auto it = entries.find(key);
    return it == entries.end() ? nullptr : &it->second;
  }
};

/// metadata: what the provider uses besides name and namespace (those are on Object).
struct ObjectMeta {
  StringMap labels;
  StringMap annotations;
  Field<std::string> generate_name;
  Field<std::string> creation_timestamp;  ///< RFC 3339 text; absent counts as the zero time
};

struct ServicePort {
  Field<std::string> name;  ///< absent: "" (an unnamed port)
  Field<std::int64_t> port;
  Field<IntOrString> target_port;
  Field<std::int64_t> node_port;
  Field<std::string> protocol;
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
  std::uint32_t index = 0;
};

/// v1 Service.
struct Service {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::string> type;  ///< absent: ClusterIP (use EffectiveType())
  Field<std::string> cluster_ip;
  Field<std::vector<std::string>> cluster_ips;
  Field<std::string> external_name;
  std::vector<ServicePort> ports;
  yaml::NodeId ports_node = yaml::kNoNode;
  StringMap selector;

  std::string_view EffectiveType() const {
    return type.present && !type.value.empty() ? std::string_view(type.value) : "ClusterIP";
  }
};

struct EndpointPort {
  Field<std::string> name;  ///< absent or null never matches (Traefik compares a pointer)
  Field<std::int64_t> port;
  yaml::NodeId node = yaml::kNoNode;
};

struct Endpoint {
  std::vector<Field<std::string>> addresses;
  Field<bool> ready;  ///< conditions.ready; absent means NOT ready for Traefik
  yaml::NodeId node = yaml::kNoNode;
  source::Location loc;
};

/// discovery.k8s.io/v1 EndpointSlice.
struct EndpointSlice {
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::string> address_type;
  std::vector<EndpointPort> ports;
  std::vector<Endpoint> endpoints;
  /// labels["kubernetes.io/service-name"] ("" when absent).
  std::string service_name;
};

/// v1 Node: only status.addresses matter.
struct NodeAddress {
  std::string type;
  std::string address;
  yaml::NodeId node = yaml::kNoNode;
};
struct Node {
  const Object* object = nullptr;
  ObjectMeta meta;
  std::vector<NodeAddress> addresses;
};

/// v1 Secret, with `stringData` merged into `data` as the API server does.
struct Secret {
  struct Entry {
    std::string value;  ///< decoded bytes
    yaml::NodeId node = yaml::kNoNode;
    bool from_string_data = false;
    bool bad_base64 = false;  ///< `data` value that is not valid base64 (value is then empty)
  };
  const Object* object = nullptr;
  ObjectMeta meta;
  Field<std::string> type;
  std::map<std::string, Entry, std::less<>> data;
  yaml::NodeId data_node = yaml::kNoNode;

  const Entry* Find(std::string_view key) const {
    auto it = data.find(key);
    return it == data.end() ? nullptr : &it->second;
  }
};

/// v1 ConfigMap (`data` only).
struct ConfigMap {
  const Object* object = nullptr;
  ObjectMeta meta;
  StringMap data;
};

ObjectMeta DecodeMeta(const Object& object);
Service DecodeService(const Object& object);
EndpointSlice DecodeEndpointSlice(const Object& object);
Node DecodeNode(const Object& object);
Secret DecodeSecret(const Object& object);
ConfigMap DecodeConfigMap(const Object& object);

/// Standard base64 (RFC 4648 with padding, as Go's encoding/json decodes []byte). Returns false
/// on invalid input. Newlines are ignored.
bool DecodeBase64(std::string_view in, std::string* out);

}  // namespace irtcp::model
