// Output formats for findings. Formatters know nothing about the CLI; they write to a stream.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.h"

namespace irtcp::report {

/// A finding left out of the report: suppressed in the manifests, or recorded in the baseline.
struct SuppressedFinding {
  diag::Diagnostic finding;
  bool baselined = false;     ///< in the --baseline file (SARIF kind "external"; else "inSource")
  std::string justification;  ///< the reason written with the suppression ("" when none)
};

/// Counts that go with a run's findings.
struct Summary {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::size_t objects = 0;          ///< objects irtcp recognised
  std::size_t traefik_objects = 0;  ///< Traefik TCP CRD objects checked
  std::size_t skipped_objects = 0;  ///< objects of kinds irtcp does not know
  /// Documents of files that hold no Kubernetes object (CI workflows, compose files, Helm values)
  std::size_t skipped_documents = 0;
  std::size_t skipped_files = 0;  ///< the files those documents are in (counted in `files`)
  /// Every loaded Kubernetes file and the objects in it ("IngressRouteTCP default/web"), in
  /// input order: the test cases of the junit format.
  struct FileObjects {
    std::string path;
    std::vector<std::string> objects;
  };
  std::vector<FileObjects> inventory;
  std::vector<std::string> errors;  ///< operational errors (I/O), also printed on stderr
  std::vector<std::string> notes;   ///< things the user should know (skipped checks, …)
  /// The Traefik the checks modelled: "v3.7.9", or the patch the user named ("v2.11.3").
  std::string traefik_version;
  /// Findings suppressed in the manifests or by the baseline: counted, listed with
  /// --show-suppressed, SARIF results with a `suppressions` entry; never among the findings.
  std::vector<SuppressedFinding> suppressed;
  std::size_t suppressed_count() const;  ///< by annotation or comment
  std::size_t baselined_count() const;   ///< by the baseline
};

struct FormatOptions {
  bool color = false;
  bool snippets = true;
  bool show_suppressed = false;  ///< --show-suppressed: list suppressed findings too
  std::string tool_version;
  /// sarif: absolute directory that artifact URIs are relative to (`%SRCROOT%`: the repository
  /// root); empty keeps paths as given. `working_directory` (absolute) resolves relative paths.
  std::string source_root;
  std::string working_directory;
};

/// Writes a run's findings in one format.
class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) = 0;
};

/// The names MakeFormatter accepts, for help texts and errors.
std::vector<std::string_view> FormatNames();
/// Creates a formatter by name ("text", "json", "sarif", "github"); on an unknown name returns
/// nullptr and sets *err to a message naming the valid formats.
std::unique_ptr<Formatter> MakeFormatter(std::string_view name, std::ostream& out,
                                         const FormatOptions& options, std::string* err);

/// Text of one finding in the compiler style, with snippet and caret when `snippets` is set.
std::string FormatText(const diag::Diagnostic& d, const FormatOptions& options);

}  // namespace irtcp::report
