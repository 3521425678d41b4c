// The Kubernetes workload that runs Traefik (a Deployment, DaemonSet, StatefulSet or Pod, also
// inside a List) and the static configuration its container args or TRAEFIK_* environment
// variables carry. Internal to core/config.
#pragma once

#include <string>
#include <vector>

#include "core/config/settings.h"
#include "core/yaml/tree.h"

namespace irtcp::config::internal {

struct Workload {
  const yaml::Document* doc;
  yaml::NodeId container;
  std::string description;  ///< "Deployment kube-system/traefik, container traefik"
};

/// Whether `node` is a Kubernetes object (a mapping with apiVersion and kind).
bool HasObjectShape(const yaml::Document& doc, yaml::NodeId node);

/// Appends the containers of `obj` (a workload or a List of them) that run Traefik.
void FindWorkloads(const yaml::Document& doc, yaml::NodeId obj, std::vector<Workload>& out);

/// Applies the container's flags, else its TRAEFIK_* variables, to `interp`.
bool ReadWorkload(const Workload& w, Interpreter& interp, std::string* err);

}  // namespace irtcp::config::internal
