#include "core/schema/compiled.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#pragma GCC diagnostic pop

#include <algorithm>
#include <exception>
#include <iterator>

#include "core/schema/tree_adapter.h"

namespace irtcp::schema {

namespace {

using nlohmann::json;

std::uint8_t TypeBitOf(std::string_view name) {
  if (name == "object") {
    return kTypeObject;
  }
  if (name == "array") {
    return kTypeArray;
  }
  if (name == "string") {
    return kTypeString;
  }
  if (name == "integer") {
    return kTypeInteger;
  }
  if (name == "number") {
    return kTypeNumber;
  }
  if (name == "boolean") {
    return kTypeBoolean;
  }
  if (name == "null") {
    return kTypeNull;
  }
  return 0;
}

std::uint8_t TypesOf(const json& type) {
  std::uint8_t bits = 0;
  if (type.is_string()) {
    bits = TypeBitOf(type.get<std::string>());
  } else if (type.is_array()) {
    for (const json& t : type) {
      if (t.is_string()) {
        bits = static_cast<std::uint8_t>(bits | TypeBitOf(t.get<std::string>()));
      }
    }
  }
  return bits;
}

class Builder {
 public:
  explicit Builder(CompiledSchema& out) : out_(out) {}

  /// Adds the node for `j` and returns its index; children first get their own indices.
  std::int32_t Add(const json& j);
  const std::string& error() const { return err_; }
  bool structural() const { return structural_; }

 private:
  CompiledSchema& out_;
  std::string err_;
  bool structural_ = true;
};

std::int32_t Builder::Add(const json& j) {
  auto index = static_cast<std::int32_t>(out_.nodes.size());
  out_.nodes.emplace_back();
  SchemaNode node;
  if (!j.is_object()) {
    out_.nodes[static_cast<std::size_t>(index)] = std::move(node);
    return index;
  }
  static constexpr std::string_view kCompiled[] = {"type",
                                                   "properties",
                                                   "additionalProperties",
                                                   "items",
                                                   "required",
                                                   "enum",
                                                   "anyOf",
                                                   "x-irtcp-minimum",
                                                   "x-irtcp-maximum",
                                                   "x-irtcp-format",
                                                   "x-irtcp-pattern",
                                                   "x-irtcp-exclusive",
                                                   "x-irtcp-preserve"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(std::begin(kCompiled), std::end(kCompiled), it.key()) == std::end(kCompiled)) {
      structural_ = false;  // a keyword only valijson implements
    }
  }
  if (auto t = j.find("type"); t != j.end()) {
    node.types = TypesOf(*t);
  }
  if (auto any = j.find("anyOf"); any != j.end() && any->is_array()) {
    // int-or-string (and nullable variants): a union of plain types.
    bool plain = true;
    std::uint8_t bits = 0;
    for (const json& branch : *any) {
      if (!branch.is_object() || branch.size() != 1 || !branch.contains("type")) {
        plain = false;
        break;
      }
      bits = static_cast<std::uint8_t>(bits | TypesOf(branch["type"]));
    }
    if (plain) {
      node.types = static_cast<std::uint8_t>(node.types == 0 ? bits : (node.types & bits));
    } else {
      node.complex = true;
      structural_ = false;
    }
  }
  if (j.contains("oneOf") || j.contains("allOf") || j.contains("not")) {
    node.complex = true;
  }
  if (auto props = j.find("properties"); props != j.end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      std::int32_t child = Add(it.value());
      node.properties.emplace_back(it.key(), child);
    }
  }
  if (auto add = j.find("additionalProperties"); add != j.end()) {
    if (add->is_boolean()) {
      node.closed = !add->get<bool>();
    } else {
      node.additional = Add(*add);
    }
  }
  if (auto items = j.find("items"); items != j.end() && items->is_object()) {
    node.items = Add(*items);
  }
  if (auto req = j.find("required"); req != j.end() && req->is_array()) {
    for (const json& r : *req) {
      if (r.is_string()) {
        node.required.push_back(r.get<std::string>());
      }
    }
  }
  if (auto en = j.find("enum"); en != j.end() && en->is_array()) {
    node.enum_values.assign(en->begin(), en->end());
    for (const json& v : node.enum_values) {
      if (v.is_string()) {
        node.enum_strings.push_back(v.get<std::string>());
      }
    }
  }
  if (auto m = j.find("x-irtcp-minimum"); m != j.end() && m->is_number_integer()) {
    node.minimum = m->get<std::int64_t>();
  }
  if (auto m = j.find("x-irtcp-maximum"); m != j.end() && m->is_number_integer()) {
    node.maximum = m->get<std::int64_t>();
  }
  node.int32 = j.value("x-irtcp-format", "") == "int32";
  if (auto p = j.find("x-irtcp-pattern"); p != j.end() && p->is_string()) {
    node.pattern = p->get<std::string>();
    RE2::Options options;
    options.set_log_errors(false);
    node.regex = std::make_unique<RE2>(node.pattern, options);
    if (!node.regex->ok()) {
      err_ = "pattern " + node.pattern + " is not a valid RE2 expression: " + node.regex->error();
    }
  }
  if (auto ex = j.find("x-irtcp-exclusive"); ex != j.end() && ex->is_array()) {
    for (const json& rule : *ex) {
      const json& fields = rule["fields"];
      node.exclusive.push_back(ExclusiveRule{
          fields[0].get<std::string>(), fields[1].get<std::string>(), rule.value("message", "")});
    }
  }
  node.has_checks = node.minimum.has_value() || node.maximum.has_value() || node.regex != nullptr ||
                    !node.exclusive.empty();
  for (const auto& p : node.properties) {
    node.has_checks = node.has_checks || out_.nodes[static_cast<std::size_t>(p.second)].has_checks;
  }
  for (std::int32_t child : {node.additional, node.items}) {
    if (child != kNoSchema) {
      node.has_checks = node.has_checks || out_.nodes[static_cast<std::size_t>(child)].has_checks;
    }
  }
  out_.nodes[static_cast<std::size_t>(index)] = std::move(node);
  return index;
}

}  // namespace

