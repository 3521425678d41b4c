#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kIpWhiteList{"IRT405",
                                  "ip-white-list",
                                  "a MiddlewareTCP uses the deprecated ipWhiteList",
                                  R"md(## What it does
Reports `spec.ipWhiteList` in a MiddlewareTCP.

## Why is this bad?
`ipWhiteList` is deprecated since Traefik v2.11 in favour of `ipAllowList`, which has the same
`sourceRange` field and the same behaviour; a future release will drop the old name.

## How to fix
Rename `ipWhiteList` to `ipAllowList`.

## Fix safety
The fix renames the key and is **safe**: both spellings configure the same middleware. It is
offered only when the object has no `ipAllowList` already.
)md",
                                  diag::Severity::kWarning,
                                  diag::FixAvailability::kSometimes};

void CheckIpWhiteList(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  if (!ctx.options.traefik_version.AtLeast(2, 11)) {
    return;  // Traefik 2.10 has only ipWhiteList: nothing to migrate to
  }
  const ProviderView& env = ctx.Shared<ProviderView>();
  for (const model::MiddlewareTCP& mw : env.catalog().middleware_tcps()) {
    if (!mw.ip_white_list.present && !mw.ip_white_list.invalid) {
      continue;
    }
    const yaml::Document& doc = *mw.object->doc;
    yaml::NodeId spec = doc.Get(mw.object->node, "spec");
    yaml::NodeId key = doc.GetKey(spec, "ipWhiteList");
    diag::Diagnostic& d =
        ReportAt(sink, kIpWhiteList, *mw.object, key, mw.ip_white_list.loc,
                 mw.object->path_prefix + "/spec/ipWhiteList",
                 "ipWhiteList is deprecated; use ipAllowList (same sourceRange, same behaviour)");
    if (key != yaml::kNoNode && !mw.ip_allow_list.present && !mw.ip_allow_list.invalid &&
        doc.node(key).style == yaml::ScalarStyle::kPlain) {
      diag::Fix fix;
      fix.description = "Rename ipWhiteList to ipAllowList";
      fix.applicability = diag::Applicability::kSafe;
      fix.edits.push_back({doc.node(key).begin, doc.node(key).end, "ipAllowList"});
      d.fix = std::move(fix);
    }
  }
}

}  // namespace irtcp::lint
