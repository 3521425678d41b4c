// Per-version goldens: every manifest of testdata/versions/schema/ is validated as each supported
// Traefik version reads it (`--traefik-version X.Y`), and the outputs of all versions go into one
// golden file per manifest, `<name>.yaml.expected`, so a field's version gate shows on both sides
// of the version that introduced it. Regenerate with `irtcp_tests --update`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/version/traefik_version.h"
#include "tests/golden.h"

namespace irtcp::testing {
namespace {

namespace fs = std::filesystem;

fs::path SchemaCasesDir() { return TestdataDir() / "versions" / "schema"; }

std::vector<fs::path> SchemaCases() {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(SchemaCasesDir())) {
    if (e.path().extension() == ".yaml") {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class VersionSchemaGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(VersionSchemaGolden, EveryVersion) {
  const fs::path& file = GetParam();
  std::string text;
  for (const version::TraefikVersion& v : version::SupportedVersions()) {
    RunResult r =
        RunIrtcp({"validate", "--color=never", "--no-config", "--traefik-version", v.Line(),
                  "--select", "IRT0,IRT1,IRT404,IRT411", file.filename().string()},
                 file.parent_path());
    text += "=== --traefik-version " + v.Line() + "\n" + r.out;
    text += "--- stderr\n" + r.err + "--- exit code " + std::to_string(r.exit_code) + "\n";
  }
  ExpectGolden(file.string() + ".expected", text);
}

INSTANTIATE_TEST_SUITE_P(Cases, VersionSchemaGolden, ::testing::ValuesIn(SchemaCases()),
                         CaseName());

TEST(VersionSchemaCorpus, OneValidAndOneInvalidManifestPerKind) {
  for (const char* kind :
       {"ingressroutetcp", "middlewaretcp", "serverstransporttcp", "tlsoption", "tlsstore"}) {
    EXPECT_TRUE(fs::exists(SchemaCasesDir() / (std::string("valid-") + kind + ".yaml"))) << kind;
    EXPECT_TRUE(fs::exists(SchemaCasesDir() / (std::string("invalid-") + kind + ".yaml"))) << kind;
  }
}

}  // namespace
}  // namespace irtcp::testing
