// One run of validate, render or resolve, start to end: static configuration -> load -> catalog
// -> provider model -> lint. The subcommands only map their flags to SessionOptions and the
// Session to output and an exit code.
//
// Operational problems behave the same in every subcommand: a bad --traefik-config, --crd or
// label selector stops the run before any output (`fatal_error`); a path that cannot be read is
// reported (`summary.errors`) while the rest of the input is still checked, printed and counted,
// and the exit code is 2.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config/static_config.h"
#include "core/lint/rule.h"
#include "core/lint/selection.h"
#include "core/model/catalog.h"
#include "core/provider/engine.h"
#include "core/report/formatter.h"
#include "core/run/baseline.h"
#include "core/run/load_run.h"

namespace irtcp::run {

enum class Command : std::uint8_t { kValidate, kRender, kResolve };

struct SessionOptions {
  Command command = Command::kValidate;
  LoadOptions load;
  config::StaticConfigSource static_config;
  std::vector<std::string> crd_paths;  ///< validate --crd: user CRDs replacing bundled schemas
  bool strict_references = false;      ///< --strict-references: the input is the whole cluster
  bool verbose = false;                ///< notes on what was skipped
  /// --select/--ignore/--severity and the configuration file: applied to every finding (IRT001
  /// always shows), before suppressions and the baseline.
  lint::RuleSelection selection;
  /// --baseline FILE: findings recorded there are left out (counted in the summary). A file that
  /// cannot be read stops the run.
  std::string baseline_path;
  /// Notes from the project configuration file (printed with the run's other notes).
  std::vector<std::string> config_notes;
  /// validate --upgrade-to VERSION: the findings become the upgrade report from the run's
  /// Traefik version to this one (core/run/upgrade.h). Unset: an ordinary run.
  std::optional<std::string> upgrade_to;
};

/// Everything one run produced. Findings are in `loaded->sink`, sorted.
struct Session {
  std::unique_ptr<LoadedRun> loaded;
  std::unique_ptr<model::Catalog> catalog;
  provider::StaticConfig static_config;
  provider::Result provider;
  /// The options the checks ran with (pointing into this session).
  lint::LintOptions lint;
  /// Counts, unreadable paths and notes (configuration, skipped reference checks, unknown
  /// servers) for the formatters.
  report::Summary summary;
  std::vector<std::string> config_notes;  ///< what --traefik-config said (settings not modelled)
  Baseline baseline;                      ///< loaded from SessionOptions::baseline_path
  /// Set when the run stopped before producing anything (exit 2).
  std::string fatal_error;
  /// --upgrade-to: the version the report is for.
  std::optional<version::TraefikVersion> upgrade_to;
};

/// Runs a whole session. Never null.
std::unique_ptr<Session> RunSession(const SessionOptions& options);

/// Checks other texts of the same inputs (fixed in memory) with the configuration of `base`:
/// what `--fix` uses to look at its own result. Null with *err on an operational error.
std::unique_ptr<Session> RecheckSources(const Session& base, const SessionOptions& options,
                                        const std::vector<source::SourceFilePtr>& sources,
                                        std::string* err);

}  // namespace irtcp::run
