// Placing a finding: at a node of an object, with its JSON pointer and the node's end.
#pragma once

#include <string>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"

namespace irtcp::lint {

/// Reports a finding at a node of `object` (or at `loc` when the node is absent), with its JSON
/// pointer and the node's end for the caret.
diag::Diagnostic& ReportAt(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                           const model::Object& object, yaml::NodeId node, source::Location loc,
                           std::string json_path, std::string message);

/// The fix that rewrites a traefik.containo.us `apiVersion` scalar to traefik.io/v1alpha1,
/// keeping its quoting.
diag::Fix ApiGroupFix(const yaml::Document& doc, yaml::NodeId api_version,
                      diag::Applicability applicability);

}  // namespace irtcp::lint
