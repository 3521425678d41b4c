#include "core/explain/fields.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.h"
#include "core/schema/bundled.h"
#include "core/schema/schema_set.h"
#include "core/util/spell.h"
#include "core/yaml/load.h"
#include "core/yaml/scalar_json.h"
#include "core/yaml/tree.h"

namespace irtcp::explain {

namespace {

using nlohmann::json;
using yaml::Document;
using yaml::NodeId;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

json ToJson(const Document& doc, NodeId id) {
  if (doc.IsMapping(id)) {
    json out = json::object();
    for (std::uint32_t i = 0; i < doc.Size(id); ++i) {
      out[std::string(doc.Text(doc.KeyAt(id, i)))] = ToJson(doc, doc.ValueAt(id, i));
    }
    return out;
  }
  if (doc.IsSequence(id)) {
    json out = json::array();
    for (std::uint32_t i = 0; i < doc.Size(id); ++i) {
      out.push_back(ToJson(doc, doc.ItemAt(id, i)));
    }
    return out;
  }
  if (id == yaml::kNoNode) {
    return nullptr;
  }
  return yaml::ScalarToJson(doc, id);
}

bool Flag(const Document& doc, NodeId map, std::string_view key) {
  NodeId v = doc.Get(map, key);
  return v != yaml::kNoNode && doc.IsScalar(v) && doc.node(v).type == yaml::ScalarType::kBool &&
         doc.node(v).num.b;
}

std::string ScalarText(const Document& doc, NodeId map, std::string_view key) {
  NodeId v = doc.Get(map, key);
  return doc.IsScalar(v) ? std::string(doc.Text(v)) : std::string();
}

/// kubectl's name for the type of a schema node.
std::string TypeName(const Document& doc, NodeId node) {
  if (Flag(doc, node, "x-kubernetes-int-or-string")) {
    return "IntOrString";
  }
  std::string type(doc.GetString(node, "type"));
  if (type == "array") {
    NodeId items = doc.Get(node, "items");
    return "[]" + (doc.IsMapping(items) ? TypeName(doc, items) : std::string("Object"));
  }
  if (type == "object") {
    NodeId additional = doc.Get(node, "additionalProperties");
    if (doc.IsMapping(additional) && doc.Get(node, "properties") == yaml::kNoNode) {
      return "map[string]" + TypeName(doc, additional);
    }
    return "Object";
  }
  return type.empty() ? std::string("Object") : type;
}

/// The "Deprecated: ..." part of a description, up to the end of its paragraph.
std::string DeprecationOf(std::string_view description) {
  std::size_t at = description.find("Deprecated:");
  if (at == std::string_view::npos) {
    at = description.find("Deprecated.");
  }
  if (at == std::string_view::npos) {
    return "";
  }
  std::string_view rest = description.substr(at);
  std::size_t end = rest.find("\n\n");
  std::string out(rest.substr(0, end));
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

/// Reads the constraints of `node` into `doc` (enum, bounds, pattern, format).
void ReadConstraints(const Document& d, NodeId node, FieldDoc* doc) {
  NodeId e = d.Get(node, "enum");
  if (d.IsSequence(e)) {
    for (std::uint32_t i = 0; i < d.Size(e); ++i) {
      doc->enum_values.push_back(ToJson(d, d.ItemAt(e, i)).dump());
    }
  }
  if (NodeId v = d.Get(node, "minimum"); d.IsScalar(v)) {
    doc->minimum = std::string(d.Text(v));
    doc->exclusive_minimum = Flag(d, node, "exclusiveMinimum");
  }
  if (NodeId v = d.Get(node, "maximum"); d.IsScalar(v)) {
    doc->maximum = std::string(d.Text(v));
    doc->exclusive_maximum = Flag(d, node, "exclusiveMaximum");
  }
  doc->pattern = ScalarText(d, node, "pattern");
  doc->format = ScalarText(d, node, "format");
}

FieldDoc ReadField(const Document& d, NodeId node, std::string name, bool is_root) {
  FieldDoc f;
  f.name = std::move(name);
  f.type = TypeName(d, node);
  f.description = ScalarText(d, node, "description");
  f.nullable = Flag(d, node, "nullable");
  if (NodeId def = d.Get(node, "default"); def != yaml::kNoNode) {
    f.default_json = ToJson(d, def).dump();
  }
  ReadConstraints(d, node, &f);
  NodeId object = node;
  NodeId items = d.Get(node, "items");
  if (d.IsMapping(items)) {
    if (f.description.empty()) {
      f.description = ScalarText(d, items, "description");
    }
    if (f.enum_values.empty() && !f.minimum && !f.maximum && f.pattern.empty()) {
      ReadConstraints(d, items, &f);
      f.items_constrained = !f.enum_values.empty() || f.minimum || f.maximum || !f.pattern.empty();
    }
    object = items;
  }
  f.deprecated = DeprecationOf(f.description);
  for (NodeId at : {node, object}) {
    NodeId rules = d.Get(at, "x-kubernetes-validations");
    for (std::uint32_t i = 0; d.IsSequence(rules) && i < d.Size(rules); ++i) {
      NodeId r = d.ItemAt(rules, i);
      std::string message = ScalarText(d, r, "message");
      f.validations.push_back(message.empty() ? ScalarText(d, r, "rule") : message);
    }
    if (object == node) {
      break;
    }
  }
  std::vector<std::string> required;
  NodeId req = d.Get(object, "required");
  for (std::uint32_t i = 0; d.IsSequence(req) && i < d.Size(req); ++i) {
    required.emplace_back(d.Text(d.ItemAt(req, i)));
  }
  NodeId props = d.Get(object, "properties");
  for (std::uint32_t i = 0; d.IsMapping(props) && i < d.Size(props); ++i) {
    std::string key(d.Text(d.KeyAt(props, i)));
    FieldDoc child = ReadField(d, d.ValueAt(props, i), key, false);
    if (is_root && key == "metadata") {
      child.type = "ObjectMeta";
      if (child.description.empty()) {
        child.description =
            "Standard object's metadata (name, namespace, labels, annotations, ...). More info: "
            "https://git.k8s.io/community/contributors/devel/sig-architecture/"
            "api-conventions.md#metadata";
      }
    }
    child.required = std::find(required.begin(), required.end(), key) != required.end();
    f.fields.push_back(std::move(child));
  }
  return f;
}

void AddNotes(std::string_view kind, std::string_view path, FieldDoc* f) {
  f->notes = FieldNotes(kind, path);
  for (FieldDoc& child : f->fields) {
    std::string p = path.empty() ? child.name : std::string(path) + "." + child.name;
    AddNotes(kind, p, &child);
  }
}

bool NameMatches(const KindDoc& k, std::string_view lower) {
  if (Lower(k.kind) == lower || k.plural == lower || k.singular == lower) {
    return true;
  }
  return std::find(k.short_names.begin(), k.short_names.end(), lower) != k.short_names.end();
}

/// Cuts a copy of `f` down to its children's facts (no grandchildren) unless recursive.
FieldDoc Trim(const FieldDoc& f, bool recursive) {
  FieldDoc out = f;
  if (!recursive) {
    for (FieldDoc& c : out.fields) {
      c.fields.clear();
    }
  }
  return out;
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& p : path) {
    out += (out.empty() ? "" : ".") + p;
  }
  return out;
}

std::string Facts(const FieldDoc& f) {
  std::vector<std::string> facts;
  std::string each = f.items_constrained ? "each item " : "";
  if (!f.default_json.empty()) {
    facts.push_back("default " + f.default_json);
  }
  if (f.minimum) {
    facts.push_back(each + (f.exclusive_minimum ? "greater than " : "minimum ") + *f.minimum);
  }
  if (f.maximum) {
    facts.push_back(each + (f.exclusive_maximum ? "less than " : "maximum ") + *f.maximum);
  }
  if (!f.enum_values.empty()) {
    std::string e = each + "one of ";
    for (std::size_t i = 0; i < f.enum_values.size(); ++i) {
      e += (i == 0 ? "" : ", ") + f.enum_values[i];
    }
    facts.push_back(e);
  }
  if (!f.pattern.empty()) {
    facts.push_back(each + "pattern " + f.pattern);
  }
  if (!f.format.empty()) {
    facts.push_back("format " + f.format);
  }
  if (f.nullable) {
    facts.push_back("may be null");
  }
  std::string out;
  for (const std::string& s : facts) {
    out += (out.empty() ? "" : "; ") + s;
  }
  return out;
}

/// A description as paragraphs: the CRD wraps its text at ~80 columns; lines that start a new
/// statement ("More info:", "Default:", "Deprecated:") stay on their own line.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    bool breaks = line.empty() || line.rfind("More info:", 0) == 0 ||
                  line.rfind("Default:", 0) == 0 || line.rfind("Deprecated:", 0) == 0 ||
                  line.rfind("- ", 0) == 0;
    if (breaks && !current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    if (!line.empty()) {
      current += (current.empty() ? "" : " ") + std::string(line);
    }
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  if (!current.empty()) {
    out.push_back(std::move(current));
  }
  return out;
}

void WriteDescription(std::string_view text, std::size_t width, std::string_view indent,
                      std::ostream& out) {
  for (const std::string& p : Paragraphs(text)) {
    out << Wrap(p, width, indent);
  }
}

void WriteTree(const FieldDoc& f, const TextStyle& style, int depth, std::ostream& out) {
  for (const FieldDoc& c : f.fields) {
    std::string indent(static_cast<std::size_t>(2 + 2 * depth), ' ');
    out << indent << Bold(c.name, style) << "  " << Cyan("<" + c.type + ">", style);
    if (c.required) {
      out << " " << Red("-required-", style);
    }
    if (!c.deprecated.empty()) {
      out << " " << Yellow("-deprecated-", style);
    }
    out << '\n';
    WriteTree(c, style, depth + 1, out);
  }
}

json FieldJson(const FieldDoc& f) {
  json j = json::object();
  j["name"] = f.name;
  j["type"] = f.type;
  j["required"] = f.required;
  j["description"] = f.description;
  if (!f.default_json.empty()) {
    j["default"] = json::parse(f.default_json);
  }
  auto number = [](const std::string& s) {
    json v = json::parse(s, nullptr, false);
    return v.is_discarded() ? json(s) : v;
  };
  if (f.minimum) {
    j["minimum"] = number(*f.minimum);
    j["exclusiveMinimum"] = f.exclusive_minimum;
  }
  if (f.maximum) {
    j["maximum"] = number(*f.maximum);
    j["exclusiveMaximum"] = f.exclusive_maximum;
  }
  if (!f.enum_values.empty()) {
    json e = json::array();
    for (const std::string& v : f.enum_values) {
      e.push_back(json::parse(v));
    }
    j["enum"] = std::move(e);
  }
  if (!f.pattern.empty()) {
    j["pattern"] = f.pattern;
  }
  if (!f.format.empty()) {
    j["format"] = f.format;
  }
  if (f.items_constrained) {
    j["constraintsApplyToItems"] = true;
  }
  if (f.nullable) {
    j["nullable"] = true;
  }
  if (!f.deprecated.empty()) {
    j["deprecated"] = f.deprecated;
  }
  if (!f.validations.empty()) {
    j["validations"] = f.validations;
  }
  if (!f.notes.empty()) {
    j["notes"] = f.notes;
  }
  if (!f.fields.empty()) {
    json children = json::array();
    for (const FieldDoc& c : f.fields) {
      children.push_back(FieldJson(c));
    }
    j["fields"] = std::move(children);
  }
  return j;
}

struct Note {
  std::string_view kind;
  std::string_view path;
  std::string_view text;
};

// What irtcp knows beyond the CRD text (the provider engine's and rules.md's facts), shown under
// NOTES. Keep each one a fact about Traefik v3.7 with the rule that reports it, if any.
constexpr Note kNotes[] = {
    {"IngressRouteTCP", "spec.entryPoints",
     "Empty or unset: Traefik attaches the router to its default entry points (those marked "
     "asDefault, else every TCP entry point except traefik); IRT407 reports it, IRT406 reports "
     "an entry point the static configuration does not define."},
    {"IngressRouteTCP", "spec.routes.match",
     "On a route without tls Traefik sees no server name (the SNI is empty), so HostSNI with a "
     "name never matches there (IRT104). HostSNIRegexp is a search, not anchored (IRT120). "
     "`irtcp explain FILE` puts a route's rule into words."},
    {"IngressRouteTCP", "spec.routes.priority",
     "0 or unset: Traefik uses the default priority, the length of the match rule in bytes "
     "(-1 for HostSNI(`*`) alone). The highest priority that matches wins; two matching routes "
     "of equal priority race (IRT124)."},
    {"IngressRouteTCP", "spec.routes.syntax",
     "Traefik selects the v2 syntax only for the exact value \"v2\"; anything else is v3 "
     "(IRT122 reports the deprecated v2 syntax)."},
    {"IngressRouteTCP", "spec.routes.services.port",
     "A number is matched against the Service's ports (port, not targetPort), a name against "
     "their names (IRT302). For an ExternalName Service the number is used as given (IRT304)."},
    {"IngressRouteTCP", "spec.routes.services.terminationDelay",
     "Traefik v3 reads this integer as nanoseconds (it becomes a Go duration), although it is "
     "documented in milliseconds: 100 means 100ns. It applies only when the service names no "
     "serversTransport; a named ServersTransportTCP's terminationDelay wins, and unset means 0 "
     "(the other direction is cut as soon as one side closes). IRT308 reports it."},
    {"IngressRouteTCP", "spec.routes.services.proxyProtocol",
     "Applies only when the service names no serversTransport; an empty proxyProtocol: {} "
     "sends version 2. IRT308 reports it."},
    {"IngressRouteTCP", "spec.routes.services.nativeLB",
     "Needs a Service with a clusterIP: on a headless Service Traefik drops the service "
     "(IRT306)."},
    {"IngressRouteTCP", "spec.routes.services.nodePortLB",
     "Used only for Services of type NodePort; ignored otherwise (IRT307)."},
    {"IngressRouteTCP", "spec.routes.services.weight",
     "Matters only when the route has several services (weighted round robin); when every "
     "weight is 0 no connection is served (IRT309)."},
    {"IngressRouteTCP", "spec.tls.passthrough",
     "With passthrough Traefik forwards the raw TLS stream: secretName, options, certResolver "
     "and domains are ignored (IRT201)."},
    {"IngressRouteTCP", "spec.tls.certResolver",
     "With HostSNI(`*`) and no tls.domains the resolver has no name to request a certificate "
     "for (IRT204)."},
    {"ServersTransportTCP", "spec.terminationDelay",
     "Unset: 100ms on a declared ServersTransportTCP. Used only by services that name this "
     "transport in serversTransport."},
    {"MiddlewareTCP", "spec.ipWhiteList",
     "Deprecated since Traefik v2.11 in favour of ipAllowList, same sourceRange and behaviour "
     "(IRT405, which --fix renames)."},
};

}  // namespace

std::vector<CrdText> BundledCrds(const version::TraefikVersion& version) {
  std::vector<CrdText> out;
  for (const schema::BundledSchema* s : schema::BundledForVersion(version)) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const CrdText& c) { return c.source == s->source; });
    if (!seen) {
      out.push_back({s->source, s->crd_yaml});
    }
  }
  return out;
}

