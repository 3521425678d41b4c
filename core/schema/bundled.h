// The CRD schemas compiled into irtcp: generated at build time by irtcp_schemagen
// (core/schema/tools/schemagen_main.cc) from schemas/traefik/<tag>/*.yaml with the C++ converter,
// so the binary needs no files beside it.
#pragma once

#include <span>
#include <string_view>

namespace irtcp::schema {

/// One converted CRD version as embedded in the binary.
struct BundledSchema {
  std::string_view traefik_tag;  ///< the Traefik tag whose CRD this is: "v3.7.9"
  std::string_view group;        ///< "traefik.io"
  std::string_view version;      ///< "v1alpha1"
  std::string_view kind;         ///< "IngressRouteTCP"
  std::string_view source;       ///< vendored file under schemas/traefik/: "v3.7.9/traefik.io_…"
  std::string_view schema_json;  ///< output of ConvertCrd (compact JSON Schema)
  /// The vendored CRD file as written (one per file, shared by its versions): what `explain`
  /// reads descriptions, defaults and names from.
  std::string_view crd_yaml;
};

/// Every embedded schema, in the order of the vendored files (by tag, then file name). Schemas
/// whose converted JSON is the same in several versions share one string.
std::span<const BundledSchema> BundledSchemas();

}  // namespace irtcp::schema
