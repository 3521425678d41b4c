// Kubernetes label selectors as the provider's `labelSelector` option takes them:
// `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, joined with commas.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/k8s.h"

namespace irtcp::provider {

class LabelSelector {
 public:
  /// Parses `text`; false (with *err set) when it does not parse. "" selects everything.
  static bool Parse(std::string_view text, LabelSelector* out, std::string* err);

  bool Matches(const model::StringMap& labels) const;
  bool empty() const { return requirements_.empty(); }

 private:
  enum class Op { kEquals, kNotEquals, kExists, kNotExists, kIn, kNotIn };
  struct Requirement {
    std::string key;
    Op op = Op::kExists;
    std::vector<std::string> values;
  };
  std::vector<Requirement> requirements_;
};

}  // namespace irtcp::provider
