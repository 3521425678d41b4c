// Two engines, one set of findings.
//
// Compiled validator (bundled schemas, and every --crd schema that stays within the structural
// subset Kubernetes CRDs use): Walk(full) checks each YAML node against the CompiledSchema node at
// the same place (type, required, closed properties, enum, exact int64 bounds, RE2 pattern, CEL
// field exclusions) in one pass with no allocation on the happy path. Why not valijson here: over
// the TreeAdapter, valijson spends ~27-36 us per realistic IngressRouteTCP (it copies its context
// vector<string> and each member's key for every property it visits, and searches members once per
// schema property), against a budget of ~20 us per document for schema checking; the compiled
// walk takes ~4-5 us for the same documents (bench/schema_bench.cc, same machine and load).
//
// valijson (schemas with other keywords: minLength, oneOf, ... from a --crd file; and the
// reference in tests: SchemaEngine.CompiledValidatorAgreesWithValijson checks that both engines
// accept and reject the same documents): a first pass without results decides validity. Only
// when it fails does a second pass collect valijson's errors. Those repeat each failure up the
// tree ("Failed to validate item #0 in array") and do not say what was expected, so they are used
// only as places: each distinct place (a context like [spec][routes][0]) is resolved to the YAML
// node and the schema node there, and CheckPlace words the failure from the schema, as the
// compiled validator does. A failure CheckPlace cannot word falls back to valijson's description
// (IRT019). Ranges, patterns and CEL rules are stripped from valijson's schema by the converter
// (valijson compares doubles and uses std::regex, which backtracks catastrophically on the
// ServersTransportTCP duration pattern) and are checked by Walk(partial).
//
// ObjectMeta syntax (name, generateName, namespace, label keys and values, annotation size) is
// checked in C++ for both engines.
#include "core/schema/schema_set.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "core/schema/bundled.h"
#include "core/schema/compiled.h"
#include "core/schema/crd_convert.h"
#include "core/schema/object_checker.h"

namespace irtcp::schema {

namespace {

constexpr std::string_view kTcpKinds[] = {"IngressRouteTCP", "MiddlewareTCP", "ServersTransportTCP",
                                          "TLSOption", "TLSStore"};

bool IsTcpKind(std::string_view kind) {
  return std::find(std::begin(kTcpKinds), std::end(kTcpKinds), kind) != std::end(kTcpKinds);
}

bool SameApiVersion(const CompiledSchema& s, std::string_view api_version) {
  return api_version.size() == s.group.size() + 1 + s.version.size() &&
         api_version.substr(0, s.group.size()) == s.group && api_version[s.group.size()] == '/' &&
         api_version.substr(s.group.size() + 1) == s.version;
}

}  // namespace

SchemaSet::SchemaSet() = default;
SchemaSet::~SchemaSet() = default;

const SchemaSet& SchemaSet::Bundled() {
  static const SchemaSet* const kSet = [] {
    auto* set = new SchemaSet();
    for (const BundledSchema& b : BundledSchemas()) {
      std::string err;
      std::unique_ptr<CompiledSchema> s =
          CompileSchema(b.group, b.version, b.kind, b.source, b.schema_json, &err);
      // The embedded schemas are tested (SchemaBundled.AllCompile); a failure here is a build bug.
      if (s != nullptr) {
        set->schemas_.push_back(std::move(s));
      }
    }
    return set;
  }();
  return *kSet;
}

std::unique_ptr<SchemaSet> SchemaSet::FromCrd(const source::SourceFilePtr& crd, std::string* err) {
  std::optional<std::vector<ConvertedVersion>> converted = ConvertCrd(crd, err);
  if (!converted) {
    return nullptr;
  }
  auto set = std::make_unique<SchemaSet>();
  set->schemas_ = Bundled().schemas_;
  int used = 0;
  for (const ConvertedVersion& v : *converted) {
    if (!IsTcpKind(v.kind)) {
      continue;
    }
    std::shared_ptr<const CompiledSchema> s =
        CompileSchema(v.group, v.version, v.kind, crd->path(), v.schema_json, err);
    if (s == nullptr) {
      return nullptr;
    }
    auto same = [&](const std::shared_ptr<const CompiledSchema>& old) {
      return old->group == s->group && old->version == s->version && old->kind == s->kind;
    };
    std::erase_if(set->schemas_, same);
    set->schemas_.push_back(std::move(s));
    ++used;
  }
  if (used == 0) {
    *err = crd->path() +
           ": no CRD for a Traefik TCP kind (IngressRouteTCP, MiddlewareTCP, "
           "ServersTransportTCP, TLSOption, TLSStore)";
    return nullptr;
  }
  return set;
}

const CompiledSchema* SchemaSet::Find(std::string_view api_version, std::string_view kind) const {
  for (const auto& s : schemas_) {
    if (s->kind == kind && SameApiVersion(*s, api_version)) {
      return s.get();
    }
  }
  return nullptr;
}

bool SchemaSet::Covers(const model::Object& obj) const {
  return Find(obj.api_version, obj.kind_name) != nullptr;
}

bool SchemaSet::Covers(std::string_view api_version, std::string_view kind) const {
  return Find(api_version, kind) != nullptr;
}

void SchemaSet::Validate(const model::Object& obj, diag::DiagnosticSink& sink) const {
  const CompiledSchema* schema = Find(obj.api_version, obj.kind_name);
  if (schema == nullptr || obj.doc == nullptr || !obj.doc->IsMapping(obj.node)) {
    return;
  }
  const CompiledSchema* modern = nullptr;
  if (schema->group == "traefik.containo.us") {
    modern = Find("traefik.io/" + schema->version, obj.kind_name);
  }
  CheckObject(*schema, modern, obj, sink);
}

std::vector<std::string> SchemaSet::Describe() const {
  std::vector<std::string> out;
  for (const auto& s : schemas_) {
    out.push_back(s->api_version() + " " + s->kind + " (" + s->source + ")");
  }
  return out;
}

}  // namespace irtcp::schema
