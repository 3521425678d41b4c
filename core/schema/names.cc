#include "core/schema/names.h"

namespace irtcp::schema {

namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

/// [a-z0-9]([-a-z0-9]*[a-z0-9])? without a length limit.
bool IsLabelShape(std::string_view s) {
  if (s.empty() || !IsLowerAlnum(s.front()) || !IsLowerAlnum(s.back())) {
    return false;
  }
  for (char c : s) {
    if (!IsLowerAlnum(c) && c != '-') {
      return false;
    }
  }
  return true;
}

/// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], at most 63 characters; "" or the reason.
std::string NamePartError(std::string_view s, std::string_view what) {
  if (s.empty()) {
    return std::string(what) + " is empty";
  }
  if (s.size() > 63) {
    return std::string(what) + " is longer than 63 characters";
  }
  if (!IsAlnum(s.front()) || !IsAlnum(s.back())) {
    return std::string(what) + " must start and end with a letter or digit";
  }
  for (char c : s) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') {
      return std::string(what) + " may contain only letters, digits, '-', '_' and '.'";
    }
  }
  return "";
}

}  // namespace

bool IsDns1123Label(std::string_view s) { return s.size() <= 63 && IsLabelShape(s); }

bool IsDns1123Subdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!IsLabelShape(part)) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool IsValidGenerateName(std::string_view s) {
  // apimachinery's NameIsDNSSubdomain(name, prefix=true) appends a character before checking.
  std::string probe(s);
  probe += 'a';
  return IsDns1123Subdomain(probe);
}

std::string QualifiedNameError(std::string_view s) {
  std::size_t slash = s.find('/');
  std::string_view name = s;
  if (slash != std::string_view::npos) {
    std::string_view prefix = s.substr(0, slash);
    name = s.substr(slash + 1);
    if (prefix.empty()) {
      return "the prefix before '/' is empty";
    }
    if (!IsDns1123Subdomain(prefix)) {
      return "the prefix before '/' must be a DNS-1123 subdomain (lower-case letters, digits, '-' "
             "and '.', at most 253 characters)";
    }
    if (name.find('/') != std::string_view::npos) {
      return "a key has at most one '/'";
    }
  }
  return NamePartError(name, slash == std::string_view::npos ? "the key" : "the name after '/'");
}

std::string LabelValueError(std::string_view s) {
  if (s.empty()) {
    return "";
  }
  return NamePartError(s, "the value");
}

}  // namespace irtcp::schema
