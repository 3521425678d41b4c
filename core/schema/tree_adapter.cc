#include "core/schema/tree_adapter.h"

#include "core/yaml/scalar_json.h"

namespace irtcp::schema {

nlohmann::json TreeToJson(const yaml::Document& doc, yaml::NodeId id) {
  if (id == yaml::kNoNode) {
    return nullptr;
  }
  const yaml::Node& n = doc.node(id);
  switch (n.kind) {
    case yaml::NodeKind::kMapping: {
      nlohmann::json out = nlohmann::json::object();
      for (std::uint32_t i = 0; i < doc.Size(id); ++i) {
        yaml::NodeId v = doc.ValueAt(id, i);
        if (!doc.IsNull(v)) {
          out[std::string(doc.Text(doc.KeyAt(id, i)))] = TreeToJson(doc, v);
        }
      }
      return out;
    }
    case yaml::NodeKind::kSequence: {
      nlohmann::json out = nlohmann::json::array();
      for (std::uint32_t i = 0; i < doc.Size(id); ++i) {
        out.push_back(TreeToJson(doc, doc.ItemAt(id, i)));
      }
      return out;
    }
    case yaml::NodeKind::kScalar:
      break;
  }
  if (TreeIsInteger(n) && !n.int_overflow) {
    std::int64_t v = 0;
    TreeValue(&doc, id).getInteger(v);
    return v;
  }
  return yaml::ScalarToJson(doc, id);
}

}  // namespace irtcp::schema
