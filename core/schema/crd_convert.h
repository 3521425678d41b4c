// CRD -> JSON Schema: turns a CustomResourceDefinition's openAPIV3Schema into the JSON Schema
// (draft 7) that valijson checks, plus `x-irtcp-*` keywords for the checks irtcp does itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source/source_file.h"

namespace irtcp::schema {

/// One served version of one CRD, converted.
///
/// The JSON Schema differs from the CRD's openAPIV3Schema as the API server's behaviour asks:
/// - `x-kubernetes-int-or-string` becomes `anyOf: [{type: integer}, {type: string}]`;
/// - `nullable: true` adds "null" to the allowed types;
/// - objects are closed (`additionalProperties: false`) unless
///   `x-kubernetes-preserve-unknown-fields` is set or `additionalProperties` is given, because the
///   API server prunes (and, with field validation Strict, rejects) unknown fields;
/// - the root `metadata` (just `type: object` in every CRD) becomes a strict ObjectMeta schema;
/// - `pattern`, integer `minimum`/`maximum`, `format: int32|int64` and the CEL rules irtcp knows
///   move to `x-irtcp-pattern`, `x-irtcp-minimum`, `x-irtcp-maximum` (exact int64) and
///   `x-irtcp-exclusive` (valijson's bounds are doubles and its `pattern` uses std::regex, which
///   backtracks catastrophically on the ServersTransportTCP duration pattern);
/// - descriptions, defaults and other documentation are dropped.
struct ConvertedVersion {
  std::string group;        ///< "traefik.io"
  std::string version;      ///< "v1alpha1"
  std::string kind;         ///< "IngressRouteTCP"
  std::string crd_name;     ///< "ingressroutetcps.traefik.io"
  std::string schema_json;  ///< compact JSON text

  std::string api_version() const { return group + "/" + version; }
};

/// Converts every served version of every CustomResourceDefinition in `crd` (a YAML stream, as
/// `kubectl get crd -o yaml` or the Traefik repository prints it; `kind: List` is accepted).
/// Returns nullopt and sets `*err` when the text is not YAML, holds no CRD with a schema, or a
/// schema cannot be converted.
std::optional<std::vector<ConvertedVersion>> ConvertCrd(const source::SourceFilePtr& crd,
                                                        std::string* err);

}  // namespace irtcp::schema
