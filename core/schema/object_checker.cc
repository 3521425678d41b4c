#include "core/schema/object_checker.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/schema/finding_text.h"
#include "core/schema/names.h"
#include "core/schema/rules.h"
#include "core/schema/tree_adapter.h"
#include "core/util/spell.h"

namespace irtcp::schema {

namespace {

using internal::EnumText;
using internal::Found;
using internal::GenericPath;
using internal::HttpFieldHint;
using internal::HumanPath;
using internal::kMaxValueChars;
using internal::Pointer;
using internal::Quote;
using internal::RangeText;
using internal::Seg;
using internal::TypeAllowed;
using internal::TypeOfNode;
using yaml::Document;
using yaml::NodeId;

constexpr std::size_t kAnnotationsLimit = std::size_t{256} * 1024;

/// One finding before it goes to the sink.
struct Finding {
  const diag::RuleInfo* rule = nullptr;
  NodeId at = yaml::kNoNode;
  std::uint32_t end_offset = 0;
  std::string message;
  std::string json_path;
  std::string help;
};

/// Validates one object; one instance per call, so Validate is re-entrant.
class Checker {
 public:
  Checker(const CompiledSchema& schema, const CompiledSchema* modern, const model::Object& obj)
      : schema_(schema), modern_(modern), obj_(obj), doc_(*obj.doc) {}

  void Run(diag::DiagnosticSink& sink);

 private:
  const SchemaNode& Node(std::int32_t index) const {
    return schema_.nodes[static_cast<std::size_t>(index)];
  }
  /// Where a caret for node `id` ends: the scalar's end, or the end of a collection's first line.
  std::uint32_t EndOf(NodeId id) const;
  std::string Where(const std::vector<Seg>& path) const {
    return path.empty() ? obj_.kind_name : HumanPath(path);
  }
  void Add(const diag::RuleInfo& rule, NodeId at, std::uint32_t end, std::string message,
           std::string json_path, std::string help = "") {
    findings_.push_back(
        Finding{&rule, at, end, std::move(message), std::move(json_path), std::move(help)});
  }

  void CollectFailures();
  bool Resolve(const std::vector<std::string>& context, std::int32_t* schema, NodeId* node,
               std::vector<Seg>* path) const;
  /// Checks the node against the schema node's own constraints; false when its type is wrong
  /// (then nothing below it is checked).
  bool CheckPlace(std::int32_t si, NodeId id, const std::vector<Seg>& path);
  void ReportType(const SchemaNode& s, NodeId id, const std::vector<Seg>& path);
  void ReportUnknown(const SchemaNode& s, NodeId map, std::uint32_t i,
                     const std::vector<Seg>& path);
  std::string UnknownHint(const SchemaNode& s, std::string_view field,
                          const std::vector<Seg>& path) const;
  bool ModernHasField(const std::vector<Seg>& path, std::string_view field) const;

  void Walk(std::int32_t si, NodeId id, bool full);
  void CheckRange(const SchemaNode& s, NodeId id);
  void CheckMetadata();
  void CheckMetaMap(NodeId map, std::string_view field, bool labels);

