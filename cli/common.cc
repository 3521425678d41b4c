#include "cli/common.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/progress.h"
#include "core/util/terminal.h"

namespace irtcp::cli {

void AddInputFlags(CLI::App& app, InputFlags& flags) {
  // PATH stays required for CLI11 (a repeatable option then stops before it instead of taking
  // the paths as its values); -f or --from-cluster give the input instead and lift it.
  CLI::Option* paths =
      app.add_option("paths", flags.paths,
                     "Files, directories (searched recursively for *.yaml and *.yml) or - for "
                     "stdin (or -f PATH, or --from-cluster)")
          ->required()
          ->type_name("PATH");
  app.add_option("-f,--filename", flags.filenames,
                 "A PATH, as kubectl spells it (repeatable; -f DIR searches DIR recursively)")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->each([paths](const std::string&) { paths->required(false); });
  app.add_flag("-R,--recursive", flags.recursive,
               "Accepted for kubectl habits: directories are always searched recursively");
  flags.ns_option = app.add_option("-n,--namespace", flags.ns,
                                   "Namespace of objects that have none (as kubectl applies it); "
                                   "with --from-cluster, the namespace to read")
                        ->type_name("NAMESPACE")
                        ->capture_default_str();
  app.add_option("--stdin-filename", flags.stdin_filename, "Name for standard input in findings")
      ->type_name("NAME")
      ->capture_default_str();
  app.add_option("--max-file-size", flags.max_file_size,
                 "Files larger than this are reported, not parsed (e.g. 64M, 1G)")
      ->type_name("SIZE")
      ->capture_default_str();
  app.add_flag("-v,--verbose", flags.verbose, "Also print what was skipped and why");
  app.add_option("-j,--jobs", flags.jobs,
                 "Files parsed and checked in parallel (default: the CPUs this process may use); "
                 "the output is the same for any value")
      ->type_name("N")
      ->check(CLI::Range(1U, 1024U));
  AddClusterFlags(app, flags);
}

void AddClusterFlags(CLI::App& app, InputFlags& flags) {
  const std::string group = "Cluster (read through kubectl)";
  CLI::Option* paths = app.get_option_no_throw("paths");
  app.add_flag_callback(
         "--from-cluster",
         [&flags, paths]() {
           flags.from_cluster = true;
           if (paths != nullptr) {
             paths->required(false);
           }
         },
         "Check the live objects of the current kubectl context (kubectl api-resources, then "
         "kubectl get -o yaml); findings name cluster:NAMESPACE/KIND/NAME")
      ->group(group);
  app.add_option("--context", flags.context, "With --from-cluster: the kubeconfig context to use")
      ->type_name("CONTEXT")
      ->group(group);
  app.add_option("--kubeconfig", flags.kubeconfig,
                 "With --from-cluster: the kubeconfig file kubectl reads")
      ->type_name("FILE")
      ->group(group);
  app.add_flag("-A,--all-namespaces", flags.all_namespaces,
               "With --from-cluster: read every namespace (default: -n, else the context's)")
      ->group(group);
  app.add_flag("--include-secrets", flags.include_secrets,
               "With --from-cluster, read Secrets too (TLS checks need them); render also writes "
               "their certificate and key material (default: a placeholder naming the Secret)")
      ->group(group);
}

void AddOutputFlags(CLI::App& app, OutputFlags& flags, const std::vector<std::string>& formats,
                    const std::string& fail_on_default_help) {
  std::string names;
  for (const std::string& f : formats) {
    names += (names.empty() ? "" : "|") + f;
  }
  app.add_option("-o,--output", flags.output, "Output format: " + names)
      ->capture_default_str()
      ->check(CLI::IsMember(formats));
  app.add_option("--color", flags.color,
                 "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--fail-on", flags.fail_on,
                 "Exit 1 when a finding is at or above this severity: error, warning, info, "
                 "never (default: " +
                     fail_on_default_help + ")")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
}

bool ParseSize(const std::string& text, std::uint64_t* bytes) {
  if (text.empty()) {
    return false;
  }
  std::size_t i = 0;
  std::uint64_t value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (value > (1ULL << 44)) {
      return false;
    }
    ++i;
  }
  if (i == 0) {
    return false;
  }
  std::string unit = text.substr(i);
  if (unit.empty() || unit == "B") {
    *bytes = value;
  } else if (unit == "K" || unit == "KiB" || unit == "k") {
    *bytes = value << 10;
  } else if (unit == "M" || unit == "MiB") {
    *bytes = value << 20;
  } else if (unit == "G" || unit == "GiB") {
    *bytes = value << 30;
  } else {
    return false;
  }
  return true;
}

