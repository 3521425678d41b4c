// Options and helpers shared by the subcommands: input selection, output, exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/report/formatter.h"
#include "core/run/session.h"

namespace irtcp::cli {

/// Process exit codes (documented in the man page).
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

/// The exit codes as `--help` and the README state them.
inline constexpr const char* kExitStatusHelp =
    "Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, "
    "configuration, I/O or internal error.";

/// Standard streams, injectable for tests.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

/// Flags every subcommand that reads manifests accepts.
struct InputFlags {
  std::vector<std::string> paths;
  std::vector<std::string> filenames;  ///< -f/--filename: kubectl's spelling of a PATH
  bool recursive = false;              ///< -R: accepted for kubectl habits; directories recurse
  // Cluster mode (core/cluster): the live objects through kubectl.
  bool from_cluster = false;         ///< --from-cluster
  std::string context;               ///< --context
  std::string kubeconfig;            ///< --kubeconfig
  bool all_namespaces = false;       ///< -A/--all-namespaces
  bool include_secrets = false;      ///< --include-secrets: fetch Secrets (render: print their PEM)
  CLI::Option* ns_option = nullptr;  ///< -n: given explicitly (passed on to kubectl)?
  std::string ns = "default";
  std::string stdin_filename = "<stdin>";
  std::string max_file_size = "64M";
  bool verbose = false;
  unsigned jobs = 0;  ///< -j: parallel files; 0 = the CPUs the process may use
};

/// Flags for output and exit status.
struct OutputFlags {
  std::string output = "text";
  std::string color = "auto";
  std::string fail_on;  ///< "" = the subcommand's default
};

/// The PATH positionals, -f/-R, -n, the loading flags and the cluster flags (AddClusterFlags).
void AddInputFlags(CLI::App& app, InputFlags& flags);
/// --from-cluster, --context, --kubeconfig, -A and --include-secrets (group "Cluster"). Called by
/// AddInputFlags; a subcommand with positionals of its own (explain) that does not use
/// AddInputFlags calls this and then MapInputFlags, which turns them into LoadOptions::cluster.
void AddClusterFlags(CLI::App& app, InputFlags& flags);
void AddOutputFlags(CLI::App& app, OutputFlags& flags, const std::vector<std::string>& formats,
                    const std::string& fail_on_default_help);

/// Parses "64M", "1G", "1048576" into bytes; false on bad input.
bool ParseSize(const std::string& text, std::uint64_t* bytes);
/// Whether to colour output written to fd 1 (--color, NO_COLOR, isatty).
bool UseColor(const std::string& mode, int fd);
/// "error|warning|info|never" -> threshold; `never` gives nullopt. False on a bad value.
bool ParseFailOn(const std::string& text, std::optional<diag::Severity>* out);

/// Maps the input flags onto a session's load options (paths, -f, cluster mode); on a bad flag
/// value, or no input at all (no PATH, no -f, no --from-cluster), writes to io.err and returns
/// false.
bool MapInputFlags(const InputFlags& flags, run::SessionOptions* options, Io& io);

/// The directory SARIF URIs are relative to: the nearest directory at or above the current one
/// that holds `.git` (a directory, or a file in a worktree), else the current directory.
std::string FindSourceRoot();
/// True when running in a CI job (CI or GITHUB_ACTIONS set): no progress output.
bool InCi();

/// Runs a session; on a fatal error prints it and returns nullptr (exit 2).
std::unique_ptr<run::Session> RunOrReport(const run::SessionOptions& options, Io& io);

/// Keeps `object` alive until the process exits instead of destroying it: a subcommand hands
/// over its loaded input once it has printed everything, because freeing a large run's millions
/// of small allocations one by one takes longer than the OS takes to reclaim the whole heap.
/// (The object stays reachable from a static, so leak checkers do not report it.)
template <typename T>
void KeepUntilExit(std::unique_ptr<T> object) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  kept->push_back(std::shared_ptr<T>(std::move(object)));
}

/// Prints operational errors ("irtcp: path: reason") and notes on stderr.
void PrintErrorsAndNotes(const report::Summary& summary, Io& io);

}  // namespace irtcp::cli
