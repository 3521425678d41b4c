// toml++ as irtcp includes it (every file of irtcp_core that uses toml++ includes this header).
//
// toml++'s internal TOML_ASSERTs are reachable from hostile input: `[%s...]` as a table header
// reaches parse_key() with a character that is neither a bare-key character nor a quote, and
// the assert aborts the process (the fuzz build found it; testdata/fuzz/traefik_config). With
// the assert a no-op the parser goes on to its own check and reports "expected bare key
// starting character or string delimiter", as Debian's release build of libtomlplusplus did.
// (With NDEBUG, toml++ turns those asserts into __builtin_assume on clang: build irtcp with GCC
// or without NDEBUG, as every preset does.)
#pragma once

#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>
