#include "core/lint/support/finding.h"

namespace irtcp::lint {

diag::Diagnostic& ReportAt(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                           const model::Object& object, yaml::NodeId node, source::Location loc,
                           std::string json_path, std::string message) {
  if (node != yaml::kNoNode) {
    loc = object.doc->node(node).loc;
  }
  if (!loc.valid()) {
    loc = object.loc();
  }
  diag::Diagnostic& d = sink.Report(rule, object.doc->file_ptr(), loc, std::move(message));
  if (node != yaml::kNoNode) {
    d.end_offset = object.doc->node(node).end;
  }
  d.json_path = std::move(json_path);
  return d;
}

diag::Fix ApiGroupFix(const yaml::Document& doc, yaml::NodeId api_version,
                      diag::Applicability applicability) {
  const yaml::Node& n = doc.node(api_version);
  diag::Fix fix;
  fix.description = "Change apiVersion to traefik.io/v1alpha1";
  fix.applicability = applicability;
  std::string replacement = "traefik.io/v1alpha1";
  if (n.style == yaml::ScalarStyle::kDoubleQuoted) {
    replacement = "\"traefik.io/v1alpha1\"";
  } else if (n.style == yaml::ScalarStyle::kSingleQuoted) {
    replacement = "'traefik.io/v1alpha1'";
  }
  fix.edits.push_back({n.begin, n.end, replacement});
  return fix;
}

}  // namespace irtcp::lint
