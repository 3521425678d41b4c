#include <string>

#include "core/lint/support/rule_lang_support.h"

namespace irtcp::lint {

const diag::RuleInfo kHostSniRegexpUpperCase{
    "IRT121",
    "hostsni-regexp-upper-case",
    "upper-case letters in a v3 HostSNIRegexp without (?i)",
    R"md(## What it does
Under the v3 rule syntax, reports `HostSNIRegexp` patterns with upper-case letters (outside
escapes like `\D`, `\p{Lu}` and group names) and without the `(?i)` flag.

## Why is this bad?
Traefik lower-cases the server name before matching, so an upper-case letter in the pattern
can never match: `^API\.example\.com$` matches nothing.

## How to fix
Write the pattern in lower case, or prefix it with `(?i)`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

namespace {

// Offset of the first upper-case letter that is a literal of the pattern, or npos.
std::size_t FirstUpper(std::string_view p) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && (p[i + 1] == 'p' || p[i + 1] == 'P') && i + 2 < p.size() &&
          p[i + 2] == '{') {
        std::size_t close = p.find('}', i);
        i = close == std::string_view::npos ? p.size() : close;
      } else {
        ++i;  // the escaped character (\D, \S, \W, \A, ...)
      }
      continue;
    }
    if (p.substr(i, 4) == "(?P<" || p.substr(i, 3) == "(?<") {
      std::size_t close = p.find('>', i);
      i = close == std::string_view::npos ? p.size() : close;
      continue;
    }
    if (p.substr(i, 3) == "[[:") {
      std::size_t close = p.find(":]", i);
      i = close == std::string_view::npos ? p.size() : close + 1;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void CheckHostSniRegexpUpperCase(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  ForEachArg(env, rule_lang::Matcher::kHostSniRegexp,
             [&](const RouteMatch& r, const rule_lang::Node&, const rule_lang::Arg& a) {
               if (r.syntax != rule_lang::Syntax::kV3) {
                 return;
               }
               std::size_t flags = a.value.find("(?");
               while (flags != std::string::npos) {
                 std::size_t end = a.value.find_first_of(":)", flags + 2);
                 std::string_view f = std::string_view(a.value).substr(
                     flags + 2, end == std::string::npos ? 0 : end - flags - 2);
                 std::size_t minus = f.find('-');
                 if (f.substr(0, minus).find('i') != std::string_view::npos) {
                   return;  // (?i) somewhere: assume the author meant it
                 }
                 flags = a.value.find("(?", flags + 2);
               }
               std::size_t upper = FirstUpper(a.value);
               if (upper == std::string::npos) {
                 return;
               }
               env.ReportInMatch(sink, kHostSniRegexpUpperCase, r, a.begin, a.end,
                                 std::string("HostSNIRegexp has the upper-case letter '") +
                                     a.value[upper] +
                                     "' without (?i): the server name is lower-cased before "
                                     "matching, so it never matches")
                   .help = "write the pattern in lower case, or prefix it with (?i)";
             });
}

}  // namespace irtcp::lint
