#include "core/resolve/resolver.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/provider/engine.h"
#include "core/util/terminal.h"

namespace irtcp::resolve {

namespace {

/// Every value from the input (names, rules, reasons quoting user text) is shown escaped: a
/// multi-line `match` prints on one line with `\n`, and no control byte reaches the terminal.
std::string T(const std::string& s) { return util::TerminalSafe(s); }

void WriteList(std::ostream& out, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    out << (i > 0 ? ", " : "") << T(items[i]);
  }
}

std::string MiddlewareText(const PlannedMiddleware& m) {
  if (!m.found) {
    return T(m.name) + " (does not exist)";
  }
  if (!m.spec.empty()) {
    return T(m.name) + " (" + T(m.spec) + ")";
  }
  return m.note.empty() ? T(m.name) : T(m.name) + " (" + T(m.note) + ")";
}

void WriteBackend(const PlannedBackend& b, std::ostream& out) {
  out << "      -> " << T(b.service) << ":" << T(b.port);
  if (b.weight) {
    out << "  weight " << *b.weight;
  }
  if (!b.ok) {
    out << "  DROPPED: " << T(b.error);
  }
  out << '\n';
  if (!b.inherited_from.empty()) {
    out << "         from    " << T(b.inherited_from)
        << " (same router name: Traefik keeps this service of that route)\n";
  }
  if (!b.servers.empty()) {
    out << "         servers ";
    for (std::size_t i = 0; i < b.servers.size(); ++i) {
      out << (i > 0 ? ", " : "") << T(b.servers[i].address) << (b.servers[i].tls ? " (tls)" : "");
    }
    out << '\n';
  }
  if (!b.reason.empty()) {
    out << "         via     " << T(b.reason) << '\n';
  }
  if (!b.unknown.empty()) {
    out << "         unknown " << T(b.unknown) << '\n';
  }
}

/// One router. `listed` is false outside the entry point tables: the entry points are then
/// written out.
void WriteRouter(const PlannedRouter& r, bool listed, std::ostream& out) {
  out << "  " << r.priority << "  " << T(r.rule) << '\n';
  out << "      router   " << (r.name.empty() ? "(none)" : T(r.name)) << "  (" << T(r.object)
      << ", " << T(r.location) << ")\n";
  out << "      priority " << T(r.priority_source) << '\n';
  if (r.syntax == rule_lang::Syntax::kV2) {
    out << "      syntax   v2\n";
  }
  if (!listed) {
    out << "      entry    ";
    WriteList(out, r.entry_points);
    out << (r.default_entry_points ? " (no entryPoints: the default entry points)" : "") << '\n';
  } else if (r.default_entry_points) {
    out << "      entry    no entryPoints: bound to the default entry points\n";
  }
  out << "      tls      " << T(r.tls.Describe()) << '\n';
  if (!r.tls.certificate_note.empty()) {
    out << "      cert     " << T(r.tls.certificate) << ": " << T(r.tls.certificate_note) << '\n';
  }
  if (!r.middlewares.empty()) {
    out << "      middle   ";
    for (std::size_t i = 0; i < r.middlewares.size(); ++i) {
      out << (i > 0 ? ", " : "") << MiddlewareText(r.middlewares[i]);
    }
    out << '\n';
  }
  for (const std::string& w : r.warnings) {
    out << "      warning  " << T(w) << '\n';
  }
  switch (r.status) {
    case RouterStatus::kActive:
      if (!r.tls.options_error.empty()) {
        out << "      status   closes every TLS connection it matches: " << T(r.tls.options_error)
            << '\n';
      }
      break;
    case RouterStatus::kDangling:
      out << "      status   dangling: " << T(r.reason) << '\n';
      break;
    case RouterStatus::kRejected:
      out << "      status   rejected by the " << T(r.rejected_by) << ": " << T(r.reason) << '\n';
      break;
    case RouterStatus::kReplaced:
      out << "      status   replaced by " << T(r.replaced_by) << ": " << T(r.reason) << '\n';
      break;
  }
  for (const PlannedBackend& b : r.backends) {
    WriteBackend(b, out);
  }
}

void WriteTable(const RoutePlan& plan, const rule_lang::RouteTable& table, std::ostream& out) {
  for (const rule_lang::Route& route : table.routes()) {
    if (const PlannedRouter* r = plan.FindRouter(route.id)) {
      WriteRouter(*r, true, out);
    }
  }
}

std::vector<std::string> Ids(const rule_lang::RouteTable& table) {
  std::vector<std::string> out;
  for (const rule_lang::Route& r : table.routes()) {
    out.push_back(r.id);
  }
  return out;
}

}  // namespace