bool UseColor(const std::string& mode, int fd) {
  if (mode == "always") {
    return true;
  }
  if (mode == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") {
    return false;
  }
  return isatty(fd) != 0;
}

bool ParseFailOn(const std::string& text, std::optional<diag::Severity>* out) {
  if (text == "never") {
    *out = std::nullopt;
    return true;
  }
  auto s = diag::ParseSeverity(text);
  if (!s.has_value()) {
    return false;
  }
  *out = s;
  return true;
}

bool MapInputFlags(const InputFlags& flags, run::SessionOptions* options, Io& io) {
  options->load.paths = flags.paths;
  options->load.paths.insert(options->load.paths.end(), flags.filenames.begin(),
                             flags.filenames.end());
  if (options->load.paths.empty() && !flags.from_cluster) {
    io.err << "irtcp: error: no input: name files or directories (PATH or -f PATH), - for "
              "standard input, or --from-cluster\n";
    return false;
  }
  if (flags.from_cluster) {
    cluster::ClusterOptions c;
    c.context = flags.context;
    c.kubeconfig = flags.kubeconfig;
    c.all_namespaces = flags.all_namespaces;
    c.include_secrets = flags.include_secrets;
    if (flags.ns_option != nullptr && flags.ns_option->count() > 0) {
      c.ns = flags.ns;
    }
    options->load.cluster = std::move(c);
  } else if (!flags.context.empty() || !flags.kubeconfig.empty() || flags.all_namespaces) {
    io.err << "irtcp: error: --context, --kubeconfig and -A read a cluster: add --from-cluster\n";
    return false;
  }
  options->load.default_namespace = flags.ns;
  options->load.collect.stdin_name = flags.stdin_filename;
  options->verbose = flags.verbose;
  options->load.threads = flags.jobs;
  if (!ParseSize(flags.max_file_size, &options->load.collect.max_file_size)) {
    io.err << "irtcp: invalid --max-file-size \"" << util::TerminalSafe(flags.max_file_size)
           << "\" (use a number of bytes or a size like 64M, 1G)\n";
    return false;
  }
  return true;
}

std::string FindSourceRoot() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) {
    return "";
  }
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      return dir.string();
    }
    if (dir == dir.root_path() || dir.parent_path() == dir) {
      break;
    }
  }
  return cwd.string();
}

bool InCi() {
  for (const char* name : {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "JENKINS_URL"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') {
      return true;
    }
  }
  return false;
}

std::unique_ptr<run::Session> RunOrReport(const run::SessionOptions& options, Io& io) {
  run::SessionOptions with_progress = options;
  // Progress (files done / total) only for a person watching a terminal, and only once a run
  // has taken a second; never in pipes or CI logs.
  std::unique_ptr<Progress> progress;
  if (isatty(2) != 0 && !InCi()) {
    progress = std::make_unique<Progress>(io.err);
    with_progress.load.progress = [p = progress.get()](std::size_t done, std::size_t total) {
      p->Update(done, total);
    };
  }
  std::unique_ptr<run::Session> session = run::RunSession(with_progress);
  if (progress != nullptr) {
    progress->Finish();
  }
  if (!session->fatal_error.empty()) {
    io.err << "irtcp: error: " << util::TerminalSafe(session->fatal_error) << '\n';
    return nullptr;
  }
  return session;
}

void PrintErrorsAndNotes(const report::Summary& summary, Io& io) {
  for (const std::string& e : summary.errors) {
    io.err << "irtcp: error: " << util::TerminalSafe(e) << '\n';
  }
  for (const std::string& n : summary.notes) {
    io.err << "irtcp: note: " << util::TerminalSafe(n) << '\n';
  }
}

}  // namespace irtcp::cli
