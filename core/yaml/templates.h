// Unrendered templates: files that are not YAML until a template engine renders them. They are
// skipped with a note (IRT009) instead of being reported as YAML, schema and rule errors.
#pragma once

#include <cstdint>
#include <string_view>

namespace irtcp::yaml {

enum class TemplateKind : std::uint8_t {
  kNone,
  kHelm,       ///< Go templates: `{{ .Values.x }}`, `{{- if … }}`, `{{ include … }}`
  kJinja,      ///< Jinja2 / Ansible: `{{ var }}` in a plain scalar, `{% if … %}`
  kTerraform,  ///< Terraform templatefile / envsubst: `${var}` in a plain scalar, `%{ if … }`
};

/// "Helm", "Jinja", "Terraform" ("" for kNone).
std::string_view TemplateKindName(TemplateKind kind);

/// The template engine whose syntax `text` uses, and in `*offset` (when given) the byte offset
/// of the first template construct. Helm actions count anywhere; Jinja `{{ var }}` and Terraform
/// `${var}` only in plain (unquoted) scalars, where they are not valid YAML or change what it
/// means; block scalars (`|`, `>`: scripts, embedded configuration) and comments are ignored for
/// Jinja and Terraform.
TemplateKind DetectTemplate(std::string_view text, std::uint32_t* offset);

}  // namespace irtcp::yaml
