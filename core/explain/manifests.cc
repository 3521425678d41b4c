#include "core/explain/manifests.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/explain/match_words.h"
#include "core/report/formatter.h"
#include "core/resolve/route_plan.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/overlap.h"
#include "core/rule_lang/parser.h"
#include "core/util/terminal.h"

namespace irtcp::explain {

namespace {

using nlohmann::json;

/// Values from the input, escaped for the terminal (util/terminal.h); JSON keeps them as they are.
std::string T(const std::string& s) { return util::TerminalSafe(s); }

/// Above this many active routers explain does not compare every pair of routes.
constexpr std::size_t kMaxRivalRouters = 2000;

bool UnderPath(const std::string& json_path, const std::string& prefix) {
  return !prefix.empty() && json_path.compare(0, prefix.size(), prefix) == 0 &&
         (json_path.size() == prefix.size() || json_path[prefix.size()] == '/');
}

/// The finding lies in this object (two files may hold objects of one identity).
bool InObject(const diag::Diagnostic& d, const model::Object& o, const std::string& identity) {
  return d.object == identity && d.file.get() == &o.file();
}

std::string EntryPointWords(const std::string& name, const provider::StaticConfig& config) {
  for (const provider::EntryPoint& ep : config.entry_points) {
    if (ep.name == name && !ep.address.empty()) {
      return name + " (" + ep.address + ")";
    }
  }
  return name;
}

std::string TlsWords(const resolve::PlannedTls& tls) {
  switch (tls.mode) {
    case resolve::TlsMode::kNone:
      return "no TLS on this router: Traefik forwards the bytes as they come";
    case resolve::TlsMode::kPassthrough:
      return "TLS passed through: Traefik reads only the ClientHello (server name, ALPN) and "
             "forwards the encrypted stream; the backend does the handshake with its own "
             "certificate";
    case resolve::TlsMode::kTerminate:
      break;
  }
  std::string out = "TLS terminated by Traefik";
  if (!tls.certificate.empty()) {
    out += " with " + tls.certificate;
  }
  if (!tls.certificate_note.empty()) {
    out += " (" + tls.certificate_note + ")";
  }
  if (!tls.cert_resolver.empty()) {
    out += ", certificates from certResolver " + tls.cert_resolver;
  }
  out += ", TLS options " + tls.options;
  if (!tls.options_note.empty()) {
    out += " (" + tls.options_note + ")";
  }
  if (!tls.options_error.empty()) {
    out += "; but the options are broken, so Traefik closes matching connections: " +
           tls.options_error;
  }
  out += "; the backend receives plain TCP";
  return out;
}

/// `total_weight` and `all_ok` are over the route's backends: a share is shown only when every
/// backend is served, since Traefik's weighted round robin then splits by those weights.
BackendWords Backend(const resolve::PlannedBackend& b, std::int64_t total_weight, bool weighted,
                     bool all_ok) {
  BackendWords w;
  w.target = "Service " + b.service + " port " + b.port;
  w.weight = b.weight;
  if (weighted && b.weight && total_weight > 0 && all_ok) {
    std::int64_t pct = (*b.weight * 100 + total_weight / 2) / total_weight;
    w.share = "weight " + std::to_string(*b.weight) + ", about " + std::to_string(pct) +
              "% of connections";
  } else if (weighted && b.weight) {
    w.share = "weight " + std::to_string(*b.weight);
  }
  if (b.ok) {
    // The reason often starts with the source already ("ExternalName db.example.com ...").
    w.how = b.source.empty() || b.reason.rfind(b.source, 0) == 0
                ? b.reason
                : b.source + (b.reason.empty() ? "" : ": " + b.reason);
  }
  for (const resolve::PlannedServer& s : b.servers) {
    w.servers.push_back(s.address + (s.tls ? " (TLS to the backend)" : ""));
  }
  w.ok = b.ok;
  if (!b.ok) {
    w.problem = "Traefik drops this service: " + b.error;
  } else if (!b.unknown.empty()) {
    w.problem = b.unknown;
  }
  if (!b.inherited_from.empty()) {
    w.how += (w.how.empty() ? "" : "; ") + std::string("written by ") + b.inherited_from;
  }
  return w;
}

struct Compiled {
  const resolve::PlannedRouter* router = nullptr;
  std::optional<rule_lang::MatchExpr> expr;
  std::string where;
  std::optional<rule_lang::CompiledMatch> match;
  /// The rule reads only the server name (HostSNI and HostSNIRegexp leaves, any operators).
  bool sni_only = false;
  /// When set: every server name the rule matches (a finite set, checked against the rule).
  std::optional<std::vector<std::string>> hosts;
};

/// Fills match, sni_only and hosts: for rules that read only the SNI and can match only known
/// names, the overlap of two routes is decided exactly by matching those names (this covers
/// HostSNIRegexp, which the general analysis cannot compare).
void CompileForRivals(Compiled& c) {
  const resolve::PlannedRouter& p = *c.router;
  if (!c.expr || !p.active()) {
    return;
  }
  rule_lang::Error err;
  c.match = rule_lang::Compile(p.rule, p.syntax, &err);
  if (!c.match) {
    return;
  }
  c.sni_only = true;
  rule_lang::ForEachCall(*c.expr->root, [&](const rule_lang::Node& n) {
    c.sni_only = c.sni_only && (n.matcher == rule_lang::Matcher::kHostSni ||
                                n.matcher == rule_lang::Matcher::kHostSniRegexp);
  });
  if (c.sni_only && c.match->exact_hosts()) {
    std::vector<std::string> hosts;
    for (const std::string& h : *c.match->exact_hosts()) {
      if (c.match->Matches(rule_lang::Connection{h, {}, ""})) {
        hosts.push_back(h);
      }
    }
    c.hosts = std::move(hosts);
  }
}

/// The exact answer for two SNI-only rules when one of them matches a known set of names:
/// "all" (`hi` matches every name `lo` does), "some", "none"; "" when it does not apply.
std::string_view ExactOverlap(const Compiled& hi, const Compiled& lo) {
  if (!hi.sni_only || !lo.sni_only || (!hi.hosts && !lo.hosts)) {
    return "";
  }
  auto matches = [](const Compiled& c, const std::string& host) {
    return c.match->Matches(rule_lang::Connection{host, {}, ""});
  };
  if (lo.hosts) {
    std::size_t both = 0;
    for (const std::string& h : *lo.hosts) {
      if (matches(hi, h)) {
        ++both;
      }
    }
    if (both == 0) {
      return "none";
    }
    return both == lo.hosts->size() ? "all" : "some";
  }
  for (const std::string& h : *hi.hosts) {
    if (matches(lo, h)) {
      return "some";
    }
  }
  return "none";
}

/// The other active routes on a shared entry point and muxer (TLS or not) that a connection
/// could also match, split by who wins it (priority, rules.md §6). Quadratic in the routes: the
/// caller skips it above kMaxRivalRouters.
void FindRivals(const std::vector<Compiled>& all, std::size_t self, RouteWords& out) {
  const resolve::PlannedRouter& me = *all[self].router;
  if (!me.active() || !all[self].expr) {
    return;
  }
  bool tls = me.tls.mode != resolve::TlsMode::kNone;
  rule_lang::OverlapRoute mine{&*all[self].expr, me.syntax, me.priority, tls, {}, {}};
  for (std::size_t j = 0; j < all.size(); ++j) {
    const resolve::PlannedRouter& other = *all[j].router;
    if (j == self || !other.active() || !all[j].expr ||
        (other.tls.mode != resolve::TlsMode::kNone) != tls || other.name == me.name) {
      continue;
    }
    const std::string* shared = nullptr;
    for (const std::string& ep : me.entry_points) {
      if (shared == nullptr && std::find(other.entry_points.begin(), other.entry_points.end(),
                                         ep) != other.entry_points.end()) {
        shared = &ep;
      }
    }
    if (shared == nullptr) {
      continue;
    }
    bool winner = me.priority > other.priority;
    // TLS routers only: without TLS there is no SNI, and the general analysis knows that.
    std::string_view exact =
        tls ? ExactOverlap(all[winner ? self : j], all[winner ? j : self]) : "";
    if (exact == "none") {
      continue;
    }
    rule_lang::OverlapRoute theirs{&*all[j].expr, other.syntax, other.priority, tls, {}, {}};
    std::string overlap;
    if (me.priority == other.priority) {
      if (!exact.empty() || rule_lang::Intersect(mine, theirs) != rule_lang::Intersection::kNone) {
        out.loses_to.push_back({other.name, all[j].where, *shared, other.priority, "tie"});
      }
      continue;
    }
    const rule_lang::OverlapRoute& hi = winner ? mine : theirs;
    const rule_lang::OverlapRoute& lo = winner ? theirs : mine;
    if (!exact.empty()) {
      overlap = std::string(exact);
    } else if (rule_lang::Covers(hi, lo)) {
      overlap = "all";
    } else {
      switch (rule_lang::Intersect(hi, lo)) {
        case rule_lang::Intersection::kNone:
          continue;
        case rule_lang::Intersection::kSome:
          overlap = "some";
          break;
        case rule_lang::Intersection::kUnknown:
          overlap = "maybe";
          break;
      }
    }
    (winner ? out.wins_over : out.loses_to)
        .push_back({other.name, all[j].where, *shared, other.priority, std::move(overlap)});
  }
}

json DiagnosticJson(const diag::Diagnostic& d) {
  json j = json::object();
  j["file"] = d.file != nullptr ? d.file->path() : "";
  j["line"] = d.location.line;
  j["column"] = d.location.column;
  j["severity"] = diag::SeverityName(d.severity);
  j["code"] = d.code();
  j["name"] = d.name();
  j["message"] = d.message;
  return j;
}

json RivalsJson(const std::vector<Rival>& rivals) {
  json a = json::array();
  for (const Rival& r : rivals) {
    a.push_back({{"router", r.router},
                 {"route", r.where},
                 {"entryPoint", r.entry_point},
                 {"priority", r.priority},
                 {"overlap", r.overlap}});
  }
  return a;
}

std::string RivalWords(const Rival& r, bool winning) {
  std::string out = r.where + ", priority " + std::to_string(r.priority) + ", on " + r.entry_point;
  if (r.overlap == "tie") {
    return out +
           ": same priority and some connections match both; Traefik's order between "
           "them is unspecified (IRT124)";
  }
  if (r.overlap == "all") {
    return out + (winning ? ": for every connection it matches (it never gets one)"
                          : ": for every connection this route matches (this route never gets "
                            "one)");
  }
  if (r.overlap == "some") {
    return out + ": for the connections both match";
  }
  return out + ": where both match (irtcp cannot tell whether they overlap)";
}

std::string TakesWords(const RouteWords& r) {
  if (r.condition == "any connection") {
    return "Takes every " + std::string(r.connections == "TLS connections"
                                            ? "TLS connection"
                                            : "connection that is not TLS");
  }
  return "Takes " + r.connections + " when " + r.condition;
}

/// " (set in spec)" / " (the default: rule length)".
std::string PrioritySource(const std::string& source) {
  if (source == "spec") {
    return " (set in the route)";
  }
  if (source.rfind("default (", 0) == 0 && source.back() == ')') {
    return " (the default: " + source.substr(9, source.size() - 10) + ")";
  }
  return source.empty() ? "" : " (" + source + ")";
}

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

ManifestExplanation ExplainManifests(const run::Session& session) {
  ManifestExplanation out;
  resolve::RoutePlan plan = resolve::BuildRoutePlan(session.provider, session.static_config);
  const provider::Result& result = session.provider;
  std::vector<Compiled> compiled(plan.routers.size());
  std::size_t active = 0;
  for (std::size_t i = 0; i < plan.routers.size(); ++i) {
    const resolve::PlannedRouter& p = plan.routers[i];
    const provider::RouteResult& rr = result.routes[i];
    compiled[i].router = &p;
    rule_lang::Error err;
    compiled[i].expr = rule_lang::Parse(p.rule, &err);
    compiled[i].where =
        p.object + " route " + std::to_string(rr.route->index + 1) + " (" + p.location + ")";
    CompileForRivals(compiled[i]);
    if (p.active()) {
      ++active;
    }
  }
  if (active > kMaxRivalRouters) {
    out.notes.push_back("the routes each route wins over or loses to are not listed: " +
                        std::to_string(active) + " active routers, more than " +
                        std::to_string(kMaxRivalRouters) + " (the comparison is quadratic)");
  }
  std::vector<bool> used(session.loaded->sink.diagnostics().size(), false);
  const std::vector<diag::Diagnostic>& findings = session.loaded->sink.diagnostics();
  for (const provider::IngressResult& ir : result.ingresses) {
    const model::Object& o = *ir.irtcp->object;
    ObjectWords ow;
    ow.object = o.namespace_ + "/" + o.name;
    ow.location = o.file().path() + ":" + std::to_string(o.loc().line);
    ow.api_version = o.api_version;
    ow.processed = ir.processed;
    ow.skip_reason = ir.skip_reason;
    const std::string identity = run::ObjectIdentity(o);
    for (std::size_t i = 0; i < plan.routers.size(); ++i) {
      const provider::RouteResult& rr = result.routes[i];
      if (rr.irtcp != ir.irtcp) {
        continue;
      }
      const resolve::PlannedRouter& p = plan.routers[i];
      RouteWords rw;
      rw.index = rr.route->index;
      rw.location = p.location;
      rw.router = p.name;
      rw.status = std::string(resolve::RouterStatusName(p.status));
      if (!p.active()) {
        rw.status_reason = p.reason;
        if (!p.replaced_by.empty()) {
          rw.status_reason += " (replaced by " + p.replaced_by + ")";
        }
        if (!p.rejected_by.empty()) {
          rw.status_reason = "rejected by the " + p.rejected_by + ": " + rw.status_reason;
        }
      }
      for (const std::string& ep : p.entry_points) {
        rw.entry_points.push_back(EntryPointWords(ep, session.static_config));
      }
      rw.default_entry_points = p.default_entry_points;
      rw.rule = p.rule;
      rw.syntax = std::string(rule_lang::SyntaxName(p.syntax));
      bool tls = p.tls.mode != resolve::TlsMode::kNone;
      rw.connections = tls ? "TLS connections" : "connections that are not TLS";
      if (!tls) {
        // rules.md §7.2, the fast path: with no TLS router on the entry point Traefik matches
        // the plain routers before reading a byte, with an empty SNI, TLS clients included.
        std::vector<std::string> fast;
        for (const std::string& ep : p.entry_points) {
          const resolve::EntryPointPlan* plan_ep = plan.FindEntryPoint(ep);
          if (p.active() && plan_ep != nullptr && plan_ep->tls.size() == 0) {
            fast.push_back(ep);
          }
        }
        if (!fast.empty()) {
          std::string list;
          for (const std::string& f : fast) {
            list += (list.empty() ? "" : ", ") + f;
          }
          rw.fast_path = "No router on " + list +
                         " has tls, so unless HTTPS routers use it too, Traefik picks a router "
                         "before reading anything (server-first protocols work, and TLS clients "
                         "are routed here too, without their SNI)";
        }
      }
      if (compiled[i].expr) {
        rw.condition = DescribeMatch(*compiled[i].expr->root, p.syntax);
      } else {
        rw.condition = p.rule.empty() ? "nothing: the match is empty"
                                      : "a rule Traefik rejects (see the findings)";
      }
      rw.priority = p.priority;
      rw.priority_source = p.priority_source;
      if (active <= kMaxRivalRouters) {
        FindRivals(compiled, i, rw);
      }
      rw.tls_mode = std::string(resolve::TlsModeName(p.tls.mode));
      rw.tls = TlsWords(p.tls);
      for (const resolve::PlannedMiddleware& m : p.middlewares) {
        std::string mw = m.name;
        if (!m.spec.empty()) {
          mw += ": " + m.spec;
        }
        if (!m.found) {
          mw += m.note.empty() ? " (not found: Traefik drops the route)" : " (" + m.note + ")";
        } else if (!m.note.empty()) {
          mw += " (" + m.note + ")";
        }
        rw.middlewares.push_back(std::move(mw));
      }
      std::int64_t total = 0;
      bool all_ok = true;
      for (const resolve::PlannedBackend& b : p.backends) {
        total += b.weight.value_or(0);
        all_ok = all_ok && b.ok && b.weight.has_value();
      }
      bool weighted = p.backends.size() > 1;
      for (const resolve::PlannedBackend& b : p.backends) {
        rw.backends.push_back(Backend(b, total, weighted, all_ok));
      }
      for (std::size_t k = 0; k < findings.size(); ++k) {
        if (InObject(findings[k], o, identity) &&
            UnderPath(findings[k].json_path, rr.route->path)) {
          rw.findings.push_back(findings[k]);
          used[k] = true;
        }
      }
      ow.routes.push_back(std::move(rw));
    }
    for (std::size_t k = 0; k < findings.size(); ++k) {
      if (!used[k] && InObject(findings[k], o, identity)) {
        ow.findings.push_back(findings[k]);
        used[k] = true;
      }
    }
    out.objects.push_back(std::move(ow));
  }
  out.other_findings = static_cast<std::size_t>(std::count(used.begin(), used.end(), false));
  out.notes.insert(out.notes.end(), plan.notes.begin(), plan.notes.end());
  for (const std::string& n : session.summary.notes) {
    if (std::find(out.notes.begin(), out.notes.end(), n) == out.notes.end()) {
      out.notes.push_back(n);
    }
  }
  return out;
}

void WriteManifestText(const ManifestExplanation& e, const TextStyle& style, std::ostream& out) {
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  report::FormatOptions format;
  format.color = style.color;
  const std::string in4(4, ' ');
  const std::string in6(6, ' ');
  bool first = true;
  for (const ObjectWords& o : e.objects) {
    out << (first ? "" : "\n") << Bold("IngressRouteTCP " + T(o.object), style) << "  "
        << Dim(T(o.location + ", " + o.api_version), style) << '\n';
    first = false;
    if (!o.processed) {
      out << Wrap(T("Traefik does not process this object: " + o.skip_reason + "."), width, "  ");
    } else if (o.routes.empty()) {
      out << "  It has no routes.\n";
    }
    for (const RouteWords& r : o.routes) {
      out << "  " << Bold("route " + std::to_string(r.index + 1), style) << "  "
          << Dim(T(r.location), style);
      if (!r.router.empty()) {
        out << "  router " << T(r.router);
      }
      out << '\n';
      if (r.status != "ok") {
        out << Wrap(Red("Traefik does not route to it", style) + ": " + T(r.status_reason) + ".",
                    width, in4);
      }
      std::string eps;
      for (std::size_t i = 0; i < r.entry_points.size(); ++i) {
        eps += (i == 0 ? "" : ", ") + r.entry_points[i];
      }
      if (r.default_entry_points) {
        std::string named = eps.empty() || eps == "(default)" ? std::string() : ": " + eps;
        eps = "Traefik's default entry points";
        eps += named;
      }
      out << Wrap(T("Listens on " + eps + "."), width, in4);
      out << Wrap(T(TakesWords(r) + "."), width, in4, in6);
      if (!r.fast_path.empty()) {
        out << Wrap(T(r.fast_path + "."), width, in4, in6);
      }
      out << Wrap(T("Rule " + r.rule + " (" + r.syntax + " syntax), priority " +
                    std::to_string(r.priority) + PrioritySource(r.priority_source) + "."),
                  width, in4, in6);
      for (const Rival& w : r.wins_over) {
        out << Wrap(T("Wins over " + RivalWords(w, true) + "."), width, in4, in6);
      }
      for (const Rival& w : r.loses_to) {
        out << Wrap(T((w.overlap == "tie" ? "Races " : "Loses to ") + RivalWords(w, false) + "."),
                    width, in4, in6);
      }
      std::string tls = r.tls;
      tls[0] = static_cast<char>(tls[0] >= 'a' && tls[0] <= 'z' ? tls[0] - 'a' + 'A' : tls[0]);
      out << Wrap(T(tls + "."), width, in4, in6);
      if (r.middlewares.empty()) {
        out << in4 << "No middleware.\n";
      } else {
        out << in4 << "Middlewares, in order:\n";
        for (const std::string& m : r.middlewares) {
          out << Wrap(T(m), width, in6 + "- ", in6 + "  ");
        }
      }
      if (r.backends.empty()) {
        out << in4 << "Sends the bytes nowhere: the route has no service.\n";
      } else {
        out << in4 << "Sends the bytes to:\n";
      }
      for (const BackendWords& b : r.backends) {
        std::string line = b.target;
        if (!b.share.empty()) {
          line += " (" + b.share + ")";
        }
        if (!b.servers.empty()) {
          line += " -> ";
          for (std::size_t i = 0; i < b.servers.size(); ++i) {
            line += (i == 0 ? "" : ", ") + b.servers[i];
          }
        }
        out << Wrap(T(line), width, in6 + "- ", in6 + "  ");
        if (!b.how.empty()) {
          out << Dim(Wrap(T(b.how), width, in6 + "  "), style);
        }
        if (!b.problem.empty()) {
          out << Wrap(b.ok ? T(b.problem) : Red(T(b.problem), style), width, in6 + "  ");
        }
      }
      if (!r.findings.empty()) {
        out << in4 << Plural(r.findings.size(), "finding", "findings") << ":\n";
        for (const diag::Diagnostic& d : r.findings) {
          out << report::FormatText(d, format);
        }
      }
    }
    if (!o.findings.empty()) {
      out << "  " << Plural(o.findings.size(), "finding", "findings")
          << " on the object outside its routes:\n";
      for (const diag::Diagnostic& d : o.findings) {
        out << report::FormatText(d, format);
      }
    }
  }
  if (e.objects.empty()) {
    out << "No IngressRouteTCP in the input.\n";
  }
  if (e.other_findings > 0) {
    out << '\n'
        << Wrap(Plural(e.other_findings, "other finding", "other findings") +
                    " on other objects: irtcp validate lists them.",
                width, "");
  }
  for (const std::string& n : e.notes) {
    out << Wrap(T("note: " + n), width, "", "  ");
  }
}

void WriteManifestJson(const ManifestExplanation& e, std::ostream& out) {
  json objects = json::array();
  for (const ObjectWords& o : e.objects) {
    json jo = {{"object", o.object},
               {"location", o.location},
               {"apiVersion", o.api_version},
               {"processed", o.processed}};
    if (!o.processed) {
      jo["skipReason"] = o.skip_reason;
    }
    json routes = json::array();
    for (const RouteWords& r : o.routes) {
      json jr = {{"index", r.index},
                 {"location", r.location},
                 {"router", r.router},
                 {"status", r.status},
                 {"entryPoints", r.entry_points},
                 {"defaultEntryPoints", r.default_entry_points},
                 {"rule", r.rule},
                 {"syntax", r.syntax},
                 {"connections", r.connections},
                 {"fastPath", r.fast_path},
                 {"condition", r.condition},
                 {"priority", r.priority},
                 {"prioritySource", r.priority_source},
                 {"winsOver", RivalsJson(r.wins_over)},
                 {"losesTo", RivalsJson(r.loses_to)},
                 {"tlsMode", r.tls_mode},
                 {"tls", r.tls},
                 {"middlewares", r.middlewares}};
      if (!r.status_reason.empty()) {
        jr["statusReason"] = r.status_reason;
      }
      json backends = json::array();
      for (const BackendWords& b : r.backends) {
        json jb = {{"target", b.target}, {"ok", b.ok}, {"how", b.how}, {"servers", b.servers}};
        if (b.weight) {
          jb["weight"] = *b.weight;
        }
        if (!b.share.empty()) {
          jb["share"] = b.share;
        }
        if (!b.problem.empty()) {
          jb["problem"] = b.problem;
        }
        backends.push_back(std::move(jb));
      }
      jr["backends"] = std::move(backends);
      json fs = json::array();
      for (const diag::Diagnostic& d : r.findings) {
        fs.push_back(DiagnosticJson(d));
      }
      jr["findings"] = std::move(fs);
      routes.push_back(std::move(jr));
    }
    jo["routes"] = std::move(routes);
    json fs = json::array();
    for (const diag::Diagnostic& d : o.findings) {
      fs.push_back(DiagnosticJson(d));
    }
    jo["findings"] = std::move(fs);
    objects.push_back(std::move(jo));
  }
  json j = {{"version", 1},
            {"ingressRouteTCPs", std::move(objects)},
            {"otherFindings", e.other_findings},
            {"notes", e.notes}};
  // Paths as the user gave them may be any bytes: replace invalid UTF-8 rather than throw.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void WriteManifestMarkdown(const ManifestExplanation& e, std::ostream& out) {
  for (const ObjectWords& o : e.objects) {
    out << "## IngressRouteTCP `" << o.object << "` (" << o.location << ")\n\n";
    if (!o.processed) {
      out << "Traefik does not process this object: " << o.skip_reason << ".\n\n";
    }
    for (const RouteWords& r : o.routes) {
      out << "### Route " << (r.index + 1) << " (" << r.location << ")\n\n";
      if (r.status != "ok") {
        out << "**Traefik does not route to it**: " << r.status_reason << ".\n\n";
      }
      out << "- Router: `" << r.router << "`\n- Entry points: ";
      for (std::size_t i = 0; i < r.entry_points.size(); ++i) {
        out << (i == 0 ? "" : ", ") << r.entry_points[i];
      }
      out << (r.default_entry_points ? " (Traefik's defaults)" : "") << "\n";
      out << "- " << TakesWords(r) << ".\n";
      if (!r.fast_path.empty()) {
        out << "- " << r.fast_path << ".\n";
      }
      out << "- Rule `" << r.rule << "` (" << r.syntax << "), priority " << r.priority
          << PrioritySource(r.priority_source) << "\n";
      for (const Rival& w : r.wins_over) {
        out << "- Wins over " << RivalWords(w, true) << "\n";
      }
      for (const Rival& w : r.loses_to) {
        out << "- " << (w.overlap == "tie" ? "Races " : "Loses to ") << RivalWords(w, false)
            << "\n";
      }
      out << "- TLS: " << r.tls << "\n";
      for (const std::string& m : r.middlewares) {
        out << "- Middleware: " << m << "\n";
      }
      for (const BackendWords& b : r.backends) {
        out << "- To " << b.target << (b.share.empty() ? "" : " (" + b.share + ")");
        for (std::size_t i = 0; i < b.servers.size(); ++i) {
          out << (i == 0 ? ": " : ", ") << b.servers[i];
        }
        if (!b.problem.empty()) {
          out << " — " << b.problem;
        }
        out << "\n";
      }
      out << '\n';
      if (!r.findings.empty()) {
        out << "```\n";
        report::FormatOptions format;
        for (const diag::Diagnostic& d : r.findings) {
          out << report::FormatText(d, format);
        }
        out << "```\n\n";
      }
    }
  }
  for (const std::string& n : e.notes) {
    out << "> note: " << n << "\n";
  }
}

}  // namespace irtcp::explain
