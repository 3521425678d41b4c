// The CRD schemas compiled into irtcp: generated at build time by irtcp_schemagen
// (core/schema/tools/schemagen_main.cc) from schemas/*.yaml with the C++ converter, so the binary
// needs no files beside it.
#pragma once

#include <span>
#include <string_view>

namespace irtcp::schema {

/// One converted CRD version as embedded in the binary.
struct BundledSchema {
  std::string_view group;        ///< "traefik.io"
  std::string_view version;      ///< "v1alpha1"
  std::string_view kind;         ///< "IngressRouteTCP"
  std::string_view source;       ///< vendored file name under schemas/
  std::string_view schema_json;  ///< output of ConvertCrd (compact JSON Schema)
  /// The vendored CRD file as written (one per file, shared by its versions): what `explain`
  /// reads descriptions, defaults and names from.
  std::string_view crd_yaml;
};

/// Every embedded schema, in the order of the vendored files.
std::span<const BundledSchema> BundledSchemas();

}  // namespace irtcp::schema
