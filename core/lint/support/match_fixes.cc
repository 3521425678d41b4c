#include "core/lint/support/match_fixes.h"

#include "core/fix/yaml_edit.h"

namespace irtcp::lint {

std::optional<std::vector<diag::Edit>> RewriteMatch(const RouteMatch& r,
                                                    std::string_view new_match) {
  const yaml::Document& doc = *r.irt->object->doc;
  if (r.route->match.node == yaml::kNoNode || r.route->node == yaml::kNoNode ||
      doc.node(r.route->node).flow) {
    return std::nullopt;
  }
  std::optional<diag::Edit> replace = fix::ReplaceScalar(doc, r.route->match.node, new_match);
  if (!replace) {
    return std::nullopt;
  }
  std::vector<diag::Edit> edits{std::move(*replace)};
  const model::Field<std::int64_t>& prio = r.route->priority;
  if (prio.present && prio.value != 0) {
    return edits;
  }
  std::string pinned = std::to_string(r.priority);
  if (prio.node != yaml::kNoNode) {
    if (!prio.present) {
      return std::nullopt;  // `priority:` of the wrong type: leave it to the schema rules
    }
    const yaml::Node& p = doc.node(prio.node);
    edits.push_back({p.begin, p.end, pinned});
    return edits;
  }
  std::optional<diag::Edit> insert =
      fix::InsertEntryAfter(doc, r.route->node, "match", "priority", pinned);
  if (!insert) {
    return std::nullopt;
  }
  edits.push_back(std::move(*insert));
  return edits;
}

std::optional<diag::Edit> DropSyntaxLine(const RouteMatch& r) {
  if (r.route->node == yaml::kNoNode) {
    return std::nullopt;
  }
  return fix::DeleteEntryLine(*r.irt->object->doc, r.route->node, "syntax");
}

std::string RewriteNote(const RouteMatch& r) {
  std::string note = "the router name changes";
  if (!(r.route->priority.present && r.route->priority.value != 0)) {
    note += "; `priority: " + std::to_string(r.priority) + "` pinned to keep the route order";
  }
  return note;
}

}  // namespace irtcp::lint
