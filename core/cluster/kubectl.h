// Cluster mode (--from-cluster): the live objects, read through `kubectl` only.
//
// irtcp never speaks to an API server itself: `kubectl api-resources` tells which of the Traefik
// TCP kinds (traefik.io and the legacy traefik.containo.us) the cluster serves, and one
// `kubectl get <those>,services,endpointslices[,secrets] -o yaml` fetches them as a List. Each
// item becomes its own in-memory source named `cluster:<namespace>/<Kind>/<name>` holding the
// item's YAML as kubectl printed it, minus the fields the server sets (status, managedFields,
// resourceVersion, ...), so findings point at a line of that object.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source/source_file.h"

namespace irtcp::cluster {

/// What to fetch and through which kubectl (flags of the same names).
struct ClusterOptions {
  std::string kubectl = "kubectl";  ///< looked up on PATH like a shell does
  std::string context;              ///< --context ("" = kubeconfig's current context)
  std::string kubeconfig;           ///< --kubeconfig ("" = kubectl's default)
  std::string ns;                   ///< -n ("" = the context's namespace)
  bool all_namespaces = false;      ///< -A
  bool include_secrets = false;     ///< Secrets are fetched only when asked for
};

/// A child process's outcome. `started` is false when it could not be run at all (then `err`
/// says why, e.g. "kubectl: not found on PATH").
struct ProcessResult {
  bool started = false;
  int exit_code = -1;  ///< exit status, or 128 + signal
  std::string out, err;
};

/// Runs `argv` (argv[0] looked up on PATH), without a shell, stdin from /dev/null, and collects
/// both output streams.
ProcessResult RunProcess(const std::vector<std::string>& argv);

/// One row of `kubectl api-resources`.
struct ApiResource {
  std::string name;         ///< plural resource name: "ingressroutetcps"
  std::string short_names;  ///< "" or comma-separated
  std::string api_version;  ///< "traefik.io/v1alpha1", "v1"
  bool namespaced = false;
  std::string kind;  ///< "IngressRouteTCP"

  /// The API group: "traefik.io", "" for the core group.
  std::string Group() const;
};

/// Parses kubectl's default api-resources table (NAME SHORTNAMES APIVERSION NAMESPACED KIND).
/// Columns are read from the right, because SHORTNAMES is often empty. False with *err when the
/// header is not the expected one or a row has too few columns.
bool ParseApiResources(std::string_view table, std::vector<ApiResource>* out, std::string* err);

/// The `kubectl get` resource arguments ("ingressroutetcps.traefik.io", "services", ...) for the
/// kinds irtcp checks that `served` lists. Empty when the cluster serves no Traefik TCP kind.
std::vector<std::string> ResourcesToFetch(const std::vector<ApiResource>& served,
                                          bool include_secrets);

/// Splits `kubectl get -o yaml` output (a List, or one object) into one source per object named
/// `cluster:<ns>/<Kind>/<name>`, with server-set fields removed. False with *err when the text is
/// not such output.
bool SplitListOutput(std::string_view yaml_text, std::vector<source::SourceFilePtr>* out,
                     std::string* err);

/// The arguments of the two kubectl calls, for tests and --verbose.
std::vector<std::string> ApiResourcesCommand(const ClusterOptions& options);
std::vector<std::string> GetCommand(const ClusterOptions& options,
                                    const std::vector<std::string>& resources);

/// Runs kubectl as above and returns the objects. False with *err holding kubectl's own message
/// when kubectl is missing or fails (wrong context, unreachable cluster).
bool FetchFromCluster(const ClusterOptions& options, std::vector<source::SourceFilePtr>* out,
                      std::string* err);

}  // namespace irtcp::cluster