std::vector<std::string> FieldNotes(std::string_view kind, std::string_view path) {
  std::vector<std::string> out;
  for (const Note& n : kNotes) {
    if (n.kind == kind && n.path == path) {
      out.emplace_back(n.text);
    }
  }
  return out;
}

bool LoadKinds(std::span<const CrdText> crds, std::vector<KindDoc>* kinds, std::string* err) {
  for (const CrdText& crd : crds) {
    auto file =
        std::make_shared<const source::SourceFile>(std::string(crd.source), std::string(crd.yaml));
    diag::DiagnosticSink sink;
    std::vector<Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
    if (!sink.empty()) {
      *err = std::string(crd.source) + ": " + sink.diagnostics().front().message;
      return false;
    }
    for (const Document& d : docs) {
      NodeId root = d.root();
      if (d.GetString(root, "kind") != "CustomResourceDefinition") {
        continue;
      }
      NodeId spec = d.Get(root, "spec");
      NodeId names = d.Get(spec, "names");
      NodeId versions = d.Get(spec, "versions");
      for (std::uint32_t i = 0; d.IsSequence(versions) && i < d.Size(versions); ++i) {
        NodeId v = d.ItemAt(versions, i);
        NodeId schema = d.Get(d.Get(v, "schema"), "openAPIV3Schema");
        if (!d.IsMapping(schema)) {
          continue;
        }
        KindDoc k;
        k.group = std::string(d.GetString(spec, "group"));
        k.version = std::string(d.GetString(v, "name"));
        k.kind = std::string(d.GetString(names, "kind"));
        k.plural = std::string(d.GetString(names, "plural"));
        k.singular = std::string(d.GetString(names, "singular"));
        if (k.singular.empty()) {
          k.singular = Lower(k.kind);
        }
        NodeId shorts = d.Get(names, "shortNames");
        for (std::uint32_t j = 0; d.IsSequence(shorts) && j < d.Size(shorts); ++j) {
          k.short_names.emplace_back(d.Text(d.ItemAt(shorts, j)));
        }
        k.scope = std::string(d.GetString(spec, "scope"));
        k.source = std::string(crd.source);
        k.root = ReadField(d, schema, k.kind, true);
        if (k.group == "traefik.containo.us") {
          // irtcp's notes describe Traefik v3, which does not read this group at all.
          k.root.notes.emplace_back(
              "Traefik v3 does not watch the traefik.containo.us group: it ignores these "
              "objects (IRT404; its unsafe fix rewrites the apiVersion). The bundled legacy "
              "CRDs are Traefik v2.11's.");
        } else {
          AddNotes(k.kind, "", &k.root);
        }
        kinds->push_back(std::move(k));
      }
    }
  }
  return true;
}

