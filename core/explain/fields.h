// `irtcp explain KIND[.FIELD...]`: the documentation of a field of a bundled CRD, like
// `kubectl explain`: its type (int-or-string, arrays of objects), whether it is required, its
// default, bounds, enum values, pattern, deprecation and description, plus what irtcp knows
// beyond the CRD (FieldNotes).
//
//   explain::FieldQuery q{"ingressroutetcp.spec.routes.services.nativeLB"};
//   std::string err;
//   auto doc = explain::ExplainField(explain::BundledCrds(), q, &err);  // nullopt: err, exit 2
//   explain::WriteFieldText(*doc, style, out);
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/explain/text.h"
#include "core/version/traefik_version.h"

namespace irtcp::explain {

/// One vendored CRD file: its name and text.
struct CrdText {
  std::string_view source;  ///< "traefik.io_ingressroutetcps.yaml"
  std::string_view yaml;
};

/// The CRDs of one Traefik version compiled into the binary (schemas/traefik/<tag>/; the legacy
/// group from the newest older version that ships it). Default: 3.7 (v3.7.9).
std::vector<CrdText> BundledCrds(
    const version::TraefikVersion& version = version::DefaultVersion());

/// The documentation of one schema node.
struct FieldDoc {
  std::string name;          ///< "nativeLB"; the kind for the root
  std::string type;          ///< kubectl's notation: string, integer, boolean, Object, []Object,
                             ///< []string, map[string]string, IntOrString
  std::string description;   ///< as in the CRD
  bool required = false;     ///< listed in the parent's `required`
  std::string default_json;  ///< the CRD default as JSON text ("" = none)
  std::optional<std::string> minimum;  ///< as written in the CRD
  std::optional<std::string> maximum;
  bool exclusive_minimum = false;
  bool exclusive_maximum = false;
  std::vector<std::string> enum_values;  ///< JSON text of each value
  std::string pattern;
  std::string format;
  bool nullable = false;
  bool items_constrained = false;        ///< enum/pattern/bounds apply to each item of the array
  std::string deprecated;                ///< the description's "Deprecated: ..." sentence, if any
  std::vector<std::string> validations;  ///< x-kubernetes-validations messages (or rules)
  std::vector<std::string> notes;        ///< what irtcp knows beyond the CRD
  std::vector<FieldDoc> fields;          ///< properties (of the items, for arrays)
};

/// One kind of one bundled CRD version.
struct KindDoc {
  std::string group;     ///< "traefik.io"
  std::string version;   ///< "v1alpha1"
  std::string kind;      ///< "IngressRouteTCP"
  std::string plural;    ///< "ingressroutetcps"
  std::string singular;  ///< "ingressroutetcp"
  std::vector<std::string> short_names;
  std::string scope;   ///< "Namespaced"
  std::string source;  ///< vendored file name
  FieldDoc root;
};

/// Parses the kinds of the CRD files (every served version). Files that are not CRDs are
/// skipped; false with *err when a file cannot be read as YAML.
bool LoadKinds(std::span<const CrdText> crds, std::vector<KindDoc>* kinds, std::string* err);

/// What to explain.
struct FieldQuery {
  std::string path;         ///< "ingressroutetcp.spec.routes", "TLSOption", "tlsoption.spec"
  std::string api_group;    ///< --api-group: "" = traefik.io, else e.g. traefik.containo.us
  std::string api_version;  ///< --api-version: "v1alpha1" or "group/version"; "" = newest
  bool recursive = false;   ///< --recursive: every field under the path
};

/// A resolved field path.
struct FieldExplanation {
  const KindDoc* kind = nullptr;
  std::vector<std::string> path;  ///< the field names after the kind ("spec", "routes")
  FieldDoc field;                 ///< the field (children down to one level, or all)
  bool recursive = false;
};

/// Whether `word` names a kind (kind, singular, plural or short name, case-insensitive) of any
/// bundled CRD (the first segment of a path).
bool IsKindName(std::span<const KindDoc> kinds, std::string_view word);

/// Resolves the query. nullopt with *err when the kind or a field does not exist; the message
/// names the first segment that does not exist and suggests the closest name.
std::optional<FieldExplanation> ExplainField(std::span<const KindDoc> kinds, const FieldQuery& q,
                                             std::string* err);

/// kubectl explain's layout: GROUP/KIND/VERSION, FIELD with its type, the facts, DESCRIPTION,
/// irtcp's NOTES and FIELDS (one level, or the whole tree with --recursive).
void WriteFieldText(const FieldExplanation& e, const TextStyle& style, std::ostream& out);
/// The same content as one JSON object.
void WriteFieldJson(const FieldExplanation& e, std::ostream& out);
/// Markdown: a heading per field.
void WriteFieldMarkdown(const FieldExplanation& e, std::ostream& out);
/// roff (man(7)) of the same.
void WriteFieldMan(const FieldExplanation& e, std::ostream& out);

/// irtcp's notes on a field beyond its CRD description (group-independent), by the kind and the
/// dotted path after it ("spec.routes.services.terminationDelay"); empty when none.
std::vector<std::string> FieldNotes(std::string_view kind, std::string_view path);

}  // namespace irtcp::explain
