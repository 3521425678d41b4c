// A YAML scalar as the JSON value its resolved type gives (go-yaml's typing: `8080` is a number,
// `"8080"` a string, `on` a boolean).
#pragma once

#include <nlohmann/json.hpp>

#include "core/yaml/tree.h"

namespace irtcp::yaml {

/// The scalar `id` as JSON: null, boolean, int64 or double by its resolved type, else its text.
nlohmann::json ScalarToJson(const Document& doc, NodeId id);

}  // namespace irtcp::yaml
