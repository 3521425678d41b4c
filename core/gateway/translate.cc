#include "core/gateway/translate.h"

#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "core/config/traefik_config.h"
#include "core/gateway/cel.h"
#include "core/gateway/losses.h"
#include "core/gateway/traefik_model.h"
#include "core/lint/support/finding.h"
#include "core/render/yaml_text.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"

namespace irtcp::gateway {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kGroup = "gateway.networking.k8s.io";
constexpr std::size_t kMaxHostnames = 16;  // TLSRoute v1 at gateway-api v1.5.1
constexpr char kClient[] = "192.0.2.10";   // replay client: TEST-NET-1, outside any ClientIP range

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string Joined(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) {
      out += sep;
    }
    out += s;
  }
  return out;
}

/// A listener name part from an entry point name or hostname (SectionName: lower-case RFC 1123
/// labels; `*` is written `wildcard`).
std::string SectionPart(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '*') {
      out += "wildcard";
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    out += ok ? c : '-';
  }
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) {
    out.erase(out.begin());
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) {
    out.pop_back();
  }
  return out.empty() ? "x" : out;
}

/// Why `h` is not a Gateway API Hostname (the v1.5.1 pattern and CEL rules), or "".
std::string HostnameProblem(const std::string& h) {
  static const RE2 kPattern(
      R"(^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)");
  static const RE2 kIpv4(R"([0-9]+(\.[0-9]+){3})");
  if (h.empty()) {
    return "it is empty";
  }
  if (RE2::FullMatch(h, kIpv4) || std::count(h.begin(), h.end(), ':') >= 2) {
    return "it is an IP address (TLSRoute hostnames cannot contain an IP)";
  }
  if (h.find(':') != std::string::npos) {
    return "it has a port";
  }
  if (h.find('_') != std::string::npos) {
    return "it contains `_`";
  }
  if (h.size() > 253) {
    return "it is longer than 253 characters";
  }
  if (!RE2::FullMatch(h, kPattern)) {
    return "it is not an RFC 1123 name with at most a leading `*.`";
  }
  return "";
}

/// `HostSNIRegexp` forms with a Gateway API hostname: `^literal$` and `^[a-z0-9-]+\.suffix$`
/// (v3), and the v2 template `{name}.suffix` / `{name:[a-z0-9-]+}.suffix` (approximate).
std::optional<std::string> RegexpHostname(std::string_view re, rule_lang::Syntax syntax,
                                          bool* approximate) {
  *approximate = false;
  std::string out;
  auto literal = [&out](std::string_view s, bool escaped_dots) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (escaped_dots && c == '\\' && i + 1 < s.size() && s[i + 1] == '.') {
        out += '.';
        ++i;
      } else if (!escaped_dots && c == '.') {
        out += '.';
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        out += c;
      } else {
        return false;
      }
    }
    return !s.empty();
  };
  if (syntax == rule_lang::Syntax::kV2 && re.starts_with("{")) {
    std::size_t close = re.find('}');
    if (close == std::string_view::npos || close + 1 >= re.size() || re[close + 1] != '.') {
      return std::nullopt;
    }
    std::string_view var = re.substr(1, close - 1);
    std::size_t colon = var.find(':');
    if (colon != std::string_view::npos && var.substr(colon + 1) != "[a-z0-9-]+") {
      return std::nullopt;
    }
    out = "*";
    *approximate = true;
    if (!literal(re.substr(close + 1), false)) {
      return std::nullopt;
    }
    return out;
  }
  if (!re.starts_with("^") || !re.ends_with("$") || re.size() < 3) {
    return std::nullopt;
  }
  std::string_view body = re.substr(1, re.size() - 2);
  constexpr std::string_view kLabel = "[a-z0-9-]+\\.";
  if (body.starts_with(kLabel)) {
    out = "*.";
    body.remove_prefix(kLabel.size());
  }
  if (!literal(body, true)) {
    return std::nullopt;
  }
  return out;
}

/// What a route's match is made of, for the "only an OR of HostSNI names" test.
struct MatchShape {
  std::vector<std::string> names;        ///< HostSNI values (lower-cased, trailing dot stripped)
  std::vector<std::string> approximate;  ///< names from v2 templates
  bool catch_all = false;                ///< a HostSNI(`*`)
  int blocker_rank = 100;
  std::string blocker;  ///< construct as written
  std::string reason;
};

void Block(MatchShape& s, int rank, std::string construct, std::string reason) {
  if (rank < s.blocker_rank) {
    s.blocker_rank = rank;
    s.blocker = std::move(construct);
    s.reason = std::move(reason);
  }
}

void Walk(const rule_lang::Node& n, rule_lang::Syntax syntax, MatchShape& s) {
  switch (n.kind) {
    case rule_lang::NodeKind::kParen:
      Walk(*n.lhs, syntax, s);
      return;
    case rule_lang::NodeKind::kOr:
      Walk(*n.lhs, syntax, s);
      Walk(*n.rhs, syntax, s);
      return;
    case rule_lang::NodeKind::kAnd:
      Block(s, 4, "&&",
            "Gateway API routes only OR hostnames; dropping a condition would widen the route");
      Walk(*n.lhs, syntax, s);
      Walk(*n.rhs, syntax, s);
      return;
    case rule_lang::NodeKind::kNot:
      Block(s, 3, "!", "Gateway API hostnames cannot be negated");
      Walk(*n.lhs, syntax, s);
      return;
    case rule_lang::NodeKind::kCall:
      break;
  }
  switch (n.matcher) {
    case rule_lang::Matcher::kClientIp:
      Block(s, 0, n.spelling,
            "a TLSRoute selects connections by SNI only and a TCPRoute not at all; dropping it "
            "would open the route to every client");
      return;
    case rule_lang::Matcher::kAlpn:
      Block(s, 1, n.spelling,
            "Gateway API routes cannot select by ALPN protocol; dropping it would widen the route");
      return;
    case rule_lang::Matcher::kHostSni:
      for (const rule_lang::Arg& a : n.args) {
        std::string h = Lower(a.value);
        if (h == "*") {
          s.catch_all = true;
          continue;
        }
        if (h.size() > 1 && h.back() == '.') {
          h.pop_back();
        }
        s.names.push_back(std::move(h));
      }
      return;
    case rule_lang::Matcher::kHostSniRegexp:
      for (const rule_lang::Arg& a : n.args) {
        bool approx = false;
        std::optional<std::string> h = RegexpHostname(a.value, syntax, &approx);
        if (!h) {
          Block(s, 2, n.spelling,
                "`" + a.value +
                    "` has no Gateway API hostname (only `^name$` and `^[a-z0-9-]+\\.suffix$` "
                    "translate)");
          continue;
        }
        if (approx) {
          s.approximate.push_back(*h);
        }
        s.names.push_back(std::move(*h));
      }
      return;
    case rule_lang::Matcher::kOther:
      Block(s, 5, n.spelling, "no Gateway API equivalent");
      return;
  }
}

