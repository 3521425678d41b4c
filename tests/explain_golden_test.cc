// End-to-end golden tests of `irtcp explain`: one testdata/explain/<case>/ directory per case,
// the layout of the CLI goldens (args, stdin?, stdout, stderr, exit_code; RunCliCase). Fields,
// rules and manifests; regenerate with `irtcp_tests --update` and review the diff.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

class ExplainGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(ExplainGolden, MatchesGolden) { RunCliCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Cases, ExplainGolden,
                         ::testing::ValuesIn(CaseDirs(TestdataDir() / "explain", "args")),
                         CaseName());

}  // namespace
}  // namespace irtcp::testing
