// Loading the inputs of one run: paths -> sources -> documents -> objects, with findings.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/kubectl.h"
#include "core/diag/diagnostic.h"
#include "core/input/collect.h"
#include "core/model/object.h"
#include "core/report/formatter.h"
#include "core/yaml/load.h"

namespace irtcp::run {

struct LoadOptions {
  std::vector<std::string> paths;
  std::string default_namespace = "default";
  input::CollectOptions collect;
  yaml::LoadOptions yaml;
  /// Worker threads (-j); 0: the CPUs the process may use. Files are parsed, and objects
  /// schema-checked, in parallel; results are merged in input order, so the output does not
  /// depend on the number.
  unsigned threads = 0;
  /// Path globs (lint::PathExcluded) of files left out, whether a directory walk found them or
  /// they were named: `exclude` of .irtcp.yaml and --exclude.
  std::vector<std::string> exclude;
  /// A directory the globs are also matched against paths relative to (the configuration file's
  /// directory); "" matches displayed paths only.
  std::string exclude_base;
  /// --context-path: inputs loaded so that references resolve (a pre-commit hook names only the
  /// changed files) but whose own findings are not reported. Files also named in `paths` count
  /// as named.
  std::vector<std::string> context_paths;
  /// Called (from any worker thread) after each file is parsed: files done, total.
  std::function<void(std::size_t, std::size_t)> progress;
  /// --from-cluster: the live objects read through kubectl are inputs too (after the paths),
  /// one source per object named `cluster:<ns>/<Kind>/<name>`.
  std::optional<cluster::ClusterOptions> cluster;
};

/// CPUs this process may run on (its affinity mask), at least 1.
unsigned AvailableCpus();
/// `threads` resolved: 0 becomes AvailableCpus(), and never more than `work_items` (at least 1).
unsigned WorkerCount(unsigned threads, std::size_t work_items);

/// Runs fn(i) for every i in [0, n) on `workers` threads (the caller's included).
void ParallelFor(std::size_t n, unsigned workers, const std::function<void(std::size_t)>& fn);

/// Everything one run loaded. Findings about the input are in `sink`; I/O errors in
/// `collected.errors` (they make the exit code 2).
struct LoadedRun {
  explicit LoadedRun(std::string ns) : input(std::move(ns)) {}
  model::InputSet input;
  diag::DiagnosticSink sink;
  input::Collected collected;
  /// Sources loaded only as context (--context-path): their findings are dropped.
  std::vector<const source::SourceFile*> context_only;
  /// Files left out by the exclude globs.
  std::size_t excluded_files = 0;
  /// Set when the input could not be read at all (kubectl failed in cluster mode): the run
  /// stops with this message and exit 2.
  std::string fatal_error;

  bool IsContextOnly(const source::SourceFile* file) const;

  /// Counts for the formatters.
  report::Summary MakeSummary() const;
};

std::unique_ptr<LoadedRun> Load(const LoadOptions& options);

/// "IngressRouteTCP default/web": how findings, junit test cases and fingerprints name an object.
std::string ObjectIdentity(const model::Object& obj);

/// Sets each finding's `object` to the identity of the object whose text holds its position.
void AttachObjects(LoadedRun& run);

/// Exit code from findings and errors: 2 on operational errors, 1 when a finding is at or above
/// `fail_on` (nullopt: never), else 0.
int ExitCode(const std::vector<diag::Diagnostic>& diagnostics, bool had_errors,
             std::optional<diag::Severity> fail_on);

}  // namespace irtcp::run
