#include "core/lint/rules/provider_rules.h"
#include "core/lint/rules/reference_index.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsOptionMissing{
    "IRT205",
    "tls-option-missing",
    "tls.options resolves to a name under which no TLSOption is registered",
    R"md(## What it does
Resolves `spec.tls.options` as Traefik does (`Normalize(<namespace>-<name>)`) and compares it
with the names TLSOptions are registered under, which are NOT normalised (`<namespace>-<name>`,
or just `default` for a TLSOption named `default`). Reports references that match none, and
explains the two traps: a TLSOption whose name contains `.` or repeated `-` (registered as
`default-my.opts`, referenced as `default-my-opts`), and a reference to the TLSOption named
`default` (it resolves to `<namespace>-default`, while the option is registered as `default`).

Runs when the input holds a TLSOption in the target namespace, or with `--strict-references`.

## Why is this bad?
At runtime the router gets `unknown TLS options` and Traefik closes every TLS connection on it.

## How to fix
Create the TLSOption, or rename it to a name made of letters, digits and single dashes. To use
the `default` TLSOption, leave `tls.options` out.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckTlsOptionMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  for (const model::IngressRouteTCP* irt : env.ProcessedRoutes()) {
    if (!irt->tls.present || !irt->tls.value.options.present) {
      continue;
    }
    const model::ObjectRef& ref = irt->tls.value.options.value;
    if (!ref.name.present || ref.name.value.empty()) {
      continue;
    }
    resolve::RefResolution r = resolve::ResolveObjectRef(irt->object->namespace_, ref.name.value,
                                                         ref.ns.Or(""), env.provider());
    if (!r.error.empty()) {
      continue;  // IRT401 / IRT402
    }
    std::string key = r.key;
    if (r.cross_provider) {
      std::size_t at = key.find('@');
      if (key.substr(at) != "@kubernetescrd") {
        continue;
      }
      key.resize(at);
    } else if (!env.ChecksReferences(model::Kind::kTLSOption, r.ns)) {
      continue;
    }
    const ReferenceIndex& index = ctx.Shared<ReferenceIndex>();
    if (index.tls_option_keys.contains(key)) {
      continue;
    }
    auto same = index.tls_options_by_name.find(r.ns + "/" + ref.name.value);
    const model::TLSOption* same_name =
        same == index.tls_options_by_name.end() ? nullptr : same->second;
    std::string message = "tls.options resolves to \"" + key + "\"";
    std::string help;
    if (same_name != nullptr) {
      message += ", but TLSOption " + r.ns + "/" + ref.name.value + " is registered as \"" +
                 TlsOptionKey(*same_name->object) + "\"";
      help = ref.name.value == "default"
                 ? "leave tls.options out to use the default TLSOption"
                 : "rename the TLSOption to letters, digits and single dashes";
    } else {
      message += ", and no TLSOption in the input is registered under that name";
    }
    message += "; Traefik closes TLS connections on these routers (unknown TLS options)";
    diag::Diagnostic& d = resolve::ReportAt(sink, kTlsOptionMissing, *irt->object, ref.name.node,
                                            ref.loc, ref.path + "/name", message);
    d.help = help;
  }
}

}  // namespace irtcp::lint
