#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kPassthroughWithTlsSettings{
    "IRT201",
    "passthrough-with-tls-settings",
    "tls.passthrough with secretName, options or certResolver, which passthrough ignores",
    R"md(## What it does
Reports `spec.tls.secretName`, `spec.tls.options` and `spec.tls.certResolver` next to
`spec.tls.passthrough: true`.

## Why is this bad?
With passthrough Traefik does not terminate TLS: the backend sees the client's handshake. The
certificate is never loaded, and TLS options and ACME certificates are never used for these
connections. The settings suggest the author expected Traefik to terminate TLS.

## How to fix
Remove the settings, or remove `passthrough: true` if Traefik should terminate TLS.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckPassthroughWithTlsSettings(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    if (!irt.tls.present || !irt.tls.value.passthrough.Or(false)) {
      continue;
    }
    const model::RouteTls& tls = irt.tls.value;
    std::string base = irt.object->path_prefix + "/spec/tls/";
    auto report = [&](yaml::NodeId node, source::Location loc, std::string_view key,
                      std::string_view effect) {
      ReportAt(sink, kPassthroughWithTlsSettings, *irt.object, node, loc, base + std::string(key),
               "tls." + std::string(key) + " is ignored with passthrough: true (" +
                   std::string(effect) + ")");
    };
    if (tls.secret_name.present && !tls.secret_name.value.empty()) {
      report(tls.secret_name.node, tls.secret_name.loc, "secretName",
             "Traefik does not terminate TLS and never loads the certificate");
    }
    if (tls.options.present) {
      report(tls.options.node, tls.options.loc, "options", "no TLS handshake happens in Traefik");
    }
    if (tls.cert_resolver.present && !tls.cert_resolver.value.empty()) {
      report(tls.cert_resolver.node, tls.cert_resolver.loc, "certResolver",
             "the backend presents its own certificate");
    }
  }
}

}  // namespace irtcp::lint
