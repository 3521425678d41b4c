#include "core/run/load_run.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "core/lint/selection.h"

namespace irtcp::run {

/// CPUs this process may run on (its affinity mask: `taskset`, cgroup cpusets), which can be
/// fewer than hardware_concurrency(); a thread per CPU beyond that only adds switching.
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

unsigned WorkerCount(unsigned threads, std::size_t work_items) {
  unsigned n = threads != 0 ? threads : AvailableCpus();
  if (work_items < n) {
    n = static_cast<unsigned>(work_items);
  }
  return std::max(1U, n);
}

void ParallelFor(std::size_t n, unsigned workers, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&]() {
    for (std::size_t i = next++; i < n; i = next++) {
      fn(i);
    }
  };
  if (workers <= 1 || n < 2) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (std::thread& t : pool) {
    t.join();
  }
}

namespace {

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
  std::set<std::string> non_manifest_paths;
  for (const model::InputSet::NonManifest& f : input.non_manifests()) {
    s.skipped_documents += f.documents;
    ++s.skipped_files;
    non_manifest_paths.insert(f.path);
  }
  std::map<const source::SourceFile*, std::size_t> slot;
  for (const source::SourceFilePtr& file : input.files()) {
    if (non_manifest_paths.count(file->path()) == 0) {
      slot[file.get()] = s.inventory.size();
      s.inventory.push_back(report::Summary::FileObjects{file->path(), {}});
    }
  }
  for (const model::Object& obj : input.objects()) {
    if (auto it = slot.find(&obj.file()); it != slot.end()) {
      s.inventory[it->second].objects.push_back(ObjectIdentity(obj));
    }
  }
  s.errors = collected.errors;
  return s;
}

std::unique_ptr<LoadedRun> Load(const LoadOptions& options) {
  auto run = std::make_unique<LoadedRun>(options.default_namespace);
  CollectInputs(options, *run);
  if (options.cluster.has_value()) {
    std::vector<source::SourceFilePtr> live;
    if (!cluster::FetchFromCluster(*options.cluster, &live, &run->fatal_error)) {
      return run;
    }
    for (source::SourceFilePtr& f : live) {
      run->collected.sources.push_back(std::move(f));
    }
  }
  const std::vector<source::SourceFilePtr>& sources = run->collected.sources;
  // Parsing is the bulk of loading and files are independent: parse them on up to `threads`
  // workers, each file into its own slot, then index the objects in input order so findings and
  // output stay deterministic.
  struct Slot {
    std::vector<yaml::Document> docs;
    diag::DiagnosticSink sink;
  };
  std::vector<Slot> slots(sources.size());
  std::atomic<std::size_t> done{0};
  ParallelFor(sources.size(), WorkerCount(options.threads, sources.size()), [&](std::size_t i) {
    slots[i].docs = yaml::ParseStream(sources[i], options.yaml, slots[i].sink);
    std::size_t finished = ++done;
    if (options.progress) {
      options.progress(finished, sources.size());
    }
  });
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (diag::Diagnostic& d : slots[i].sink.diagnostics()) {
      run->sink.Add(std::move(d));
    }
    run->input.AddParsed(sources[i], std::move(slots[i].docs), run->sink);
  }
  return run;
}

std::string ObjectIdentity(const model::Object& obj) {
  return obj.kind_name + " " + obj.namespace_ + "/" + obj.name;
}

void AttachObjects(LoadedRun& run) {
  // Objects' byte ranges per file, in text order (objects of one file do not overlap: a List is
  // not an object, its items are).
  struct Range {
    std::uint32_t begin;
    std::uint32_t end;
    const model::Object* obj;
  };
  std::map<const source::SourceFile*, std::vector<Range>> ranges;
  for (const model::Object& obj : run.input.objects()) {
    const yaml::Node& n = obj.doc->node(obj.node);
    ranges[&obj.file()].push_back(Range{n.begin, n.end, &obj});
  }
  for (diag::Diagnostic& d : run.sink.diagnostics()) {
    if (d.file == nullptr || !d.location.valid() || !d.object.empty()) {
      continue;
    }
    auto it = ranges.find(d.file.get());
    if (it == ranges.end()) {
      continue;
    }
    // The last object starting at or before the finding (objects of a file are in text order).
    const std::vector<Range>& rs = it->second;
    auto after =
        std::upper_bound(rs.begin(), rs.end(), d.location.offset,
                         [](std::uint32_t offset, const Range& r) { return offset < r.begin; });
    if (after != rs.begin()) {
      const Range& r = *(after - 1);
      if (d.location.offset < std::max(r.end, r.begin + 1)) {
        d.object = ObjectIdentity(*r.obj);
      }
    }
  }
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
