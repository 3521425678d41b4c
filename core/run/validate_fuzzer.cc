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

#include "core/report/formatter.h"
#include "core/run/fuzz_session.h"
#include "core/run/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irtcp;  // NOLINT(google-build-using-namespace): fuzzer entry point
  if (size == 0) {
    return 0;
  }
  std::unique_ptr<run::Session> session =
      run::RunSession(run::FuzzSessionOptions(run::Command::kValidate, data, size));
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
