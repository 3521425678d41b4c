// Maps byte offsets inside a decoded YAML scalar back to byte offsets in the file text, so a
// problem found in a value (e.g. a rule error at bytes [5, 9) of `match:`) can be reported and
// fixed at its real place, whatever the scalar style.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/yaml/tree.h"

namespace irtcp::yaml {

/// Decodes the scalar token [node_begin, node_end) of `file_text` the way libyaml does (plain,
/// 'single' with '' escapes, "double" with escapes and escaped line breaks, literal `|` and folded
/// `>` block scalars with indentation indicator and chomping; line folding everywhere) and
/// returns the value. `offsets`, if given, receives value.size() + 1 entries: the file offset of
/// each value byte, then the offset just past the last content character. Bytes produced by an
/// escape map to the escape's backslash; a folded line break maps to the break.
/// For block scalars node_begin is the offset of the `|` / `>` indicator.
std::string DecodeScalar(std::string_view file_text, std::uint32_t node_begin,
                         std::uint32_t node_end, ScalarStyle style,
                         std::vector<std::uint32_t>* offsets);

/// The file offset of byte `value_offset` of the decoded scalar (value_offset == value size, or
/// beyond, maps to the end of the content).
std::uint32_t MapScalarOffset(std::string_view file_text, std::uint32_t node_begin,
                              std::uint32_t node_end, ScalarStyle style,
                              std::uint32_t value_offset);

}  // namespace irtcp::yaml
