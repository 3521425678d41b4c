#include "core/provider/label_selector.h"

#include <algorithm>
#include <cctype>

namespace irtcp::provider {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

bool ValidToken(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '/';
  });
}

// Splits at commas that are not inside parentheses.
std::vector<std::string_view> SplitTop(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    } else if (text[i] == ',' && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace

bool LabelSelector::Parse(std::string_view text, LabelSelector* out, std::string* err) {
  out->requirements_.clear();
  if (Trim(text).empty()) {
    return true;
  }
  auto fail = [&]() {
    *err = "invalid label selector: \"" + std::string(text) + "\"";
    return false;
  };
  for (std::string_view raw : SplitTop(text)) {
    std::string_view part = Trim(raw);
    Requirement r;
    if (part.empty()) {
      return fail();
    }
    if (part[0] == '!') {
      r.key = std::string(Trim(part.substr(1)));
      r.op = Op::kNotExists;
      if (!ValidToken(r.key)) {
        return fail();
      }
      out->requirements_.push_back(std::move(r));
      continue;
    }
    std::size_t paren = part.find('(');
    if (paren != std::string_view::npos) {
      if (part.back() != ')') {
        return fail();
      }
      std::string_view head = Trim(part.substr(0, paren));
      std::size_t sp = head.find_last_of(" \t");
      if (sp == std::string_view::npos) {
        return fail();
      }
      std::string_view op = Trim(head.substr(sp + 1));
      r.key = std::string(Trim(head.substr(0, sp)));
      if (op == "in") {
        r.op = Op::kIn;
      } else if (op == "notin") {
        r.op = Op::kNotIn;
      } else {
        return fail();
      }
      std::string_view inner = part.substr(paren + 1, part.size() - paren - 2);
      for (std::string_view v : SplitTop(inner)) {
        std::string_view tv = Trim(v);
        if (!tv.empty() && !ValidToken(tv)) {
          return fail();
        }
        r.values.emplace_back(tv);
      }
      if (!ValidToken(r.key)) {
        return fail();
      }
      out->requirements_.push_back(std::move(r));
      continue;
    }
    std::size_t ne = part.find("!=");
    std::size_t eq = part.find('=');
    if (ne != std::string_view::npos) {
      r.op = Op::kNotEquals;
      r.key = std::string(Trim(part.substr(0, ne)));
      r.values.emplace_back(Trim(part.substr(ne + 2)));
    } else if (eq != std::string_view::npos) {
      r.op = Op::kEquals;
      r.key = std::string(Trim(part.substr(0, eq)));
      std::size_t vstart = eq + 1;
      if (vstart < part.size() && part[vstart] == '=') {
        ++vstart;
      }
      r.values.emplace_back(Trim(part.substr(vstart)));
    } else {
      r.op = Op::kExists;
      r.key = std::string(part);
    }
    if (!ValidToken(r.key) ||
        (!r.values.empty() && !r.values[0].empty() && !ValidToken(r.values[0]))) {
      return fail();
    }
    out->requirements_.push_back(std::move(r));
  }
  return true;
}

bool LabelSelector::Matches(const model::StringMap& labels) const {
  for (const Requirement& r : requirements_) {
    const model::StringMap::Entry* e = labels.Find(r.key);
    switch (r.op) {
      case Op::kExists:
        if (e == nullptr) {
          return false;
        }
        break;
      case Op::kNotExists:
        if (e != nullptr) {
          return false;
        }
        break;
      case Op::kEquals:
      case Op::kIn:
        if (e == nullptr ||
            std::find(r.values.begin(), r.values.end(), e->value) == r.values.end()) {
          return false;
        }
        break;
      case Op::kNotEquals:
      case Op::kNotIn:
        if (e != nullptr &&
            std::find(r.values.begin(), r.values.end(), e->value) != r.values.end()) {
          return false;
        }
        break;
    }
  }
  return true;
}

}  // namespace irtcp::provider
