#include "core/model/k8s.h"

#include <array>

#include "core/model/decode_util.h"

namespace irtcp::model {

using detail::Bool;
using detail::Int;
using detail::IntOrStr;
using detail::String;
using detail::StringList;

ObjectMeta DecodeMeta(const Object& object) {
  const yaml::Document& doc = *object.doc;
  yaml::NodeId meta = doc.Get(object.node, "metadata");
  ObjectMeta m;
  m.labels = detail::Strings(doc, doc.Get(meta, "labels"));
  m.annotations = detail::Strings(doc, doc.Get(meta, "annotations"));
  m.generate_name = String(doc, meta, "generateName");
  m.creation_timestamp = String(doc, meta, "creationTimestamp");
  return m;
}

Service DecodeService(const Object& object) {
  const yaml::Document& doc = *object.doc;
  Service s;
  s.object = &object;
  s.meta = DecodeMeta(object);
  yaml::NodeId spec = doc.Get(object.node, "spec");
  s.type = String(doc, spec, "type");
  s.cluster_ip = String(doc, spec, "clusterIP");
  s.cluster_ips = StringList(doc, spec, "clusterIPs");
  s.external_name = String(doc, spec, "externalName");
  s.selector = detail::Strings(doc, doc.Get(spec, "selector"));
  s.ports_node = doc.Get(spec, "ports");
  if (doc.IsSequence(s.ports_node)) {
    for (std::uint32_t i = 0; i < doc.Size(s.ports_node); ++i) {
      yaml::NodeId item = doc.ItemAt(s.ports_node, i);
      if (!doc.IsMapping(item)) {
        continue;
      }
      ServicePort p;
      p.node = item;
      p.loc = doc.node(item).loc;
      p.index = i;
      p.name = String(doc, item, "name");
      p.port = Int(doc, item, "port");
      p.target_port = IntOrStr(doc, item, "targetPort");
      p.node_port = Int(doc, item, "nodePort");
      p.protocol = String(doc, item, "protocol");
      s.ports.push_back(std::move(p));
    }
  }
  return s;
}

EndpointSlice DecodeEndpointSlice(const Object& object) {
  const yaml::Document& doc = *object.doc;
  EndpointSlice es;
  es.object = &object;
  es.meta = DecodeMeta(object);
  if (const StringMap::Entry* e = es.meta.labels.Find("kubernetes.io/service-name")) {
    es.service_name = e->value;
  }
  es.address_type = String(doc, object.node, "addressType");
  yaml::NodeId ports = doc.Get(object.node, "ports");
  if (doc.IsSequence(ports)) {
    for (std::uint32_t i = 0; i < doc.Size(ports); ++i) {
      yaml::NodeId item = doc.ItemAt(ports, i);
      if (!doc.IsMapping(item)) {
        continue;
      }
      EndpointPort p;
      p.node = item;
      p.name = String(doc, item, "name");
      p.port = Int(doc, item, "port");
      es.ports.push_back(std::move(p));
    }
  }
  yaml::NodeId endpoints = doc.Get(object.node, "endpoints");
  if (doc.IsSequence(endpoints)) {
    for (std::uint32_t i = 0; i < doc.Size(endpoints); ++i) {
      yaml::NodeId item = doc.ItemAt(endpoints, i);
      if (!doc.IsMapping(item)) {
        continue;
      }
      Endpoint ep;
      ep.node = item;
      ep.loc = doc.node(item).loc;
      ep.ready = Bool(doc, doc.Get(item, "conditions"), "ready");
      yaml::NodeId addrs = doc.Get(item, "addresses");
      if (doc.IsSequence(addrs)) {
        for (std::uint32_t j = 0; j < doc.Size(addrs); ++j) {
          yaml::NodeId a = doc.ItemAt(addrs, j);
          if (doc.IsString(a)) {
            Field<std::string> f;
            f.value = std::string(doc.Text(a));
            f.node = a;
            f.loc = doc.node(a).loc;
            f.present = true;
            ep.addresses.push_back(std::move(f));
          }
        }
      }
      es.endpoints.push_back(std::move(ep));
    }
  }
  return es;
}

Node DecodeNode(const Object& object) {
  const yaml::Document& doc = *object.doc;
  Node n;
  n.object = &object;
  n.meta = DecodeMeta(object);
  yaml::NodeId addrs = doc.Get(doc.Get(object.node, "status"), "addresses");
  if (doc.IsSequence(addrs)) {
    for (std::uint32_t i = 0; i < doc.Size(addrs); ++i) {
      yaml::NodeId item = doc.ItemAt(addrs, i);
      if (!doc.IsMapping(item)) {
        continue;
      }
      n.addresses.push_back(NodeAddress{std::string(doc.GetString(item, "type")),
                                        std::string(doc.GetString(item, "address")), item});
    }
  }
  return n;
}

Secret DecodeSecret(const Object& object) {
  const yaml::Document& doc = *object.doc;
  Secret s;
  s.object = &object;
  s.meta = DecodeMeta(object);
  s.type = String(doc, object.node, "type");
  s.data_node = doc.Get(object.node, "data");
  if (doc.IsMapping(s.data_node)) {
    for (std::uint32_t i = 0; i < doc.Size(s.data_node); ++i) {
      yaml::NodeId k = doc.KeyAt(s.data_node, i);
      yaml::NodeId v = doc.ValueAt(s.data_node, i);
      if (!doc.IsScalar(k)) {
        continue;
      }
      Secret::Entry e;
      e.node = v;
      if (doc.IsString(v)) {
        e.bad_base64 = !DecodeBase64(doc.Text(v), &e.value);
      } else if (!doc.IsNull(v)) {
        e.bad_base64 = true;
      }
      s.data.insert_or_assign(std::string(doc.Text(k)), std::move(e));
    }
  }
  yaml::NodeId string_data = doc.Get(object.node, "stringData");
  if (doc.IsMapping(string_data)) {
    for (std::uint32_t i = 0; i < doc.Size(string_data); ++i) {
      yaml::NodeId k = doc.KeyAt(string_data, i);
      yaml::NodeId v = doc.ValueAt(string_data, i);
      if (!doc.IsScalar(k) || !doc.IsScalar(v) || doc.IsNull(v)) {
        continue;
      }
      Secret::Entry e;
      e.node = v;
      e.value = std::string(doc.Text(v));
      e.from_string_data = true;
      s.data.insert_or_assign(std::string(doc.Text(k)), std::move(e));
    }
  }
  return s;
}

ConfigMap DecodeConfigMap(const Object& object) {
  const yaml::Document& doc = *object.doc;
  ConfigMap c;
  c.object = &object;
  c.meta = DecodeMeta(object);
  c.data = detail::Strings(doc, doc.Get(object.node, "data"));
  return c;
}

bool DecodeBase64(std::string_view in, std::string* out) {
  static constexpr auto kTable = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) {
      t[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    }
    return t;
  }();
  out->clear();
  out->reserve(in.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t chars = 0;
  std::size_t pad = 0;
  for (char c : in) {
    if (c == '\n' || c == '\r') {
      continue;
    }
    if (c == '=') {
      ++pad;
      ++chars;
      continue;
    }
    if (pad > 0) {
      return false;  // data after padding
    }
    std::int8_t v = kTable[static_cast<unsigned char>(c)];
    if (v < 0) {
      return false;
    }
    ++chars;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFFu));
    }
  }
  return chars % 4 == 0 && pad <= 2;
}

}  // namespace irtcp::model
