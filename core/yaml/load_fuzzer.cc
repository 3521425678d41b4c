// libFuzzer target: the manifest loader (document splitting, libyaml, the tree, limits) must
// never crash, hang or read out of bounds, and every finding it reports must point inside the
// input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/diag/diagnostic.h"
#include "core/source/source_file.h"
#include "core/yaml/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  auto file = std::make_shared<const source::SourceFile>(
      "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  diag::DiagnosticSink sink;
  yaml::LoadOptions options;
  options.max_depth = 128;  // keeps each run short; the limit's own code path is what counts
  options.max_expanded_nodes = 100'000;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, options, sink);
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    if (d.location.line > file->line_count() + 1) {
      std::abort();  // a finding outside the input
    }
  }
  std::uint32_t offset = 0;
  (void)yaml::LooksLikeHelmTemplate(file->text(), &offset);
  return 0;
}
