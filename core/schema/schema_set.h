// Validation of Traefik objects against their CRD schemas, with findings worded from the schema.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"
#include "core/source/source_file.h"

namespace irtcp::schema {

struct CompiledSchema;

/// The schemas irtcp validates against: one per apiVersion + kind. Immutable once built; Validate
/// may run concurrently on different objects.
class SchemaSet {
 public:
  SchemaSet();
  ~SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  /// The schemas embedded at build time (Traefik v3.7 traefik.io CRDs and the v2.11
  /// traefik.containo.us ones), built on first use.
  static const SchemaSet& Bundled();

  /// The bundled schemas, with every served version of every CRD in `crd` replacing the bundled
  /// schema for its apiVersion + kind (`--crd FILE`). Only Traefik's TCP kinds (IngressRouteTCP,
  /// MiddlewareTCP, ServersTransportTCP, TLSOption, TLSStore) are taken from the file; other CRDs
  /// in it are ignored. Returns nullptr and sets `*err` when the file holds no usable CRD.
  static std::unique_ptr<SchemaSet> FromCrd(const source::SourceFilePtr& crd, std::string* err);

  /// True when a schema exists for the object's apiVersion + kind.
  bool Covers(const model::Object& obj) const;
  /// True when a schema exists for apiVersion + kind.
  bool Covers(std::string_view api_version, std::string_view kind) const;

  /// Checks the object against its schema and reports every failure to `sink` (nothing when the
  /// set does not cover the object). Also checks ObjectMeta: name/generateName/namespace syntax,
  /// label and annotation keys and values.
  void Validate(const model::Object& obj, diag::DiagnosticSink& sink) const;

  /// "traefik.io/v1alpha1 IngressRouteTCP (traefik.io_ingressroutetcps.yaml)", one per schema.
  std::vector<std::string> Describe() const;

  /// The compiled schema for apiVersion + kind (tests and benchmarks compare the engines on it).
  const CompiledSchema* FindForTest(std::string_view api_version, std::string_view kind) const {
    return Find(api_version, kind);
  }

 private:
  const CompiledSchema* Find(std::string_view api_version, std::string_view kind) const;

  std::vector<std::shared_ptr<const CompiledSchema>> schemas_;
};

}  // namespace irtcp::schema
