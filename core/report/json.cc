#include <nlohmann/json.hpp>

#include "core/report/formatter.h"

namespace irtcp::report {

std::unique_ptr<Formatter> MakeTextFormatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> MakeGithubFormatter(std::ostream& out);
std::unique_ptr<Formatter> MakeSarifFormatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> MakeJunitFormatter(std::ostream& out);

namespace {

using Json = nlohmann::ordered_json;

Json FindingJson(const diag::Diagnostic& d) {
  Json j;
  j["code"] = d.rule != nullptr ? std::string(d.rule->code) : "";
  j["name"] = d.rule != nullptr ? std::string(d.rule->name) : "";
  j["severity"] = std::string(diag::SeverityName(d.severity));
  j["message"] = d.message;
  j["file"] = d.file ? d.file->path() : "";
  j["line"] = d.location.line;
  j["column"] = d.location.column;
  if (d.file && d.end_offset > d.location.offset) {
    source::Location end = d.file->LocationAt(d.end_offset);
    j["endLine"] = end.line;
    j["endColumn"] = end.column;
  }
  j["path"] = d.json_path;
  if (!d.help.empty()) {
    j["help"] = d.help;
  }
  if (d.fix.has_value()) {
    Json fix;
    fix["description"] = d.fix->description;
    fix["applicability"] = d.fix->applicability == diag::Applicability::kSafe ? "safe" : "unsafe";
    Json edits = Json::array();
    for (const diag::Edit& e : d.fix->edits) {
      edits.push_back(Json{{"begin", e.begin}, {"end", e.end}, {"replacement", e.replacement}});
    }
    fix["edits"] = std::move(edits);
    j["fix"] = std::move(fix);
  }
  return j;
}

/// The stable JSON document (documented in README "JSON output"): version 1.
class JsonFormatter : public Formatter {
 public:
  JsonFormatter(std::ostream& out, const FormatOptions& options) : out_(out), options_(options) {}

  void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) override {
    Json doc;
    doc["version"] = 1;
    doc["tool"] = Json{{"name", "irtcp"},
                       {"version", options_.tool_version},
                       {"traefikVersion", summary.traefik_version}};
    std::size_t counts[3] = {0, 0, 0};
    Json findings = Json::array();
    for (const diag::Diagnostic& d : diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      findings.push_back(FindingJson(d));
    }
    doc["summary"] = Json{{"files", summary.files},
                          {"documents", summary.documents},
                          {"objects", summary.objects},
                          {"traefikObjects", summary.traefik_objects},
                          {"skippedObjects", summary.skipped_objects},
                          {"skippedFiles", summary.skipped_files},
                          {"skippedDocuments", summary.skipped_documents},
                          {"errors", counts[2]},
                          {"warnings", counts[1]},
                          {"infos", counts[0]},
                          {"suppressed", summary.suppressed_count()},
                          {"baselined", summary.baselined_count()}};
    doc["findings"] = std::move(findings);
    if (options_.show_suppressed) {
      Json suppressed = Json::array();
      for (const SuppressedFinding& s : summary.suppressed) {
        Json j = FindingJson(s.finding);
        j["suppression"] = Json{{"kind", s.baselined ? "baseline" : "inSource"},
                                {"justification", s.justification}};
        suppressed.push_back(std::move(j));
      }
      doc["suppressed"] = std::move(suppressed);
    }
    doc["toolErrors"] = summary.errors;
    doc["notes"] = summary.notes;
    out_ << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::size_t Summary::suppressed_count() const {
  std::size_t n = 0;
  for (const SuppressedFinding& s : suppressed) {
    n += s.baselined ? 0 : 1;
  }
  return n;
}

std::size_t Summary::baselined_count() const { return suppressed.size() - suppressed_count(); }

std::vector<std::string_view> FormatNames() { return {"text", "json", "sarif", "github", "junit"}; }

std::unique_ptr<Formatter> MakeFormatter(std::string_view name, std::ostream& out,
                                         const FormatOptions& options, std::string* err) {
  if (name == "text") {
    return MakeTextFormatter(out, options);
  }
  if (name == "json") {
    return std::make_unique<JsonFormatter>(out, options);
  }
  if (name == "sarif") {
    return MakeSarifFormatter(out, options);
  }
  if (name == "github") {
    return MakeGithubFormatter(out);
  }
  if (name == "junit") {
    return MakeJunitFormatter(out);
  }
  *err = "unknown output format \"" + std::string(name) +
         "\" (valid: text, json, sarif, github, junit)";
  return nullptr;
}

}  // namespace irtcp::report
