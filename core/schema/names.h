// Kubernetes name syntax (k8s.io/apimachinery/pkg/util/validation), without regular expressions.
#pragma once

#include <string>
#include <string_view>

namespace irtcp::schema {

/// DNS-1123 label: at most 63 characters, [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool IsDns1123Label(std::string_view s);
/// DNS-1123 subdomain: at most 253 characters, dot-separated parts of [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool IsDns1123Subdomain(std::string_view s);
/// A generateName prefix: valid when the prefix (trailing '-' allowed) plus a random suffix can
/// form a DNS-1123 subdomain.
bool IsValidGenerateName(std::string_view s);
/// Label/annotation key: [prefix/]name, prefix a DNS-1123 subdomain, name at most 63 characters
/// of [A-Za-z0-9_.-] starting and ending with an alphanumeric. Returns "" or the reason.
std::string QualifiedNameError(std::string_view s);
/// Label value: empty, or at most 63 characters as the name part above. Returns "" or the reason.
std::string LabelValueError(std::string_view s);

}  // namespace irtcp::schema
