#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kTlsStoreIgnored{"IRT206",
                                      "tls-store-ignored",
                                      "tls.store on an IngressRouteTCP, which Traefik ignores",
                                      R"md(## What it does
Reports `spec.tls.store` on an IngressRouteTCP when it names a store other than `default`.

## Why is this bad?
Traefik's CRD provider never reads `tls.store` (provider.md §9): TLS connections of the route get
their certificate from the `default` TLS store, whatever the field says. Certificates and the
default certificate of the named TLSStore are not used for this route, so clients may see
another certificate than the author expected.

`store: {name: default}` is not reported: it says what Traefik does anyway.

## How to fix
Remove `tls.store`, and put the certificates in the TLSStore named `default` (or reference the
certificate with `tls.secretName`).

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kWarning,
                                      diag::FixAvailability::kNone};

void CheckTlsStoreIgnored(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    if (!irt.tls.present || !irt.tls.value.store.present) {
      continue;
    }
    const model::ObjectRef& store = irt.tls.value.store.value;
    const std::string name = store.name.Or(std::string());
    if (name == "default") {
      continue;
    }
    ReportAt(sink, kTlsStoreIgnored, *irt.object, irt.tls.value.store.node, irt.tls.value.store.loc,
             irt.object->path_prefix + "/spec/tls/store",
             "tls.store" + (name.empty() ? std::string() : " \"" + diag::Shorten(name) + "\"") +
                 " is ignored: Traefik's provider never reads it, and the route's certificate "
                 "comes from the default TLS store")
        .help =
        "remove tls.store; put the certificate in the TLSStore named default, or use "
        "tls.secretName";
  }
}

}  // namespace irtcp::lint
