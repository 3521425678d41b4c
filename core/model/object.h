// Kubernetes objects found in the input: what each document (or List item) is, and where.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/yaml/load.h"
#include "core/yaml/tree.h"

namespace irtcp::model {

/// The kinds irtcp understands. Everything else is kOther (skipped quietly).
enum class Kind : std::uint8_t {
  kOther,
  // Traefik TCP CRDs (validated against the bundled schemas).
  kIngressRouteTCP,
  kMiddlewareTCP,
  kServersTransportTCP,
  kTLSOption,
  kTLSStore,
  // Related objects loaded for resolving references.
  kService,
  kSecret,
  kConfigMap,
  kNode,
  kEndpointSlice,
  kIngressRoute,  // HTTP: only for TLS certificates and name hints
  kMiddleware,    // HTTP: only for name hints
  kDeployment,    // for --traefik-config from a manifest
  kDaemonSet,
  kCertificate,     // cert-manager: spec.secretName counts as a Secret
  kSealedSecret,    // bitnami: counts as a Secret
  kExternalSecret,  // external-secrets: counts as a Secret
};
/// Number of Kind values (for tables indexed by kind).
inline constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::kExternalSecret) + 1;

std::string_view KindName(Kind k);
/// True for the Traefik kinds validated against a CRD schema.
bool IsTraefikCrdKind(Kind k);

/// One object: a top-level document, or an item of a `kind: List` / `*List` document.
struct Object {
  const yaml::Document* doc = nullptr;
  yaml::NodeId node = yaml::kNoNode;  ///< the object's mapping
  std::string path_prefix;            ///< JSON pointer of the object in its document ("/items/2")
  Kind kind = Kind::kOther;
  bool legacy_group = false;  ///< traefik.containo.us/v1alpha1 (removed in Traefik v3)
  std::string api_version;
  std::string kind_name;
  std::string name;
  // NOLINTNEXTLINE(readability-identifier-naming): `namespace` is a keyword.
  std::string namespace_;           ///< effective namespace (the default applied when absent)
  bool namespace_explicit = false;  ///< metadata.namespace was written

  const source::SourceFile& file() const { return doc->file(); }
  source::Location loc() const { return doc->node(node).loc; }
};

/// All files, documents and objects of one run. Documents have stable addresses.
class InputSet {
 public:
  explicit InputSet(std::string default_namespace = "default")
      : default_namespace_(std::move(default_namespace)) {}

  /// Parses a source and extracts its objects; findings go to `sink`.
  void AddSource(const source::SourceFilePtr& file, const yaml::LoadOptions& options,
                 diag::DiagnosticSink& sink);
  /// Adds a source whose documents were already parsed (e.g. on another thread).
  void AddParsed(const source::SourceFilePtr& file, std::vector<yaml::Document> documents,
                 diag::DiagnosticSink& sink);

  const std::vector<Object>& objects() const { return objects_; }
  const std::vector<source::SourceFilePtr>& files() const { return files_; }
  const std::string& default_namespace() const { return default_namespace_; }

  /// Finds an object by kind, namespace and name (nullptr when absent). Legacy-group objects are
  /// indexed too; the traefik.io one wins when both exist, and of two definitions in the same
  /// group the later one (as with kubectl apply).
  const Object* Find(Kind kind, std::string_view ns, std::string_view name) const;
  /// True when a later object of the input has the same kind, API group, namespace and name:
  /// kubectl apply keeps only that one, so the provider never sees this one (IRT022 reports it;
  /// the lint rules still check both).
  bool Superseded(const Object& object) const;
  /// Every object of one kind, in input order.
  std::vector<const Object*> OfKind(Kind kind) const;
  /// True when the input has at least one object of `kind` in namespace `ns`.
  bool HasKindIn(Kind kind, std::string_view ns) const;

  /// Objects of kinds irtcp does not know, by "apiVersion/kind" (for --verbose).
  const std::map<std::string, int>& skipped() const { return skipped_; }
  int traefik_object_count() const { return traefik_objects_; }
  std::size_t document_count() const;

  /// A file skipped because no document in it has apiVersion or kind: not Kubernetes YAML.
  struct NonManifest {
    std::string path;
    std::size_t documents = 0;
  };
  /// Files that hold no Kubernetes object, in input order (counted; listed with --verbose).
  const std::vector<NonManifest>& non_manifests() const { return non_manifests_; }

 private:
  void AddObject(const yaml::Document& doc, yaml::NodeId node, std::string prefix,
                 diag::DiagnosticSink& sink);

  std::string default_namespace_;
  std::vector<source::SourceFilePtr> files_;
  std::vector<std::unique_ptr<std::vector<yaml::Document>>> documents_;
  std::vector<Object> objects_;
  std::unordered_multimap<std::string, std::size_t> index_;
  std::unordered_set<std::string> kinds_in_namespace_;  ///< IndexKey(kind, ns, "")
  std::map<std::string, int> skipped_;
  std::vector<NonManifest> non_manifests_;
  int traefik_objects_ = 0;
};

extern const diag::RuleInfo kNotAnObject;   // IRT005
extern const diag::RuleInfo kNearMissKind;  // IRT007

}  // namespace irtcp::model
