// What a lint check sees and how it is registered.
#pragma once

#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"

namespace irtcp::model {
class Catalog;
}  // namespace irtcp::model
namespace irtcp::provider {
struct StaticConfig;
}  // namespace irtcp::provider

namespace irtcp::lint {

/// Options that change what checks report. Extended by the modules that need more (provider
/// options, entry points) through `extra`-free plain fields: add fields here.
struct LintOptions {
  std::string default_rule_syntax = "v3";  ///< core.defaultRuleSyntax (v2 or v3)
  bool strict_references = false;          ///< --strict-references
  /// Provider options and entry points (flags, --traefik-config, defaults); nullptr: Traefik's
  /// defaults with unknown entry points.
  const provider::StaticConfig* static_config = nullptr;
  /// The input decoded into the typed model, shared by the reference rules; nullptr: each rule
  /// that needs it decodes the input itself (slower, same findings).
  const model::Catalog* catalog = nullptr;
};

/// Everything a check may read: the whole loaded input (every object across all files, indexed by
/// kind, namespace and name) and the effective options.
struct RuleContext {
  const model::InputSet& input;
  const LintOptions& options;
};

using CheckFn = void (*)(const RuleContext&, diag::DiagnosticSink&);

/// A registry entry: the documentation and, for lint rules, the check that reports it (loader and
/// schema findings have no check function: their modules report them while loading).
struct Rule {
  const diag::RuleInfo* info;
  CheckFn check;
};

}  // namespace irtcp::lint
