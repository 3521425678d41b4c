// Whole reads and writes on a file descriptor that retry on EINTR.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace irtcp::util {

/// Appends what `fd` yields until end of file to `*out`. False on a read error. When the data
/// would grow `*out` past `max_size` bytes, stops before appending that chunk and sets
/// `*too_large` (when given) and returns true.
bool ReadFd(int fd, std::string* out,
            std::uint64_t max_size = std::numeric_limits<std::uint64_t>::max(),
            bool* too_large = nullptr);

/// Writes all of `text` to `fd`; false on a write error.
bool WriteFd(int fd, std::string_view text);

}  // namespace irtcp::util
