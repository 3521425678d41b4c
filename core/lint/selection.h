// Which finding kinds a run reports and at what severity: --select, --ignore, --severity (and the
// same keys of .irtcp.yaml), plus the path globs of --exclude. Applies to every code, the IRT0xx
// input and schema codes included; only IRT001 (the file cannot be parsed) always shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.h"

namespace irtcp::lint {

/// What the user asked for: selectors are codes ("IRT104"), code prefixes ("IRT1", "IRT"),
/// names ("hostsni-without-tls") or `all`.
struct SelectionSpec {
  std::vector<std::string> select;  ///< empty: every code
  std::vector<std::string> ignore;
  /// Code or name -> error|warning|info|off, in order (a later entry for the same code wins).
  std::vector<std::pair<std::string, std::string>> severity;
};

/// The codes a selector stands for; empty with *err ("unknown rule code or name \"IRT1040\"
/// (did you mean IRT104?)") when it names nothing.
std::vector<const diag::RuleInfo*> ResolveSelector(std::string_view selector, std::string* err);

/// Parses a --severity level: error, warning, info, or off (nullopt in *level). False on anything
/// else.
bool ParseSeverityLevel(std::string_view text, std::optional<diag::Severity>* level);

/// Splits "IRT104=off" into code and level; false with *err when there is no '='.
bool SplitSeverityAssignment(std::string_view text, std::pair<std::string, std::string>* out,
                             std::string* err);

/// A compiled selection: for each registered code, whether it is reported and at which severity.
class RuleSelection {
 public:
  /// Everything on, every severity the rule's own.
  RuleSelection() = default;
  /// Resolves every selector of `spec`; false with *err (naming the first bad entry) on an unknown
  /// code or level.
  static bool Compile(const SelectionSpec& spec, RuleSelection* out, std::string* err);

  /// Whether findings of `code` are reported (IRT001 always is).
  bool Enabled(std::string_view code) const;
  /// The severity `d` is reported with; nullopt when the code is turned off.
  std::optional<diag::Severity> Effective(const diag::Diagnostic& d) const;
  /// Drops findings of codes that are off and re-levels the others, keeping the order.
  void Apply(std::vector<diag::Diagnostic>& findings) const;
  /// True when the selection changes nothing (the default).
  bool IsDefault() const { return overrides_.empty(); }

 private:
  struct Override {
    std::string_view code;
    bool off = false;
    std::optional<diag::Severity> severity;  ///< unset: the finding's own
  };
  const Override* Find(std::string_view code) const;
  std::vector<Override> overrides_;
};

/// Whether `path` (as displayed, "./" prefixes ignored) matches one of the globs. In a glob `*`
/// and `?` match any characters but `/`, `**` matches any characters including `/`, and a glob
/// without `/` is matched against every path component, so `templates` and `*.tmpl.yaml` work
/// anywhere in the tree (like .gitignore).
bool PathExcluded(std::string_view path, const std::vector<std::string>& globs);

}  // namespace irtcp::lint
