// Go's regexp dialect on RE2 (HostSNIRegexp patterns), and v2's HostSNIRegexp templates.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}  // namespace re2

namespace irtcp::rule_lang {

/// Compiles a Go (RE2) regexp: `(?<name>` is accepted as `(?P<name>` and `\C` is rejected, as
/// Go does. On failure `*go_error` is Go's text, e.g. "error parsing regexp: missing closing ):
/// `(a`".
std::shared_ptr<const re2::RE2> CompileGoRegexp(std::string_view pattern, std::string* go_error);

/// v2's HostSNIRegexp template -> Go regexp ("(?i)^...(?P<v0>pattern)...$"). On failure sets
/// `*err` to "mux: unbalanced braces in \"t\"" / "mux: missing name or pattern in \"{...}\"".
std::optional<std::string> PrepareV2Pattern(std::string_view tmpl, std::string* err);

}  // namespace irtcp::rule_lang
