// `validate`: schema validation of every Traefik object plus every lint check.
#pragma once

#include <string>
#include <vector>

#include "core/lint/rule.h"
#include "core/run/load_run.h"

namespace irtcp::validate {

struct ValidateOptions {
  std::vector<std::string> crd_paths;  ///< --crd: user CRDs replacing bundled schemas
  lint::LintOptions lint;
  unsigned threads = 0;  ///< schema-check workers (-j); 0: the CPUs the process may use
};

/// Adds schema and lint findings to run.sink. False (with *err) on an operational error such as an
/// unreadable or invalid --crd file.
bool Validate(run::LoadedRun& run, const ValidateOptions& options, std::string* err);

}  // namespace irtcp::validate
