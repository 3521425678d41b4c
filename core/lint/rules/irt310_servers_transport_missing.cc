#include "core/lint/rules/provider_rules.h"
#include "core/lint/rules/reference_index.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

const diag::RuleInfo kServersTransportMissing{
    "IRT310",
    "servers-transport-missing",
    "serversTransport names no ServersTransportTCP once Traefik has qualified the name",
    R"md(## What it does
Resolves `services[].serversTransport` the way Traefik's provider does: a plain value `v` becomes
`Normalize(<IngressRouteTCP namespace>-v)` — the IngressRouteTCP's namespace, not the Service's
as the documentation says — and `x@kubernetescrd` is taken verbatim. It reports values that
match no ServersTransportTCP in the input (each is registered as
`Normalize(<namespace>-<name>)`), and explains the usual traps: writing the already-qualified
`default-x` (it becomes `default-default-x`) and a transport in the Service's namespace.

Runs when the input holds a ServersTransportTCP in the IngressRouteTCP's namespace, or with
`--strict-references`.

## Why is this bad?
At runtime the service fails with `no transport configuration found for "<name>"`.

## How to fix
Write the transport's plain name and put the ServersTransportTCP in the IngressRouteTCP's
namespace, or use `<namespace>-<name>@kubernetescrd` with `allowCrossNamespace`.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

void CheckServersTransportMissing(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  resolve::LintEnv env(ctx);
  const auto& transports = env.catalog().servers_transport_tcps();
  resolve::ForEachServiceRef(env, [&](const model::IngressRouteTCP& irt, const model::Route&,
                                      const model::ServiceRef& ref) {
    if (!ref.servers_transport.present || ref.servers_transport.value.empty()) {
      return;
    }
    const std::string& v = ref.servers_transport.value;
    const std::string& parent = irt.object->namespace_;
    std::string key;
    std::size_t at = v.find('@');
    if (at != std::string::npos) {
      if (v.substr(at) != "@kubernetescrd" || !env.provider().allow_cross_namespace) {
        return;  // another provider, or refused (IRT401)
      }
      key = v.substr(0, at);
      if (!ctx.options.strict_references && transports.empty()) {
        return;
      }
    } else {
      if (!env.ChecksReferences(model::Kind::kServersTransportTCP, parent)) {
        return;
      }
      key = NormalizedKey(parent, v);
    }
    if (ctx.Shared<ReferenceIndex>().servers_transport_keys.contains(key)) {
      return;
    }
    diag::Diagnostic& d = resolve::ReportAt(
        sink, kServersTransportMissing, *irt.object, ref.servers_transport.node, ref.loc,
        ref.path + "/serversTransport",
        "serversTransport \"" + v + "\" resolves to \"" + key +
            "\", and no ServersTransportTCP has that name; the service fails at runtime (\"no "
            "transport configuration found\")");
    if (at == std::string::npos && v.rfind(parent + "-", 0) == 0) {
      d.help = "Traefik prefixes the namespace itself: write serversTransport: " +
               v.substr(parent.size() + 1);
      return;
    }
    for (const model::ServersTransportTCP& t : transports) {
      if (t.object->name == v && t.object->namespace_ != parent) {
        d.help = "ServersTransportTCP " + t.object->namespace_ + "/" + v +
                 " exists, but a plain name resolves in the IngressRouteTCP's namespace (" +
                 parent + ")";
        return;
      }
    }
  });
}

}  // namespace irtcp::lint
