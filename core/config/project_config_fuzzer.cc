// libFuzzer target: the `.irtcp.yaml` reader (strict keys, types, rule codes, versions).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/config/project_config.h"
#include "core/source/source_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  auto file = std::make_shared<const source::SourceFile>(
      ".irtcp.yaml", std::string(reinterpret_cast<const char*>(data), size));
  config::ProjectConfig pc;
  std::string err;
  (void)config::ParseProjectConfig(file, &pc, &err);
  return 0;
}
