#include <map>
#include <nlohmann/json.hpp>

#include "core/lint/registry.h"
#include "core/report/formatter.h"

namespace irtcp::report {

namespace {

using Json = nlohmann::ordered_json;

/// SARIF 2.1.0 with real startLine/startColumn (GitHub code scanning reads it).
class SarifFormatter : public Formatter {
 public:
  SarifFormatter(std::ostream& out, const FormatOptions& options) : out_(out), options_(options) {}

  void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) override {
    Json rules = Json::array();
    std::map<std::string_view, std::size_t> rule_index;
    for (const lint::Rule& r : lint::AllRules()) {
      rule_index[r.info->code] = rules.size();
      rules.push_back(
          Json{{"id", std::string(r.info->code)},
               {"name", std::string(r.info->name)},
               {"shortDescription", Json{{"text", std::string(r.info->summary)}}},
               {"fullDescription", Json{{"text", std::string(r.info->summary)}}},
               {"help", Json{{"text", std::string(r.info->summary)},
                             {"markdown", std::string(r.info->explanation)}}},
               {"defaultConfiguration", Json{{"level", Level(r.info->default_severity)}}}});
    }
    Json results = Json::array();
    // Suppressed and baselined findings follow as results with a `suppressions` entry.
    const std::size_t total = diagnostics.size() + summary.suppressed.size();
    for (std::size_t i = 0; i < total; ++i) {
      const SuppressedFinding* sup =
          i < diagnostics.size() ? nullptr : &summary.suppressed[i - diagnostics.size()];
      const diag::Diagnostic& d = sup == nullptr ? diagnostics[i] : sup->finding;
      Json res;
      std::string_view code = d.code();
      res["ruleId"] = std::string(code);
      if (auto it = rule_index.find(code); it != rule_index.end()) {
        res["ruleIndex"] = it->second;
      }
      res["level"] = Level(d.severity);
      res["message"] = Json{{"text", d.message}};
      if (d.file) {
        Json region;
        if (d.location.valid()) {
          region["startLine"] = d.location.line;
          region["startColumn"] = d.location.column;
          if (d.end_offset > d.location.offset) {
            source::Location end = d.file->LocationAt(d.end_offset);
            region["endLine"] = end.line;
            region["endColumn"] = end.column;
          }
        }
        Json phys{{"artifactLocation", Json{{"uri", d.file->path()}}}};
        if (!region.empty()) {
          phys["region"] = region;
        }
        res["locations"] = Json::array({Json{{"physicalLocation", phys}}});
      }
      if (sup != nullptr) {
        Json s{{"kind", sup->baselined ? "external" : "inSource"}};
        if (!sup->justification.empty()) {
          s["justification"] = sup->justification;
        }
        res["suppressions"] = Json::array({s});
      }
      results.push_back(std::move(res));
    }
    Json run{{"tool", Json{{"driver", Json{{"name", "irtcp"},
                                           {"version", options_.tool_version},
                                           {"informationUri", "https://github.com/irtcp/irtcp"},
                                           {"rules", rules}}}}},
             {"results", results}};
    Json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Json::array({run})}};
    out_ << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  static std::string Level(diag::Severity s) {
    switch (s) {
      case diag::Severity::kError:
        return "error";
      case diag::Severity::kWarning:
        return "warning";
      case diag::Severity::kInfo:
        return "note";
    }
    return "error";
  }

  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> MakeSarifFormatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<SarifFormatter>(out, options);
}

}  // namespace irtcp::report
