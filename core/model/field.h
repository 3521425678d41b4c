// Field<T>: one decoded manifest value together with where it came from.
//
// The typed model (traefik.h, k8s.h) never fails: a value of the wrong YAML type is simply not
// `present` (and `invalid` says that something was written). The schema validator reports the
// type error; the provider engine treats the field as absent, as Go's decoder would after a
// failed admission.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/source/location.h"
#include "core/yaml/tree.h"

namespace irtcp::model {

template <typename T>
struct Field {
  T value{};
  yaml::NodeId node = yaml::kNoNode;  ///< the value's node (kNoNode when the key is absent)
  source::Location loc;               ///< start of the value (or of the key when null)
  bool present = false;               ///< written, non-null and of the expected type
  bool invalid = false;               ///< written, non-null, but of another type

  /// The value when present, else `fallback` (a copy, so binding the result of
  /// `f.Or(std::string())` to a const reference is safe).
  T Or(const T& fallback) const { return present ? value : fallback; }
};

/// Kubernetes intstr.IntOrString. `port: "8000"` stays a string (a port NAME for Traefik).
struct IntOrString {
  bool is_string = false;
  std::int64_t int_value = 0;
  std::string str_value;

  /// Decimal number or the raw string (as Traefik prints it in names and messages).
  std::string ToString() const { return is_string ? str_value : std::to_string(int_value); }
  /// Traefik's "port not defined": integer 0 or the empty string.
  bool IsZero() const { return is_string ? str_value.empty() : int_value == 0; }
};

}  // namespace irtcp::model
