#include "core/run/load_run.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "core/lint/selection.h"

namespace irtcp::run {

namespace {

/// CPUs this process may run on (its affinity mask: `taskset`, cgroup cpusets), which can be
/// fewer than hardware_concurrency(); a parse thread per CPU beyond that only adds switching.
unsigned AvailableCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) {
      return static_cast<unsigned>(n);
    }
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

bool Excluded(const std::string& path, const LoadOptions& options) {
  if (options.exclude.empty()) {
    return false;
  }
  if (lint::PathExcluded(path, options.exclude)) {
    return true;
  }
  if (options.exclude_base.empty()) {
    return false;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) {
    return false;
  }
  std::string rel = abs.lexically_normal().lexically_relative(options.exclude_base).string();
  return !rel.empty() && !rel.starts_with("..") && lint::PathExcluded(rel, options.exclude);
}

std::string Canonical(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

/// Collects the named paths and the context paths, leaving out excluded files and context files
/// that were also named; findings about files left out are dropped.
void CollectInputs(const LoadOptions& options, LoadedRun& run) {
  diag::DiagnosticSink sink;
  run.collected = input::Collect(options.paths, options.collect, sink);
  std::set<std::string> named;
  for (const source::SourceFilePtr& f : run.collected.sources) {
    named.insert(Canonical(f->path()));
  }
  if (!options.context_paths.empty()) {
    // Findings about context files (too large, Helm templates) are not reported.
    diag::DiagnosticSink context_sink;
    input::Collected context = input::Collect(options.context_paths, options.collect, context_sink);
    for (source::SourceFilePtr& f : context.sources) {
      if (named.count(Canonical(f->path())) == 0) {
        run.context_only.push_back(f.get());
        run.collected.sources.push_back(std::move(f));
      }
    }
    for (std::string& e : context.errors) {
      run.collected.errors.push_back(std::move(e));
    }
  }
  std::vector<const source::SourceFile*> left_out;
  std::vector<source::SourceFilePtr> kept;
  for (source::SourceFilePtr& f : run.collected.sources) {
    if (Excluded(f->path(), options)) {
      left_out.push_back(f.get());
    } else {
      kept.push_back(std::move(f));
    }
  }
  run.excluded_files = left_out.size();
  run.collected.sources = std::move(kept);
  for (diag::Diagnostic& d : sink.diagnostics()) {
    const bool dropped = d.file != nullptr && (Excluded(d.file->path(), options) ||
                                               std::find(left_out.begin(), left_out.end(),
                                                         d.file.get()) != left_out.end());
    if (!dropped) {
      run.sink.Add(std::move(d));
    }
  }
}

}  // namespace

bool LoadedRun::IsContextOnly(const source::SourceFile* file) const {
  return file != nullptr &&
         std::find(context_only.begin(), context_only.end(), file) != context_only.end();
}

report::Summary LoadedRun::MakeSummary() const {
  report::Summary s;
  s.files = input.files().size();
  s.documents = input.document_count();
  s.objects = input.objects().size();
  s.traefik_objects = static_cast<std::size_t>(input.traefik_object_count());
  for (const auto& [kind, n] : input.skipped()) {
    s.skipped_objects += static_cast<std::size_t>(n);
  }
  s.errors = collected.errors;
  return s;
}

std::unique_ptr<LoadedRun> Load(const LoadOptions& options) {
  auto run = std::make_unique<LoadedRun>(options.default_namespace);
  CollectInputs(options, *run);
  const std::vector<source::SourceFilePtr>& sources = run->collected.sources;
  // Parsing is the bulk of loading and files are independent: parse them on up to `threads`
  // workers, each file into its own slot, then index the objects in input order so findings and
  // output stay deterministic.
  struct Slot {
    std::vector<yaml::Document> docs;
    diag::DiagnosticSink sink;
  };
  std::vector<Slot> slots(sources.size());
  unsigned threads = options.threads != 0 ? options.threads : std::min(4U, AvailableCpus());
  threads = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(sources.size())));
  std::atomic<std::size_t> next{0};
  auto work = [&]() {
    for (std::size_t i = next++; i < sources.size(); i = next++) {
      slots[i].docs = yaml::ParseStream(sources[i], options.yaml, slots[i].sink);
    }
  };
  if (threads <= 1 || sources.size() < 2) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back(work);
    }
    work();
    for (std::thread& t : pool) {
      t.join();
    }
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (diag::Diagnostic& d : slots[i].sink.diagnostics()) {
      run->sink.Add(std::move(d));
    }
    run->input.AddParsed(sources[i], std::move(slots[i].docs), run->sink);
  }
  return run;
}

int ExitCode(const std::vector<diag::Diagnostic>& diagnostics, bool had_errors,
             std::optional<diag::Severity> fail_on) {
  if (had_errors) {
    return 2;
  }
  if (fail_on.has_value()) {
    for (const diag::Diagnostic& d : diagnostics) {
      if (d.severity >= *fail_on) {
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace irtcp::run