struct EntryInfo {
  std::string name;
  std::string address;
  std::string section;  ///< listener name prefix
  int port = 0;
  bool as_default = false;
  std::string problem;  ///< why no listener can select it
};

/// One route of the plan on its way to a TLSRoute or TCPRoute.
struct Work {
  std::size_t index = 0;
  const provider::RouteResult* rr = nullptr;
  const resolve::PlannedRouter* pr = nullptr;
  const model::Object* object = nullptr;
  std::string ns;
  std::string route_name;  ///< `<object>-<route index>`
  std::string key;         ///< "ns/route_name"
  resolve::TlsMode mode = resolve::TlsMode::kNone;
  bool tcp = false;         ///< emitted as a TCPRoute
  bool considered = false;  ///< active in Traefik today
  bool emit = false;
  std::vector<std::string> hostnames;
  std::vector<std::string> entry_points;
  std::string secret;  ///< terminate: the Secret name (in `ns`)
  Json backend_refs = Json::array();
  std::vector<std::pair<std::string, std::string>> service_grants;  ///< (namespace, name)
};

class Translator {
 public:
  Translator(const provider::Result& result, const resolve::RoutePlan& plan,
             const provider::StaticConfig& config, const GatewayOptions& options)
      : result_(result), plan_(plan), config_(config), options_(options) {}

  Translation Run();

 private:
  Loss& Report(const diag::RuleInfo& rule, const Work& w, yaml::NodeId node, source::Location loc,
               std::string path, std::string message, std::string loss);
  Loss& ReportAtMatch(const diag::RuleInfo& rule, const Work& w, std::string message,
                      std::string loss);
  bool PrepareEntryPoints(std::string* fatal);
  void Classify(Work& w);
  bool ClassifyMatch(Work& w);
  bool ClassifyTls(Work& w);
  bool ClassifyBackends(Work& w);
  void BuildDocuments(Translation& t);
  void Analyse(const std::vector<Json>& documents);
  void GlobalWarnings();

  const provider::Result& result_;
  const resolve::RoutePlan& plan_;
  const provider::StaticConfig& config_;
  const GatewayOptions& options_;
  std::map<std::string, EntryInfo> entry_points_;
  std::vector<Work> work_;
  std::vector<Loss> losses_;
  std::map<const Work*, std::string> dropped_by_;    ///< left-out route -> the construct why
  std::map<std::string, const Work*> documents_of_;  ///< "ns/name" of each emitted route
  bool default_store_reported_ = false;              ///< the TLSStore note is global: once
};

Loss& Translator::Report(const diag::RuleInfo& rule, const Work& w, yaml::NodeId node,
                         source::Location loc, std::string path, std::string message,
                         std::string loss) {
  diag::DiagnosticSink sink;
  diag::Diagnostic& d =
      lint::ReportAt(sink, rule, *w.object, node, loc, std::move(path), std::move(message));
  d.object = "IngressRouteTCP " + w.object->namespace_ + "/" + w.object->name;
  if (d.message.starts_with("route not translated")) {
    dropped_by_.emplace(&w, loss);
  }
  Loss l;
  l.diagnostic = std::move(d);
  l.loss = std::move(loss);
  losses_.push_back(std::move(l));
  return losses_.back();
}

Loss& Translator::ReportAtMatch(const diag::RuleInfo& rule, const Work& w, std::string message,
                                std::string loss) {
  const model::Route& r = *w.rr->route;
  if (r.match.node != yaml::kNoNode) {
    return Report(rule, w, r.match.node, r.match.loc, r.path + "/match", std::move(message),
                  std::move(loss));
  }
  return Report(rule, w, r.node, r.loc, r.path, std::move(message), std::move(loss));
}

bool Translator::PrepareEntryPoints(std::string* fatal) {
  std::map<int, std::vector<std::string>> by_port;
  const std::vector<std::string> defaults = config::DefaultEntryPoints(config_);
  for (const provider::EntryPoint& ep : config_.entry_points) {
    EntryInfo info;
    info.name = ep.name;
    info.section = SectionPart(ep.name);
    info.address = ep.address;
    info.as_default = std::find(defaults.begin(), defaults.end(), ep.name) != defaults.end();
    info.port = EntryPointPort(ep.address);
    if (ep.udp) {
      info.problem = "its address " + ep.address + " is UDP";
    } else if (info.port == 0) {
      info.problem = "its address \"" + ep.address + "\" has no port";
    } else {
      by_port[info.port].push_back(ep.name);
    }
    entry_points_[ep.name] = std::move(info);
  }
  for (auto& [port, names] : by_port) {
    if (names.size() > 1) {
      for (const std::string& n : names) {
        entry_points_[n].problem = "port " + std::to_string(port) + " is shared by entry points " +
                                   Joined(names) +
                                   ", and Traefik binds a listener to the first entry point whose "
                                   "address ends in \":" +
                                   std::to_string(port) + "\"";
      }
    }
  }
  std::set<std::string> missing;
  for (const resolve::PlannedRouter& p : plan_.routers) {
    if (!p.active()) {
      continue;
    }
    for (const std::string& ep : p.entry_points) {
      auto it = entry_points_.find(ep);
      if (!config_.entry_points_known || it == entry_points_.end() || it->second.address.empty()) {
        missing.insert(ep);
      }
    }
  }
  if (!missing.empty()) {
    std::vector<std::string> names(missing.begin(), missing.end());
    *fatal = "entry point" + std::string(names.size() > 1 ? "s " : " ") + Joined(names) +
             " used by the routes ha" + (names.size() > 1 ? "ve" : "s") +
             " no known address; a Gateway listener's port is its entry point's port: pass "
             "--traefik-config with Traefik's static configuration";
    return false;
  }
  return true;
}

