#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace irtcp::cli {
namespace {

using std::chrono::milliseconds;

TEST(Progress, SilentForTheFirstSecondThenThrottledThenErased) {
  std::ostringstream err;
  Progress p(err, std::chrono::seconds(1));
  const Progress::Clock::time_point t0 = Progress::Clock::now();
  p.UpdateAtForTest(1, 10, t0 + milliseconds(500));
  EXPECT_EQ(err.str(), "");  // a fast run shows nothing
  p.UpdateAtForTest(2, 10, t0 + milliseconds(1100));
  EXPECT_EQ(err.str(), "\rirtcp: 2/10 files");
  p.UpdateAtForTest(3, 10, t0 + milliseconds(1150));  // within 100 ms of the last line
  EXPECT_EQ(err.str(), "\rirtcp: 2/10 files");
  p.UpdateAtForTest(10, 10, t0 + milliseconds(1160));  // the last file always shows
  EXPECT_EQ(err.str(), "\rirtcp: 2/10 files\rirtcp: 10/10 files");
  p.Finish();
  EXPECT_EQ(err.str(), "\rirtcp: 2/10 files\rirtcp: 10/10 files\r\x1b[K");
}

TEST(Progress, FinishWithoutOutputWritesNothing) {
  std::ostringstream err;
  Progress p(err);
  p.Update(1, 2);
  p.Finish();
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace irtcp::cli
