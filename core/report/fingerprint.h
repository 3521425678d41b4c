// A finding's identity across runs: what SARIF's partialFingerprints carry.
#pragma once

#include <string>
#include <string_view>

#include "core/diag/diagnostic.h"

namespace irtcp::report {

/// 16 hex digits from the finding's code, file, object and JSON path, but not its line: the
/// fingerprint survives edits elsewhere in the file. Findings outside any object (YAML syntax
/// errors) add their message instead. `file` is the path as the output names it.
std::string Fingerprint(const diag::Diagnostic& d, std::string_view file);

}  // namespace irtcp::report
