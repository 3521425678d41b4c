#include "core/yaml/scalar_types.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/util/hex.h"

namespace irtcp::yaml {

namespace {

bool IsNullWord(std::string_view v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

/// go-yaml v2's YAML 1.1 booleans: 1 true, 0 false, -1 neither. Called for every plain scalar, so
/// it rejects by length and first letter before comparing.
int BoolWord(std::string_view v) {
  if (v.empty() || v.size() > 5) {
    return -1;
  }
  switch (v[0]) {
    case 'y':
    case 'Y':
      return (v == "y" || v == "Y" || v == "yes" || v == "Yes" || v == "YES") ? 1 : -1;
    case 't':
    case 'T':
      return (v == "true" || v == "True" || v == "TRUE") ? 1 : -1;
    case 'o':
    case 'O':
      if (v == "on" || v == "On" || v == "ON") {
        return 1;
      }
      return (v == "off" || v == "Off" || v == "OFF") ? 0 : -1;
    case 'n':
    case 'N':
      return (v == "n" || v == "N" || v == "no" || v == "No" || v == "NO") ? 0 : -1;
    case 'f':
    case 'F':
      return (v == "false" || v == "False" || v == "FALSE") ? 0 : -1;
    default:
      return -1;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

/// strconv.ParseInt(s, 0, 64) semantics (after `_` removal): sign, 0x/0o/0b prefixes, leading 0
/// octal. Sets *overflow when the syntax is right but the value does not fit.
bool ParseGoInt(std::string_view s, std::int64_t* out, bool* overflow) {
  *overflow = false;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return false;
  }
  unsigned base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = s[1];
    if (p == 'x' || p == 'X') {
      base = 16;
      s.remove_prefix(2);
    } else if (p == 'o' || p == 'O') {
      base = 8;
      s.remove_prefix(2);
    } else if (p == 'b' || p == 'B') {
      base = 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
    if (s.empty()) {
      return false;
    }
  }
  std::uint64_t value = 0;
  for (char c : s) {
    int v = util::HexDigitValue(c);
    auto d = static_cast<unsigned>(v);
    if (v < 0 || d >= base) {
      return false;
    }
    if (value > (UINT64_MAX - d) / base) {
      *overflow = true;
    } else {
      value = value * base + d;
    }
  }
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(INT64_MAX);
  if (*overflow || value > kMax + (neg ? 1U : 0U)) {
    *overflow = true;
    return true;
  }
  if (neg) {
    *out = value == kMax + 1 ? INT64_MIN : -static_cast<std::int64_t>(value);
  } else {
    *out = static_cast<std::int64_t>(value);
  }
  return true;
}

/// yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
// Advances *i past a run of decimal digits; false when there is none.
bool SkipDigits(std::string_view s, std::size_t* i) {
  std::size_t start = *i;
  while (*i < s.size() && IsDigit(s[*i])) {
    ++*i;
  }
  return *i > start;
}

bool IsYamlFloat(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!SkipDigits(s, &i)) {
      return false;
    }
  } else {
    if (!SkipDigits(s, &i)) {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      SkipDigits(s, &i);
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      ++i;
    }
    if (!SkipDigits(s, &i)) {
      return false;
    }
  }
  return i == s.size();
}

void SetString(Node& n) { n.type = ScalarType::kString; }

bool ResolveNumber(std::string_view value, Node& n) {
  std::string plain;
  plain.reserve(value.size());
  for (char c : value) {
    if (c != '_') {
      plain += c;
    }
  }
  std::int64_t iv = 0;
  bool overflow = false;
  if (ParseGoInt(plain, &iv, &overflow)) {
    if (!overflow) {
      n.type = ScalarType::kInt;
      n.num.i = iv;
      return true;
    }
    n.type = ScalarType::kFloat;
    n.int_overflow = true;
    n.num.f = std::strtod(plain.c_str(), nullptr);
    return true;
  }
  if (IsYamlFloat(plain)) {
    n.type = ScalarType::kFloat;
    n.num.f = std::strtod(plain.c_str(), nullptr);
    return true;
  }
  return false;
}

}  // namespace

void ResolveScalar(std::string_view value, bool plain, std::string_view tag, Node& n) {
  constexpr std::string_view kPrefix = "tag:yaml.org,2002:";
  if (!tag.empty() && tag != "!") {
    std::string_view t =
        tag.substr(0, kPrefix.size()) == kPrefix ? tag.substr(kPrefix.size()) : tag;
    if (t == "str" || t == "binary" || t == "timestamp") {
      SetString(n);
      return;
    }
    if (t == "null") {
      n.type = ScalarType::kNull;
      return;
    }
    if (t == "bool") {
      int b = BoolWord(value);
      if (b >= 0) {
        n.type = ScalarType::kBool;
        n.num.b = b == 1;
        return;
      }
      SetString(n);
      return;
    }
    if (t == "int" || t == "float") {
      if (!ResolveNumber(value, n)) {
        SetString(n);
      }
      return;
    }
    // Unknown tags: resolve as if untagged.
  } else if (tag == "!") {
    SetString(n);
    return;
  }
  if (!plain) {
    SetString(n);
    return;
  }
  if (IsNullWord(value)) {
    n.type = ScalarType::kNull;
    return;
  }
  if (int b = BoolWord(value); b >= 0) {
    n.type = ScalarType::kBool;
    n.num.b = b == 1;
    return;
  }
  if (value == ".inf" || value == ".Inf" || value == ".INF" || value == "+.inf" ||
      value == "+.Inf" || value == "+.INF") {
    n.type = ScalarType::kFloat;
    n.num.f = HUGE_VAL;
    return;
  }
  if (value == "-.inf" || value == "-.Inf" || value == "-.INF") {
    n.type = ScalarType::kFloat;
    n.num.f = -HUGE_VAL;
    return;
  }
  if (value == ".nan" || value == ".NaN" || value == ".NAN") {
    n.type = ScalarType::kFloat;
    n.num.f = std::nan("");
    return;
  }
  char c = value[0];
  if (IsDigit(c) || c == '+' || c == '-' || c == '.') {
    if (ResolveNumber(value, n)) {
      return;
    }
  }
  SetString(n);
}

}  // namespace irtcp::yaml
