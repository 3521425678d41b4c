#include "core/gateway/losses.h"

namespace irtcp::gateway {

namespace {

constexpr diag::FixAvailability kNoFix = diag::FixAvailability::kNone;

}  // namespace

const diag::RuleInfo kUntranslatableMatch{
    "IRT501",
    "untranslatable-match",
    "the route's match cannot be expressed in Gateway API; the route is left out",
    R"md(## What it does
Reported by `irtcp render --to gateway-api` when a route's `match` is not exactly an OR of
`HostSNI` names (TLS routes) or exactly ``HostSNI(`*`)`` (routes without TLS): `ClientIP`, `ALPN`,
`!`, `&&`, a `HostSNIRegexp` other than `^literal$` or `^[a-z0-9-]+\.suffix$`, or a TLS
catch-all (``HostSNI(`*`)`` with `tls`) Gateway API cannot carry.

## Why is this bad?
A TLSRoute selects connections by SNI only and a TCPRoute has no match at all (GEP-2643 lists
other selectors as a non-goal). Dropping the condition would widen who reaches the backend (a
database open to every client), so the route is not emitted; its connections go to whatever
route Gateway API has left (see IRT509).

## How to fix
Keep this IngressRouteTCP on Traefik's CRD provider (both providers can serve one entry point),
or enforce the condition outside Traefik (NetworkPolicy, `loadBalancerSourceRanges`) and then
rewrite the match as plain `HostSNI` names on purpose. `--allow-partial` emits the rest.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kMiddlewareLost{
    "IRT502",
    "middleware-lost",
    "the route uses a MiddlewareTCP, which Gateway API routes cannot carry; the route is left out",
    R"md(## What it does
Reports every route with `middlewares` when translating to Gateway API.

## Why is this bad?
TCPRoute and TLSRoute rules have no `filters`, and Traefik's Gateway provider handles
ExtensionRef filters only for HTTPRoute and GRPCRoute. Dropping an `ipAllowList` opens the route
to every client and dropping `inFlightConn` removes a limit, so the route is not emitted.

## How to fix
Keep the route on the CRD provider, or move the control out of Traefik and remove the
middleware on purpose.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kClientAuthLost{
    "IRT503",
    "client-auth-lost",
    "the route's TLSOption requires client certificates, which Gateway API cannot carry; the "
    "route is left out",
    R"md(## What it does
Reports terminating routes whose `tls.options` name a TLSOption with `clientAuth` that requires
client certificates (`RequireAnyClientCert`, `RequireAndVerifyClientCert`), or a TLSOption the
input does not hold (irtcp cannot tell whether it does).

## Why is this bad?
Traefik's Gateway provider does not read listener `tls.options`; its terminating routers use the
`default` TLSOption. Mutual TLS would silently become one-way TLS: anyone could connect. The
route is not emitted.

## How to fix
Keep the route on the CRD provider, or make the `default` TLSOption require client certificates
(it is global) and then translate.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kTlsOptionLost{
    "IRT504",
    "tls-option-lost",
    "the route's tls.options cannot be carried over; Gateway routers use the default TLSOption",
    R"md(## What it does
Reports terminating routes with `tls.options` (without required client certificates) when
translating to Gateway API. The route is emitted.

## Why is this bad?
The TLS versions, ciphers, curves, ALPN protocols and SNI strictness of the TLSOption are lost:
the Gateway provider's routers use TLSOption `default`. Clients the option refused (TLS 1.2 under
a TLS 1.3-only option) are accepted.

## How to fix
Make the option the `default` TLSOption (global), or keep the route on the CRD provider.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kBackendSettingLost{
    "IRT505",
    "backend-setting-lost",
    "a service setting (serversTransport, tls, proxyProtocol, terminationDelay, nodePortLB) has "
    "no Gateway API equivalent",
    R"md(## What it does
Reports service references whose `serversTransport`, `tls`, `proxyProtocol`,
`terminationDelay` or `nodePortLB` cannot be translated. The route is emitted without them.

## Why is this bad?
There is no ServersTransportTCP in Gateway API, BackendTLSPolicy applies only to HTTPRoute
backends, PROXY protocol is a non-goal of GEP-2643, and the Gateway provider uses EndpointSlices
or the ClusterIP. Backends that expected TLS or a PROXY header get plain bytes.

## How to fix
Point the backendRef at a file-provider service through the Traefik-only escape hatch
(`kind: TraefikService`, `name: svc@file`), or keep the route on the CRD provider.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kExternalNameBackend{
    "IRT506",
    "external-name-backend",
    "the service is of type ExternalName, which Traefik's Gateway provider refuses",
    R"md(## What it does
Reports service references to an ExternalName Service when translating to Gateway API.

## Why is this bad?
Traefik's Gateway provider rejects ExternalName Services ("type ExternalName is not
supported"): the backendRef becomes an empty load balancer that closes its share of connections.

## How to fix
Use a Service with endpoints, or a `TraefikService` `name@file` backendRef.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kCertificateLost{
    "IRT507",
    "certificate-lost",
    "the route's certificate source (default certificate, certResolver, domains) cannot be "
    "carried over",
    R"md(## What it does
Reports terminating routes that rely on Traefik's default certificate (`tls: {}`), on a
`certResolver` or on `tls.domains`. Without a `secretName` the route is left out, because a
Terminate listener needs at least one certificateRef.

## Why is this bad?
Gateway API has no ACME and no default certificate: Terminate listeners need Secrets.

## How to fix
Issue the certificate into a Secret (for example with cert-manager) and name it in
`tls.secretName`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kInvalidGatewayHostname{
    "IRT508",
    "invalid-gateway-hostname",
    "a HostSNI value is not a valid Gateway API hostname (an IP, `_`, a port, upper case)",
    R"md(## What it does
Reports `HostSNI` values that the Gateway API Hostname pattern and CEL rules reject: IP
addresses, names with `_` or a port, or names longer than 253 characters. The name is left out of
the route's hostnames; a route with no name left is not emitted.

## Why is this bad?
Connections with that SNI are no longer routed to this backend.

## How to fix
Use DNS names for SNI routing, or keep the route on the CRD provider.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kTrafficRedirected{
    "IRT509",
    "traffic-redirected",
    "connections a left-out route took now reach another translated route",
    R"md(## What it does
For every route left out of the translation, replays in Traefik's order the connections it won
(its SNIs, ALPN protocols and client addresses) against the translated routes on the same entry
point, through irtcp's model of Traefik's Gateway provider, and reports the route that now
receives them (`related` in the JSON report).

## Why is this bad?
A dropped `ClientIP` route in front of a catch-all, a dropped `&& ALPN` route in front of the
plain `HostSNI` route, a dropped regexp in front of an exact name: connections meant for one
backend reach another one.

## How to fix
Keep both routes on the CRD provider, or change the receiving route so that it no longer covers
these connections.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kEntryPointUntranslatable{
    "IRT510",
    "entry-point-untranslatable",
    "the route's entry point cannot become a Gateway listener (UDP, no port, or a port shared "
    "with another entry point)",
    R"md(## What it does
Reports routes on entry points that a Gateway listener cannot select: Traefik binds a listener
to the first entry point whose address ends in `:<port>`, so UDP addresses, addresses without a
port and ports shared by two entry points cannot be told apart. The route is left out.

## Why is this bad?
The listener would bind to an unspecified entry point.

## How to fix
Give the entry point a port of its own.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kRouteOrderChanges{
    "IRT511",
    "route-order-changes",
    "among the translated routes, another route now wins some of this route's connections",
    R"md(## What it does
Compares, for every SNI the translated routes share on an entry point, the winner in Traefik's
CRD-provider order (priority, default priority = rule length) with the winner under the Gateway
provider, whose routers get the longest hostname minus one per `*` as priority.

## Why is this bad?
An explicit `priority` is not carried over, and the Gateway provider's length-based order can
put a long wildcard route in front of an exact name.

## How to fix
Make the hostnames of the routes disjoint, or accept the new order.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    kNoFix};

const diag::RuleInfo kBehaviourChange{
    "IRT512",
    "behaviour-change",
    "the translation is expressible but Traefik's Gateway provider behaves differently",
    R"md(## What it does
Reports the "≈" rows of the mapping and the runtime changes of the Gateway provider that apply
to the input: wildcard hostnames, weighted backends that now reject their share when broken, a
Secret that now disables the whole listener, the `deny-unknown-host` router on default entry
points, the lost server-first fast path, a passthrough catch-all carried as a TCPRoute, TCP and
TLS listeners on one port, TCPRoutes that tie, routes without `entryPoints`, `nativeLB`, v2
templates, ingress classes.

## Why is this bad?
The translation routes the same connections in the normal case, but fails or orders
differently in the case the message names.

## How to fix
Read the message; most need no change, some need a static-configuration change (`asDefault`).

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    kNoFix};

const diag::RuleInfo kGatewayRequirement{
    "IRT513",
    "gateway-requirement",
    "the translated objects need a setting or permission the CRD provider did not",
    R"md(## What it does
Reports what the cluster needs for the translated objects to work: `experimentalChannel: true`
and the experimental CRDs for TCPRoute, ReferenceGrants for cross-namespace Services and Secrets,
named ports resolved to numbers, router names that change.

## Why is this bad?
Without the setting the objects are accepted by the API server but Traefik ignores them.

## How to fix
Set `providers.kubernetesGateway.experimentalChannel: true`, install the experimental CRDs,
apply the ReferenceGrants, watch every namespace involved.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kInfo,
    kNoFix};

const diag::RuleInfo kUnresolvedBackendPort{
    "IRT514",
    "unresolved-backend-port",
    "a named service port cannot be resolved to a number without the Service; the route is "
    "left out",
    R"md(## What it does
Reports service references with a named `port` whose Service is not in the input.

## Why is this bad?
A Gateway API backendRef port is the Service's port number; a name cannot be written.

## How to fix
Include the Service in the input, or write the port number.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    kNoFix};

const diag::RuleInfo kInactiveRouteSkipped{
    "IRT515",
    "inactive-route-skipped",
    "the route is not active in Traefik today, so it is not translated",
    R"md(## What it does
Reports routes that Traefik's CRD provider or router manager drops (an empty match, a missing
middleware or TLSOption, no valid entry point, a missing service, a router replaced by a route
with the same name).

## Why is this bad?
Translating such a route would add a router that does not exist today.

## How to fix
Fix the route (the validate findings say how) and translate again.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    kNoFix};

}  // namespace irtcp::gateway
