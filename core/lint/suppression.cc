#include "core/lint/suppression.h"

#include <algorithm>

#include "core/lint/registry.h"

namespace irtcp::lint {

const diag::RuleInfo kUnusedSuppression{
    "IRT901",
    "unused-suppression",
    "a suppression (irtcp.io/ignore annotation or `# irtcp: ignore` comment) suppresses nothing",
    R"md(## What it does
Reports an entry of an `irtcp.io/ignore` annotation or of an `# irtcp: ignore` comment that
silenced no finding in this run, and an entry that names no known code.

## Why is this bad?
A suppression outlives the problem it was written for: once the manifest is fixed (or the
finding moved), the stale entry would silently hide the next, unrelated finding of that code.
Reporting unused suppressions keeps them honest, like ruff's RUF100.

## How to fix
Remove the code from the annotation or comment (remove the annotation or comment when nothing
is left), or fix the code's spelling. An entry is not reported when its code is turned off for
the run (`--ignore`, `--select`, `severity: off`).

## Fix safety
No fix is offered.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

namespace {

constexpr std::string_view kAlwaysShown = "IRT001";

struct Entry {
  const source::SourceFile* file = nullptr;
  // Annotation: the object's byte range; comment: the lines it covers.
  bool is_comment = false;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string token;  ///< as written
  bool all = false;
  std::vector<const diag::RuleInfo*> rules;
  std::string reason;
  source::Location loc;
  std::uint32_t end_offset = 0;
  bool used = false;
  std::string unknown;  ///< set when the token names no code (with a did-you-mean)
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

/// Splits "IRT104, IRT201 hostsni-without-tls" at commas and blanks.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ',' || text[i] == ' ' || text[i] == '\t')) {
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && text[i] != ',' && text[i] != ' ' && text[i] != '\t') {
      ++i;
    }
    if (i > start) {
      out.push_back(text.substr(start, i - start));
    }
  }
  return out;
}

void Resolve(std::string_view token, Entry& e) {
  e.token = std::string(token);
  if (token == "all") {
    e.all = true;
    return;
  }
  std::string err;
  e.rules = ResolveSelector(token, &err);
  if (e.rules.empty()) {
    e.unknown = err;
  }
}

void AnnotationEntries(const model::InputSet& input, std::vector<Entry>& out) {
  for (const model::Object& obj : input.objects()) {
    const yaml::Document& doc = *obj.doc;
    yaml::NodeId annotations = doc.Get(doc.Get(obj.node, "metadata"), "annotations");
    yaml::NodeId ignore = doc.Get(annotations, kIgnoreAnnotation);
    if (!doc.IsScalar(ignore)) {
      continue;
    }
    std::string reason(doc.GetString(annotations, kIgnoreReasonAnnotation));
    const yaml::Node& node = doc.node(ignore);
    for (std::string_view token : Tokens(doc.Text(ignore))) {
      Entry e;
      e.file = &doc.file();
      e.begin = doc.node(obj.node).begin;
      e.end = doc.node(obj.node).end;
      e.reason = reason;
      e.loc = node.loc;
      e.end_offset = node.end;
      Resolve(token, e);
      out.push_back(std::move(e));
    }
  }
}

void CommentEntries(const source::SourceFile& file, std::vector<Entry>& out) {
  constexpr std::string_view kMarker = "irtcp: ignore";
  if (file.text().find(kMarker) == std::string::npos) {
    return;
  }
  for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.LineText(line);
    std::size_t hash = text.find('#');
    while (hash != std::string_view::npos) {
      std::string_view rest = Trim(text.substr(hash + 1));
      if (rest.starts_with(kMarker) &&
          (rest.size() == kMarker.size() || rest[kMarker.size()] == ' ')) {
        rest.remove_prefix(kMarker.size());
        std::string reason;
        if (std::size_t dashes = rest.find("--"); dashes != std::string_view::npos) {
          reason = std::string(Trim(rest.substr(dashes + 2)));
          rest = rest.substr(0, dashes);
        }
        const std::uint32_t offset = file.LineStart(line) + static_cast<std::uint32_t>(hash);
        for (std::string_view token : Tokens(rest)) {
          Entry e;
          e.file = &file;
          e.is_comment = true;
          e.begin = line;    // the comment's own line (a trailing comment)
          e.end = line + 1;  // and the line below (a comment above the finding)
          e.reason = reason;
          e.loc = file.LocationAt(offset);
          e.end_offset = file.LineStart(line) + static_cast<std::uint32_t>(text.size());
          Resolve(token, e);
          out.push_back(std::move(e));
        }
        break;
      }
      hash = text.find('#', hash + 1);
    }
  }
}

