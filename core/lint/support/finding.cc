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

}  // namespace irtcp::lint