void WriteResolveText(const RoutePlan& plan, std::ostream& out, bool color) {
  // Headings in bold on a terminal (--color); the tables stay plain.
  auto heading = [color](const std::string& text) {
    return color ? "\x1b[1m" + text + "\x1b[0m" : text;
  };
  if (!plan.fatal_error.empty()) {
    out << "Traefik's CRD provider would not start: " << T(plan.fatal_error) << '\n';
    return;
  }
  for (const EntryPointPlan& ep : plan.entry_points) {
    out << heading("entry point " + T(ep.name)) << '\n';
    bool both = ep.tcp.size() > 0 && ep.tls.size() > 0;
    if (both) {
      out << "  TLS connections (routers with tls)\n";
    }
    WriteTable(plan, ep.tls, out);
    if (both) {
      out << "  non-TLS connections (routers without tls)\n";
    }
    WriteTable(plan, ep.tcp, out);
    out << '\n';
  }
  bool header = false;
  for (const PlannedRouter& r : plan.routers) {
    if (r.active()) {
      continue;
    }
    if (!header) {
      out << heading("routes Traefik does not route to") << '\n';
      header = true;
    }
    WriteRouter(r, false, out);
  }
  if (header) {
    out << '\n';
  }
  if (!plan.skipped.empty()) {
    out << heading("objects Traefik skips") << '\n';
    for (const SkippedObject& s : plan.skipped) {
      out << "  " << T(s.object) << " (" << T(s.location) << "): " << T(s.reason) << '\n';
    }
    out << '\n';
  }
  for (const std::string& n : plan.notes) {
    out << "note: " << T(n) << '\n';
  }
}

void WriteResolveJson(const RoutePlan& plan, std::ostream& out) {
  nlohmann::ordered_json j;
  j["entryPoints"] = nlohmann::ordered_json::array();
  for (const EntryPointPlan& ep : plan.entry_points) {
    j["entryPoints"].push_back({{"name", ep.name}, {"tls", Ids(ep.tls)}, {"tcp", Ids(ep.tcp)}});
  }
  j["routes"] = nlohmann::ordered_json::array();
  for (const PlannedRouter& r : plan.routers) {
    nlohmann::ordered_json jr;
    jr["router"] = r.name;
    jr["object"] = r.object;
    jr["location"] = r.location;
    jr["entryPoints"] = r.entry_points;
    jr["defaultEntryPoints"] = r.default_entry_points;
    jr["rule"] = r.rule;
    jr["syntax"] = std::string(rule_lang::SyntaxName(r.syntax));
    jr["priority"] = r.priority;
    jr["prioritySource"] = r.priority_source;
    jr["tls"] = r.tls.Describe();
    jr["tlsMode"] = std::string(TlsModeName(r.tls.mode));
    if (r.tls.mode == TlsMode::kTerminate) {
      jr["certificate"] = r.tls.certificate;
      if (!r.tls.certificate_note.empty()) {
        jr["certificateNote"] = r.tls.certificate_note;
      }
      jr["tlsOptions"] = r.tls.options;
      if (!r.tls.options_error.empty()) {
        jr["tlsOptionsError"] = r.tls.options_error;
      }
      if (!r.tls.cert_resolver.empty()) {
        jr["certResolver"] = r.tls.cert_resolver;
      }
    }
    jr["middlewares"] = nlohmann::ordered_json::array();
    jr["middlewareDetails"] = nlohmann::ordered_json::array();
    for (const PlannedMiddleware& m : r.middlewares) {
      jr["middlewares"].push_back(m.name);
      nlohmann::ordered_json jm{{"name", m.name}, {"found", m.found}};
      if (!m.spec.empty()) {
        jm["spec"] = m.spec;
      }
      if (!m.note.empty()) {
        jm["note"] = m.note;
      }
      jr["middlewareDetails"].push_back(std::move(jm));
    }
    jr["status"] = std::string(RouterStatusName(r.status));
    if (!r.rejected_by.empty()) {
      jr["rejectedBy"] = r.rejected_by;
    }
    if (!r.reason.empty()) {
      jr["statusReason"] = r.reason;
    }
    if (!r.replaced_by.empty()) {
      jr["replacedBy"] = r.replaced_by;
    }
    if (!r.warnings.empty()) {
      jr["warnings"] = r.warnings;
    }
    jr["backends"] = nlohmann::ordered_json::array();
    for (const PlannedBackend& b : r.backends) {
      nlohmann::ordered_json jb;
      jb["service"] = b.service;
      jb["port"] = b.port;
      if (b.weight) {
        jb["weight"] = *b.weight;
      }
      jb["ok"] = b.ok;
      if (!b.source.empty()) {
        jb["source"] = b.source;
      }
      jb["servers"] = nlohmann::ordered_json::array();
      for (const PlannedServer& s : b.servers) {
        jb["servers"].push_back({{"address", s.address}, {"tls", s.tls}});
      }
      if (!b.reason.empty()) {
        jb["reason"] = b.reason;
      }
      if (!b.error.empty()) {
        jb["error"] = b.error;
      }
      if (!b.unknown.empty()) {
        jb["unknown"] = b.unknown;
      }
      if (!b.inherited_from.empty()) {
        jb["inheritedFrom"] = b.inherited_from;
      }
      jr["backends"].push_back(std::move(jb));
    }
    j["routes"].push_back(std::move(jr));
  }
  j["skipped"] = nlohmann::ordered_json::array();
  for (const SkippedObject& s : plan.skipped) {
    j["skipped"].push_back({{"object", s.object}, {"location", s.location}, {"reason", s.reason}});
  }
  j["notes"] = plan.notes;
  if (!plan.fatal_error.empty()) {
    j["fatalError"] = plan.fatal_error;
  }
  // Paths as the user gave them may be any bytes: replace invalid UTF-8 rather than throw.
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace irtcp::resolve
