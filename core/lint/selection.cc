#include "core/lint/selection.h"

#include <algorithm>

#include "core/lint/registry.h"

namespace irtcp::lint {

namespace {

constexpr std::string_view kAlwaysShown = "IRT001";

bool IsCodePrefix(std::string_view s) {
  if (!s.starts_with("IRT")) {
    return false;
  }
  return std::all_of(s.begin() + 3, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Glob match with `*`/`?` (not across `/`) and `**` (across `/`).
bool GlobMatch(std::string_view pattern, std::string_view text) {
  while (!pattern.empty()) {
    if (pattern.starts_with("**")) {
      pattern.remove_prefix(2);
      if (pattern.starts_with('/')) {
        // "**/x" also matches "x" at this level.
        if (GlobMatch(pattern.substr(1), text)) {
          return true;
        }
      }
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (GlobMatch(pattern, text.substr(i))) {
          return true;
        }
      }
      return false;
    }
    if (pattern.front() == '*') {
      pattern.remove_prefix(1);
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (GlobMatch(pattern, text.substr(i))) {
          return true;
        }
        if (i < text.size() && text[i] == '/') {
          break;
        }
      }
      return false;
    }
    if (text.empty()) {
      return false;
    }
    if (pattern.front() == '?' ? text.front() == '/' : pattern.front() != text.front()) {
      return false;
    }
    pattern.remove_prefix(1);
    text.remove_prefix(1);
  }
  return text.empty();
}

std::string_view StripDotSlash(std::string_view s) {
  while (s.starts_with("./")) {
    s.remove_prefix(2);
    while (s.starts_with('/')) {
      s.remove_prefix(1);
    }
  }
  return s;
}

}  // namespace

std::vector<const diag::RuleInfo*> ResolveSelector(std::string_view selector, std::string* err) {
  std::vector<const diag::RuleInfo*> out;
  if (selector == "all" || selector == "ALL") {
    for (const Rule& r : AllRules()) {
      out.push_back(r.info);
    }
    return out;
  }
  if (const diag::RuleInfo* info = FindRule(selector)) {
    out.push_back(info);
    return out;
  }
  if (IsCodePrefix(selector)) {
    for (const Rule& r : AllRules()) {
      if (r.info->code.starts_with(selector)) {
        out.push_back(r.info);
      }
    }
  }
  if (out.empty()) {
    *err = "unknown rule code or name \"" + std::string(selector) + "\"";
    std::string_view suggestion = SuggestRule(selector);
    if (!suggestion.empty()) {
      *err += " (did you mean " + std::string(suggestion) + "?)";
    }
  }
  return out;
}

bool ParseSeverityLevel(std::string_view text, std::optional<diag::Severity>* level) {
  if (text == "off") {
    *level = std::nullopt;
    return true;
  }
  std::optional<diag::Severity> s = diag::ParseSeverity(text);
  if (!s.has_value()) {
    return false;
  }
  *level = s;
  return true;
}

bool SplitSeverityAssignment(std::string_view text, std::pair<std::string, std::string>* out,
                             std::string* err) {
  std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    *err = "expected CODE=LEVEL (e.g. IRT104=warning), got \"" + std::string(text) + "\"";
    return false;
  }
  out->first = std::string(text.substr(0, eq));
  out->second = std::string(text.substr(eq + 1));
  return true;
}

bool RuleSelection::Compile(const SelectionSpec& spec, RuleSelection* out, std::string* err) {
  err->clear();
  std::vector<std::string_view> selected;
  bool select_all = spec.select.empty();
  for (const std::string& s : spec.select) {
    for (const diag::RuleInfo* info : ResolveSelector(s, err)) {
      selected.push_back(info->code);
    }
    if (!err->empty()) {
      *err = "select: " + *err;
      return false;
    }
  }
  std::vector<std::string_view> ignored;
  for (const std::string& s : spec.ignore) {
    for (const diag::RuleInfo* info : ResolveSelector(s, err)) {
      ignored.push_back(info->code);
    }
    if (!err->empty()) {
      *err = "ignore: " + *err;
      return false;
    }
  }
  struct Level {
    std::string_view code;
    std::optional<diag::Severity> level;
  };
  std::vector<Level> levels;
  for (const auto& [selector, level_text] : spec.severity) {
    std::optional<diag::Severity> level;
    if (!ParseSeverityLevel(level_text, &level)) {
      *err = "severity: invalid level \"";
      *err += level_text;
      *err += "\" for ";
      *err += selector;
      *err += " (use error, warning, info or off)";
      return false;
    }
    for (const diag::RuleInfo* info : ResolveSelector(selector, err)) {
      levels.push_back({info->code, level});
    }
    if (!err->empty()) {
      *err = "severity: " + *err;
      return false;
    }
  }
  auto contains = [](const std::vector<std::string_view>& v, std::string_view code) {
    return std::find(v.begin(), v.end(), code) != v.end();
  };
  RuleSelection result;
  for (const Rule& r : AllRules()) {
    const std::string_view code = r.info->code;
    Override o;
    o.code = code;
    o.off = (!select_all && !contains(selected, code)) || contains(ignored, code);
    for (const Level& l : levels) {  // later entries win
      if (l.code == code) {
        o.off = o.off || !l.level.has_value();
        o.severity = l.level;
      }
    }
    if (code == kAlwaysShown) {
      o.off = false;
    }
    if (o.off || o.severity.has_value()) {
      result.overrides_.push_back(o);
    }
  }
  *out = std::move(result);
  return true;
}

const RuleSelection::Override* RuleSelection::Find(std::string_view code) const {
  for (const Override& o : overrides_) {
    if (o.code == code) {
      return &o;
    }
  }
  return nullptr;
}

bool RuleSelection::Enabled(std::string_view code) const {
  const Override* o = Find(code);
  return o == nullptr || !o->off;
}

std::optional<diag::Severity> RuleSelection::Effective(const diag::Diagnostic& d) const {
  const Override* o = Find(d.code());
  if (o == nullptr) {
    return d.severity;
  }
  if (o->off) {
    return std::nullopt;
  }
  return o->severity.value_or(d.severity);
}

void RuleSelection::Apply(std::vector<diag::Diagnostic>& findings) const {
  if (overrides_.empty()) {
    return;
  }
  std::vector<diag::Diagnostic> kept;
  kept.reserve(findings.size());
  for (diag::Diagnostic& d : findings) {
    if (std::optional<diag::Severity> s = Effective(d)) {
      d.severity = *s;
      kept.push_back(std::move(d));
    }
  }
  findings = std::move(kept);
}

bool PathExcluded(std::string_view path, const std::vector<std::string>& globs) {
  path = StripDotSlash(path);
  for (const std::string& raw : globs) {
    std::string_view g = StripDotSlash(raw);
    while (g.size() > 1 && g.ends_with('/')) {
      g.remove_suffix(1);
    }
    if (g.empty()) {
      continue;
    }
    const bool anywhere = g.find('/') == std::string_view::npos;
    // Every component (anywhere) or every leading run of components (a directory excludes what
    // is beneath it).
    std::size_t start = 0;
    while (true) {
      std::size_t slash = path.find('/', start);
      std::string_view piece =
          anywhere ? path.substr(start, slash == std::string_view::npos ? std::string_view::npos
                                                                        : slash - start)
                   : path.substr(0, slash);
      if (GlobMatch(g, piece)) {
        return true;
      }
      if (slash == std::string_view::npos) {
        break;
      }
      start = slash + 1;
    }
  }
  return false;
}

}  // namespace irtcp::lint
