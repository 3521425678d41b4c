#include <map>
#include <string>
#include <tuple>

#include "core/lint/support/finding.h"
#include "core/lint/support/provider_rules.h"

namespace irtcp::lint {

const diag::RuleInfo kDuplicateObject{"IRT022",
                                      "duplicate-object",
                                      "the same object (kind, namespace, name) defined twice",
                                      R"md(## What it does
Reports an object whose kind, API group, namespace and name an earlier object of the input
already has, at the later definition's `metadata.name`. Both definitions are still checked.

## Why is this bad?
Kubernetes holds one object per kind, namespace and name. `kubectl apply` of such input applies
both in turn and the later definition replaces the earlier one, so whatever the earlier one says
(its routes, services, TLS settings) never reaches Traefik. It is usually a copy-paste mistake: a
second route or middleware meant to have a name of its own.

## How to fix
Rename one of the objects, or merge them into one definition.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kWarning,
                                      diag::FixAvailability::kNone};

void CheckDuplicateObject(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  // (kind, legacy API group, namespace, name) -> the latest definition so far.
  std::map<std::tuple<model::Kind, bool, std::string_view, std::string_view>, const model::Object*>
      seen;
  for (const model::Object& o : ctx.input.objects()) {
    if (o.kind == model::Kind::kOther || o.name.empty()) {
      continue;  // generateName objects each get a name of their own
    }
    auto [it, inserted] = seen.try_emplace({o.kind, o.legacy_group, o.namespace_, o.name}, &o);
    if (inserted) {
      continue;
    }
    const model::Object& earlier = *it->second;
    it->second = &o;
    const yaml::Document& doc = *o.doc;
    yaml::NodeId name = doc.Get(doc.Get(o.node, "metadata"), "name");
    std::string where = earlier.file().path() + ":" + std::to_string(earlier.loc().line);
    std::string what =
        o.kind_name + " " + (o.namespace_.empty() ? "" : o.namespace_ + "/") + o.name;
    ReportAt(sink, kDuplicateObject, o, name, doc.node(name).loc, o.path_prefix + "/metadata/name",
             diag::Shorten(what, 120) + " is defined again (first at " + where +
                 "): kubectl apply keeps only this later definition")
        .help = "rename one of the objects, or merge the two definitions";
  }
}

}  // namespace irtcp::lint
