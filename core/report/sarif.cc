#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "core/lint/registry.h"
#include "core/report/fingerprint.h"
#include "core/report/formatter.h"

namespace irtcp::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSrcRoot = "%SRCROOT%";

/// Percent-encodes what a URI reference may not hold (RFC 3986: unreserved characters and the
/// path separators stay).
std::string EncodeUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xfU];
    }
  }
  return out;
}

/// An artifact's location: relative to %SRCROOT% when the file is under the source root (GitHub
/// code scanning resolves it against the checkout), else an absolute file URI.
Json ArtifactLocation(const std::string& path, const FormatOptions& options) {
  namespace fs = std::filesystem;
  if (options.source_root.empty()) {
    return Json{{"uri", EncodeUri(path)}};
  }
  fs::path p(path);
  if (p.is_relative() && !options.working_directory.empty()) {
    p = fs::path(options.working_directory) / p;
  }
  p = p.lexically_normal();
  fs::path rel = p.lexically_relative(fs::path(options.source_root).lexically_normal());
  if (!rel.empty() && *rel.begin() != "..") {
    return Json{{"uri", EncodeUri(rel.generic_string())}, {"uriBaseId", kSrcRoot}};
  }
  return Json{{"uri", "file://" + EncodeUri(p.generic_string())}};
}

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
               {"help", Json{{"text", std::string(r.info->explanation)},
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
        Json artifact = ArtifactLocation(d.file->path(), options_);
        Json phys{{"artifactLocation", artifact}};
        if (!region.empty()) {
          phys["region"] = region;
        }
        res["locations"] = Json::array({Json{{"physicalLocation", phys}}});
        res["partialFingerprints"] =
            Json{{"irtcp/v1", Fingerprint(d, artifact["uri"].get<std::string>())}};
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
             {"invocations", Json::array({Invocation(summary)})},
             {"columnKind", "unicodeCodePoints"},
             {"results", results}};
    if (!options_.source_root.empty()) {
      std::string root = std::filesystem::path(options_.source_root).lexically_normal().string();
      if (root.empty() || root.back() != '/') {
        root += '/';
      }
      run["originalUriBaseIds"] = Json{{kSrcRoot, Json{{"uri", "file://" + EncodeUri(root)}}}};
    }
    Json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Json::array({run})}};
    out_ << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  /// Inputs that could not be read are tool notifications: the run did not check them.
  static Json Invocation(const Summary& summary) {
    Json notes = Json::array();
    for (const std::string& e : summary.errors) {
      notes.push_back(Json{{"level", "error"}, {"message", Json{{"text", e}}}});
    }
    Json inv{{"executionSuccessful", summary.errors.empty()},
             {"properties", Json{{"traefikVersion", summary.traefik_version}}}};
    if (!notes.empty()) {
      inv["toolExecutionNotifications"] = std::move(notes);
    }
    return inv;
  }

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
