// Scalar typing as go-yaml v2 (the library behind kubectl) resolves plain scalars (YAML 1.1).
#pragma once

#include <string_view>

#include "core/yaml/tree.h"

namespace irtcp::yaml {

/// Sets n.type and n.num from the scalar's text. `plain` is false for quoted and block scalars
/// (always strings unless tagged). `tag` is the resolved tag ("tag:yaml.org,2002:str") or "".
void ResolveScalar(std::string_view value, bool plain, std::string_view tag, Node& n);

}  // namespace irtcp::yaml
