// Provider events as findings: what `irtcp render` prints on stderr (Traefik's own log lines,
// at their place in the manifests).
#pragma once

#include "core/diag/diagnostic.h"
#include "core/provider/engine.h"

namespace irtcp::provider {

/// IRT490 provider-log: a line Traefik's CRD provider would log (warn -> warning, error ->
/// error). The dedicated reference/provider rules (IRT2xx-IRT4xx) explain each case in detail.
extern const diag::RuleInfo kProviderLog;

/// Reports every event at or above `min_level` to `sink`, at the event's node.
void ReportEvents(const Result& result, EventLevel min_level, diag::DiagnosticSink& sink);

}  // namespace irtcp::provider