bool Translator::ClassifyMatch(Work& w) {
  const model::Route& route = *w.rr->route;
  std::string text = route.match.Or(std::string());
  rule_lang::Error err;
  std::optional<rule_lang::MatchExpr> expr = rule_lang::Parse(text, &err);
  if (!expr) {
    ReportAtMatch(kUntranslatableMatch, w, "route not translated: its match does not parse",
                  "match");
    return false;
  }
  MatchShape shape;
  Walk(*expr->root, w.pr->syntax, shape);
  if (!shape.blocker.empty()) {
    ReportAtMatch(kUntranslatableMatch, w,
                  "route not translated: `" + shape.blocker +
                      "` cannot be expressed in Gateway API: " + shape.reason,
                  shape.blocker);
    return false;
  }
  if (w.mode == resolve::TlsMode::kNone) {
    if (!shape.catch_all || !shape.names.empty()) {
      ReportAtMatch(kUntranslatableMatch, w,
                    "route not translated: HostSNI names on a route without tls match no "
                    "connection today (SNI exists only in TLS), and a TCPRoute has no match: it "
                    "would take every connection",
                    "HostSNI");
      return false;
    }
    w.tcp = true;
    return true;
  }
  if (shape.catch_all) {
    // mapping.md §3: a passthrough catch-all may become a TCPRoute on a TCP listener when the
    // fast path forwards the same bytes: no other route on the entry point, not a default one.
    bool alone = w.mode == resolve::TlsMode::kPassthrough && shape.names.empty();
    std::string why;
    for (const std::string& ep : w.entry_points) {
      if (entry_points_[ep].as_default) {
        alone = false;
        why = "entry point " + ep +
              " is a default entry point, where Traefik's Gateway provider puts its "
              "deny-unknown-host TLS router";
      }
      for (const resolve::PlannedRouter& p : plan_.routers) {
        if (&p != w.pr && p.active() &&
            std::find(p.entry_points.begin(), p.entry_points.end(), ep) != p.entry_points.end()) {
          alone = false;
          if (why.empty()) {
            why = "route " + p.object + " shares entry point " + ep;
          }
        }
      }
    }
    if (!alone) {
      if (why.empty()) {
        why = w.mode == resolve::TlsMode::kTerminate ? "the route terminates TLS"
                                                     : "the match also names hosts";
      }
      ReportAtMatch(kUntranslatableMatch, w,
                    "route not translated: a TLS catch-all HostSNI(`*`) has no Gateway API form "
                    "here (a v1 TLSRoute needs hostnames and a TCPRoute cannot attach to a TLS "
                    "listener): " +
                        why,
                    "HostSNI(`*`)");
      return false;
    }
    ReportAtMatch(kBehaviourChange, w,
                  "passthrough catch-all carried as a TCPRoute on a TCP listener: the bytes are "
                  "the same, but clients that do not speak TLS are no longer refused (a Postgres "
                  "SSLRequest reaches the backend)",
                  "HostSNI(`*`)");
    w.tcp = true;
    return true;
  }
  std::set<std::string> seen;
  for (const std::string& h : shape.names) {
    std::string problem = HostnameProblem(h);
    if (!problem.empty()) {
      std::string message = "HostSNI `" + h;
      message += "` left out of the TLSRoute's hostnames: ";
      message += problem;
      ReportAtMatch(kInvalidGatewayHostname, w, std::move(message), "HostSNI");
      continue;
    }
    if (seen.insert(h).second) {
      w.hostnames.push_back(h);
    }
  }
  if (w.hostnames.empty()) {
    ReportAtMatch(kInvalidGatewayHostname, w,
                  "route not translated: none of its names is a Gateway API hostname", "HostSNI");
    return false;
  }
  for (const std::string& h : w.hostnames) {
    if (h.starts_with("*.")) {
      ReportAtMatch(kBehaviourChange, w,
                    "hostname `" + h +
                        "`: Traefik's Gateway provider matches one label (and no `_`), as "
                        "HostSNI does, but Gateway API says a wildcard matches any depth; other "
                        "implementations route more names",
                    "HostSNI(`" + h + "`)");
    }
  }
  for (const std::string& h : shape.approximate) {
    ReportAtMatch(
        kBehaviourChange, w,
        "v2 template translated to `" + h + "`: roughly the same names (one label of [a-z0-9-])",
        "HostSNIRegexp");
  }
  if (w.hostnames.size() > kMaxHostnames) {
    ReportAtMatch(kGatewayRequirement, w,
                  std::to_string(w.hostnames.size()) +
                      " hostnames: split into several TLSRoutes (a v1.5.1 TLSRoute holds at most " +
                      std::to_string(kMaxHostnames) + ")",
                  "HostSNI");
  }
  return true;
}

bool Translator::ClassifyTls(Work& w) {
  if (w.mode != resolve::TlsMode::kTerminate) {
    return true;
  }
  const model::IngressRouteTCP& irt = *w.rr->irtcp;
  const model::RouteTls& tls = irt.tls.value;
  const std::string base = w.object->path_prefix + "/spec/tls";
  bool ok = true;
  if (tls.options.present) {
    const model::ObjectRef& ref = tls.options.value;
    std::string name = w.rr->router.tls ? w.rr->router.tls->options : std::string();
    const provider::TlsOptions* opts = nullptr;
    if (result_.config.tls.options) {
      auto it = result_.config.tls.options->find(name);
      if (it != result_.config.tls.options->end()) {
        opts = &it->second;
      }
    }
    std::string written = ref.name.Or(std::string());
    if (opts == nullptr) {
      Report(kClientAuthLost, w, ref.node, ref.loc, base + "/options",
             "route not translated: TLSOption `" + written +
                 "` is not in the input, so irtcp cannot tell whether it requires client "
                 "certificates; Gateway routers use the default TLSOption",
             "tls.options");
      ok = false;
    } else if (opts->client_auth.client_auth_type == "RequireAnyClientCert" ||
               opts->client_auth.client_auth_type == "RequireAndVerifyClientCert") {
      Report(kClientAuthLost, w, ref.node, ref.loc, base + "/options",
             "route not translated: TLSOption `" + written + "` requires client certificates (" +
                 opts->client_auth.client_auth_type +
                 "); Gateway routers use the default TLSOption, so anyone could connect",
             "tls.options");
      ok = false;
    } else {
      Report(kTlsOptionLost, w, ref.node, ref.loc, base + "/options",
             "TLSOption `" + written +
                 "` cannot be carried over: Traefik's Gateway provider does not read listener "
                 "tls.options and its routers use the default TLSOption",
             "tls.options");
    }
  }
  if (tls.cert_resolver.present && !tls.cert_resolver.value.empty()) {
    Report(kCertificateLost, w, tls.cert_resolver.node, tls.cert_resolver.loc,
           base + "/certResolver",
           "certResolver `" + tls.cert_resolver.value +
               "` cannot be carried over: Gateway API has no ACME; a Terminate listener needs a "
               "Secret",
           "tls.certResolver");
  }
  if (!tls.domains.empty()) {
    Report(kCertificateLost, w, tls.domains_node, {}, base + "/domains",
           "tls.domains cannot be carried over: Gateway API has no ACME", "tls.domains");
  }
  if (!tls.secret_name.present || tls.secret_name.value.empty()) {
    Report(kCertificateLost, w, irt.tls.node, irt.tls.loc, base,
           "route not translated: it terminates TLS without a secretName (Traefik's default "
           "certificate or a certResolver), and a Terminate listener needs at least one "
           "certificateRef",
           "tls");
    return false;
  }
  w.secret = tls.secret_name.value;
  if (!default_store_reported_ && result_.config.tls.stores) {
    auto store = result_.config.tls.stores->find("default");
    if (store != result_.config.tls.stores->end() &&
        (store->second.default_certificate || store->second.default_generated_cert)) {
      default_store_reported_ = true;
      Report(kBehaviourChange, w, tls.secret_name.node, tls.secret_name.loc, base + "/secretName",
             "the default TLSStore's certificate (served when no certificate matches the SNI) has "
             "no Gateway API form: it still applies, globally, only while the CRD provider "
             "serves that TLSStore",
             "TLSStore");
    }
  }
  Report(kBehaviourChange, w, tls.secret_name.node, tls.secret_name.loc, base + "/secretName",
         "Secret `" + w.secret +
             "`: a missing or invalid Secret now disables the whole listener (every TLSRoute on "
             "it), where the CRD provider fell back to the default certificate",
         "tls.secretName");
  return ok;
}

