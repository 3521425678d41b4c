#include "core/run/baseline.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

namespace irtcp::run {

namespace {

using Json = nlohmann::ordered_json;

/// The objects of each file, to find the one a finding lies in without scanning the whole input
/// for every finding.
class ObjectIndex {
 public:
  explicit ObjectIndex(const model::InputSet& input) {
    for (const model::Object& obj : input.objects()) {
      by_file_[&obj.file()].push_back(&obj);
    }
  }
  /// The innermost object whose text holds the finding (a List item rather than the List).
  const model::Object* Find(const diag::Diagnostic& d) const {
    if (d.file == nullptr) {
      return nullptr;
    }
    auto it = by_file_.find(d.file.get());
    if (it == by_file_.end()) {
      return nullptr;
    }
    const model::Object* best = nullptr;
    for (const model::Object* obj : it->second) {
      const yaml::Node& n = obj->doc->node(obj->node);
      if (d.location.offset >= n.begin && d.location.offset < n.end &&
          (best == nullptr || n.begin >= best->doc->node(best->node).begin)) {
        best = obj;
      }
    }
    return best;
  }

 private:
  std::unordered_map<const source::SourceFile*, std::vector<const model::Object*>> by_file_;
};

struct Parts {
  std::string code, kind, ns, name, path, file, message;
};

Parts PartsOf(const diag::Diagnostic& d, const ObjectIndex& objects) {
  Parts p;
  p.code = std::string(d.code());
  p.path = d.json_path;
  if (const model::Object* obj = objects.Find(d)) {
    p.kind = obj->kind_name;
    p.ns = obj->namespace_;
    p.name = obj->name;
  } else if (d.file != nullptr) {
    p.file = d.file->path();
  }
  if (p.path.empty()) {
    p.message = d.message;
  }
  return p;
}

std::string Key(const Parts& p) {
  std::string key = p.code + "|" + p.kind + "|" + p.ns + "|" + p.name + "|" + p.path;
  if (!p.file.empty()) {
    key += "|file=" + p.file;
  }
  if (!p.message.empty()) {
    key += "|" + p.message;
  }
  return key;
}

}  // namespace

std::string Fingerprint(const diag::Diagnostic& d, const model::InputSet& input) {
  return Key(PartsOf(d, ObjectIndex(input)));
}

bool WriteBaseline(const std::string& path, const std::vector<diag::Diagnostic>& findings,
                   const model::InputSet& input, std::string* err) {
  std::vector<std::pair<std::string, Json>> entries;
  const ObjectIndex objects(input);
  for (const diag::Diagnostic& d : findings) {
    Parts p = PartsOf(d, objects);
    Json j{{"code", p.code}};
    if (!p.kind.empty()) {
      j["kind"] = p.kind;
      j["namespace"] = p.ns;
      j["name"] = p.name;
    }
    if (!p.file.empty()) {
      j["file"] = p.file;
    }
    j["path"] = p.path;
    if (!p.message.empty()) {
      j["message"] = p.message;
    }
    entries.emplace_back(Key(p), std::move(j));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Json list = Json::array();
  for (auto& [key, j] : entries) {
    list.push_back(std::move(j));
  }
  Json doc{{"version", 1}, {"tool", "irtcp"}, {"findings", std::move(list)}};
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *err = path + ": cannot write the baseline";
    return false;
  }
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) {
    *err = path + ": cannot write the baseline";
    return false;
  }
  return true;
}

bool LoadBaseline(const std::string& path, Baseline* out, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read the baseline";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Json doc = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("version", 0) != 1 ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    *err = path + ": not an irtcp baseline (expected JSON with \"version\": 1 and \"findings\")";
    return false;
  }
  out->clear();
  for (const Json& j : doc["findings"]) {
    if (!j.is_object()) {
      *err = path + ": every entry of \"findings\" must be an object";
      return false;
    }
    auto get = [&](const char* key) {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Parts p{get("code"), get("kind"), get("namespace"), get("name"),
            get("path"), get("file"), get("message")};
    ++(*out)[Key(p)];
  }
  return true;
}

std::vector<diag::Diagnostic> ApplyBaseline(const Baseline& baseline, const model::InputSet& input,
                                            std::vector<diag::Diagnostic>& findings) {
  std::vector<diag::Diagnostic> baselined;
  if (baseline.empty()) {
    return baselined;
  }
  Baseline left = baseline;
  const ObjectIndex objects(input);
  std::vector<diag::Diagnostic> kept;
  for (diag::Diagnostic& d : findings) {
    auto it = left.find(Key(PartsOf(d, objects)));
    if (it != left.end() && it->second > 0) {
      --it->second;
      baselined.push_back(std::move(d));
    } else {
      kept.push_back(std::move(d));
    }
  }
  findings = std::move(kept);
  return baselined;
}

}  // namespace irtcp::run
