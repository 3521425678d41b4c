// libFuzzer target: the whole `validate` pipeline on one input — loader, bundled schema of the
// Traefik version the first byte picks, every lint rule, the provider model — and the text,
// JSON and SARIF formatters over its findings. Nothing may crash, and the formatters must
// accept whatever the checks produce.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/config/project_config.h"
#include "core/report/formatter.h"
#include "core/run/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  if (size == 0) {
    return 0;
  }
  static const std::vector<std::string_view> kVersions = config::KnownTraefikVersions();
  run::SessionOptions so;
  so.command = run::Command::kValidate;
  so.static_config.traefik_version = std::string(kVersions[data[0] % kVersions.size()]);
  so.load.threads = 1;
  so.load.collect.texts.push_back(
      {"fuzz.yaml", std::string(reinterpret_cast<const char*>(data + 1), size - 1)});
  std::unique_ptr<run::Session> session = run::RunSession(so);
  if (session->loaded == nullptr) {
    return 0;
  }
  report::FormatOptions fo;
  fo.tool_version = "fuzz";
  for (const char* format : {"text", "json", "sarif"}) {
    std::ostringstream out;
    std::string err;
    report::MakeFormatter(format, out, fo, &err)
        ->Write(session->loaded->sink.diagnostics(), session->summary);
  }
  return 0;
}
