// "irtcp: 120/2000 files" on stderr while a long run loads, for a person at a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>

namespace irtcp::cli {

/// Thread-safe progress line: silent for the first `delay`, then redrawn at most every 100 ms;
/// Finish() erases it so the findings start on a clean line.
class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  explicit Progress(std::ostream& err, Clock::duration delay = std::chrono::seconds(1));

  void Update(std::size_t done, std::size_t total);
  void Finish();
  /// As Update, at a given time (for tests).
  void UpdateAtForTest(std::size_t done, std::size_t total, Clock::time_point now);

 private:
  std::ostream& err_;
  std::mutex mu_;
  Clock::time_point start_;
  Clock::time_point last_{};
  Clock::duration delay_;
  bool shown_ = false;
};

}  // namespace irtcp::cli
