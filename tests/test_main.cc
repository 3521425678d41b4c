// Test main: `--update` (or IRTCP_UPDATE_GOLDEN=1) rewrites golden files instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "tests/golden.h"

namespace irtcp::testing {
bool g_update_golden = false;
}  // namespace irtcp::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--update") == 0) {
      irtcp::testing::g_update_golden = true;
    }
  }
  if (const char* env = std::getenv("IRTCP_UPDATE_GOLDEN"); env != nullptr && *env == '1') {
    irtcp::testing::g_update_golden = true;
  }
  return RUN_ALL_TESTS();
}
