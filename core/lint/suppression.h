// Suppressions written in the manifests: the object annotation `irtcp.io/ignore: "IRT104,IRT201"`
// (codes, prefixes, names or `all`, with an optional `irtcp.io/ignore-reason`) and the YAML
// comment `# irtcp: ignore IRT104 -- reason` on a finding's line or the line above. A suppression
// that suppresses nothing is reported as IRT901, so suppressions do not rot.
#pragma once

#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/lint/selection.h"
#include "core/model/object.h"

namespace irtcp::lint {

inline constexpr std::string_view kIgnoreAnnotation = "irtcp.io/ignore";
inline constexpr std::string_view kIgnoreReasonAnnotation = "irtcp.io/ignore-reason";

/// A finding a suppression silenced, and why.
struct SuppressedFinding {
  diag::Diagnostic finding;
  std::string justification;  ///< the reason written with it ("" when none)
};

/// Moves the findings that a suppression in `input` covers from `findings` to the result, and
/// appends an IRT901 finding (at `selection`'s severity, unless it turns IRT901 off) to
/// `findings` for each suppression entry that covered nothing. Entries naming only codes that
/// `selection` turns off are not reported: they cannot be used in this run. IRT001 cannot be
/// suppressed.
std::vector<SuppressedFinding> ApplySuppressions(const model::InputSet& input,
                                                 const RuleSelection& selection,
                                                 std::vector<diag::Diagnostic>& findings);

extern const diag::RuleInfo kUnusedSuppression;  // IRT901

}  // namespace irtcp::lint
