// Findings about manifests: what a rule or the loader reports, with its place in the source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source/location.h"
#include "core/source/source_file.h"

namespace irtcp::diag {

/// Ordered: a finding "at or above" a threshold compares with >=.
enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);
/// Parses "error", "warning", "info" (also "none" -> nullopt-with-ok via `never`).
std::optional<Severity> ParseSeverity(std::string_view text);

/// One byte edit on the original text: replace [begin, end) with `replacement`.
struct Edit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string replacement;
};

enum class Applicability : std::uint8_t { kSafe, kUnsafe };

/// A set of edits that mends one finding. Safe only when Traefik's behaviour stays the same.
struct Fix {
  std::string description;
  Applicability applicability = Applicability::kSafe;
  std::vector<Edit> edits;
};

/// Whether a rule can offer a fix.
enum class FixAvailability : std::uint8_t { kNone, kSometimes, kAlways };

/// Static facts about a finding kind: the registry entry behind a code.
struct RuleInfo {
  std::string_view code;         ///< "IRT104": stable, never reused
  std::string_view name;         ///< "hostsni-without-tls": kebab-case
  std::string_view summary;      ///< one line, lower case, no period
  std::string_view explanation;  ///< markdown: ## What it does / ## Why is this bad? / ## How to
                                 ///< fix / ## Fix safety
  Severity default_severity = Severity::kError;
  FixAvailability fix = FixAvailability::kNone;
};

/// One finding.
struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kError;
  std::string message;
  source::SourceFilePtr file;    ///< may be null for findings about the whole run
  source::Location location;     ///< start of the offending text (line 0: none)
  std::uint32_t end_offset = 0;  ///< byte offset where the offending text ends (for carets)
  std::string json_path;         ///< "/spec/routes/0/match" when known
  /// The object the finding lies in, "IngressRouteTCP default/web" (set by the session once the
  /// checks ran; empty for findings outside any object, such as YAML syntax errors).
  std::string object;
  std::string help;  ///< optional "= help:" line
  std::optional<Fix> fix;

  std::string_view code() const { return rule != nullptr ? rule->code : std::string_view(); }
  std::string_view name() const { return rule != nullptr ? rule->name : std::string_view(); }
};

/// Collects findings. Not thread-safe: one sink per worker, merged afterwards.
class DiagnosticSink {
 public:
  /// Reports a finding with the rule's default severity.
  Diagnostic& Report(const RuleInfo& rule, source::SourceFilePtr file, source::Location loc,
                     std::string message);
  void Add(Diagnostic d) { diagnostics_.push_back(std::move(d)); }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  /// Sorts by (file path, line, column, code) for deterministic output; keeps insertion order
  /// among equal keys.
  void Sort();
  bool empty() const { return diagnostics_.empty(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Shortens a value for use in a message: at most `max_chars` characters, with "…" appended.
std::string Shorten(std::string_view text, std::size_t max_chars = 80);

}  // namespace irtcp::diag
