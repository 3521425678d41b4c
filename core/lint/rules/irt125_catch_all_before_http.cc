#include <set>
#include <string>
#include <vector>

#include "core/lint/support/route_matches.h"
#include "core/lint/support/rule_lang_support.h"
#include "core/rule_lang/ast.h"

namespace irtcp::lint {

const diag::RuleInfo kCatchAllBeforeHttp{
    "IRT125",
    "catch-all-before-http",
    "a non-TLS HostSNI(`*`) route on an entry point that HTTP routers use",
    R"md(## What it does
Reports a route without `tls` whose match is ``HostSNI(`*`)`` on an entry point that HTTP
routers use: `web`, `websecure`, or any entry point an IngressRoute (HTTP) in the input lists.
A route without `spec.entryPoints` binds to Traefik's default entry points: with
`--traefik-config` those are known and checked as above; without it, they are every TCP entry
point but `traefik` unless some are marked `asDefault`, which in a usual install (the Helm
chart) means `web` and `websecure`, and the route is reported too.

## Why is this bad?
On an entry point Traefik tries non-TLS TCP routers before HTTP routers (rules.md §7.2): a
non-TLS connection goes to the first matching TCP router, and only when none matches to the
entry point's HTTP server. ``HostSNI(`*`)`` without `tls` matches every connection, so it takes
every plain-HTTP request there and the HTTP routers of that entry point are never reached. When
no TLS router uses the entry point either, Traefik hands connections to the route before reading
a byte, TLS ones included. Traefik accepts the configuration without a word.

## How to fix
Give the TCP route an entry point of its own (`spec.entryPoints`), or add `tls` to the
IngressRouteTCP and a specific `HostSNI(`name`)` so that it only takes TLS connections for that
name.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

namespace {

// A leaf HostSNI(`*`), not negated: matches every connection, empty SNI included.
bool MatchesEverything(const rule_lang::Node& root) {
  std::unique_ptr<rule_lang::NormNode> norm = rule_lang::Normalize(root);
  if (norm == nullptr || norm->kind != rule_lang::NormNode::Kind::kLeaf || norm->negated) {
    return false;
  }
  const rule_lang::Node& c = *norm->call;
  return c.matcher == rule_lang::Matcher::kHostSni && c.args.size() == 1 &&
         c.args.front().value == "*";
}

// Entry points HTTP routers use: Traefik's conventional web and websecure, and every entry point
// an IngressRoute of the input lists.
std::set<std::string> HttpEntryPoints(const RuleContext& ctx) {
  std::set<std::string> out = {"web", "websecure"};
  for (const model::Object* o : ctx.input.OfKind(model::Kind::kIngressRoute)) {
    const yaml::Document& doc = *o->doc;
    yaml::NodeId eps = doc.Get(doc.Get(o->node, "spec"), "entryPoints");
    if (!doc.IsSequence(eps)) {
      continue;
    }
    for (std::uint32_t i = 0; i < doc.Size(eps); ++i) {
      yaml::NodeId ep = doc.ItemAt(eps, i);
      if (doc.IsString(ep)) {
        out.emplace(doc.Text(ep));
      }
    }
  }
  return out;
}

}  // namespace

void CheckCatchAllBeforeHttp(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const RuleLangEnv& env = ctx.Shared<RuleLangEnv>();
  std::set<std::string> http;
  bool http_known = false;
  for (const RouteMatch& r : env.routes()) {
    if (!r.processed || r.empty || !r.valid() || r.has_tls || !MatchesEverything(*r.parsed->root)) {
      continue;
    }
    if (!http_known) {
      http = HttpEntryPoints(ctx);
      http_known = true;
    }
    std::vector<std::string> eps = env.EntryPointsOf(r);
    if (eps.size() == 1 && eps.front().empty()) {
      // No entryPoints and no --traefik-config: the defaults are every TCP entry point but
      // `traefik` unless some are marked asDefault, so web and websecure in a usual install.
      env.ReportAtMatch(sink, kCatchAllBeforeHttp, r,
                        "HostSNI(`*`) without tls and without entryPoints binds to Traefik's "
                        "default entry points (every TCP entry point but traefik, unless some "
                        "are marked asDefault: web and websecure in a usual install) and takes "
                        "every non-TLS connection there before any HTTP router")
          .help =
          "list this route's own entryPoints (pass --traefik-config to check the real ones)";
      continue;
    }
    std::string shared;
    int count = 0;
    for (const std::string& ep : eps) {
      if (http.count(ep) != 0) {
        shared += (shared.empty() ? "" : ", ") + ep;
        ++count;
      }
    }
    if (shared.empty()) {
      continue;
    }
    env.ReportAtMatch(sink, kCatchAllBeforeHttp, r,
                      "HostSNI(`*`) without tls takes every non-TLS connection on entry point" +
                          std::string(count > 1 ? "s " : " ") + shared +
                          " before any HTTP router there (every connection, TLS too, while no "
                          "TLS router uses it)")
        .help = "give this route its own entry point, or add tls and a specific HostSNI";
  }
}

}  // namespace irtcp::lint
