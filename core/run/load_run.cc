#include "core/run/load_run.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <thread>

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

}  // namespace

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
  run->collected = input::Collect(options.paths, options.collect, run->sink);
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
