// IngressRouteTCP -> Gateway API (`irtcp render --to gateway-api`): the routes Traefik's CRD
// provider builds today (the route plan) become one Gateway with listeners per entry point and
// mode, one TLSRoute or TCPRoute per route, and the ReferenceGrants cross-namespace Services and
// Secrets need, with an exact report of what cannot be carried over (the IRT5xx codes of
// core/gateway/losses.h). The reference is gateway-api mapping.md (§3 row by row, §4 scheme, §5
// behaviour changes), for Traefik v3.7.9 and gateway-api v1.5.1.
//
//   provider::Result result = provider::Build(catalog, config.provider);
//   resolve::RoutePlan plan = resolve::BuildRoutePlan(result, config);
//   gateway::Translation t = gateway::Translate(result, plan, config, options);
//   if (!t.fatal_error.empty()) { ... }          // exit 2 (an entry point without an address)
//   std::cout << gateway::WriteDocuments(t, gateway::Format::kYaml);
//   for (const gateway::Loss& l : t.losses) { ... }  // findings; l.diagnostic has the place
//
// Never widen: a route whose match, middlewares or client-certificate TLSOption cannot be
// expressed is left out (an error-level loss), and the connections it took that a translated
// route now receives are reported at it (IRT509), found by replaying them through irtcp's model
// of Traefik's Gateway provider (core/gateway/traefik_model.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/provider/engine.h"
#include "core/provider/options.h"
#include "core/resolve/route_plan.h"

namespace irtcp::gateway {

struct GatewayOptions {
  std::string gateway_namespace = "traefik";  ///< --gateway NS/NAME
  std::string gateway_name = "traefik";
  std::string gateway_class = "traefik";  ///< --gateway-class
  /// providers.kubernetesGateway.experimentalChannel from --traefik-config; nullopt when no
  /// configuration file was read.
  std::optional<bool> experimental_channel;
};

/// providers.kubernetesGateway.experimentalChannel of the static configuration file at `path`
/// (false when the file does not set it); nullopt when `path` is empty or cannot be read.
std::optional<bool> ExperimentalChannel(const std::string& path);

/// Parses --gateway "NS/NAME" (both parts DNS-1123 labels). False with *err otherwise.
bool ParseGatewayRef(std::string_view text, GatewayOptions* options, std::string* err);

/// One entry of the loss report.
struct Loss {
  diag::Diagnostic diagnostic;  ///< code, severity, message, file:line:col, JSON path, object
  std::string loss;             ///< the construct as written: "ClientIP", "middleware", …
  std::string related;          ///< IRT509/IRT511: the other route ("apps/client-0")
};

struct Translation {
  /// Gateway, then the routes (input order), then the ReferenceGrants (sorted).
  std::vector<nlohmann::ordered_json> documents;
  std::vector<Loss> losses;  ///< sorted by file, line, column, code
  /// Set when no translation can be made (an entry point a route uses has no known address).
  std::string fatal_error;
  int routes_emitted = 0;
  int routes_left_out = 0;

  bool HasErrorLoss() const;
};

/// Translates the active routes of `plan` (built from `result` with `config`).
Translation Translate(const provider::Result& result, const resolve::RoutePlan& plan,
                      const provider::StaticConfig& config, const GatewayOptions& options);

enum class Format { kYaml, kJson };

/// The documents as a YAML stream (`---` between documents) or as one JSON `List`.
std::string WriteDocuments(const Translation& translation, Format format);

/// The loss report for --report FILE: {"findings": [{object, file, line, column, path, code,
/// name, severity, loss, message, related}], "summary": {...}}.
std::string ReportJson(const Translation& translation);

}  // namespace irtcp::gateway
