#include "core/schema/crd_convert.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.h"
#include "core/yaml/load.h"
#include "core/yaml/scalar_json.h"
#include "core/yaml/tree.h"

namespace irtcp::schema {

namespace {

using nlohmann::json;
using yaml::Document;
using yaml::NodeId;

// ObjectMeta as the API server checks it for every object. The CRDs only say `type: object`, but
// the API server validates metadata itself, and with field validation Strict an unknown metadata
// field is an error. Listed: what users write plus what `kubectl get -o yaml` adds.
constexpr std::string_view kObjectMetaSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "name": {"type": "string"},
    "generateName": {"type": "string"},
    "namespace": {"type": "string"},
    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
    "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    "uid": {"type": "string"},
    "resourceVersion": {"type": "string"},
    "generation": {"type": "integer"},
    "creationTimestamp": {"type": ["string", "null"]},
    "deletionTimestamp": {"type": ["string", "null"]},
    "deletionGracePeriodSeconds": {"type": "integer"},
    "selfLink": {"type": "string"},
    "finalizers": {"type": "array", "items": {"type": "string"}},
    "ownerReferences": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["apiVersion", "kind", "name", "uid"],
        "properties": {
          "apiVersion": {"type": "string"},
          "kind": {"type": "string"},
          "name": {"type": "string"},
          "uid": {"type": "string"},
          "controller": {"type": "boolean"},
          "blockOwnerDeletion": {"type": "boolean"}
        }
      }
    },
    "managedFields": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "apiVersion": {"type": "string"},
          "fieldsType": {"type": "string"},
          "fieldsV1": {"type": "object"},
          "manager": {"type": "string"},
          "operation": {"type": "string"},
          "subresource": {"type": "string"},
          "time": {"type": ["string", "null"]}
        }
      }
    }
  }
})json";

class Converter {
 public:
  explicit Converter(const Document& doc) : doc_(doc) {}

  /// Converts one schema node; returns false (with err_) on a shape it cannot read.
  bool Convert(NodeId node, bool is_root, json& out);
  const std::string& error() const { return err_; }

 private:
  bool Fail(NodeId node, std::string what) {
    const yaml::Node& n = doc_.node(node);
    err_ = doc_.file().path() + ":" + std::to_string(n.loc.line) + ":" +
           std::to_string(n.loc.column) + ": " + std::move(what);
    return false;
  }
  bool Flag(NodeId map, std::string_view key) const {
    NodeId v = doc_.Get(map, key);
    return v != yaml::kNoNode && doc_.IsScalar(v) && doc_.node(v).type == yaml::ScalarType::kBool &&
           doc_.node(v).num.b;
  }
  json Scalar(NodeId id) const;
  bool IntBound(NodeId node, bool is_min, bool exclusive, std::int64_t* out);

  const Document& doc_;
  std::string err_;
};

json Converter::Scalar(NodeId id) const { return yaml::ScalarToJson(doc_, id); }

/// An integer bound as an exact int64 (a fractional bound rounds inwards).
bool Converter::IntBound(NodeId node, bool is_min, bool exclusive, std::int64_t* out) {
  const yaml::Node& n = doc_.node(node);
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t v = 0;
  if (n.type == yaml::ScalarType::kInt) {
    v = n.num.i;
  } else if (n.type == yaml::ScalarType::kFloat && !std::isnan(n.num.f)) {
    double d = is_min ? std::ceil(n.num.f) : std::floor(n.num.f);
    if (d >= 9223372036854775808.0) {
      v = kMax;
    } else if (d < -9223372036854775808.0) {
      v = kMin;
    } else {
      v = static_cast<std::int64_t>(d);
    }
    if (exclusive && d == n.num.f) {
      // fall through to the exclusive adjustment below
    } else {
      exclusive = false;
    }
  } else {
    return Fail(node, is_min ? "minimum is not a number" : "maximum is not a number");
  }
  if (exclusive) {
    if (is_min && v != kMax) {
      ++v;
    } else if (!is_min && v != kMin) {
      --v;
    }
  }
  *out = v;
  return true;
}

