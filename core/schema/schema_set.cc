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
#include <array>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "core/schema/bundled.h"
#include "core/schema/compiled.h"
#include "core/schema/crd_convert.h"
#include "core/schema/object_checker.h"
#include "core/schema/rules.h"

namespace irtcp::schema {

namespace {

constexpr std::string_view kTcpKinds[] = {"IngressRouteTCP", "MiddlewareTCP", "ServersTransportTCP",
                                          "TLSOption", "TLSStore"};

bool IsTcpKind(std::string_view kind) {
  return std::find(std::begin(kTcpKinds), std::end(kTcpKinds), kind) != std::end(kTcpKinds);
}

bool SameApiVersion(std::string_view group, std::string_view version,
                    std::string_view api_version) {
  return api_version.size() == group.size() + 1 + version.size() &&
         api_version.substr(0, group.size()) == group && api_version[group.size()] == '/' &&
         api_version.substr(group.size() + 1) == version;
}

/// Index of the release line whose tag is `tag` among version::SupportedVersions(), or -1.
int TagIndex(std::string_view tag) {
  std::span<const version::TraefikVersion> all = version::SupportedVersions();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].tag == tag) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

/// Splits a JSON pointer into its tokens, unescaping ~1 and ~0.
std::vector<std::string> PointerTokens(std::string_view pointer) {
  std::vector<std::string> out;
  while (!pointer.empty() && pointer.front() == '/') {
    pointer.remove_prefix(1);
    std::size_t end = pointer.find('/');
    std::string_view raw = pointer.substr(0, end);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += raw[i];
      }
    }
    out.push_back(std::move(token));
    pointer = end == std::string_view::npos ? std::string_view() : pointer.substr(end);
  }
  return out;
}

/// True when the schema defines the field at `tokens` (array indices step into `items`).
bool DefinesPath(const CompiledSchema& schema, const std::vector<std::string>& tokens) {
  std::int32_t at = 0;
  for (const std::string& t : tokens) {
    const SchemaNode& n = schema.nodes[static_cast<std::size_t>(at)];
    const bool index =
        !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::int32_t next = index && n.items != kNoSchema ? n.items : n.Property(t);
    if (next == kNoSchema) {
      return false;
    }
    at = next;
  }
  return true;
}

/// "spec.routes[0].services[0]" from pointer tokens.
std::string DottedPath(const std::vector<std::string>& tokens, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (!t.empty() &&
        std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out += "[" + t + "]";
    } else {
      out += (out.empty() ? "" : ".") + t;
    }
  }
  return out;
}

}  // namespace

std::vector<const BundledSchema*> BundledForVersion(const version::TraefikVersion& v) {
  const std::size_t line = version::LineIndex(v);
  // The newest entry at or before this line for each apiVersion + kind: the line's own CRDs,
  // and for a group it no longer ships the last older version that did.
  std::vector<const BundledSchema*> chosen;
  std::vector<int> chosen_line;
  for (const BundledSchema& b : BundledSchemas()) {
    const int at = TagIndex(b.traefik_tag);
    if (at < 0 || at > static_cast<int>(line)) {
      continue;
    }
    auto same = [&](const BundledSchema* c) {
      return c->group == b.group && c->version == b.version && c->kind == b.kind;
    };
    auto it = std::find_if(chosen.begin(), chosen.end(), same);
    if (it == chosen.end()) {
      chosen.push_back(&b);
      chosen_line.push_back(at);
    } else if (chosen_line[static_cast<std::size_t>(it - chosen.begin())] <= at) {
      *it = &b;
      chosen_line[static_cast<std::size_t>(it - chosen.begin())] = at;
    }
  }
  // traefik.io first, then the legacy group; kinds by name (Describe's order).
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const BundledSchema* x, const BundledSchema* y) {
                     const bool xi = x->group == "traefik.io";
                     const bool yi = y->group == "traefik.io";
                     return xi != yi ? xi : x->kind < y->kind;
                   });
  return chosen;
}

struct SchemaSet::Entry {
  std::string group;
  std::string version;
  std::string kind;
  std::string source;
  const BundledSchema* bundled = nullptr;  ///< compiled from this on first use, when set
  mutable std::once_flag once;
  mutable std::shared_ptr<const CompiledSchema> compiled;

  const CompiledSchema* Get() const {
    if (bundled != nullptr) {  // Validate runs concurrently: compile once
      std::call_once(once, [this] {
        std::string err;
        // The embedded schemas are tested (SchemaBundled.AllCompile); a failure is a build bug.
        compiled = CompileSchema(bundled->group, bundled->version, bundled->kind, bundled->source,
                                 bundled->schema_json, &err);
      });
    }
    return compiled.get();
  }
};

SchemaSet::SchemaSet() = default;
SchemaSet::~SchemaSet() = default;

const SchemaSet& SchemaSet::Bundled() { return ForVersion(version::DefaultVersion()); }

const SchemaSet& SchemaSet::ForVersion(const version::TraefikVersion& v) {
  constexpr std::size_t kLines = 16;
  static std::array<std::once_flag, kLines> once;
  static std::array<const SchemaSet*, kLines> sets{};
  const std::size_t line = std::min(version::LineIndex(v), kLines - 1);
  std::call_once(once[line], [line] {
    auto* set = new SchemaSet();
    set->version_ = version::SupportedVersions()[line];
    set->version_->patch.reset();
    std::vector<const BundledSchema*> chosen = BundledForVersion(*set->version_);
    for (const BundledSchema* b : chosen) {
      auto e = std::make_shared<Entry>();
      e->group = std::string(b->group);
      e->version = std::string(b->version);
      e->kind = std::string(b->kind);
      e->source = std::string(b->source);
      e->bundled = b;
      set->schemas_.push_back(std::move(e));
    }
    sets[line] = set;
  });
  return *sets[line];
}

