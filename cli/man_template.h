// man/irtcp.1.in, the hand-written parts of the man page, compiled in (cmake/embed_text.cmake).
#pragma once

#include <string_view>

namespace irtcp::cli {

extern const std::string_view kManTemplate;

}  // namespace irtcp::cli
