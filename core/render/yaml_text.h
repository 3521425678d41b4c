// Block YAML from a JSON value, written the way `render` writes Traefik's configuration: plain
// scalars where every YAML reader reads a string back, double quotes otherwise.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace irtcp::render {

/// The object `doc` as a block mapping, keys in the value's order; ends with a newline.
std::string ToYaml(const nlohmann::ordered_json& doc);

}  // namespace irtcp::render