/// Recognises the CEL rule shape `!has(self.a) || !has(self.b)` (at most one of a, b).
bool ParseExclusiveRule(std::string_view rule, std::string* a, std::string* b) {
  std::string s;
  for (char c : rule) {
    if (c != ' ' && c != '\t' && c != '\n') {
      s += c;
    }
  }
  constexpr std::string_view kHas = "!has(self.";
  std::string_view v = s;
  auto take = [&](std::string* field) {
    if (v.substr(0, kHas.size()) != kHas) {
      return false;
    }
    v.remove_prefix(kHas.size());
    std::size_t close = v.find(')');
    if (close == std::string_view::npos || close == 0) {
      return false;
    }
    *field = std::string(v.substr(0, close));
    v.remove_prefix(close + 1);
    return field->find_first_of("().|&!") == std::string::npos;
  };
  if (!take(a) || v.substr(0, 2) != "||") {
    return false;
  }
  v.remove_prefix(2);
  return take(b) && v.empty();
}

bool Converter::Convert(NodeId node, bool is_root, json& out) {
  if (!doc_.IsMapping(node)) {
    return Fail(node, "schema is not a mapping");
  }
  out = json::object();
  std::string type(doc_.GetString(node, "type"));
  bool int_or_string = Flag(node, "x-kubernetes-int-or-string");
  bool preserve = Flag(node, "x-kubernetes-preserve-unknown-fields");
  bool nullable = Flag(node, "nullable");

  if (int_or_string) {
    json any = json::array({json{{"type", "integer"}}, json{{"type", "string"}}});
    if (nullable) {
      any.push_back(json{{"type", "null"}});
    }
    out["anyOf"] = std::move(any);
  } else if (!type.empty()) {
    if (nullable) {
      out["type"] = json::array({type, "null"});
    } else {
      out["type"] = type;
    }
  }

  NodeId props = doc_.Get(node, "properties");
  if (props != yaml::kNoNode) {
    if (!doc_.IsMapping(props)) {
      return Fail(props, "properties is not a mapping");
    }
    json& p = out["properties"] = json::object();
    for (std::uint32_t i = 0; i < doc_.Size(props); ++i) {
      std::string key(doc_.Text(doc_.KeyAt(props, i)));
      json child;
      if (is_root && key == "metadata") {
        child = json::parse(kObjectMetaSchema);
      } else if (!Convert(doc_.ValueAt(props, i), false, child)) {
        return false;
      }
      p[key] = std::move(child);
    }
  }
  NodeId additional = doc_.Get(node, "additionalProperties");
  if (additional != yaml::kNoNode) {
    if (doc_.IsMapping(additional)) {
      json child;
      if (!Convert(additional, false, child)) {
        return false;
      }
      out["additionalProperties"] = std::move(child);
    } else if (doc_.IsScalar(additional) && doc_.node(additional).type == yaml::ScalarType::kBool) {
      out["additionalProperties"] = doc_.node(additional).num.b;
    }
  } else if (!preserve && (props != yaml::kNoNode || type == "object")) {
    // The API server prunes fields a structural schema does not name; under field validation
    // Strict that is an error, so the schema is closed.
    out["additionalProperties"] = false;
  }
  if (preserve) {
    out["x-irtcp-preserve"] = true;
  }
  if (NodeId items = doc_.Get(node, "items"); items != yaml::kNoNode) {
    json child;
    if (!Convert(items, false, child)) {
      return false;
    }
    out["items"] = std::move(child);
  }
  if (NodeId req = doc_.Get(node, "required"); doc_.IsSequence(req)) {
    json& r = out["required"] = json::array();
    for (std::uint32_t i = 0; i < doc_.Size(req); ++i) {
      r.push_back(std::string(doc_.Text(doc_.ItemAt(req, i))));
    }
  }
  if (NodeId en = doc_.Get(node, "enum"); doc_.IsSequence(en)) {
    json& e = out["enum"] = json::array();
    for (std::uint32_t i = 0; i < doc_.Size(en); ++i) {
      e.push_back(Scalar(doc_.ItemAt(en, i)));
    }
  }
  if (NodeId pat = doc_.Get(node, "pattern"); pat != yaml::kNoNode) {
    out["x-irtcp-pattern"] = std::string(doc_.Text(pat));
  }
  bool is_integer = type == "integer" || int_or_string;
  NodeId min = doc_.Get(node, "minimum");
  NodeId max = doc_.Get(node, "maximum");
  bool exclusive_min = Flag(node, "exclusiveMinimum");
  bool exclusive_max = Flag(node, "exclusiveMaximum");
  std::string_view format = doc_.GetString(node, "format");
  if (is_integer) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::min();
    std::int64_t hi = std::numeric_limits<std::int64_t>::max();
    bool has_lo = false;
    bool has_hi = false;
    if (min != yaml::kNoNode) {
      if (!IntBound(min, true, exclusive_min, &lo)) {
        return false;
      }
      has_lo = true;
    }
    if (max != yaml::kNoNode) {
      if (!IntBound(max, false, exclusive_max, &hi)) {
        return false;
      }
      has_hi = true;
    }
    if (format == "int32") {
      lo = std::max<std::int64_t>(lo, std::numeric_limits<std::int32_t>::min());
      hi = std::min<std::int64_t>(hi, std::numeric_limits<std::int32_t>::max());
      has_lo = has_hi = true;
      out["x-irtcp-format"] = "int32";
    }
    if (has_lo) {
      out["x-irtcp-minimum"] = lo;
    }
    if (has_hi) {
      out["x-irtcp-maximum"] = hi;
    }
  } else {
    // Floating-point bounds are what valijson checks well.
    if (min != yaml::kNoNode) {
      out[exclusive_min ? "exclusiveMinimum" : "minimum"] = Scalar(min);
    }
    if (max != yaml::kNoNode) {
      out[exclusive_max ? "exclusiveMaximum" : "maximum"] = Scalar(max);
    }
  }
  for (std::string_view key : {"minLength", "maxLength", "minItems", "maxItems", "minProperties",
                               "maxProperties", "uniqueItems"}) {
    if (NodeId v = doc_.Get(node, key); v != yaml::kNoNode && doc_.IsScalar(v)) {
      out[std::string(key)] = Scalar(v);
    }
  }
  for (std::string_view key : {"anyOf", "oneOf", "allOf"}) {
    if (NodeId list = doc_.Get(node, key); doc_.IsSequence(list) && !int_or_string) {
      json& arr = out[std::string(key)] = json::array();
      for (std::uint32_t i = 0; i < doc_.Size(list); ++i) {
        json child;
        if (!Convert(doc_.ItemAt(list, i), false, child)) {
          return false;
        }
        // Value-validation branches of a structural schema only constrain; they never open or
        // close the object, so drop the closing added above.
        if (!doc_.IsMapping(doc_.Get(doc_.ItemAt(list, i), "properties"))) {
          child.erase("additionalProperties");
        }
        arr.push_back(std::move(child));
      }
    }
  }
  if (NodeId rules = doc_.Get(node, "x-kubernetes-validations"); doc_.IsSequence(rules)) {
    for (std::uint32_t i = 0; i < doc_.Size(rules); ++i) {
      NodeId r = doc_.ItemAt(rules, i);
      std::string a;
      std::string b;
      // Only this rule shape is evaluated; irtcp has no CEL interpreter, so other rules are
      // left to the API server.
      if (ParseExclusiveRule(doc_.GetString(r, "rule"), &a, &b)) {
        json rule = {{"fields", json::array({a, b})},
                     {"message", std::string(doc_.GetString(r, "message"))}};
        out["x-irtcp-exclusive"].push_back(std::move(rule));
      }
    }
  }
  return true;
}

