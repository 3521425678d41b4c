// Validation of Traefik objects against their CRD schemas, with findings worded from the schema.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"
#include "core/source/source_file.h"
#include "core/version/traefik_version.h"

namespace irtcp::schema {

struct CompiledSchema;
struct BundledSchema;

/// The schemas irtcp validates against: one per apiVersion + kind. Immutable once built; Validate
/// may run concurrently on different objects.
/// The bundled CRD versions one Traefik release line reads: its own files, and for an API group it
/// no longer ships (traefik.containo.us on 3.x) the newest older version's. traefik.io first,
/// kinds by name.
std::vector<const BundledSchema*> BundledForVersion(const version::TraefikVersion& version);

class SchemaSet {
 public:
  SchemaSet();
  ~SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  /// The schemas embedded at build time for the default Traefik version (3.7 = v3.7.9).
  static const SchemaSet& Bundled();
  /// The CRDs of one Traefik release line (schemas/traefik/<tag>/), compiled on first use: a
  /// run compiles only its version's. An API group the version does not ship
  /// (traefik.containo.us on 3.x) comes from the newest older version that does.
  static const SchemaSet& ForVersion(const version::TraefikVersion& version);

  /// `base`'s schemas, with every served version of every CRD in `crd` replacing the bundled
  /// schema for its apiVersion + kind (`--crd FILE`). Only Traefik's TCP kinds (IngressRouteTCP,
  /// MiddlewareTCP, ServersTransportTCP, TLSOption, TLSStore) are taken from the file; other CRDs
  /// in it are ignored. Returns nullptr and sets `*err` when the file holds no usable CRD.
  static std::unique_ptr<SchemaSet> FromCrd(const source::SourceFilePtr& crd, std::string* err,
                                            const SchemaSet& base = Bundled());

  /// The Traefik line whose CRDs these are (nullopt: not a bundled set).
  const std::optional<version::TraefikVersion>& traefik_version() const { return version_; }

  /// True when a schema exists for the object's apiVersion + kind.
  bool Covers(const model::Object& obj) const;
  /// True when a schema exists for apiVersion + kind.
  bool Covers(std::string_view api_version, std::string_view kind) const;

  /// Checks the object against its schema and reports every failure to `sink`. Also checks
  /// ObjectMeta: name/generateName/namespace syntax, label and annotation keys and values. For a
  /// set of one Traefik version, an unknown field that a later version's CRD has is reported as
  /// needing that version (IRT020), and a kind the version lacks but a later one has as IRT021;
  /// otherwise nothing is reported for an object the set does not cover.
  void Validate(const model::Object& obj, diag::DiagnosticSink& sink) const;

  /// "traefik.io/v1alpha1 IngressRouteTCP (traefik.io_ingressroutetcps.yaml)", one per schema.
  std::vector<std::string> Describe() const;

  /// The compiled schema for apiVersion + kind (tests and benchmarks compare the engines on it).
  const CompiledSchema* FindForTest(std::string_view api_version, std::string_view kind) const {
    return Find(api_version, kind);
  }

 private:
  /// One apiVersion + kind. A bundled schema is compiled on first use, so a run pays only for
  /// the kinds its input holds (the pre-commit case: one IngressRouteTCP of some dozen schemas).
  struct Entry;
  const Entry* FindEntry(std::string_view api_version, std::string_view kind) const;
  /// The compiled schema for apiVersion + kind, compiling it on first use; nullptr when none.
  const CompiledSchema* Find(std::string_view api_version, std::string_view kind) const;

  /// IRT003 findings on fields a later Traefik version's CRD has become IRT020.
  void MarkNewerFields(const model::Object& obj, std::vector<diag::Diagnostic>& found) const;

  std::vector<std::shared_ptr<const Entry>> schemas_;
  std::optional<version::TraefikVersion> version_;
};

}  // namespace irtcp::schema
