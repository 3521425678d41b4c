// irtcp render: the tcp + tls dynamic configuration Traefik's CRD provider would build.
#pragma once

#include <CLI/CLI.hpp>

namespace irtcp::cli {

void SetupRender(CLI::App& app, int& exit_code);

}  // namespace irtcp::cli