bool Translator::ClassifyBackends(Work& w) {
  const std::vector<provider::Backend>& backends = w.rr->backends;
  bool ok = true;
  for (const provider::Backend& b : backends) {
    const model::ServiceRef& ref = *b.ref;
    auto field_loss = [&](bool present, const char* field, source::Location loc, yaml::NodeId node,
                          const std::string& why) {
      if (present) {
        Report(kBackendSettingLost, w, node, loc, ref.path + "/" + field,
               std::string("services[].") + field + " of `" + ref.name.Or(std::string()) +
                   "` cannot be carried over: " + why,
               std::string("services[].") + field);
      }
    };
    field_loss(ref.servers_transport.present, "serversTransport", ref.servers_transport.loc,
               ref.servers_transport.node,
               "Gateway API has no ServersTransportTCP (a TraefikService name@file backendRef "
               "can point at a file-provider service that has one)");
    field_loss(ref.tls.present && ref.tls.value, "tls", ref.tls.loc, ref.tls.node,
               "BackendTLSPolicy applies to HTTPRoute backends only; the backend gets plain TCP");
    field_loss(ref.proxy_protocol.present, "proxyProtocol", ref.proxy_protocol.loc,
               ref.proxy_protocol.node, "PROXY protocol to backends is a non-goal of GEP-2643");
    field_loss(ref.termination_delay.present, "terminationDelay", ref.termination_delay.loc,
               ref.termination_delay.node, "no such field in Gateway API");
    field_loss(ref.node_port_lb.present && ref.node_port_lb.value, "nodePortLB",
               ref.node_port_lb.loc, ref.node_port_lb.node,
               "the Gateway provider uses EndpointSlices or the ClusterIP");
    const std::string name = ref.name.Or(std::string());
    Json j = Json::object();
    if (name.find('@') != std::string::npos) {
      j["group"] = "traefik.io";
      j["kind"] = "TraefikService";
      j["name"] = name;
    } else {
      if (b.service != nullptr && b.service->EffectiveType() == "ExternalName") {
        Report(kExternalNameBackend, w, ref.node, ref.loc, ref.path,
               "Service " + b.ns + "/" + name +
                   " is ExternalName, which Traefik's Gateway provider refuses: the backendRef "
                   "closes its share of connections",
               "ExternalName");
      }
      if (!b.ok && b.unknown.empty()) {
        Report(kBehaviourChange, w, ref.node, ref.loc, ref.path,
               "service `" + name + "` fails today (" + b.error +
                   ") and Traefik skips it; it is left out of the backendRefs, where it would "
                   "reject its share of connections",
               "services[]");
        continue;
      }
      std::int64_t port = 0;
      if (b.port != nullptr && b.port->port.present) {
        port = b.port->port.value;
      } else if (ref.port.present && !ref.port.value.is_string) {
        port = ref.port.value.int_value;
      }
      if (port <= 0) {
        Report(kUnresolvedBackendPort, w, ref.port.node, ref.port.loc, ref.path + "/port",
               "route not translated: port `" + ref.port.value.ToString() + "` of service " + b.ns +
                   "/" + name +
                   " is a name, and the Service is not in the input to resolve it to a number",
               "services[].port");
        ok = false;
        continue;
      }
      if (ref.port.present && ref.port.value.is_string) {
        Report(kGatewayRequirement, w, ref.port.node, ref.port.loc, ref.path + "/port",
               "named port `" + ref.port.value.str_value + "` resolved to " + std::to_string(port) +
                   " through Service " + b.ns + "/" + name +
                   "; if the Service renumbers it, the route breaks",
               "services[].port");
      }
      j["name"] = name;
      if (b.ns != w.ns) {
        j["namespace"] = b.ns;
        w.service_grants.emplace_back(b.ns, name);
        Report(kGatewayRequirement, w, ref.ns.node, ref.ns.loc, ref.path + "/namespace",
               "cross-namespace Service " + b.ns + "/" + name + ": a ReferenceGrant in " + b.ns +
                   " replaces allowCrossNamespace, and namespace " + b.ns +
                   " must be watched by the Gateway provider",
               "services[].namespace");
      }
      j["port"] = port;
    }
    if (backends.size() > 1 && ref.weight.present) {
      j["weight"] = ref.weight.value;
    } else if (backends.size() == 1 && ref.weight.present && ref.weight.value == 0) {
      Report(kGatewayRequirement, w, ref.weight.node, ref.weight.loc, ref.path + "/weight",
             "weight 0 on the only service dropped: the CRD provider ignores it, but the Gateway "
             "provider's round robin would refuse a single child of weight 0",
             "services[].weight");
    }
    if (ref.native_lb.present && ref.native_lb.value) {
      Report(kBehaviourChange, w, ref.native_lb.node, ref.native_lb.loc, ref.path + "/nativeLB",
             "nativeLB becomes the annotation traefik.io/service.nativelb: \"true\" on Service " +
                 b.ns + "/" + name + ", which applies to every Gateway route to that Service",
             "services[].nativeLB");
    }
    w.backend_refs.push_back(std::move(j));
  }
  if (w.backend_refs.size() > 1) {
    const model::Route& r = *w.rr->route;
    Report(kBehaviourChange, w, r.services_node, r.loc, r.path + "/services",
           "weighted services: a backend that fails (missing, no endpoints, wrong port) now "
           "rejects its weight's share of connections instead of being skipped",
           "services[].weight");
  }
  if (w.backend_refs.empty() && ok) {
    ReportAtMatch(kInactiveRouteSkipped, w,
                  "route not translated: none of its services works today", "services");
    return false;
  }
  return ok;
}

void Translator::Classify(Work& w) {
  const resolve::PlannedRouter& p = *w.pr;
  if (!p.active() || p.name.empty()) {
    std::string why =
        p.reason.empty() ? std::string(resolve::RouterStatusName(p.status)) : p.reason;
    if (p.status == resolve::RouterStatus::kReplaced) {
      why += " (replaced by " + p.replaced_by + ")";
    }
    ReportAtMatch(kInactiveRouteSkipped, w,
                  "route not translated: Traefik does not build it today: " + why, "route");
    return;
  }
  w.considered = true;
  w.mode = p.tls.mode;
  w.entry_points = p.entry_points;
  bool ok = true;
  for (const std::string& ep : w.entry_points) {
    const EntryInfo& info = entry_points_[ep];
    if (!info.problem.empty()) {
      ReportAtMatch(
          kEntryPointUntranslatable, w,
          "route not translated: entry point " + ep + " cannot become a listener: " + info.problem,
          "entryPoints");
      ok = false;
    }
  }
  if (!ok) {
    return;
  }
  if (p.default_entry_points) {
    ReportAtMatch(kBehaviourChange, w,
                  "no entryPoints: one parentRef per default entry point (" +
                      Joined(w.entry_points) + "), computed from asDefault",
                  "entryPoints");
  }
  const model::Route& route = *w.rr->route;
  if (!route.middlewares.empty()) {
    std::vector<std::string> names;
    for (const model::ObjectRef& m : route.middlewares) {
      names.push_back(m.name.Or(std::string()));
    }
    const model::ObjectRef& first = route.middlewares.front();
    Report(kMiddlewareLost, w, first.node, first.loc, route.path + "/middlewares",
           "route not translated: middleware " + Joined(names) +
               " cannot be carried over: TCPRoute and TLSRoute have no filters, and dropping it "
               "would remove an access control or a limit",
           "middleware");
    ok = false;
  }
  bool match_ok = ClassifyMatch(w);
  bool tls_ok = ClassifyTls(w);
  bool backends_ok = ClassifyBackends(w);
  w.emit = ok && match_ok && tls_ok && backends_ok;
}

