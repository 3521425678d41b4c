#include "cli/progress.h"

#include <string>

namespace irtcp::cli {

Progress::Progress(std::ostream& err, Clock::duration delay)
    : err_(err), start_(Clock::now()), delay_(delay) {}

void Progress::Update(std::size_t done, std::size_t total) {
  UpdateAtForTest(done, total, Clock::now());
}

void Progress::UpdateAtForTest(std::size_t done, std::size_t total, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (now - start_ < delay_ ||
      (shown_ && now - last_ < std::chrono::milliseconds(100) && done != total)) {
    return;
  }
  last_ = now;
  shown_ = true;
  err_ << "\rirtcp: " << done << '/' << total << " files" << std::flush;
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (shown_) {
    err_ << "\r\x1b[K" << std::flush;  // erase the line
    shown_ = false;
  }
}

}  // namespace irtcp::cli
