// The compiled part of toml++ (its TOML_HEADER_ONLY=0 mode, set on the irtcp_tomlpp target):
// built here, once, instead of linking Debian's libtomlplusplus.so (see CMakeLists.txt).
#define TOML_IMPLEMENTATION
#include "core/config/toml.h"