bool ConvertDocument(const Document& doc, NodeId crd, std::vector<ConvertedVersion>& out,
                     std::string* err) {
  NodeId spec = doc.Get(crd, "spec");
  ConvertedVersion base;
  base.group = std::string(doc.GetString(spec, "group"));
  base.kind = std::string(doc.GetString(doc.Get(spec, "names"), "kind"));
  base.crd_name = std::string(doc.GetString(doc.Get(crd, "metadata"), "name"));
  if (base.group.empty() || base.kind.empty()) {
    *err = doc.file().path() + ": CustomResourceDefinition " + base.crd_name +
           " has no spec.group or spec.names.kind";
    return false;
  }
  // apiextensions.k8s.io/v1beta1 kept one schema for all versions in spec.validation.
  NodeId shared = doc.Get(doc.Get(spec, "validation"), "openAPIV3Schema");
  NodeId versions = doc.Get(spec, "versions");
  std::vector<std::pair<std::string, NodeId>> todo;
  if (doc.IsSequence(versions)) {
    for (std::uint32_t i = 0; i < doc.Size(versions); ++i) {
      NodeId v = doc.ItemAt(versions, i);
      NodeId served = doc.Get(v, "served");
      if (served != yaml::kNoNode && doc.node(served).type == yaml::ScalarType::kBool &&
          !doc.node(served).num.b) {
        continue;
      }
      NodeId schema = doc.Get(doc.Get(v, "schema"), "openAPIV3Schema");
      todo.emplace_back(std::string(doc.GetString(v, "name")),
                        schema != yaml::kNoNode ? schema : shared);
    }
  } else if (std::string_view v = doc.GetString(spec, "version"); !v.empty()) {
    todo.emplace_back(std::string(v), shared);
  }
  for (auto& [version, schema] : todo) {
    if (schema == yaml::kNoNode) {
      continue;  // a version without a schema accepts anything; nothing to check
    }
    Converter conv(doc);
    json out_json;
    if (!conv.Convert(schema, true, out_json)) {
      *err = conv.error();
      return false;
    }
    ConvertedVersion cv = base;
    cv.version = version;
    cv.schema_json = out_json.dump();
    out.push_back(std::move(cv));
  }
  return true;
}

}  // namespace