Json ListenerJson(const std::string& name, const char* protocol, int port,
                  const std::string& hostname, const char* mode,
                  const std::vector<std::pair<std::string, std::string>>& secrets,
                  const char* route_kind) {
  Json l = Json::object();
  l["name"] = name;
  l["protocol"] = protocol;
  l["port"] = port;
  if (!hostname.empty()) {
    l["hostname"] = hostname;
  }
  if (mode != nullptr) {
    Json tls = Json::object();
    tls["mode"] = mode;
    if (!secrets.empty()) {
      Json refs = Json::array();
      for (const auto& [ns, secret] : secrets) {
        refs.push_back(
            Json{{"group", ""}, {"kind", "Secret"}, {"name", secret}, {"namespace", ns}});
      }
      tls["certificateRefs"] = std::move(refs);
    }
    l["tls"] = std::move(tls);
  }
  l["allowedRoutes"] =
      Json{{"namespaces", Json{{"from", "All"}}},
           {"kinds", Json::array({Json{{"group", kGroup}, {"kind", route_kind}}})}};
  return l;
}

Json Metadata(const std::string& name, const std::string& ns) {
  return Json{{"name", name}, {"namespace", ns}};
}

void Translator::BuildDocuments(Translation& t) {
  struct EpListeners {
    bool tcp = false;
    bool passthrough = false;
    std::set<std::pair<std::string, std::string>> terminate_secrets;
    std::map<std::string, std::set<std::pair<std::string, std::string>>> by_host;
    const Work* first_tcp = nullptr;
    int tcp_routes = 0;
  };
  std::map<std::string, EpListeners> eps;
  for (const Work& w : work_) {
    if (!w.emit) {
      continue;
    }
    for (const std::string& ep : w.entry_points) {
      EpListeners& e = eps[ep];
      if (w.tcp) {
        e.tcp = true;
        ++e.tcp_routes;
        if (e.first_tcp == nullptr) {
          e.first_tcp = &w;
        } else if (e.tcp_routes == 2) {
          ReportAtMatch(kBehaviourChange, w,
                        "several TCPRoutes on listener " + entry_points_[ep].section +
                            "-tcp: equal-priority catch-alls, and which one wins is unspecified "
                            "(as it was with the IngressRouteTCPs)",
                        "HostSNI(`*`)");
        }
      } else if (w.mode == resolve::TlsMode::kPassthrough) {
        e.passthrough = true;
      } else {
        e.terminate_secrets.emplace(w.ns, w.secret);
        for (const std::string& h : w.hostnames) {
          e.by_host[h].emplace(w.ns, w.secret);
        }
      }
    }
  }
  Json listeners = Json::array();
  std::set<std::pair<std::string, std::string>> secret_grants;
  for (const auto& [ep, e] : eps) {
    const EntryInfo& info = entry_points_[ep];
    if (e.tcp) {
      listeners.push_back(
          ListenerJson(info.section + "-tcp", "TCP", info.port, "", nullptr, {}, "TCPRoute"));
    }
    if (e.passthrough) {
      listeners.push_back(ListenerJson(info.section + "-tls-passthrough", "TLS", info.port, "",
                                       "Passthrough", {}, "TLSRoute"));
    }
    if (!e.terminate_secrets.empty()) {
      if (!e.passthrough) {
        listeners.push_back(
            ListenerJson(info.section + "-tls-terminate", "TLS", info.port, "", "Terminate",
                         {e.terminate_secrets.begin(), e.terminate_secrets.end()}, "TLSRoute"));
      } else {
        for (const auto& [host, secrets] : e.by_host) {
          listeners.push_back(ListenerJson(info.section + "-tls-terminate-" + SectionPart(host),
                                           "TLS", info.port, host, "Terminate",
                                           {secrets.begin(), secrets.end()}, "TLSRoute"));
        }
      }
      for (const auto& s : e.terminate_secrets) {
        if (s.first != options_.gateway_namespace) {
          secret_grants.insert(s);
        }
      }
    }
    if (e.tcp && (e.passthrough || !e.terminate_secrets.empty())) {
      ReportAtMatch(kBehaviourChange, *e.first_tcp,
                    "TCP and TLS listeners on port " + std::to_string(info.port) +
                        " (entry point " + ep +
                        "): accepted by Traefik, which feeds both to the entry point, but Gateway "
                        "API says such listeners must not be accepted (not portable)",
                    "entryPoints");
    }
  }
  if (!listeners.empty()) {
    Json gw = Json::object();
    gw["apiVersion"] = "gateway.networking.k8s.io/v1";
    gw["kind"] = "Gateway";
    gw["metadata"] = Metadata(options_.gateway_name, options_.gateway_namespace);
    gw["spec"] = Json{{"gatewayClassName", options_.gateway_class}, {"listeners", listeners}};
    t.documents.push_back(std::move(gw));
  }
  std::set<std::tuple<std::string, std::string, std::string>> service_grants;
  for (const Work& w : work_) {
    if (!w.emit) {
      if (w.considered) {
        ++t.routes_left_out;
      }
      continue;
    }
    ++t.routes_emitted;
    const char* kind = w.tcp ? "TCPRoute" : "TLSRoute";
    for (const auto& [ns, name] : w.service_grants) {
      service_grants.emplace(ns, w.tcp ? "TCPRoute" : "TLSRoute", w.ns + "\n" + name);
    }
    Json parents = Json::array();
    std::set<std::string> sections;
    for (const std::string& ep : w.entry_points) {
      const EntryInfo& info = entry_points_[ep];
      std::vector<std::string> names;
      if (w.tcp) {
        names.push_back(info.section + "-tcp");
      } else if (w.mode == resolve::TlsMode::kPassthrough) {
        names.push_back(info.section + "-tls-passthrough");
      } else if (!eps[ep].passthrough) {
        names.push_back(info.section + "-tls-terminate");
      } else {
        for (const std::string& h : w.hostnames) {
          names.push_back(info.section + "-tls-terminate-" + SectionPart(h));
        }
      }
      for (const std::string& n : names) {
        if (sections.insert(n).second) {
          parents.push_back(Json{{"name", options_.gateway_name},
                                 {"namespace", options_.gateway_namespace},
                                 {"sectionName", n}});
        }
      }
    }
    std::size_t chunks = w.tcp ? 1 : (w.hostnames.size() + kMaxHostnames - 1) / kMaxHostnames;
    for (std::size_t c = 0; c < chunks; ++c) {
      Json doc = Json::object();
      doc["apiVersion"] =
          w.tcp ? "gateway.networking.k8s.io/v1alpha2" : "gateway.networking.k8s.io/v1";
      doc["kind"] = kind;
      std::string name = w.route_name + (c == 0 ? "" : "-" + std::to_string(c));
      documents_of_[w.ns + "/" + name] = &w;
      doc["metadata"] = Metadata(name, w.ns);
      Json spec = Json::object();
      spec["parentRefs"] = parents;
      if (!w.tcp) {
        std::size_t begin = c * kMaxHostnames;
        std::size_t end = std::min(w.hostnames.size(), begin + kMaxHostnames);
        spec["hostnames"] =
            std::vector<std::string>(w.hostnames.begin() + static_cast<std::ptrdiff_t>(begin),
                                     w.hostnames.begin() + static_cast<std::ptrdiff_t>(end));
      }
      spec["rules"] = Json::array({Json{{"backendRefs", w.backend_refs}}});
      doc["spec"] = std::move(spec);
      t.documents.push_back(std::move(doc));
    }
  }
  auto grant = [&](const std::string& ns, const std::string& name, const char* from_kind,
                   const std::string& from_ns, const char* to_kind, const std::string& to_name) {
    Json doc = Json::object();
    doc["apiVersion"] = "gateway.networking.k8s.io/v1beta1";
    doc["kind"] = "ReferenceGrant";
    doc["metadata"] = Metadata(name, ns);
    doc["spec"] =
        Json{{"from",
              Json::array({Json{{"group", kGroup}, {"kind", from_kind}, {"namespace", from_ns}}})},
             {"to", Json::array({Json{{"group", ""}, {"kind", to_kind}, {"name", to_name}}})}};
    t.documents.push_back(std::move(doc));
  };
  for (const auto& [ns, secret] : secret_grants) {
    grant(ns, options_.gateway_namespace + "-gateways-to-" + secret, "Gateway",
          options_.gateway_namespace, "Secret", secret);
  }
  for (const auto& [ns, kind, from_and_name] : service_grants) {
    std::size_t nl = from_and_name.find('\n');
    std::string from_ns = from_and_name.substr(0, nl);
    std::string name = from_and_name.substr(nl + 1);
    std::string plural = Lower(kind) + "s";
    std::string grant_name = from_ns + "-";
    grant_name += plural;
    grant_name += "-to-";
    grant_name += name;
    grant(ns, grant_name, kind == "TCPRoute" ? "TCPRoute" : "TLSRoute", from_ns, "Service", name);
  }
}

