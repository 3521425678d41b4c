// End-to-end golden tests: run the real irtcp binary for each testdata/cli/<case>/ directory.
//
// A case holds `args` (one argument per line), optionally `stdin` and `env` (KEY=VALUE lines),
// and the expected `stdout`, `stderr` and `exit_code` (the layout RunCliCase reads; the absolute
// source directory in the output, as in SARIF's originalUriBaseIds, reads @SOURCE_DIR@). Regenerate
// with `irtcp_tests --update` (or IRTCP_UPDATE_GOLDEN=1) and review the diff; testdata/README.md
// has the details.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

class CliGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(CliGolden, MatchesGolden) { RunCliCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Cases, CliGolden,
                         ::testing::ValuesIn(CaseDirs(TestdataDir() / "cli", "args")), CaseName());

}  // namespace
}  // namespace irtcp::testing
