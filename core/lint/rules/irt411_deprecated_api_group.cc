#include "core/lint/support/finding.h"
#include "core/lint/support/provider_rules.h"

namespace irtcp::lint {

const diag::RuleInfo kDeprecatedApiGroup{
    "IRT411",
    "deprecated-api-group",
    "an object in the traefik.containo.us API group, deprecated in Traefik v2 and gone in v3",
    R"md(## What it does
On Traefik 2.10 and 2.11 (`--traefik-version 2.10|2.11`), reports Traefik objects whose
`apiVersion` is `traefik.containo.us/v1alpha1`. Those versions still watch the group (Traefik logs
`CRDs API Group "traefik.containo.us" is deprecated`), so the object is live and irtcp checks it
like any other. When a `traefik.io` object of the same kind has the same namespace and name, the
legacy one is ignored, and the message says so.

## Why is this bad?
Traefik v3 does not watch `traefik.containo.us`: on upgrade these objects are ignored without a
log line and their routes disappear (IRT404 on v3).

## How to fix
Change `apiVersion` to `traefik.io/v1alpha1` (the schemas are identical on 2.10 and 2.11).

## Fix safety
The fix rewrites the `apiVersion`. It is **safe** on 2.10/2.11, which read both groups with the
same schema, so routing stays the same; it is unsafe when a `traefik.io` object of the same name
exists (then the legacy object was ignored and the rewrite would replace the other one).
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kAlways};

void CheckDeprecatedApiGroup(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  if (ctx.options.traefik_version.AtLeast(3, 0)) {
    return;  // IRT404 on v3
  }
  for (const model::Object& o : ctx.input.objects()) {
    if (!o.legacy_group) {
      continue;
    }
    const model::Object* listed = ctx.input.Find(o.kind, o.namespace_, o.name);
    const bool shadowed = listed != nullptr && listed != &o && !listed->legacy_group;
    yaml::NodeId av = o.doc->Get(o.node, "apiVersion");
    std::string message = o.kind_name + " " + o.namespace_ + "/" + o.name +
                          " uses the deprecated API group traefik.containo.us, which Traefik v3 "
                          "no longer watches";
    if (shadowed) {
      message += "; Traefik " + ctx.options.traefik_version.Line() +
                 " ignores it already, because a traefik.io/v1alpha1 " + o.kind_name +
                 " of the same name exists";
    }
    diag::Diagnostic& d =
        ReportAt(sink, kDeprecatedApiGroup, o, av, o.loc(), o.path_prefix + "/apiVersion", message);
    d.help = "use apiVersion: traefik.io/v1alpha1 before upgrading to Traefik v3";
    if (av != yaml::kNoNode) {
      d.fix = ApiGroupFix(*o.doc, av,
                          shadowed ? diag::Applicability::kUnsafe : diag::Applicability::kSafe);
    }
  }
}

}  // namespace irtcp::lint
