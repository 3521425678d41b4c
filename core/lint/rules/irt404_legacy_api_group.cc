#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kLegacyApiGroup{
    "IRT404",
    "legacy-api-group",
    "an object in the removed traefik.containo.us API group (ignored by Traefik v3)",
    R"md(## What it does
Reports Traefik objects whose `apiVersion` is `traefik.containo.us/v1alpha1` when the selected
Traefik is v3 (`--traefik-version` 3.0 or later, the default). On Traefik 2.10 and 2.11, which
still watch the group, IRT411 (deprecated-api-group) reports them instead.

## Why is this bad?
The group was deprecated in Traefik v2.10 and removed in v3.0: v3 does not watch it, so these
objects are ignored without a single log line. Routes simply do not exist.

## How to fix
Change `apiVersion` to `traefik.io/v1alpha1` (and install the `traefik.io` CRDs).

## Fix safety
The fix rewrites the `apiVersion`. It is **unsafe**: it makes an object that Traefik ignores
today live, which changes routing.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kAlways};

void CheckLegacyApiGroup(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  if (!ctx.options.traefik_version.AtLeast(3, 0)) {
    return;  // IRT411 on v2
  }
  for (const model::Object& o : ctx.input.objects()) {
    if (!o.legacy_group) {
      continue;
    }
    const yaml::Document& doc = *o.doc;
    yaml::NodeId av = doc.Get(o.node, "apiVersion");
    diag::Diagnostic& d =
        ReportAt(sink, kLegacyApiGroup, o, av, o.loc(), o.path_prefix + "/apiVersion",
                 o.kind_name + " " + o.namespace_ + "/" + o.name +
                     " uses the removed API group traefik.containo.us: Traefik " +
                     ctx.options.traefik_version.Line() + " ignores it silently");
    d.help = "use apiVersion: traefik.io/v1alpha1";
    if (av != yaml::kNoNode) {
      d.fix = ApiGroupFix(doc, av, diag::Applicability::kUnsafe);
    }
  }
}

}  // namespace irtcp::lint
