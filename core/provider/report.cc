#include "core/provider/report.h"

namespace irtcp::provider {

const diag::RuleInfo kProviderLog{
    "IRT490",
    "provider-log",
    "Traefik's CRD provider logs a warning or an error for this object",
    R"md(## What it does
Reports, at the object and field concerned, each warning or error Traefik v3.7's Kubernetes CRD
provider would log while building its configuration from these manifests (`Cannot create
service`, `Failed to create middleware keys`, `Invalid reference to TLSOption`, `Error configuring
TLS`, ...), with Traefik's own message and error text.

## Why is this bad?
Traefik reports these problems only in its log, and keeps going: the route, router, service or
certificate concerned is dropped from the configuration it serves, or a router points at a
service that does not exist.

## How to fix
Follow the error text: create the missing object, fix the reference, or change the provider
option named in the message.

## Fix safety
No automatic fix.
)md",
    diag::Severity::kWarning,
    diag::FixAvailability::kNone};

void ReportEvents(const Result& result, EventLevel min_level, diag::DiagnosticSink& sink) {
  for (const Event& e : result.events) {
    if (e.level < min_level) {
      continue;
    }
    source::SourceFilePtr file;
    source::Location loc;
    std::uint32_t end = 0;
    if (e.object != nullptr) {
      file = e.object->doc->file_ptr();
      yaml::NodeId node = e.node != yaml::kNoNode ? e.node : e.object->node;
      loc = e.object->doc->node(node).loc;
      end = e.object->doc->node(node).end;
    }
    diag::Diagnostic& d = sink.Report(kProviderLog, file, loc, "Traefik: " + e.Text());
    d.severity = e.level == EventLevel::kError  ? diag::Severity::kError
                 : e.level == EventLevel::kWarn ? diag::Severity::kWarning
                                                : diag::Severity::kInfo;
    d.json_path = e.json_path;
    if (e.object != nullptr && e.node != yaml::kNoNode && e.node != e.object->node) {
      d.end_offset = end;
    }
  }
}

}  // namespace irtcp::provider
