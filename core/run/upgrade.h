// The upgrade report (`validate --traefik-version A --upgrade-to B`): what changes in behaviour or
// stops working when the cluster moves from Traefik A to Traefik B. The input is checked as each
// version reads it; every finding B has that A has not is an item, an error when it would break
// (the route, middleware or object stops working) and a warning when behaviour changes.
#pragma once

#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/version/traefik_version.h"

namespace irtcp::run {

/// The findings of `to` (checked as `to_version` reads the input) that `from` (the same input as
/// `from_version` reads it) does not have, matched by code, file and JSON path. Each message says
/// it is about the upgrade. An error keeps its severity (it breaks); anything else becomes a
/// warning. The fix that moves a traefik.containo.us object to traefik.io (IRT404) is safe when
/// upgrading from Traefik 2.x, which reads both groups with the same schema.
std::vector<diag::Diagnostic> UpgradeItems(const std::vector<diag::Diagnostic>& from,
                                           std::vector<diag::Diagnostic> to,
                                           const version::TraefikVersion& from_version,
                                           const version::TraefikVersion& to_version);

/// What the upgrade changes outside the manifests (RBAC, defaults), one note each.
std::vector<std::string> UpgradeNotes(const version::TraefikVersion& from_version,
                                      const version::TraefikVersion& to_version);

}  // namespace irtcp::run
