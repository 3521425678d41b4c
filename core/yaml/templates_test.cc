#include "core/yaml/templates.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::yaml {
namespace {

struct TemplateCase {
  const char* name;
  std::string text;
  TemplateKind want;
  std::uint32_t offset = 0;  ///< checked when want != kNone
};

class DetectTemplateTest : public ::testing::TestWithParam<TemplateCase> {};

TEST_P(DetectTemplateTest, Kind) {
  const TemplateCase& c = GetParam();
  std::uint32_t at = 0;
  EXPECT_EQ(DetectTemplate(c.text, &at), c.want) << c.text;
  if (c.want != TemplateKind::kNone) {
    EXPECT_EQ(at, c.offset) << c.text;
  }
}

const TemplateCase kCases[] = {
    // Helm (unchanged detection).
    {"HelmValues", "name: {{ .Values.x }}", TemplateKind::kHelm, 6},
    {"HelmIf", "{{- if .Values.enabled }}\n", TemplateKind::kHelm, 0},
    {"HelmQuoted", "name: \"{{ .Release.Name }}\"", TemplateKind::kHelm, 7},
    // Jinja / Ansible.
    {"JinjaPlainValue", "metadata:\n  name: {{ app_name }}\n", TemplateKind::kJinja, 18},
    {"JinjaInsidePlainScalar", "match: HostSNI(`{{ host }}`)\n", TemplateKind::kJinja, 16},
    {"JinjaFilter", "port: {{ db_port | int }}\n", TemplateKind::kJinja, 6},
    {"JinjaAttribute", "name: {{ item.name }}-db\n", TemplateKind::kJinja, 6},
    {"JinjaWhitespaceControl", "name: {{- name -}}\n", TemplateKind::kJinja, 6},
    {"JinjaStatement", "{% if tls %}\ntls: {}\n{% endif %}\n", TemplateKind::kJinja, 0},
    {"JinjaStatementTrim", "routes:\n{%- for r in routes %}\n", TemplateKind::kJinja, 8},
    {"JinjaQuotedIsYaml", "name: \"{{ app_name }}\"\n", TemplateKind::kNone},
    {"JinjaSingleQuotedIsYaml", "name: '{{ app_name }}'\n", TemplateKind::kNone},
    {"GoTemplateProse", "description: \"use {{ and }} in Go templates\"", TemplateKind::kNone},
    {"ProseKeyword", "note: {{ and }}\n", TemplateKind::kNone},
    {"UnclosedBraces", "name: {{ app_name\n", TemplateKind::kNone},
    {"JinjaInComment", "# name: {{ app_name }}\nname: db\n", TemplateKind::kNone},
    {"JinjaAfterComment", "name: db # {{ app_name }}\n", TemplateKind::kNone},
    {"JinjaInBlockScalar", "data:\n  tmpl: |\n    Hello {{ user }}\n    {% if x %}\n  other: 1\n",
     TemplateKind::kNone},
    {"JinjaAfterBlockScalar", "data:\n  tmpl: |-\n    Hello {{ user }}\nname: {{ n }}\n",
     TemplateKind::kJinja, 44},
    // Terraform templatefile / envsubst.
    {"TerraformPlain", "name: ${name}\n", TemplateKind::kTerraform, 6},
    {"TerraformVar", "match: HostSNI(`${var.host}`)\n", TemplateKind::kTerraform, 16},
    {"TerraformSpaces", "port: ${ port }\n", TemplateKind::kTerraform, 6},
    {"TerraformDirective", "%{ if tls ~}\ntls: {}\n%{ endif ~}\n", TemplateKind::kTerraform, 0},
    {"TerraformForDirective", "routes:\n%{~ for r in routes ~}\n", TemplateKind::kTerraform, 8},
    {"TerraformEscaped", "name: $${literal}\n", TemplateKind::kNone},
    {"TerraformQuotedIsYaml", "args: [\"echo ${HOME}\"]\n", TemplateKind::kNone},
    {"ShellInBlockScalar", "data:\n  run.sh: |\n    echo ${HOME}\n    %{ if x }\n",
     TemplateKind::kNone},
    {"DollarWithoutBrace", "price: $5 {x}\n", TemplateKind::kNone},
    {"PercentInValue", "ratio: 50%{x}\n", TemplateKind::kNone},
    {"PlainYaml", "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata: {name: db}\n",
     TemplateKind::kNone},
    {"FlowMappingIsYaml", "spec: {tls: {}}\n", TemplateKind::kNone},
};

INSTANTIATE_TEST_SUITE_P(Templates, DetectTemplateTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<TemplateCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(DetectTemplate, KindNames) {
  EXPECT_EQ(TemplateKindName(TemplateKind::kJinja), "Jinja");
  EXPECT_EQ(TemplateKindName(TemplateKind::kTerraform), "Terraform");
  EXPECT_EQ(TemplateKindName(TemplateKind::kNone), "");
}

}  // namespace
}  // namespace irtcp::yaml