std::optional<std::vector<ConvertedVersion>> ConvertCrd(const source::SourceFilePtr& crd,
                                                        std::string* err) {
  diag::DiagnosticSink sink;
  std::vector<Document> docs = yaml::ParseStream(crd, yaml::LoadOptions{}, sink);
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    if (d.severity == diag::Severity::kError) {
      *err = crd->path() + ":" + std::to_string(d.location.line) + ":" +
             std::to_string(d.location.column) + ": " + d.message;
      return std::nullopt;
    }
  }
  std::vector<ConvertedVersion> out;
  try {
    for (const Document& doc : docs) {
      NodeId root = doc.root();
      std::vector<NodeId> objects;
      NodeId items = doc.Get(root, "items");
      if (doc.IsSequence(items)) {
        for (std::uint32_t i = 0; i < doc.Size(items); ++i) {
          objects.push_back(doc.ItemAt(items, i));
        }
      } else {
        objects.push_back(root);
      }
      for (NodeId obj : objects) {
        if (doc.GetString(obj, "kind") != "CustomResourceDefinition") {
          continue;
        }
        if (!ConvertDocument(doc, obj, out, err)) {
          return std::nullopt;
        }
      }
    }
  } catch (const std::exception& e) {  // nlohmann throws on invalid UTF-8 in dump()
    *err = crd->path() + ": cannot convert the CRD: " + e.what();
    return std::nullopt;
  }
  if (out.empty()) {
    *err = crd->path() + ": no CustomResourceDefinition with an openAPIV3Schema found";
    return std::nullopt;
  }
  return out;
}

}  // namespace irtcp::schema