std::string TypeSetName(std::uint8_t types) {
  static constexpr std::pair<std::uint8_t, std::string_view> kNames[] = {
      {kTypeObject, "object"}, {kTypeArray, "array"},   {kTypeInteger, "integer"},
      {kTypeNumber, "number"}, {kTypeString, "string"}, {kTypeBoolean, "boolean"},
      {kTypeNull, "null"}};
  std::vector<std::string_view> names;
  for (const auto& [bit, name] : kNames) {
    if ((types & bit) != 0) {
      names.push_back(name);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += i + 1 == names.size() ? " or " : ", ";
    }
    out += names[i];
  }
  return out;
}

CompiledSchema::CompiledSchema() = default;
CompiledSchema::~CompiledSchema() = default;

const valijson::Schema& CompiledSchema::Valijson() const {
  // Throws (from nlohmann or valijson) only for a bad schema; CompileSchema builds non-structural
  // schemas eagerly inside its try block, and the bundled ones are tested.
  std::call_once(valijson_once_, [this] {
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    json j = json::parse(schema_json);
    valijson::adapters::NlohmannJsonAdapter adapter(j);
    parser.populateSchema(adapter, *schema);
    valijson_ = std::move(schema);
  });
  return *valijson_;
}

bool ValijsonAccepts(const CompiledSchema& schema, const yaml::Document& doc, yaml::NodeId node) {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  return validator.validate(schema.Valijson(), TreeAdapter(doc, node), nullptr);
}

std::vector<ValijsonError> ValijsonErrors(const CompiledSchema& schema, const yaml::Document& doc,
                                          yaml::NodeId node) {
  valijson::ValidationResults results;
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  validator.validate(schema.Valijson(), TreeAdapter(doc, node), &results);
  std::vector<ValijsonError> out;
  for (const valijson::ValidationResults::Error& e : results) {
    out.push_back({e.context, e.description});
  }
  return out;
}

std::unique_ptr<CompiledSchema> CompileSchema(std::string_view group, std::string_view version,
                                              std::string_view kind, std::string_view source,
                                              std::string_view schema_json, std::string* err) {
  auto out = std::make_unique<CompiledSchema>();
  out->group = std::string(group);
  out->version = std::string(version);
  out->kind = std::string(kind);
  out->source = std::string(source);
  try {
    json j = json::parse(schema_json);
    Builder builder(*out);
    builder.Add(j);
    if (!builder.error().empty()) {
      *err = std::string(source) + ": " + builder.error();
      return nullptr;
    }
    out->structural = builder.structural();
    out->schema_json = std::string(schema_json);
    if (!out->structural) {
      out->Valijson();  // surfaces a schema valijson rejects now, as an error
    }
  } catch (const std::exception& e) {
    *err =
        std::string(source) + ": cannot load the schema for " + std::string(kind) + ": " + e.what();
    return nullptr;
  }
  return out;
}

}  // namespace irtcp::schema
