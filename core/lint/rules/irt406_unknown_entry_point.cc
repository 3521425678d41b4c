#include <algorithm>

#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"
#include "core/util/spell.h"

namespace irtcp::lint {

const diag::RuleInfo kUnknownEntryPoint{"IRT406",
                                        "unknown-entry-point",
                                        "an entry point that Traefik's static configuration lacks",
                                        R"md(## What it does
Reports names in `spec.entryPoints` that are not TCP entry points of Traefik's static
configuration. It runs only when the entry points are known: from `--traefik-config` (a
traefik.yml/toml, or the Deployment that runs Traefik) or from `--entry-point` flags.

## Why is this bad?
Traefik logs `entryPoint "<name>" doesn't exist` and then `no valid entryPoint for this router`;
the router never receives a connection.

## How to fix
Use one of the configured entry points (Helm chart: the `ports` keys), or add the entry point to
Traefik's static configuration.

## Fix safety
No automatic fix.
)md",
                                        diag::Severity::kError,
                                        diag::FixAvailability::kNone};

void CheckUnknownEntryPoint(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  if (!env.config().entry_points_known) {
    return;
  }
  std::vector<std::string_view> names;
  std::string list;
  for (const provider::EntryPoint& ep : env.config().entry_points) {
    if (!ep.udp) {
      names.push_back(ep.name);
      list += (list.empty() ? "" : ", ") + ep.name;
    }
  }
  for (const model::IngressRouteTCP* irt : env.processed()) {
    if (!irt->entry_points.present) {
      continue;
    }
    const yaml::Document& doc = *irt->object->doc;
    for (std::uint32_t i = 0; i < irt->entry_points.value.size(); ++i) {
      const std::string& name = irt->entry_points.value[i];
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        continue;
      }
      yaml::NodeId item = doc.IsSequence(irt->entry_points.node)
                              ? doc.ItemAt(irt->entry_points.node, i)
                              : irt->entry_points.node;
      bool udp = false;
      for (const provider::EntryPoint& ep : env.config().entry_points) {
        udp = udp || (ep.udp && ep.name == name);
      }
      diag::Diagnostic& d = ReportAt(
          sink, kUnknownEntryPoint, *irt->object, item, irt->entry_points.loc,
          irt->object->path_prefix + "/spec/entryPoints/" + std::to_string(i),
          "entry point \"" + name + "\" " +
              (udp ? std::string("is a UDP entry point") : "is not defined") +
              " in Traefik's static configuration (TCP entry points: " +
              (list.empty() ? std::string("none") : list) + "); the router gets no traffic");
      std::string_view close = util::ClosestMatch(name, names);
      if (!close.empty()) {
        d.help = "did you mean \"" + std::string(close) + "\"?";
      }
    }
  }
}

}  // namespace irtcp::lint