bool Covers(const Entry& e, const diag::Diagnostic& d) {
  if (d.file == nullptr || d.file.get() != e.file || !e.unknown.empty()) {
    return false;
  }
  const bool in_place = e.is_comment ? d.location.line >= e.begin && d.location.line <= e.end
                                     : d.location.offset >= e.begin && d.location.offset < e.end;
  if (!in_place) {
    return false;
  }
  if (e.all) {
    return true;
  }
  return std::any_of(e.rules.begin(), e.rules.end(),
                     [&](const diag::RuleInfo* r) { return r->code == d.code(); });
}

}  // namespace

std::vector<SuppressedFinding> ApplySuppressions(const model::InputSet& input,
                                                 const RuleSelection& selection,
                                                 std::vector<diag::Diagnostic>& findings) {
  std::vector<Entry> entries;
  AnnotationEntries(input, entries);
  for (const source::SourceFilePtr& file : input.files()) {
    CommentEntries(*file, entries);
  }
  std::vector<SuppressedFinding> suppressed;
  if (entries.empty()) {
    return suppressed;
  }
  std::vector<diag::Diagnostic> kept;
  kept.reserve(findings.size());
  for (diag::Diagnostic& d : findings) {
    Entry* by = nullptr;
    if (d.code() != kAlwaysShown && d.code() != kUnusedSuppression.code) {
      // Every covering entry counts as used; a comment's reason wins over the annotation's.
      for (Entry& e : entries) {
        if (Covers(e, d)) {
          e.used = true;
          if (by == nullptr || (e.is_comment && !by->is_comment)) {
            by = &e;
          }
        }
      }
    }
    if (by != nullptr) {
      suppressed.push_back({std::move(d), by->reason});
    } else {
      kept.push_back(std::move(d));
    }
  }
  findings = std::move(kept);
  if (!selection.Enabled(kUnusedSuppression.code)) {
    return suppressed;
  }
  for (const Entry& e : entries) {
    if (e.used) {
      continue;
    }
    const bool all_off =
        !e.rules.empty() && std::none_of(e.rules.begin(), e.rules.end(),
                                         [&](const auto* r) { return selection.Enabled(r->code); });
    if (all_off) {
      continue;
    }
    diag::Diagnostic d;
    d.rule = &kUnusedSuppression;
    d.file = nullptr;
    for (const source::SourceFilePtr& f : input.files()) {
      if (f.get() == e.file) {
        d.file = f;
      }
    }
    d.location = e.loc;
    d.end_offset = e.end_offset;
    const std::string where = e.is_comment ? "comment" : std::string(kIgnoreAnnotation);
    if (!e.unknown.empty()) {
      d.message = "suppression in " + where + " names no finding kind: " + e.unknown;
    } else if (e.all) {
      d.message = "unused suppression: `all` in " + where + " matches no finding";
    } else {
      d.message = "unused suppression: no " + e.token + " finding " +
                  (e.is_comment ? "on this line or the next" : "on this object") + " (in " + where +
                  ")";
    }
    d.help = "remove `" + e.token + "` from the " + where;
    d.severity = kUnusedSuppression.default_severity;
    if (std::optional<diag::Severity> s = selection.Effective(d)) {
      d.severity = *s;
      findings.push_back(std::move(d));
    }
  }
  return suppressed;
}

}  // namespace irtcp::lint