bool IsKindName(std::span<const KindDoc> kinds, std::string_view word) {
  std::string lower = Lower(word);
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](const KindDoc& k) { return NameMatches(k, lower); });
}

std::optional<FieldExplanation> ExplainField(std::span<const KindDoc> kinds, const FieldQuery& q,
                                             std::string* err) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= q.path.size()) {
    std::size_t dot = q.path.find('.', start);
    segments.push_back(q.path.substr(start, dot == std::string::npos ? dot : dot - start));
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  if (segments.empty() || segments.front().empty()) {
    *err =
        "nothing to explain: give a kind (IngressRouteTCP), a field path "
        "(ingressroutetcp.spec.routes) or a rule code";
    return std::nullopt;
  }
  std::string group = q.api_group;
  std::string version = q.api_version;
  if (std::size_t slash = version.find('/'); slash != std::string::npos) {
    if (!group.empty() && group != version.substr(0, slash)) {
      *err = "--api-version " + q.api_version + " is not in --api-group " + group;
      return std::nullopt;
    }
    group = version.substr(0, slash);
    version = version.substr(slash + 1);
  }
  std::string lower = Lower(segments.front());
  std::vector<const KindDoc*> named;
  for (const KindDoc& k : kinds) {
    if (NameMatches(k, lower)) {
      named.push_back(&k);
    }
  }
  if (named.empty()) {
    std::vector<std::string> names;
    for (const KindDoc& k : kinds) {
      names.push_back(k.singular);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string_view close = util::ClosestMatch(lower, views);
    *err = "unknown kind \"" + segments.front() + "\"";
    if (!close.empty()) {
      *err += "; did you mean \"" + std::string(close) + "\"?";
    }
    *err += " (irtcp knows:";
    for (const std::string& n : names) {
      *err += " " + n;
    }
    *err += ")";
    return std::nullopt;
  }
  const KindDoc* kind = nullptr;
  for (const KindDoc* k : named) {
    bool group_ok = group.empty() ? k->group == "traefik.io" : k->group == group;
    bool version_ok = version.empty() || k->version == version;
    if (group_ok && version_ok) {
      kind = k;
      break;
    }
  }
  if (kind == nullptr && group.empty() && version.empty()) {
    kind = named.front();  // a kind that exists only in another group
  }
  if (kind == nullptr) {
    std::string have;
    for (const KindDoc* k : named) {
      have += (have.empty() ? "" : ", ") + k->group + "/" + k->version;
    }
    *err = named.front()->kind + " is not bundled for " + (group.empty() ? "traefik.io" : group) +
           (version.empty() ? "" : "/" + version) + " (bundled: " + have + ")";
    return std::nullopt;
  }
  FieldExplanation e;
  e.kind = kind;
  e.recursive = q.recursive;
  const FieldDoc* f = &kind->root;
  std::string where = kind->kind;
  for (std::size_t i = 1; i < segments.size(); ++i) {
    const std::string& seg = segments[i];
    const FieldDoc* next = nullptr;
    for (const FieldDoc& c : f->fields) {
      if (c.name == seg) {
        next = &c;
      }
    }
    if (next == nullptr) {
      std::vector<std::string_view> names;
      for (const FieldDoc& c : f->fields) {
        names.push_back(c.name);
      }
      std::string_view close = util::ClosestMatch(seg, names);
      if (f->fields.empty()) {
        *err = "field \"";
        *err += seg;
        *err += "\" does not exist: ";
        *err += where;
        *err += " is <";
        *err += f->type;
        *err += "> and has no fields";
      } else {
        *err = "field \"";
        *err += seg;
        *err += "\" does not exist in ";
        *err += where;
        if (!close.empty()) {
          *err += "; did you mean \"" + std::string(close) + "\"?";
        }
      }
      return std::nullopt;
    }
    f = next;
    where += "." + seg;
    e.path.push_back(seg);
  }
  e.field = Trim(*f, q.recursive);
  return e;
}

void WriteFieldText(const FieldExplanation& e, const TextStyle& style, std::ostream& out) {
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  const FieldDoc& f = e.field;
  out << Bold("GROUP:", style) << "      " << e.kind->group << '\n';
  out << Bold("KIND:", style) << "       " << e.kind->kind << '\n';
  out << Bold("VERSION:", style) << "    " << e.kind->version << '\n';
  out << Bold("SOURCE:", style) << "     " << e.kind->source << " (bundled CRD)\n\n";
  if (!e.path.empty()) {
    out << Bold("FIELD:", style) << " " << f.name << " " << Cyan("<" + f.type + ">", style);
    if (f.required) {
      out << " " << Red("-required-", style);
    }
    out << '\n';
    out << Bold("PATH:", style) << "  " << e.kind->singular << "." << JoinPath(e.path) << "\n\n";
  }
  std::string facts = Facts(f);
  if (!facts.empty()) {
    out << Bold("CONSTRAINTS:", style) << '\n' << Wrap(facts, width, "    ") << '\n';
  }
  if (!f.deprecated.empty()) {
    out << Bold(Yellow("DEPRECATED:", style), style) << '\n'
        << Wrap(f.deprecated, width, "    ") << '\n';
  }
  out << Bold("DESCRIPTION:", style) << '\n';
  if (f.description.empty()) {
    out << "    <empty>\n";
  } else {
    WriteDescription(f.description, width, "    ", out);
  }
  if (!f.validations.empty()) {
    out << '\n' << Bold("VALIDATIONS:", style) << '\n';
    for (const std::string& v : f.validations) {
      out << Wrap(v, width, "    - ", "      ");
    }
  }
  if (!f.notes.empty()) {
    out << '\n' << Bold("NOTES (irtcp):", style) << '\n';
    for (const std::string& n : f.notes) {
      out << Wrap(n, width, "    - ", "      ");
    }
  }
  if (f.fields.empty()) {
    return;
  }
  out << '\n' << Bold("FIELDS:", style) << '\n';
  if (e.recursive) {
    WriteTree(f, style, 0, out);
    return;
  }
  for (std::size_t i = 0; i < f.fields.size(); ++i) {
    const FieldDoc& c = f.fields[i];
    if (i > 0) {
      out << '\n';
    }
    out << "  " << Bold(c.name, style) << "  " << Cyan("<" + c.type + ">", style);
    if (c.required) {
      out << " " << Red("-required-", style);
    }
    if (!c.deprecated.empty()) {
      out << " " << Yellow("-deprecated-", style);
    }
    out << '\n';
    std::string child_facts = Facts(c);
    if (!child_facts.empty()) {
      out << Dim(Wrap(child_facts, width, "    "), style);
    }
    if (c.description.empty()) {
      out << "    <no description>\n";
    } else {
      WriteDescription(c.description, width, "    ", out);
    }
    for (const std::string& n : c.notes) {
      out << Wrap(Bold("irtcp:", style) + " " + n, width, "    ", "    ");
    }
  }
}

void WriteFieldJson(const FieldExplanation& e, std::ostream& out) {
  json j = json::object();
  j["group"] = e.kind->group;
  j["version"] = e.kind->version;
  j["kind"] = e.kind->kind;
  j["source"] = e.kind->source;
  j["path"] = JoinPath(e.path);
  j["recursive"] = e.recursive;
  j["field"] = FieldJson(e.field);
  out << j.dump(2) << '\n';
}

namespace {

void MarkdownField(const FieldDoc& f, const std::string& path, int level, bool recursive,
                   std::ostream& out) {
  out << std::string(static_cast<std::size_t>(std::min(level, 6)), '#') << " `" << path << "` <"
      << f.type << ">" << (f.required ? " (required)" : "") << "\n\n";
  std::string facts = Facts(f);
  if (!facts.empty()) {
    out << "Constraints: " << facts << "\n\n";
  }
  for (const std::string& p : Paragraphs(f.description)) {
    out << p << "\n\n";
  }
  for (const std::string& n : f.notes) {
    out << "> irtcp: " << n << "\n\n";
  }
  if (recursive) {
    for (const FieldDoc& c : f.fields) {
      MarkdownField(c, path + "." + c.name, level + 1, recursive, out);
    }
    return;
  }
  if (!f.fields.empty()) {
    out << "| field | type | required | description |\n|---|---|---|---|\n";
    for (const FieldDoc& c : f.fields) {
      std::vector<std::string> ps = Paragraphs(c.description);
      out << "| `" << c.name << "` | " << MarkdownCell(c.type) << " | " << (c.required ? "yes" : "")
          << " | " << MarkdownCell(ps.empty() ? "" : ps.front()) << " |\n";
    }
    out << '\n';
  }
}

// Children are already cut to one level unless --recursive (Trim).
void ManField(const FieldDoc& f, const std::string& path, std::ostream& out) {
  out << ".TP\n.B " << RoffEscape(path) << "\n\\fI<" << RoffEscape(f.type) << ">\\fR"
      << (f.required ? " (required)" : "") << '\n';
  std::string facts = Facts(f);
  if (!facts.empty()) {
    out << RoffEscape("Constraints: " + facts) << "\n.br\n";
  }
  std::vector<std::string> ps = Paragraphs(f.description);
  for (std::size_t i = 0; i < ps.size(); ++i) {
    out << (i > 0 ? ".br\n" : "") << RoffEscape(ps[i]) << '\n';
  }
  for (const std::string& n : f.notes) {
    out << ".br\n" << RoffEscape("irtcp: " + n) << '\n';
  }
  for (const FieldDoc& c : f.fields) {
    ManField(c, path + "." + c.name, out);
  }
}

}  // namespace

void WriteFieldMarkdown(const FieldExplanation& e, std::ostream& out) {
  std::string path = e.kind->kind + (e.path.empty() ? "" : "." + JoinPath(e.path));
  out << "<!-- " << e.kind->group << "/" << e.kind->version << " " << e.kind->kind << ", "
      << e.kind->source << " -->\n\n";
  MarkdownField(e.field, path, 1, e.recursive, out);
}

void WriteFieldMan(const FieldExplanation& e, std::ostream& out) {
  std::string path = e.kind->kind + (e.path.empty() ? "" : "." + JoinPath(e.path));
  out << ".SH " << RoffEscape(path) << "\n"
      << RoffEscape(e.kind->group + "/" + e.kind->version) << ", from "
      << RoffEscape(e.kind->source) << ".\n";
  ManField(e.field, path, out);
}

}  // namespace irtcp::explain
