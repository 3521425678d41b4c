#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"

namespace irtcp::lint {

const diag::RuleInfo kDeprecatedServiceOption{
    "IRT308",
    "deprecated-service-option",
    "proxyProtocol or terminationDelay on a service ref (deprecated for ServersTransportTCP)",
    R"md(## What it does
Reports the deprecated `proxyProtocol` and `terminationDelay` fields of
`spec.routes[].services[]`.

## Why is this bad?
Traefik logs a deprecation warning for each at runtime. Worse:
- `terminationDelay` is documented in milliseconds but Traefik's dialer reads the integer as
  NANOSECONDS (`500` is 500ns), so it has practically no effect;
- with `serversTransport` set, `terminationDelay` is dropped by the provider and `proxyProtocol`
  is ignored at runtime: the transport's settings win.

## How to fix
Move both settings to a ServersTransportTCP (`spec.terminationDelay: 500ms`,
`spec.proxyProtocol.version`) and reference it with `serversTransport`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void CheckDeprecatedServiceOption(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  const version::TraefikVersion& traefik = ctx.options.traefik_version;
  // Service-level proxyProtocol is deprecated (and loses to the transport's) from v3.5.2;
  // terminationDelay is deprecated, and read as nanoseconds, from v3.0; on v2 it is
  // milliseconds and fine (versions.md §0, §6).
  const bool proxy_protocol_deprecated = traefik.AtLeastPatch(3, 5, 2);
  const bool termination_delay_deprecated = traefik.AtLeast(3, 0);
  for (const model::IngressRouteTCP& irt : env.catalog().ingress_route_tcps()) {
    for (const model::Route& route : irt.routes) {
      for (const model::ServiceRef& ref : route.services) {
        bool transport = ref.servers_transport.present && !ref.servers_transport.value.empty();
        if (ref.proxy_protocol.present && proxy_protocol_deprecated) {
          ReportAt(sink, kDeprecatedServiceOption, *irt.object, ref.proxy_protocol.node, ref.loc,
                   ref.path + "/proxyProtocol",
                   transport ? "proxyProtocol is deprecated and ignored here: the "
                               "serversTransport's proxyProtocol wins"
                             : "proxyProtocol on a service ref is deprecated; use a "
                               "ServersTransportTCP");
        }
        if (ref.termination_delay.present && termination_delay_deprecated) {
          std::string message;
          if (transport) {
            message =
                "terminationDelay is deprecated and dropped: this ref sets serversTransport, whose "
                "terminationDelay wins";
          } else {
            std::string v = std::to_string(ref.termination_delay.value);
            message = "terminationDelay is deprecated and read as ";
            message += v;
            message +=
                " NANOSECONDS, not milliseconds; use a ServersTransportTCP (terminationDelay: ";
            message += v;
            message += "ms)";
          }
          ReportAt(sink, kDeprecatedServiceOption, *irt.object, ref.termination_delay.node, ref.loc,
                   ref.path + "/terminationDelay", message);
        }
      }
    }
  }
}

}  // namespace irtcp::lint
