#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kLegacyApiGroup{
    "IRT404",
    "legacy-api-group",
    "an object in the removed traefik.containo.us API group (ignored by Traefik v3)",
    R"md(## What it does
Reports Traefik objects whose `apiVersion` is `traefik.containo.us/v1alpha1`.

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
  for (const model::Object& o : ctx.input.objects()) {
    if (!o.legacy_group) {
      continue;
    }
    const yaml::Document& doc = *o.doc;
    yaml::NodeId av = doc.Get(o.node, "apiVersion");
    diag::Diagnostic& d = ReportAt(
        sink, kLegacyApiGroup, o, av, o.loc(), o.path_prefix + "/apiVersion",
        o.kind_name + " " + o.namespace_ + "/" + o.name +
            " uses the removed API group traefik.containo.us: Traefik v3 ignores it silently");
    d.help = "use apiVersion: traefik.io/v1alpha1";
    if (av != yaml::kNoNode) {
      const yaml::Node& n = doc.node(av);
      diag::Fix fix;
      fix.description = "Change apiVersion to traefik.io/v1alpha1";
      fix.applicability = diag::Applicability::kUnsafe;
      std::string replacement = "traefik.io/v1alpha1";
      if (n.style == yaml::ScalarStyle::kDoubleQuoted) {
        replacement = "\"traefik.io/v1alpha1\"";
      } else if (n.style == yaml::ScalarStyle::kSingleQuoted) {
        replacement = "'traefik.io/v1alpha1'";
      }
      fix.edits.push_back({n.begin, n.end, replacement});
      d.fix = std::move(fix);
    }
  }
}

}  // namespace irtcp::lint
