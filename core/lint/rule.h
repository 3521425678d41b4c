// What a lint check sees and how it is registered.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"
#include "core/version/traefik_version.h"

namespace irtcp::model {
class Catalog;
}  // namespace irtcp::model
namespace irtcp::provider {
struct StaticConfig;
struct Result;
}  // namespace irtcp::provider

namespace irtcp::lint {

/// Options that change what checks report. Extended by the modules that need more (provider
/// options, entry points) through `extra`-free plain fields: add fields here.
struct LintOptions {
  std::string default_rule_syntax = "v3";  ///< core.defaultRuleSyntax (v2 or v3)
  /// The Traefik that reads the manifests (--traefik-version).
  version::TraefikVersion traefik_version = version::DefaultVersion();
  bool strict_references = false;  ///< --strict-references
  /// Provider options and entry points (flags, --traefik-config, defaults); nullptr: Traefik's
  /// defaults with unknown entry points.
  const provider::StaticConfig* static_config = nullptr;
  /// The input decoded into the typed model, shared by the reference rules; nullptr: each rule
  /// that needs it decodes the input itself (slower, same findings).
  const model::Catalog* catalog = nullptr;
  /// The provider model of this input (built over `catalog` with these options); nullptr: the
  /// first rule that needs it builds it (core/lint/support/provider_view.h).
  const provider::Result* provider_result = nullptr;
};

struct RuleContext;

/// Analyses that several checks share (every route's parsed rule, the route overlaps), built by
/// the first check that asks and kept for the rest of the run. Checks run one after another, so
/// this needs no lock.
class SharedAnalyses {
 public:
  /// The run's `T`, constructed as `T(ctx)` on first use.
  template <typename T>
  const T& Get(const RuleContext& ctx) {
    const void* tag = Tag<T>();
    for (const Entry& e : entries_) {
      if (e.tag == tag) {
        return *static_cast<const T*>(e.value.get());
      }
    }
    auto value = std::make_shared<const T>(ctx);
    const T& ref = *value;
    entries_.push_back({tag, std::move(value)});
    return ref;
  }

 private:
  template <typename T>
  static const void* Tag() {
    static const char kTag = 0;
    return &kTag;
  }
  struct Entry {
    const void* tag;
    std::shared_ptr<const void> value;
  };
  std::vector<Entry> entries_;
};

/// Everything a check may read: the whole loaded input (every object across all files, indexed by
/// kind, namespace and name), the effective options, and the analyses checks share.
struct RuleContext {
  RuleContext(const model::InputSet& in, const LintOptions& opts) : input(in), options(opts) {}
  RuleContext(const RuleContext&) = delete;
  RuleContext& operator=(const RuleContext&) = delete;

  /// The run's shared `T` (see SharedAnalyses).
  template <typename T>
  const T& Shared() const {
    return shared_.Get<T>(*this);
  }

  const model::InputSet& input;
  const LintOptions& options;

 private:
  mutable SharedAnalyses shared_;
};

using CheckFn = void (*)(const RuleContext&, diag::DiagnosticSink&);

/// A registry entry: the documentation and, for lint rules, the check that reports it (loader and
/// schema findings have no check function: their modules report them while loading).
struct Rule {
  const diag::RuleInfo* info;
  CheckFn check;
};

}  // namespace irtcp::lint
