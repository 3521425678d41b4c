#include "core/run/upgrade.h"

#include <set>
#include <tuple>
#include <utility>

namespace irtcp::run {

namespace {

using Key = std::tuple<std::string, std::string, std::string>;

Key KeyOf(const diag::Diagnostic& d) {
  return {std::string(d.code()), d.file != nullptr ? d.file->path() : std::string(), d.json_path};
}

}  // namespace

std::vector<diag::Diagnostic> UpgradeItems(const std::vector<diag::Diagnostic>& from,
                                           std::vector<diag::Diagnostic> to,
                                           const version::TraefikVersion& from_version,
                                           const version::TraefikVersion& to_version) {
  std::set<Key> before;
  for (const diag::Diagnostic& d : from) {
    before.insert(KeyOf(d));
  }
  std::vector<diag::Diagnostic> out;
  const std::string upgrade =
      "upgrading Traefik " + from_version.Line() + " to " + to_version.Line() + ": ";
  for (diag::Diagnostic& d : to) {
    if (d.severity == diag::Severity::kInfo || before.count(KeyOf(d)) != 0) {
      continue;
    }
    const bool breaks = d.severity == diag::Severity::kError;
    d.message = upgrade + (breaks ? "breaks: " : "changes: ") + d.message;
    if (!breaks) {
      d.severity = diag::Severity::kWarning;
    }
    if (d.code() == "IRT404" && !from_version.AtLeast(3, 0) && d.fix) {
      // Traefik 2.x serves both groups with the same schema: moving the object to traefik.io
      // before the upgrade keeps today's routing.
      d.fix->applicability = diag::Applicability::kSafe;
      d.fix->description +=
          " (safe on Traefik " + from_version.Line() + ", which reads both groups)";
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> UpgradeNotes(const version::TraefikVersion& from_version,
                                      const version::TraefikVersion& to_version) {
  std::vector<std::string> notes;
  auto crosses = [&](int major, int minor) {
    return !from_version.AtLeast(major, minor) && to_version.AtLeast(major, minor);
  };
  if (crosses(3, 0)) {
    notes.push_back(
        "Traefik v3.0 no longer watches traefik.containo.us (install the traefik.io CRDs and "
        "move every object), adds the ServersTransportTCP kind (update Traefik's RBAC for it) and "
        "reads rules with the v3 syntax unless a route sets `syntax: v2` or "
        "core.defaultRuleSyntax is v2");
  }
  if (crosses(3, 1)) {
    notes.push_back(
        "Traefik v3.1 takes servers from EndpointSlices instead of Endpoints and may read Nodes "
        "(nodePortLB): grant its ServiceAccount list/watch on discovery.k8s.io endpointslices and "
        "nodes");
  }
  if (crosses(3, 7)) {
    notes.push_back(
        "Traefik v3.7 reads spec.ingressClassName on IngressRouteTCP (the "
        "kubernetes.io/ingress.class annotation is deprecated) and matches HostSNI "
        "case-insensitively, with single-label wildcards");
  }
  return notes;
}

}  // namespace irtcp::run
