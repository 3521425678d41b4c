#include "core/model/object.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

namespace irtcp::model {

const diag::RuleInfo kNotAnObject{"IRT005",
                                  "not-an-object",
                                  "a document is not a Kubernetes object",
                                  R"md(## What it does
Reports YAML documents that are not a mapping with `apiVersion` and `kind` strings (a list or a
plain value at the top level, or an object that forgot its `apiVersion` or `kind`).

## Why is this bad?
`kubectl apply` rejects such a document ("Object 'Kind' is missing"), so nothing in it reaches the
cluster.

## How to fix
Give the document `apiVersion` and `kind`, or remove it from the manifest.

## Fix safety
No automatic fix.
)md",
                                  diag::Severity::kError,
                                  diag::FixAvailability::kNone};

const diag::RuleInfo kNearMissKind{"IRT007",
                                   "near-miss-kind",
                                   "apiVersion or kind is close to a Traefik kind but not equal",
                                   R"md(## What it does
Reports objects whose `kind` or `apiVersion` is almost one of Traefik's TCP kinds:
`kind: IngressRouteTcp` (wrong case), `apiVersion: traefik.io/v1` (wrong version),
`apiVersion: traefik.io/v1alpha1` with `kind: IngressRouteTCPs`.

## Why is this bad?
The API server rejects the object (no such resource), or, worse, a different controller picks it
up. irtcp would otherwise skip it silently like any other kind it does not know.

## How to fix
Use `apiVersion: traefik.io/v1alpha1` and the exact kind: `IngressRouteTCP`, `MiddlewareTCP`,
`ServersTransportTCP`, `TLSOption` or `TLSStore`.

## Fix safety
No automatic fix.
)md",
                                   diag::Severity::kWarning,
                                   diag::FixAvailability::kNone};