/// What a route's match names, as sample connections for the replay: its SNIs (wildcards
/// instantiated, regexps in a translatable form), ALPN protocols and ClientIP addresses. `wide`
/// when it can match SNIs it does not name (another HostSNIRegexp, a negation, a catch-all):
/// such a route is replayed with every SNI named on its entry point.
struct Leaves {
  std::vector<std::string> snis;
  std::vector<std::string> alpns;
  std::vector<std::string> ips;
  bool wide = false;
};

std::string ProbeSni(const std::string& h) {
  return h.starts_with("*.") ? "irtcp-probe" + h.substr(1) : h;
}

Leaves LeavesOf(const std::string& rule, rule_lang::Syntax syntax) {
  Leaves out;
  rule_lang::Error err;
  std::optional<rule_lang::MatchExpr> expr = rule_lang::Parse(rule, &err);
  if (!expr) {
    out.wide = true;
    return out;
  }
  std::set<std::string> seen;
  auto add = [](std::vector<std::string>& v, std::set<std::string>& s, std::string x) {
    if (s.insert(x).second) {
      v.push_back(std::move(x));
    }
  };
  std::set<std::string> alpns;
  std::set<std::string> ips;
  rule_lang::ForEachCall(*expr->root, [&](const rule_lang::Node& call) {
    for (const rule_lang::Arg& a : call.args) {
      if (call.matcher == rule_lang::Matcher::kHostSni) {
        if (a.value == "*") {
          out.wide = true;
        } else {
          add(out.snis, seen, ProbeSni(Lower(a.value)));
        }
      } else if (call.matcher == rule_lang::Matcher::kHostSniRegexp) {
        bool approx = false;
        if (std::optional<std::string> h = RegexpHostname(a.value, syntax, &approx)) {
          add(out.snis, seen, ProbeSni(*h));
        } else {
          out.wide = true;
        }
      } else if (call.matcher == rule_lang::Matcher::kAlpn) {
        add(out.alpns, alpns, a.value);
      } else if (call.matcher == rule_lang::Matcher::kClientIp) {
        add(out.ips, ips, a.value.substr(0, a.value.find('/')));
      }
    }
  });
  bool negated = false;
  std::function<void(const rule_lang::Node&)> walk = [&](const rule_lang::Node& n) {
    negated = negated || n.kind == rule_lang::NodeKind::kNot;
    if (n.lhs) {
      walk(*n.lhs);
    }
    if (n.rhs) {
      walk(*n.rhs);
    }
  };
  walk(*expr->root);
  out.wide = out.wide || negated;
  return out;
}

std::string DescribeConnection(const rule_lang::Connection& c, bool tls) {
  if (!tls) {
    return "non-TLS connections from " + c.remote_ip;
  }
  std::string s = c.server_name.empty() ? "TLS connections without SNI"
                                        : "TLS connections for SNI " + c.server_name;
  if (!c.alpn.empty()) {
    s += " with ALPN " + c.alpn.front();
  }
  return s + " from " + c.remote_ip;
}