  const CompiledSchema& schema_;
  const CompiledSchema* modern_;  ///< traefik.io schema of the same kind, for legacy objects
  const model::Object& obj_;
  const Document& doc_;
  std::vector<Seg> path_;  ///< current path of Walk
  std::vector<Finding> findings_;
};

std::uint32_t Checker::EndOf(NodeId id) const {
  const yaml::Node& n = doc_.node(id);
  if (n.kind == yaml::NodeKind::kScalar) {
    return std::max(n.end, n.begin);
  }
  std::string_view text = doc_.file().text();
  std::size_t eol = text.find('\n', n.begin);
  std::size_t end = std::min<std::size_t>(eol == std::string_view::npos ? text.size() : eol, n.end);
  while (end > n.begin && (text[end - 1] == '\r' || text[end - 1] == ' ')) {
    --end;
  }
  return static_cast<std::uint32_t>(end);
}

void Checker::Run(diag::DiagnosticSink& sink) {
  if (schema_.structural) {
    Walk(0, obj_.node, true);
  } else {
    if (!ValijsonAccepts(schema_, doc_, obj_.node)) {
      CollectFailures();
    }
    Walk(0, obj_.node, false);
  }
  CheckMetadata();

  std::stable_sort(findings_.begin(), findings_.end(), [this](const Finding& a, const Finding& b) {
    return std::tie(doc_.node(a.at).begin, a.rule->code) <
           std::tie(doc_.node(b.at).begin, b.rule->code);
  });
  for (Finding& f : findings_) {
    diag::Diagnostic& d =
        sink.Report(*f.rule, doc_.file_ptr(), doc_.node(f.at).loc, std::move(f.message));
    d.end_offset = f.end_offset;
    d.json_path = std::move(f.json_path);
    d.help = std::move(f.help);
  }
}

void Checker::CollectFailures() {
  // Distinct places, each with the descriptions valijson gave there.
  std::map<std::vector<std::string>, std::vector<std::string>> places;
  for (ValijsonError& e : ValijsonErrors(schema_, doc_, obj_.node)) {
    places[e.context].push_back(std::move(e.description));
  }
  std::size_t before_all = findings_.size();
  const std::vector<std::string>* deepest = nullptr;
  for (const auto& [context, descriptions] : places) {
    std::int32_t si = 0;
    NodeId id = obj_.node;
    std::vector<Seg> path;
    if (!Resolve(context, &si, &id, &path)) {
      continue;
    }
    if (deepest == nullptr || context.size() > deepest->size()) {
      deepest = &context;
    }
    std::size_t before = findings_.size();
    CheckPlace(si, id, path);
    if (findings_.size() != before) {
      continue;
    }
    for (const std::string& d : descriptions) {
      // "Failed to validate ..." only repeats a failure found further down.
      if (d.rfind("Failed to validate", 0) == 0) {
        continue;
      }
      std::string text = d;
      if (!text.empty() && text.back() == '.') {
        text.pop_back();
      }
      if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
      }
      Add(kSchemaViolation, id, EndOf(id), Where(path) + ": " + diag::Shorten(text, 200),
          Pointer(obj_.path_prefix, path));
      break;
    }
  }
  if (findings_.size() == before_all && deepest != nullptr) {
    // valijson failed but no place could be worded (e.g. a oneOf in a --crd schema): say so at
    // the deepest place rather than pass the object.
    std::int32_t si = 0;
    NodeId id = obj_.node;
    std::vector<Seg> path;
    Resolve(*deepest, &si, &id, &path);
    Add(kSchemaViolation, id, EndOf(id),
        Where(path) + ": does not match the schema (" +
            diag::Shorten(places[*deepest].front(), 200) + ")",
        Pointer(obj_.path_prefix, path));
  }
}

bool Checker::Resolve(const std::vector<std::string>& context, std::int32_t* schema, NodeId* node,
                      std::vector<Seg>* path) const {
  // context[0] is "<root>"; the rest are "[key]" or "[index]".
  for (std::size_t i = 1; i < context.size(); ++i) {
    std::string_view seg = context[i];
    if (seg.size() < 2 || seg.front() != '[' || seg.back() != ']') {
      return false;
    }
    seg = seg.substr(1, seg.size() - 2);
    const SchemaNode& s = Node(*schema);
    if (doc_.IsMapping(*node)) {
      NodeId value = yaml::kNoNode;
      std::string_view key;
      for (std::uint32_t k = 0; k < doc_.Size(*node); ++k) {
        if (doc_.Text(doc_.KeyAt(*node, k)) == seg && !doc_.IsNull(doc_.ValueAt(*node, k))) {
          value = doc_.ValueAt(*node, k);
          key = doc_.Text(doc_.KeyAt(*node, k));  // outlives `context`
          break;
        }
      }
      std::int32_t child = s.Property(seg);
      if (value == yaml::kNoNode || child == kNoSchema) {
        return false;
      }
      path->push_back(Seg{key, 0, false});
      *node = value;
      *schema = child;
    } else if (doc_.IsSequence(*node)) {
      std::uint32_t index = 0;
      for (char c : seg) {
        if (c < '0' || c > '9') {
          return false;
        }
        index = index * 10 + static_cast<std::uint32_t>(c - '0');
      }
      if (index >= doc_.Size(*node) || s.items == kNoSchema) {
        return false;
      }
      path->push_back(Seg{{}, index, true});
      *node = doc_.ItemAt(*node, index);
      *schema = s.items;
    } else {
      return false;
    }
  }
  return true;
}

bool Checker::CheckPlace(std::int32_t si, NodeId id, const std::vector<Seg>& path) {
  const SchemaNode& s = Node(si);
  if (!TypeAllowed(s.types, TypeOfNode(doc_, id))) {
    ReportType(s, id, path);
    return false;
  }
  if (doc_.IsMapping(id)) {
    for (const std::string& field : s.required) {
      if (doc_.Get(id, field) == yaml::kNoNode) {
        std::vector<Seg> field_path = path;
        field_path.push_back(Seg{field, 0, false});
        NodeId first_key = doc_.Size(id) > 0 ? doc_.KeyAt(id, 0) : id;
        Add(kMissingField, id, EndOf(first_key),
            "missing required field \"" + field + "\" in " + Where(path),
            Pointer(obj_.path_prefix, field_path));
      }
    }
    if (s.closed) {
      for (std::uint32_t i = 0; i < doc_.Size(id); ++i) {
        if (doc_.IsNull(doc_.ValueAt(id, i))) {
          continue;
        }
        if (!s.HasListedProperty(doc_.Text(doc_.KeyAt(id, i)))) {
          ReportUnknown(s, id, i, path);
        }
      }
    }
  }
  if (!s.enum_values.empty() && doc_.IsScalar(id)) {
    bool allowed_value = false;
    if (doc_.IsString(id) && s.enum_strings.size() == s.enum_values.size()) {
      allowed_value = std::find(s.enum_strings.begin(), s.enum_strings.end(), doc_.Text(id)) !=
                      s.enum_strings.end();  // no allocation on the common path
    } else {
      allowed_value = std::find(s.enum_values.begin(), s.enum_values.end(), TreeToJson(doc_, id)) !=
                      s.enum_values.end();
    }
    if (!allowed_value) {
      std::string allowed;
      std::vector<std::string> names;
      for (const nlohmann::json& v : s.enum_values) {
        if (!allowed.empty()) {
          allowed += ", ";
        }
        allowed += EnumText(v);
        if (v.is_string()) {
          names.push_back(v.get<std::string>());
        }
      }
      std::string message =
          Where(path) + ": expected one of " + allowed + ", found " + Found(doc_, id);
      std::vector<std::string_view> candidates(names.begin(), names.end());
      std::string_view close = util::ClosestMatch(doc_.Text(id), candidates);
      std::string help;
      if (!close.empty()) {
        help = "did you mean \"" + std::string(close) + "\"?";
      }
      Add(kValueNotInEnum, id, EndOf(id), std::move(message), Pointer(obj_.path_prefix, path),
          std::move(help));
    }
  }
  return true;
}

void Checker::ReportType(const SchemaNode& s, NodeId id, const std::vector<Seg>& path) {
  const yaml::Node& n = doc_.node(id);
  bool meta_value = path.size() == 3 && !path[0].is_index && path[0].key == "metadata" &&
                    !path[1].is_index &&
                    (path[1].key == "labels" || path[1].key == "annotations") && !path[2].is_index;
  bool plain_scalar = n.kind == yaml::NodeKind::kScalar && n.style == yaml::ScalarStyle::kPlain &&
                      n.type != yaml::ScalarType::kNull;
  if (meta_value) {
    std::string what = path[1].key == "labels" ? "label" : "annotation";
    std::string message =
        what + " " + Quote(path[2].key) + " must be a string, found " + Found(doc_, id);
    std::string help;
    if (plain_scalar) {
      message += "; quote it: " + Quote(doc_.Text(id));
      help = "YAML reads unquoted " + diag::Shorten(doc_.Text(id), kMaxValueChars) + " as a " +
             TypeSetName(TypeOfNode(doc_, id)) + ", and kubectl rejects non-string " + what +
             " values";
    }
    Add(kNonStringMetaValue, id, EndOf(id), std::move(message), Pointer(obj_.path_prefix, path),
        std::move(help));
    return;
  }
  std::string message =
      Where(path) + ": expected " + TypeSetName(s.types) + ", found " + Found(doc_, id);
  std::string help;
  if (plain_scalar && (s.types & kTypeString) != 0 && n.type != yaml::ScalarType::kString) {
    help = "YAML reads unquoted " + diag::Shorten(doc_.Text(id), kMaxValueChars) + " as a " +
           TypeSetName(TypeOfNode(doc_, id)) + "; quote it (" + Quote(doc_.Text(id)) +
           ") if you meant a string";
  }
  Add(kTypeMismatch, id, EndOf(id), std::move(message), Pointer(obj_.path_prefix, path),
      std::move(help));
}

bool Checker::ModernHasField(const std::vector<Seg>& path, std::string_view field) const {
  if (modern_ == nullptr) {
    return false;
  }
  std::int32_t si = 0;
  for (const Seg& seg : path) {
    const SchemaNode& s = modern_->nodes[static_cast<std::size_t>(si)];
    si = seg.is_index ? s.items : s.Property(seg.key);
    if (si == kNoSchema) {
      return false;
    }
  }
  return modern_->nodes[static_cast<std::size_t>(si)].HasListedProperty(field);
}

std::string Checker::UnknownHint(const SchemaNode& s, std::string_view field,
                                 const std::vector<Seg>& path) const {
  if (std::optional<std::string> hint = HttpFieldHint(obj_.kind_name, GenericPath(path), field)) {
    return *hint;
  }
  if (ModernHasField(path, field)) {
    return "only the traefik.io/v1alpha1 CRD (Traefik v3) has " + std::string(field) + "; " +
           obj_.api_version + " is Traefik v2's";
  }
  std::vector<std::string_view> candidates;
  for (const auto& p : s.properties) {
    candidates.push_back(p.first);
  }
  std::string_view close = util::ClosestMatch(field, candidates);
  if (!close.empty()) {
    return "did you mean \"" + std::string(close) + "\"?";
  }
  return "";
}

void Checker::ReportUnknown(const SchemaNode& s, NodeId map, std::uint32_t i,
                            const std::vector<Seg>& path) {
  NodeId key = doc_.KeyAt(map, i);
  std::string_view field = doc_.Text(key);
  std::string message = "unknown field " + Quote(field) + " in " + Where(path);
  if (std::string hint = UnknownHint(s, field, path); !hint.empty()) {
    message += " (" + hint + ")";
  }
  std::vector<Seg> field_path = path;
  field_path.push_back(Seg{field, 0, false});
  Add(kUnknownField, key, EndOf(key), std::move(message), Pointer(obj_.path_prefix, field_path));
}

/// With `full`, this is the whole validator for structural schemas: every node is checked against
/// its schema node (CheckPlace) besides the range, pattern and CEL checks. Without it, it only
/// visits the schema nodes that have such checks (valijson did the rest).
void Checker::Walk(std::int32_t si, NodeId id, bool full) {
  const SchemaNode& s = Node(si);
  if (full) {
    if (!CheckPlace(si, id, path_)) {
      return;
    }
  } else if (!s.has_checks) {
    return;
  }
  const yaml::Node& n = doc_.node(id);
  switch (n.kind) {
    case yaml::NodeKind::kScalar:
      if ((s.minimum || s.maximum) && TreeIsInteger(n)) {
        CheckRange(s, id);
      }
      if (s.regex != nullptr && n.type == yaml::ScalarType::kString &&
          !RE2::PartialMatch(doc_.Text(id), *s.regex)) {
        Add(kPatternMismatch, id, EndOf(id),
            HumanPath(path_) + ": " + Quote(doc_.Text(id)) + " does not match the pattern " +
                s.pattern,
            Pointer(obj_.path_prefix, path_));
      }
      return;
    case yaml::NodeKind::kMapping:
      for (const ExclusiveRule& rule : s.exclusive) {
        NodeId a = doc_.Get(id, rule.first);
        NodeId b = doc_.Get(id, rule.second);
        if (a == yaml::kNoNode || b == yaml::kNoNode) {
          continue;
        }
        NodeId second = doc_.GetKey(id, rule.second);
        if (doc_.node(doc_.GetKey(id, rule.first)).begin > doc_.node(second).begin) {
          second = doc_.GetKey(id, rule.first);
        }
        std::string message = HumanPath(path_) + " sets both " + rule.first + " and " + rule.second;
        std::string reason = rule.message;
        if (!reason.empty() && reason.back() == '.') {
          reason.pop_back();
        }
        if (!reason.empty()) {
          message += " (" + reason + ")";
        }
        Add(kConflictingFields, second, EndOf(second), std::move(message),
            Pointer(obj_.path_prefix, path_),
            "keep one of them; list the other CA as its own entry");
      }
      for (std::uint32_t i = 0; i < doc_.Size(id); ++i) {
        NodeId value = doc_.ValueAt(id, i);
        if (doc_.IsNull(value)) {
          continue;
        }
        std::string_view key = doc_.Text(doc_.KeyAt(id, i));
        std::int32_t child = s.Property(key);
        if (child == kNoSchema) {
          continue;
        }
        path_.push_back(Seg{key, 0, false});
        Walk(child, value, full);
        path_.pop_back();
      }
      return;
    case yaml::NodeKind::kSequence:
      if (s.items == kNoSchema) {
        return;
      }
      for (std::uint32_t i = 0; i < doc_.Size(id); ++i) {
        path_.push_back(Seg{{}, i, true});
        Walk(s.items, doc_.ItemAt(id, i), full);
        path_.pop_back();
      }
      return;
  }
}

void Checker::CheckRange(const SchemaNode& s, NodeId id) {
  const yaml::Node& n = doc_.node(id);
  std::string text = diag::Shorten(doc_.Text(id), kMaxValueChars);
  if (n.int_overflow) {
    Add(kValueOutOfRange, id, EndOf(id),
        HumanPath(path_) + ": expected " + RangeText(s) + ", found " + text +
            ", which does not fit in a 64-bit integer",
        Pointer(obj_.path_prefix, path_));
    return;
  }
  std::int64_t v = 0;
  TreeValue(&doc_, id).getInteger(v);
  if ((s.minimum && v < *s.minimum) || (s.maximum && v > *s.maximum)) {
    std::string found = text;
    if (n.type != yaml::ScalarType::kInt || std::to_string(v) != text) {
      found = std::to_string(v) + " (" + text + ")";
    }
    Add(kValueOutOfRange, id, EndOf(id),
        HumanPath(path_) + ": expected " + RangeText(s) + ", found " + found,
        Pointer(obj_.path_prefix, path_));
  }
}

void Checker::CheckMetadata() {
  NodeId meta = doc_.Get(obj_.node, "metadata");
  if (!doc_.IsMapping(meta)) {
    return;  // absent or not a mapping: the schema reports it
  }
  std::vector<Seg> path{Seg{"metadata", 0, false}};
  NodeId name = doc_.Get(meta, "name");
  NodeId generate = doc_.Get(meta, "generateName");
  if (name == yaml::kNoNode && generate == yaml::kNoNode) {
    NodeId first_key = doc_.Size(meta) > 0 ? doc_.KeyAt(meta, 0) : meta;
    Add(kInvalidObjectName, meta, EndOf(first_key),
        "metadata.name is missing (set metadata.name, or metadata.generateName)",
        Pointer(obj_.path_prefix, {Seg{"metadata", 0, false}, Seg{"name", 0, false}}));
  }
  if (name != yaml::kNoNode && doc_.IsString(name) && !IsDns1123Subdomain(doc_.Text(name))) {
    Add(kInvalidObjectName, name, EndOf(name),
        "metadata.name " + Quote(doc_.Text(name)) +
            " is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', "
            "starting and ending with a letter or digit, at most 253 characters)",
        Pointer(obj_.path_prefix, {Seg{"metadata", 0, false}, Seg{"name", 0, false}}));
  }
  if (generate != yaml::kNoNode && doc_.IsString(generate) &&
      !IsValidGenerateName(doc_.Text(generate))) {
    Add(kInvalidObjectName, generate, EndOf(generate),
        "metadata.generateName " + Quote(doc_.Text(generate)) +
            " cannot start a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')",
        Pointer(obj_.path_prefix, {Seg{"metadata", 0, false}, Seg{"generateName", 0, false}}));
  }
  if (NodeId ns = doc_.Get(meta, "namespace");
      ns != yaml::kNoNode && doc_.IsString(ns) && !IsDns1123Label(doc_.Text(ns))) {
    Add(kInvalidObjectName, ns, EndOf(ns),
        "metadata.namespace " + Quote(doc_.Text(ns)) +
            " is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and "
            "ending with a letter or digit, at most 63 characters)",
        Pointer(obj_.path_prefix, {Seg{"metadata", 0, false}, Seg{"namespace", 0, false}}));
  }
  CheckMetaMap(doc_.Get(meta, "labels"), "labels", true);
  CheckMetaMap(doc_.Get(meta, "annotations"), "annotations", false);
}

void Checker::CheckMetaMap(NodeId map, std::string_view field, bool labels) {
  if (!doc_.IsMapping(map)) {
    return;
  }
  std::string_view what = labels ? "label" : "annotation";
  std::size_t total = 0;
  for (std::uint32_t i = 0; i < doc_.Size(map); ++i) {
    NodeId key = doc_.KeyAt(map, i);
    NodeId value = doc_.ValueAt(map, i);
    if (doc_.IsNull(value)) {
      continue;
    }
    std::string_view k = doc_.Text(key);
    std::vector<Seg> path{Seg{"metadata", 0, false}, Seg{field, 0, false}, Seg{k, 0, false}};
    if (std::string err = QualifiedNameError(k); !err.empty()) {
      Add(kInvalidLabel, key, EndOf(key),
          std::string(what) + " key " + Quote(k) + " is invalid: " + err,
          Pointer(obj_.path_prefix, path));
    }
    if (!doc_.IsString(value)) {
      continue;  // the schema reports non-string values (IRT017)
    }
    std::string_view v = doc_.Text(value);
    total += k.size() + v.size();
    if (labels) {
      if (std::string err = LabelValueError(v); !err.empty()) {
        Add(kInvalidLabel, value, EndOf(value),
            "label " + Quote(k) + " has an invalid value " + Quote(v) + ": " + err,
            Pointer(obj_.path_prefix, path));
      }
    }
  }
  if (!labels && total > kAnnotationsLimit) {
    Add(kInvalidLabel, map, EndOf(map),
        "annotations total " + std::to_string(total) +
            " bytes, more than the 262144 (256 KiB) "
            "the API server accepts",
        Pointer(obj_.path_prefix, {Seg{"metadata", 0, false}, Seg{field, 0, false}}));
  }
}

}  // namespace

void CheckObject(const CompiledSchema& schema, const CompiledSchema* modern,
                 const model::Object& obj, diag::DiagnosticSink& sink) {
  Checker(schema, modern, obj).Run(sink);
}

}  // namespace irtcp::schema