namespace {

struct KindEntry {
  std::string_view api_version;
  std::string_view kind;
  Kind value;
  bool legacy;
};

constexpr std::array kKinds{
    KindEntry{"traefik.io/v1alpha1", "IngressRouteTCP", Kind::kIngressRouteTCP, false},
    KindEntry{"traefik.io/v1alpha1", "MiddlewareTCP", Kind::kMiddlewareTCP, false},
    KindEntry{"traefik.io/v1alpha1", "ServersTransportTCP", Kind::kServersTransportTCP, false},
    KindEntry{"traefik.io/v1alpha1", "TLSOption", Kind::kTLSOption, false},
    KindEntry{"traefik.io/v1alpha1", "TLSStore", Kind::kTLSStore, false},
    KindEntry{"traefik.io/v1alpha1", "IngressRoute", Kind::kIngressRoute, false},
    KindEntry{"traefik.io/v1alpha1", "Middleware", Kind::kMiddleware, false},
    KindEntry{"traefik.containo.us/v1alpha1", "IngressRouteTCP", Kind::kIngressRouteTCP, true},
    KindEntry{"traefik.containo.us/v1alpha1", "MiddlewareTCP", Kind::kMiddlewareTCP, true},
    KindEntry{"traefik.containo.us/v1alpha1", "TLSOption", Kind::kTLSOption, true},
    KindEntry{"traefik.containo.us/v1alpha1", "TLSStore", Kind::kTLSStore, true},
    KindEntry{"traefik.containo.us/v1alpha1", "IngressRoute", Kind::kIngressRoute, true},
    KindEntry{"traefik.containo.us/v1alpha1", "Middleware", Kind::kMiddleware, true},
    KindEntry{"v1", "Service", Kind::kService, false},
    KindEntry{"v1", "Secret", Kind::kSecret, false},
    KindEntry{"v1", "ConfigMap", Kind::kConfigMap, false},
    KindEntry{"v1", "Node", Kind::kNode, false},
    KindEntry{"discovery.k8s.io/v1", "EndpointSlice", Kind::kEndpointSlice, false},
    KindEntry{"apps/v1", "Deployment", Kind::kDeployment, false},
    KindEntry{"apps/v1", "DaemonSet", Kind::kDaemonSet, false},
    KindEntry{"cert-manager.io/v1", "Certificate", Kind::kCertificate, false},
    KindEntry{"bitnami.com/v1alpha1", "SealedSecret", Kind::kSealedSecret, false},
    KindEntry{"external-secrets.io/v1beta1", "ExternalSecret", Kind::kExternalSecret, false},
    KindEntry{"external-secrets.io/v1", "ExternalSecret", Kind::kExternalSecret, false},
};

constexpr std::array<std::string_view, 5> kTraefikTcpKinds{
    "IngressRouteTCP", "MiddlewareTCP", "ServersTransportTCP", "TLSOption", "TLSStore"};

bool EqualFold(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Group(std::string_view api_version) {
  std::size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

/// IndexKey in a per-thread buffer, for lookups (no allocation per reference).
const std::string& LookupIndexKey(Kind kind, std::string_view ns, std::string_view name) {
  thread_local std::string key;
  key.clear();
  key += static_cast<char>('A' + static_cast<int>(kind));
  key += '/';
  key += ns;
  key += '/';
  key += name;
  return key;
}

std::string IndexKey(Kind kind, std::string_view ns, std::string_view name) {
  return LookupIndexKey(kind, ns, name);
}

}  // namespace

std::string_view KindName(Kind k) {
  for (const KindEntry& e : kKinds) {
    if (e.value == k) {
      return e.kind;
    }
  }
  return "Other";
}

bool IsTraefikCrdKind(Kind k) {
  return k == Kind::kIngressRouteTCP || k == Kind::kMiddlewareTCP ||
         k == Kind::kServersTransportTCP || k == Kind::kTLSOption || k == Kind::kTLSStore;
}

void InputSet::AddSource(const source::SourceFilePtr& file, const yaml::LoadOptions& options,
                         diag::DiagnosticSink& sink) {
  AddParsed(file, yaml::ParseStream(file, options, sink), sink);
}

void InputSet::AddParsed(const source::SourceFilePtr& file, std::vector<yaml::Document> documents,
                         diag::DiagnosticSink& sink) {
  files_.push_back(file);
  auto docs = std::make_unique<std::vector<yaml::Document>>(std::move(documents));
  // A file none of whose documents is even trying to be a Kubernetes object (a mapping with
  // apiVersion or kind) is other YAML: a CI workflow, a compose file, Helm values. It is skipped
  // and counted, not reported; inside a file that does hold objects, such a document is IRT005.
  bool holds_objects = false;
  for (const yaml::Document& doc : *docs) {
    yaml::NodeId root = doc.root();
    holds_objects =
        holds_objects || (doc.IsMapping(root) && (doc.Get(root, "apiVersion") != yaml::kNoNode ||
                                                  doc.Get(root, "kind") != yaml::kNoNode));
  }
  if (!holds_objects && !docs->empty()) {
    non_manifests_.push_back(NonManifest{file->path(), docs->size()});
    documents_.push_back(std::move(docs));
    return;
  }
  for (const yaml::Document& doc : *docs) {
    {
      yaml::NodeId root = doc.root();
      if (!doc.IsMapping(root)) {
        const yaml::Node& n = doc.node(root);
        sink.Report(kNotAnObject, file, n.loc,
                    std::string("document is a ") + (doc.IsSequence(root) ? "sequence" : "scalar") +
                        ", not a Kubernetes object (a mapping with apiVersion and kind)");
        continue;
      }
      std::string_view kind = doc.GetString(root, "kind");
      yaml::NodeId items = doc.Get(root, "items");
      bool is_list =
          kind.size() >= 4 && kind.substr(kind.size() - 4) == "List" && doc.IsSequence(items);
      if (is_list) {
        for (std::uint32_t i = 0; i < doc.Size(items); ++i) {
          yaml::NodeId item = doc.ItemAt(items, i);
          std::string prefix = "/items/" + std::to_string(i);
          if (!doc.IsMapping(item)) {
            sink.Report(kNotAnObject, file, doc.node(item).loc,
                        "List item " + std::to_string(i) + " is not a Kubernetes object");
            continue;
          }
          AddObject(doc, item, std::move(prefix), sink);
        }
        continue;
      }
      AddObject(doc, root, "", sink);
    }
  }
  documents_.push_back(std::move(docs));
}

void InputSet::AddObject(const yaml::Document& doc, yaml::NodeId node, std::string prefix,
                         diag::DiagnosticSink& sink) {
  Object obj;
  obj.doc = &doc;
  obj.node = node;
  obj.path_prefix = std::move(prefix);
  obj.api_version = std::string(doc.GetString(node, "apiVersion"));
  obj.kind_name = std::string(doc.GetString(node, "kind"));
  const source::SourceFilePtr& file = doc.file_ptr();
  if (obj.api_version.empty() || obj.kind_name.empty()) {
    std::string what = obj.api_version.empty() && obj.kind_name.empty()
                           ? "apiVersion and kind"
                           : (obj.api_version.empty() ? "apiVersion" : "kind");
    sink.Report(kNotAnObject, file, doc.node(node).loc,
                "object has no " + what + " (a string); kubectl rejects it");
    return;
  }
  for (const KindEntry& e : kKinds) {
    if (e.api_version == obj.api_version && e.kind == obj.kind_name) {
      obj.kind = e.value;
      obj.legacy_group = e.legacy;
      break;
    }
  }
  if (obj.kind == Kind::kOther) {
    std::string_view group = Group(obj.api_version);
    bool traefik_group = group == "traefik.io" || group == "traefik.containo.us";
    std::string_view close_kind;
    for (std::string_view k : kTraefikTcpKinds) {
      if (EqualFold(k, obj.kind_name) || EqualFold(std::string(k) + "s", obj.kind_name)) {
        close_kind = k;
      }
    }
    if (!close_kind.empty() || (traefik_group && obj.api_version != "traefik.io/v1alpha1" &&
                                obj.api_version != "traefik.containo.us/v1alpha1")) {
      std::string message;
      yaml::NodeId at = doc.Get(node, "kind");
      if (!close_kind.empty() && close_kind != obj.kind_name) {
        message = "unknown kind \"" + diag::Shorten(obj.kind_name) + "\"; did you mean \"" +
                  std::string(close_kind) + "\"? irtcp does not check this object";
      } else {
        at = doc.Get(node, "apiVersion");
        message = "unknown apiVersion \"" + diag::Shorten(obj.api_version) + "\" for kind \"" +
                  diag::Shorten(obj.kind_name) +
                  "\"; Traefik's CRDs are served as traefik.io/v1alpha1. irtcp does not check "
                  "this object";
      }
      if (traefik_group || !close_kind.empty()) {
        auto& d = sink.Report(kNearMissKind, file, doc.node(at).loc, std::move(message));
        d.end_offset = doc.node(at).end;
        d.json_path = obj.path_prefix + (at == doc.Get(node, "kind") ? "/kind" : "/apiVersion");
      }
    }
    ++skipped_[obj.api_version + "/" + obj.kind_name];
    return;
  }
  if (IsTraefikCrdKind(obj.kind)) {
    ++traefik_objects_;
  }
  yaml::NodeId meta = doc.Get(node, "metadata");
  obj.name = std::string(doc.GetString(meta, "name"));
  std::string_view ns = doc.GetString(meta, "namespace");
  obj.namespace_explicit = !ns.empty();
  obj.namespace_ = ns.empty() ? default_namespace_ : std::string(ns);
  if (obj.kind == Kind::kNode) {
    obj.namespace_.clear();  // cluster-scoped
  }
  index_.emplace(IndexKey(obj.kind, obj.namespace_, obj.name), objects_.size());
  kinds_in_namespace_.insert(IndexKey(obj.kind, obj.namespace_, ""));
  objects_.push_back(std::move(obj));
}

const Object* InputSet::Find(Kind kind, std::string_view ns, std::string_view name) const {
  auto range = index_.equal_range(LookupIndexKey(kind, ns, name));
  const Object* found = nullptr;
  for (auto it = range.first; it != range.second; ++it) {
    const Object& o = objects_[it->second];
    // A later definition of the same object replaces the earlier one (kubectl apply; IRT022
    // reports it); a traefik.io object wins over a traefik.containo.us one.
    if (found == nullptr || !(o.legacy_group && !found->legacy_group)) {
      found = &o;
    }
  }
  return found;
}

bool InputSet::Superseded(const Object& object) const {
  std::less<const Object*> before;
  if (object.kind == Kind::kOther || object.name.empty() || objects_.empty() ||
      before(&object, objects_.data()) || !before(&object, objects_.data() + objects_.size())) {
    return false;  // generateName objects each get a name of their own; not of this input
  }
  const auto at = static_cast<std::size_t>(&object - objects_.data());
  auto range = index_.equal_range(LookupIndexKey(object.kind, object.namespace_, object.name));
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second > at && objects_[it->second].legacy_group == object.legacy_group) {
      return true;
    }
  }
  return false;
}

std::vector<const Object*> InputSet::OfKind(Kind kind) const {
  std::vector<const Object*> out;
  for (const Object& o : objects_) {
    if (o.kind == kind) {
      out.push_back(&o);
    }
  }
  return out;
}

bool InputSet::HasKindIn(Kind kind, std::string_view ns) const {
  // Called once per reference: an index keeps reference checks linear in the input size.
  return kinds_in_namespace_.count(LookupIndexKey(kind, ns, "")) != 0;
}

std::size_t InputSet::document_count() const {
  std::size_t n = 0;
  for (const auto& docs : documents_) {
    n += docs->size();
  }
  return n;
}

}  // namespace irtcp::model
