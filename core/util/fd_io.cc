#include "core/util/fd_io.h"

#include <unistd.h>

#include <cerrno>

namespace irtcp::util {

bool ReadFd(int fd, std::string* out, std::uint64_t max_size, bool* too_large) {
  if (too_large != nullptr) {
    *too_large = false;
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    if (n == 0) {
      return true;
    }
    if (out->size() + static_cast<std::uint64_t>(n) > max_size) {
      if (too_large != nullptr) {
        *too_large = true;
      }
      return true;
    }
    out->append(buf, static_cast<std::size_t>(n));
  }
}

bool WriteFd(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace irtcp::util
