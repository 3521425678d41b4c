// `irtcp explain FILE...`: what each IngressRouteTCP does, route by route, in plain words, from
// the route plan `resolve` prints (core/resolve/route_plan.h) and the findings `validate` has.
//
//   std::unique_ptr<run::Session> s = run::RunSession(options);   // validate's checks
//   explain::ManifestExplanation e = explain::ExplainManifests(*s);
//   explain::WriteManifestText(e, style, out);
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/explain/text.h"
#include "core/run/session.h"

namespace irtcp::explain {

/// Another route a route competes with on one entry point.
struct Rival {
  std::string router;  ///< its router name
  std::string where;   ///< "apps/db route 2 (db.yaml:14)"
  std::string entry_point;
  std::int64_t priority = 0;
  /// "all": it covers every connection the other matches; "some": some connections match both;
  /// "maybe": the analysis cannot tell; "tie": same priority, Traefik's order is unspecified.
  std::string overlap;
};

/// One backend of a route, in words.
struct BackendWords {
  std::string target;  ///< "Service apps/db port 5432"
  std::optional<std::int64_t> weight;
  std::string share;  ///< "75% of connections" (weighted routes)
  std::string how;    ///< how the servers are chosen ("EndpointSlices: ready endpoints ...")
  std::vector<std::string> servers;  ///< "10.0.0.1:15432"
  bool ok = true;
  std::string problem;  ///< why Traefik drops it, or why the servers are unknown
};

/// One route of an IngressRouteTCP.
struct RouteWords {
  std::size_t index = 0;  ///< 0-based in spec.routes
  std::string location;   ///< "db.yaml:9"
  std::string router;     ///< Traefik's router name ("" when there is none)
  std::string status;     ///< "active", "dangling", "rejected", "replaced"
  std::string status_reason;
  std::vector<std::string> entry_points;  ///< "postgres (:5432)"
  bool default_entry_points = false;
  std::string rule;
  std::string syntax;       ///< "v3" or "v2"
  std::string connections;  ///< "TLS connections" / "connections that are not TLS"
  std::string condition;    ///< the rule in words
  std::string fast_path;    ///< why TLS clients reach a plain router too (rules.md §7.2), or ""
  std::int64_t priority = 0;
  std::string priority_source;
  std::vector<Rival> wins_over;
  std::vector<Rival> loses_to;
  std::string tls_mode;  ///< "none", "passthrough", "terminate"
  std::string tls;       ///< what happens to TLS, in words
  std::vector<std::string> middlewares;
  std::vector<BackendWords> backends;
  std::vector<diag::Diagnostic> findings;
};

/// One IngressRouteTCP of the input.
struct ObjectWords {
  std::string object;    ///< "apps/db"
  std::string location;  ///< "db.yaml:1"
  std::string api_version;
  bool processed = true;
  std::string skip_reason;  ///< why the provider does not process it
  std::vector<RouteWords> routes;
  std::vector<diag::Diagnostic> findings;  ///< findings on the object outside its routes
};

struct ManifestExplanation {
  std::vector<ObjectWords> objects;
  std::size_t other_findings = 0;  ///< findings on other objects (Services, ...)
  std::vector<std::string> notes;
};

/// Builds the account from a validate session (findings, provider result, static config).
ManifestExplanation ExplainManifests(const run::Session& session);

void WriteManifestText(const ManifestExplanation& e, const TextStyle& style, std::ostream& out);
void WriteManifestJson(const ManifestExplanation& e, std::ostream& out);
void WriteManifestMarkdown(const ManifestExplanation& e, std::ostream& out);

}  // namespace irtcp::explain