std::unique_ptr<SchemaSet> SchemaSet::FromCrd(const source::SourceFilePtr& crd, std::string* err,
                                              const SchemaSet& base) {
  std::optional<std::vector<ConvertedVersion>> converted = ConvertCrd(crd, err);
  if (!converted) {
    return nullptr;
  }
  auto set = std::make_unique<SchemaSet>();
  set->schemas_ = base.schemas_;
  set->version_ = base.version_;
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
    auto same = [&](const std::shared_ptr<const Entry>& old) {
      return old->group == s->group && old->version == s->version && old->kind == s->kind;
    };
    std::erase_if(set->schemas_, same);
    auto e = std::make_shared<Entry>();
    e->group = s->group;
    e->version = s->version;
    e->kind = s->kind;
    e->source = s->source;
    e->compiled = std::move(s);
    set->schemas_.push_back(std::move(e));
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

const SchemaSet::Entry* SchemaSet::FindEntry(std::string_view api_version,
                                             std::string_view kind) const {
  for (const auto& e : schemas_) {
    if (e->kind == kind && SameApiVersion(e->group, e->version, api_version)) {
      return e.get();
    }
  }
  return nullptr;
}

const CompiledSchema* SchemaSet::Find(std::string_view api_version, std::string_view kind) const {
  const Entry* e = FindEntry(api_version, kind);
  return e == nullptr ? nullptr : e->Get();
}

bool SchemaSet::Covers(const model::Object& obj) const {
  return FindEntry(obj.api_version, obj.kind_name) != nullptr;
}

bool SchemaSet::Covers(std::string_view api_version, std::string_view kind) const {
  return FindEntry(api_version, kind) != nullptr;
}

void SchemaSet::Validate(const model::Object& obj, diag::DiagnosticSink& sink) const {
  if (obj.doc == nullptr || !obj.doc->IsMapping(obj.node)) {
    return;
  }
  const CompiledSchema* schema = Find(obj.api_version, obj.kind_name);
  if (schema == nullptr) {
    if (!version_.has_value()) {
      return;
    }
    // A kind this version lacks: the first later version that has it.
    std::span<const version::TraefikVersion> all = version::SupportedVersions();
    for (std::size_t i = version::LineIndex(*version_) + 1; i < all.size(); ++i) {
      if (ForVersion(all[i]).Covers(obj.api_version, obj.kind_name)) {
        yaml::NodeId kind = obj.doc->Get(obj.node, "kind");
        diag::Diagnostic& d =
            sink.Report(kKindNeedsNewerTraefik, obj.doc->file_ptr(),
                        kind == yaml::kNoNode ? obj.loc() : obj.doc->node(kind).loc,
                        obj.kind_name + " needs Traefik v" + all[i].Line() + "+: Traefik " +
                            version_->Line() + " has no such kind and never reads this object");
        d.json_path = obj.path_prefix + "/kind";
        if (kind != yaml::kNoNode) {
          d.end_offset = obj.doc->node(kind).end;
        }
        d.help = "upgrade Traefik (--traefik-version) or remove the object";
        return;
      }
    }
    return;
  }
  const CompiledSchema* modern = nullptr;
  if (schema->group == "traefik.containo.us") {
    modern = Find("traefik.io/" + schema->version, obj.kind_name);
  }
  if (!version_.has_value() || version_->tag == version::SupportedVersions().back().tag) {
    CheckObject(*schema, modern, obj, sink);
    return;
  }
  diag::DiagnosticSink local;
  CheckObject(*schema, modern, obj, local);
  MarkNewerFields(obj, local.diagnostics());
  for (diag::Diagnostic& d : local.diagnostics()) {
    sink.Add(std::move(d));
  }
}

void SchemaSet::MarkNewerFields(const model::Object& obj,
                                std::vector<diag::Diagnostic>& found) const {
  std::span<const version::TraefikVersion> all = version::SupportedVersions();
  const std::size_t line = version::LineIndex(*version_);
  for (diag::Diagnostic& d : found) {
    if (d.rule != &kUnknownField || d.json_path.rfind(obj.path_prefix, 0) != 0) {
      continue;
    }
    std::vector<std::string> tokens =
        PointerTokens(std::string_view(d.json_path).substr(obj.path_prefix.size()));
    if (tokens.empty() || tokens.front() == "metadata") {
      continue;
    }
    for (std::size_t i = line + 1; i < all.size(); ++i) {
      const SchemaSet& later = ForVersion(all[i]);
      const CompiledSchema* s = later.Find(obj.api_version, obj.kind_name);
      if (s == nullptr || !DefinesPath(*s, tokens)) {
        continue;
      }
      std::string where = DottedPath(tokens, tokens.size() - 1);
      d.rule = &kFieldNeedsNewerTraefik;
      d.severity = kFieldNeedsNewerTraefik.default_severity;
      d.message = "`" + tokens.back() + "` needs Traefik v" + all[i].Line() + "+: the Traefik " +
                  version_->Line() + " CRD has no such field" +
                  (where.empty() ? std::string() : " in " + where) +
                  ", so the API server drops it and Traefik never sees it";
      d.help = "upgrade Traefik to v" + all[i].Line() +
               " or later, or remove the field (--traefik-version selects the version checked)";
      break;
    }
  }
}

std::vector<std::string> SchemaSet::Describe() const {
  std::vector<std::string> out;
  for (const auto& e : schemas_) {
    out.push_back(e->group + "/" + e->version + " " + e->kind + " (" + e->source + ")");
  }
  return out;
}

}  // namespace irtcp::schema
