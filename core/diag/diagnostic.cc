#include "core/diag/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace irtcp::diag {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  if (text == "error") {
    return Severity::kError;
  }
  if (text == "warning") {
    return Severity::kWarning;
  }
  if (text == "info") {
    return Severity::kInfo;
  }
  return std::nullopt;
}

Diagnostic& DiagnosticSink::Report(const RuleInfo& rule, source::SourceFilePtr file,
                                   source::Location loc, std::string message) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.default_severity;
  d.message = std::move(message);
  d.file = std::move(file);
  d.location = loc;
  d.end_offset = loc.offset;
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

void DiagnosticSink::Sort() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     std::string_view pa = a.file ? std::string_view(a.file->path()) : "";
                     std::string_view pb = b.file ? std::string_view(b.file->path()) : "";
                     std::string_view ca = a.code();
                     std::string_view cb = b.code();
                     return std::tie(pa, a.location.line, a.location.column, ca) <
                            std::tie(pb, b.location.line, b.location.column, cb);
                   });
}

std::string Shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      if (chars == max_chars) {
        return std::string(text.substr(0, i)) + "…";
      }
      ++chars;
    }
  }
  return std::string(text);
}

}  // namespace irtcp::diag
