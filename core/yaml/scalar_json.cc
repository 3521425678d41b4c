#include "core/yaml/scalar_json.h"

#include <string>

namespace irtcp::yaml {

nlohmann::json ScalarToJson(const Document& doc, NodeId id) {
  const Node& n = doc.node(id);
  switch (n.type) {
    case ScalarType::kNull:
      return nullptr;
    case ScalarType::kBool:
      return n.num.b;
    case ScalarType::kInt:
      return n.num.i;
    case ScalarType::kFloat:
      return n.num.f;
    case ScalarType::kString:
      break;
  }
  return std::string(doc.Text(id));
}

}  // namespace irtcp::yaml