void Translator::Analyse(const std::vector<Json>& documents) {
  GatewayModelOptions model_options;
  model_options.gateway_class = options_.gateway_class;
  model_options.experimental_channel = true;  // the translation as meant; the warning says
  resolve::RoutePlan translated = ModelGatewayProvider(documents, config_, model_options);

  std::map<std::string, const Work*> by_router;  // plan router name -> work
  std::set<std::string> eps;
  for (const Work& w : work_) {
    if (!w.considered) {
      continue;
    }
    by_router[w.pr->name] = &w;
    eps.insert(w.entry_points.begin(), w.entry_points.end());
  }
  // The CRD-provider order among the translated routes only ("a priority that changes which
  // route wins is judged among the emitted routes").
  resolve::RoutePlan kept;
  kept.routers = plan_.routers;
  for (resolve::PlannedRouter& r : kept.routers) {
    auto it = by_router.find(r.name);
    if (r.active() && (it == by_router.end() || !it->second->emit)) {
      r.status = resolve::RouterStatus::kRejected;
    }
  }
  kept.Reindex();
  for (const resolve::EntryPointPlan& ep : plan_.entry_points) {
    resolve::EntryPointPlan copy;
    copy.name = ep.name;
    for (int table = 0; table < 2; ++table) {
      const rule_lang::RouteTable& from = table == 0 ? ep.tcp : ep.tls;
      rule_lang::RouteTable& to = table == 0 ? copy.tcp : copy.tls;
      for (const rule_lang::Route& r : from.routes()) {
        if (kept.FindRouter(r.id) != nullptr) {
          to.Add(r.id, r.match, r.priority, r.provider, r.tls);
        }
      }
      to.Build();
    }
    kept.entry_points.push_back(std::move(copy));
  }

  std::set<std::pair<const Work*, std::string>> redirected;
  std::set<std::pair<const Work*, std::string>> reordered;
  std::set<const Work*> denied;
  for (const std::string& ep : eps) {
    // Every SNI named on the entry point, before and after, plus none and an unknown one.
    std::vector<std::string> snis = {"", "irtcp-probe.invalid"};
    std::set<std::string> seen(snis.begin(), snis.end());
    auto on_ep = [&ep](const resolve::PlannedRouter& r) {
      return std::find(r.entry_points.begin(), r.entry_points.end(), ep) != r.entry_points.end();
    };
    for (const resolve::RoutePlan* p :
         {&plan_, static_cast<const resolve::RoutePlan*>(&translated)}) {
      for (const resolve::PlannedRouter& r : p->routers) {
        if (r.active() && on_ep(r)) {
          for (std::string& sni : LeavesOf(r.rule, r.syntax).snis) {
            if (seen.insert(sni).second) {
              snis.push_back(std::move(sni));
            }
          }
        }
      }
    }
    // Who wins among the translated routes, before and after (IRT511, deny-unknown-host).
    for (const std::string& sni : snis) {
      for (bool tls : {true, false}) {
        if (!tls && !sni.empty()) {
          continue;
        }
        rule_lang::Connection conn{sni, {}, kClient};
        const resolve::PlannedRouter* now = translated.Pick(ep, conn, tls);
        const resolve::PlannedRouter* kept_before = kept.Pick(ep, conn, tls);
        if (kept_before == nullptr || now == nullptr) {
          continue;
        }
        auto it = by_router.find(kept_before->name);
        if (it == by_router.end()) {
          continue;
        }
        const Work* owner = it->second;
        if (now->name == kDenyUnknownHost) {
          if (denied.insert(owner).second) {
            ReportAtMatch(kBehaviourChange, *owner,
                          DescribeConnection(conn, tls) + " on entry point " + ep +
                              " are now closed by the Gateway provider's deny-unknown-host "
                              "router instead of reaching this route",
                          "deny-unknown-host");
          }
        } else if (documents_of_[now->object] != owner &&
                   reordered.emplace(owner, now->object).second) {
          const model::Route& r = *owner->rr->route;
          Loss& l = r.priority.present
                        ? Report(kRouteOrderChanges, *owner, r.priority.node, r.priority.loc,
                                 r.path + "/priority", "", "priority")
                        : ReportAtMatch(kRouteOrderChanges, *owner, "", "priority");
          l.diagnostic.message =
              DescribeConnection(conn, tls) + " on entry point " + ep + " now reach " +
              now->object + " instead of " + owner->key +
              ": the Gateway provider orders routers by longest hostname, not by the "
              "IngressRouteTCP priority (" +
              std::to_string(owner->pr->priority) + ")";
          l.related = now->object;
        }
      }
    }
    // Who reaches what: the connections each left-out route won, replayed after (IRT509).
    for (const Work& w : work_) {
      if (!w.considered || w.emit || !on_ep(*w.pr)) {
        continue;
      }
      Leaves leaves = LeavesOf(w.pr->rule, w.pr->syntax);
      std::vector<std::string> own = {"", "irtcp-probe.invalid"};
      own.insert(own.end(), leaves.snis.begin(), leaves.snis.end());
      const std::vector<std::string>& probe_snis = leaves.wide ? snis : own;
      std::vector<std::vector<std::string>> alpns = {{}};
      for (const std::string& a : leaves.alpns) {
        alpns.push_back({a});
      }
      std::vector<std::string> ips = {kClient};
      ips.insert(ips.end(), leaves.ips.begin(), leaves.ips.end());
      for (const std::string& ip : ips) {
        for (const std::string& sni : probe_snis) {
          for (const std::vector<std::string>& alpn : alpns) {
            for (bool tls : {true, false}) {
              if (!tls && (!sni.empty() || !alpn.empty())) {
                continue;
              }
              rule_lang::Connection conn{sni, alpn, ip};
              const resolve::PlannedRouter* before = plan_.Pick(ep, conn, tls);
              if (before == nullptr || before->name != w.pr->name) {
                continue;
              }
              const resolve::PlannedRouter* now = translated.Pick(ep, conn, tls);
              if (now == nullptr || now->name == kDenyUnknownHost ||
                  !redirected.emplace(&w, now->object).second) {
                continue;
              }
              Loss& l = ReportAtMatch(kTrafficRedirected, w,
                                      "connections this left-out route took on entry point " + ep +
                                          " (" + DescribeConnection(conn, tls) +
                                          ") now reach translated route " + now->object,
                                      dropped_by_[&w]);
              l.related = now->object;
            }
          }
        }
      }
    }
  }
}

void Translator::GlobalWarnings() {
  const Work* first_tls = nullptr;
  const Work* first_tcp = nullptr;
  for (const Work& w : work_) {
    if (!w.emit) {
      continue;
    }
    if (!w.tcp && first_tls == nullptr) {
      first_tls = &w;
    }
    if (w.tcp && first_tcp == nullptr) {
      first_tcp = &w;
    }
  }
  std::vector<std::string> defaults = config::DefaultEntryPoints(config_);
  if (first_tls != nullptr && !defaults.empty()) {
    ReportAtMatch(kBehaviourChange, *first_tls,
                  "once a TLSRoute exists, Traefik's Gateway provider adds router "
                  "deny-unknown-host (HostSNI(`*`) && !ALPN(`h2`) && !ALPN(`http/1.1`), priority "
                  "1) to the default entry points (" +
                      Joined(defaults) +
                      "): TLS clients with an unknown SNI and no HTTP ALPN are closed after a "
                      "handshake with the default certificate",
                  "deny-unknown-host");
    for (const Work& w : work_) {
      if (!w.emit || !w.tcp) {
        continue;
      }
      for (const std::string& ep : w.entry_points) {
        if (std::find(defaults.begin(), defaults.end(), ep) != defaults.end()) {
          ReportAtMatch(kBehaviourChange, w,
                        "entry point " + ep +
                            " is a default entry point, so deny-unknown-host (a TLS router) "
                            "lands on it: Traefik no longer hands connections to this TCPRoute "
                            "without reading, and server-first clients (MySQL, SMTP) wait for "
                            "readTimeout; set asDefault on the HTTP entry points",
                        "entryPoints");
        }
      }
    }
  }
  if (first_tcp != nullptr) {
    if (options_.experimental_channel.has_value() && !*options_.experimental_channel) {
      Loss& l = ReportAtMatch(kGatewayRequirement, *first_tcp,
                              "--traefik-config does not set "
                              "providers.kubernetesGateway.experimentalChannel: true: Traefik "
                              "does not watch TCPRoutes and refuses TCP listeners without it",
                              "experimentalChannel");
      l.diagnostic.severity = diag::Severity::kWarning;
    } else {
      ReportAtMatch(kGatewayRequirement, *first_tcp,
                    "TCPRoute (v1alpha2) needs the experimental-channel CRDs and "
                    "providers.kubernetesGateway.experimentalChannel: true",
                    "experimentalChannel");
    }
  }
  const Work* first = first_tls != nullptr ? first_tls : first_tcp;
  if (first != nullptr) {
    ReportAtMatch(kGatewayRequirement, *first,
                  "router and service names change (tlsroute- or tcproute-<ns>-<name>-gw-<gw "
                  "ns>-<gw>-ep-<entry "
                  "point>-…): dashboards, metrics and file-provider references that use them "
                  "need updating; remove each IngressRouteTCP once its routes are served from "
                  "the Gateway, or both routers exist",
                  "names");
  }
}

