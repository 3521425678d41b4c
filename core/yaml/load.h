// Parsing YAML streams with libyaml into Documents; every problem becomes a finding.
#pragma once

#include <cstdint>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/source/source_file.h"
#include "core/yaml/tree.h"

namespace irtcp::yaml {

struct LoadOptions {
  /// Deepest nesting accepted; deeper documents get one finding and are dropped.
  std::uint32_t max_depth = 512;
  /// Cap on the node count of a document with every alias expanded (go-yaml rejects
  /// "excessive aliasing" similarly); protects everything that walks the tree.
  std::uint64_t max_expanded_nodes = 4'000'000;
};

/// Splits the stream at `---` lines (as kubectl's reader does, so that a syntax error in one
/// document does not hide the next), parses each part with libyaml and returns the non-empty
/// documents in order. Syntax errors, invalid UTF-8, binary content, excessive depth or aliasing,
/// duplicate keys and bad merge keys are reported to `sink` with their positions.
std::vector<Document> ParseStream(const source::SourceFilePtr& file, const LoadOptions& options,
                                  diag::DiagnosticSink& sink);

/// True when the text looks like a Helm template (`{{ .Values.x }}`, `{{- if … }}`).
bool LooksLikeHelmTemplate(std::string_view text, std::uint32_t* offset);

/// Registry entries for findings the loader reports.
extern const diag::RuleInfo kYamlSyntax;       // IRT001
extern const diag::RuleInfo kInvalidEncoding;  // IRT002
extern const diag::RuleInfo kDuplicateKey;     // IRT004
extern const diag::RuleInfo kYamlLimits;       // IRT006

}  // namespace irtcp::yaml
