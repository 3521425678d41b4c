#include "core/rule_lang/go_regexp.h"

#include <re2/re2.h>

#include <vector>

#include "core/rule_lang/text_util.h"

namespace irtcp::rule_lang {

namespace {

std::string_view GoRegexpCode(re2::RE2::ErrorCode code) {
  switch (code) {
    case re2::RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case re2::RE2::ErrorBadCharClass:
      return "invalid character class";
    case re2::RE2::ErrorBadCharRange:
      return "invalid character class range";
    case re2::RE2::ErrorMissingBracket:
      return "missing closing ]";
    case re2::RE2::ErrorMissingParen:
      return "missing closing )";
    case re2::RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case re2::RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case re2::RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case re2::RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case re2::RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case re2::RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case re2::RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case re2::RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case re2::RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "regexp/syntax: internal error";
  }
}

// Rewrites Go-only syntax for RE2: `(?<name>` -> `(?P<name>`. Returns false (with the Go error)
// for `\C`, which RE2 accepts and Go rejects.
bool TranslateGoRegexp(std::string_view p, std::string* out, std::string* go_error) {
  out->clear();
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size()) {
        if (p[i + 1] == 'C' && !in_class) {
          *go_error = "error parsing regexp: invalid escape sequence: `\\C`";
          return false;
        }
        if (p[i + 1] == 'Q' && !in_class) {
          // \Q...\E: copy verbatim.
          std::size_t e = p.find("\\E", i + 2);
          std::size_t stop = e == std::string_view::npos ? p.size() : e + 2;
          out->append(p.substr(i, stop - i));
          i = stop - 1;
          continue;
        }
        out->push_back(c);
        out->push_back(p[i + 1]);
        ++i;
        continue;
      }
      out->push_back(c);
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {
        std::size_t e = p.find(":]", i + 2);
        if (e != std::string_view::npos) {
          out->append(p.substr(i, e + 2 - i));
          i = e + 1;
          continue;
        }
      }
      if (c == ']') {
        in_class = false;
      }
      out->push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out->push_back(c);
      // A ']' right after '[' or '[^' is literal.
      if (i + 1 < p.size() && p[i + 1] == '^') {
        out->push_back('^');
        ++i;
      }
      if (i + 1 < p.size() && p[i + 1] == ']') {
        out->push_back(']');
        ++i;
      }
      // POSIX classes like [[:alpha:]] are handled by the generic loop: '[' inside a class is
      // literal except for "[:", which we skip as a unit.
      continue;
    }
    if (c == '(' && p.substr(i, 3) == "(?<" && i + 3 < p.size() && p[i + 3] != '=' &&
        p[i + 3] != '!') {
      out->append("(?P<");
      i += 2;
      continue;
    }
    out->push_back(c);
  }
  return true;
}

}  // namespace

std::shared_ptr<const re2::RE2> CompileGoRegexp(std::string_view pattern, std::string* go_error) {
  std::string translated;
  if (!TranslateGoRegexp(pattern, &translated, go_error)) {
    return nullptr;
  }
  re2::RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(translated, opts);
  if (!re->ok()) {
    *go_error = "error parsing regexp: " + std::string(GoRegexpCode(re->error_code())) + ": `" +
                re->error_arg() + "`";
    return nullptr;
  }
  return re;
}

std::optional<std::string> PrepareV2Pattern(std::string_view tmpl, std::string* err) {
  // braceIndices
  std::vector<std::size_t> idxs;
  int level = 0;
  std::size_t idx = 0;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      if (++level == 1) {
        idx = i;
      }
    } else if (tmpl[i] == '}') {
      if (--level == 0) {
        idxs.push_back(idx);
        idxs.push_back(i + 1);
      } else if (level < 0) {
        *err = "mux: unbalanced braces in " + GoQuote(tmpl);
        return std::nullopt;
      }
    }
  }
  if (level != 0) {
    *err = "mux: unbalanced braces in " + GoQuote(tmpl);
    return std::nullopt;
  }
  std::string pattern = "(?i)^";
  std::size_t end = 0;
  for (std::size_t i = 0; i < idxs.size(); i += 2) {
    std::string_view raw = tmpl.substr(end, idxs[i] - end);
    end = idxs[i + 1];
    std::string_view inner = tmpl.substr(idxs[i] + 1, end - 1 - (idxs[i] + 1));
    std::size_t colon = inner.find(':');
    std::string_view name = inner.substr(0, colon);
    std::string_view patt = "[^.]+";
    if (colon != std::string_view::npos) {
      patt = inner.substr(colon + 1);
    }
    if (name.empty() || patt.empty()) {
      *err = "mux: missing name or pattern in " + GoQuote(tmpl.substr(idxs[i], end - idxs[i]));
      return std::nullopt;
    }
    pattern += QuoteMeta(raw);
    pattern += "(?P<v" + std::to_string(i / 2) + ">";
    pattern.append(patt);
    pattern += ")";
  }
  pattern += QuoteMeta(tmpl.substr(end));
  pattern += "$";
  return pattern;
}

}  // namespace irtcp::rule_lang