Translation Translator::Run() {
  Translation t;
  if (!plan_.fatal_error.empty()) {
    t.fatal_error = plan_.fatal_error;
    return t;
  }
  if (!PrepareEntryPoints(&t.fatal_error)) {
    return t;
  }
  for (const provider::IngressResult& ir : result_.ingresses) {
    if (ir.processed) {
      const model::IngressRouteTCP& irt = *ir.irtcp;
      if (irt.ingress_class_name.present || irt.ingress_class_annotation.present) {
        // Reported once per object, at the class field.
        const model::Field<std::string>& f =
            irt.ingress_class_name.present ? irt.ingress_class_name : irt.ingress_class_annotation;
        Work w;
        w.object = irt.object;
        Report(kBehaviourChange, w, f.node, f.loc, "",
               "ingress class `" + f.value +
                   "`: the Gateway API equivalent is the choice of GatewayClass/Gateway "
                   "(--gateway, --gateway-class); a Traefik instance filters GatewayClasses with "
                   "labelSelector",
               "ingressClassName");
      }
    }
  }
  work_.reserve(result_.routes.size());
  for (std::size_t i = 0; i < result_.routes.size() && i < plan_.routers.size(); ++i) {
    Work w;
    w.index = i;
    w.rr = &result_.routes[i];
    w.pr = &plan_.routers[i];
    w.object = w.rr->irtcp->object;
    w.ns = w.object->namespace_;
    w.route_name = w.rr->irtcp->IngressName() + "-" + std::to_string(w.rr->route->index);
    w.key = w.ns + "/" + w.route_name;
    work_.push_back(std::move(w));
  }
  for (Work& w : work_) {
    Classify(w);
  }
  BuildDocuments(t);
  for (const Json& doc : t.documents) {
    std::vector<std::string> broken = CheckCelRules(doc);
    if (!broken.empty()) {
      t.fatal_error = "internal error: the translation of " + Lower(doc.value("kind", "")) + " " +
                      doc["metadata"].value("name", "") +
                      " breaks a Gateway API rule: " + Joined(broken, "; ");
      return t;
    }
  }
  Analyse(t.documents);
  GlobalWarnings();
  std::stable_sort(losses_.begin(), losses_.end(), [](const Loss& a, const Loss& b) {
    const diag::Diagnostic& x = a.diagnostic;
    const diag::Diagnostic& y = b.diagnostic;
    const std::string& xp = x.file ? x.file->path() : std::string();
    const std::string& yp = y.file ? y.file->path() : std::string();
    return std::tie(xp, x.location.line, x.location.column, x.rule->code) <
           std::tie(yp, y.location.line, y.location.column, y.rule->code);
  });
  t.losses = std::move(losses_);
  return t;
}

}  // namespace

bool Translation::HasErrorLoss() const {
  return std::any_of(losses.begin(), losses.end(),
                     [](const Loss& l) { return l.diagnostic.severity == diag::Severity::kError; });
}

std::optional<bool> ExperimentalChannel(const std::string& path) {
  if (path.empty()) {
    return std::nullopt;
  }
  std::string err;
  std::optional<config::TraefikConfig> file = config::LoadTraefikConfig(path, &err);
  if (!file) {
    return std::nullopt;
  }
  return file->gateway_experimental_channel.value_or(false);
}

bool ParseGatewayRef(std::string_view text, GatewayOptions* options, std::string* err) {
  static const RE2 kLabel("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  std::size_t slash = text.find('/');
  std::string ns(slash == std::string_view::npos ? std::string_view() : text.substr(0, slash));
  std::string name(slash == std::string_view::npos ? text : text.substr(slash + 1));
  if (slash == std::string_view::npos || !RE2::FullMatch(ns, kLabel) ||
      !RE2::FullMatch(name, kLabel) || ns.size() > 63 || name.size() > 253) {
    *err = "--gateway must be NAMESPACE/NAME (lower-case DNS labels), got \"" + std::string(text) +
           "\"";
    return false;
  }
  options->gateway_namespace = ns;
  options->gateway_name = name;
  return true;
}

Translation Translate(const provider::Result& result, const resolve::RoutePlan& plan,
                      const provider::StaticConfig& config, const GatewayOptions& options) {
  return Translator(result, plan, config, options).Run();
}

std::string WriteDocuments(const Translation& translation, Format format) {
  if (format == Format::kJson) {
    Json list = Json::object();
    list["apiVersion"] = "v1";
    list["kind"] = "List";
    list["items"] = translation.documents;
    return list.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < translation.documents.size(); ++i) {
    if (i > 0) {
      out += "---\n";
    }
    out += render::ToYaml(translation.documents[i]);
  }
  return out;
}

std::string ReportJson(const Translation& translation) {
  Json findings = Json::array();
  int counts[3] = {0, 0, 0};
  for (const Loss& l : translation.losses) {
    const diag::Diagnostic& d = l.diagnostic;
    ++counts[static_cast<int>(d.severity)];
    Json j = Json::object();
    j["object"] = d.object;
    j["file"] = d.file ? d.file->path() : "";
    j["line"] = d.location.line;
    j["column"] = d.location.column;
    j["path"] = d.json_path;
    j["code"] = d.code();
    j["name"] = d.name();
    j["severity"] = diag::SeverityName(d.severity);
    j["loss"] = l.loss;
    j["message"] = d.message;
    j["related"] = l.related;
    findings.push_back(std::move(j));
  }
  Json summary = Json::object();
  summary["routes_emitted"] = translation.routes_emitted;
  summary["routes_left_out"] = translation.routes_left_out;
  summary["errors"] = counts[2];
  summary["warnings"] = counts[1];
  summary["infos"] = counts[0];
  Json report = Json::object();
  report["findings"] = std::move(findings);
  report["summary"] = std::move(summary);
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace irtcp::gateway
