// Turning command-line paths into input files: files, directories (recursive) and stdin.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/source/source_file.h"

namespace irtcp::input {

/// An input given as text rather than a path (explain's rule examples), checked like a file of
/// that name.
struct TextInput {
  std::string name;
  std::string text;
};

struct CollectOptions {
  std::string stdin_name = "<stdin>";
  /// Inputs collected before the paths, in order.
  std::vector<TextInput> texts;
  std::uint64_t max_file_size = 64ULL << 20;  ///< bigger files get one finding (IRT008)
};

/// What collecting produced: sources to check, findings about inputs (too large, Helm templates)
/// and operational errors (missing files: exit code 2).
struct Collected {
  std::vector<source::SourceFilePtr> sources;
  std::vector<std::string> errors;  ///< "path: reason"
  int helm_templates_skipped = 0;   ///< every unrendered template (Helm, Jinja, Terraform)
};

/// Expands `paths` in order: a file is read as given; a directory is walked recursively for
/// *.yaml / *.yml files in sorted order, skipping .git and symlink loops; "-" reads stdin once.
/// Displayed paths are exactly as the user wrote them (directory entries are joined onto the
/// directory argument).
Collected Collect(const std::vector<std::string>& paths, const CollectOptions& options,
                  diag::DiagnosticSink& sink);

extern const diag::RuleInfo kFileTooLarge;  // IRT008
extern const diag::RuleInfo kHelmTemplate;  // IRT009

}  // namespace irtcp::input
