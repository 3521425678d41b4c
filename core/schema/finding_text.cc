#include "core/schema/finding_text.h"

#include <algorithm>

#include "core/diag/diagnostic.h"
#include "core/schema/tree_adapter.h"
#include "core/util/strings.h"

namespace irtcp::schema::internal {

namespace {

/// Fields that belong to Traefik's HTTP kinds, with the hint the unknown-field message adds.
/// `where` is the schema path with "[]" for list items; "{}" in `text` is the field.
struct HttpHint {
  std::string_view kind;
  std::string_view where;
  std::string_view fields;  // space-separated
  std::string_view text;
};

constexpr HttpHint kHttpHints[] = {
    {"IngressRouteTCP", "spec.routes[]", "kind",
     "IngressRouteTCP routes have no kind; it belongs to IngressRoute"},
    {"IngressRouteTCP", "spec.routes[]", "observability",
     "{} belongs to IngressRoute (HTTP) routes"},
    {"IngressRouteTCP", "spec.routes[].services[]", "kind",
     "IngressRouteTCP services have no kind; it belongs to IngressRoute services"},
    {"IngressRouteTCP", "spec.routes[].services[]", "middlewares",
     "middlewares belong to the route (spec.routes[].middlewares), not to a service"},
    {"IngressRouteTCP", "spec.routes[].services[]",
     "sticky passHostHeader responseForwarding scheme strategy healthCheck mirroring percent",
     "{} is an option of IngressRoute (HTTP) services; IngressRouteTCP services have no {}"},
    {"MiddlewareTCP", "spec",
     "addPrefix basicAuth buffering chain circuitBreaker compress contentType digestAuth errors "
     "forwardAuth grpcWeb headers ipStrategy passTLSClientCert plugin rateLimit redirectRegex "
     "redirectScheme replacePath replacePathRegex retry stripPrefix stripPrefixRegex",
     "{} is an HTTP middleware (kind: Middleware); MiddlewareTCP supports inFlightConn, "
     "ipAllowList and ipWhiteList"},
    {"ServersTransportTCP", "spec", "forwardingTimeouts maxIdleConnsPerHost disableHTTP2",
     "{} is an option of the HTTP ServersTransport, not of ServersTransportTCP"},
    {"ServersTransportTCP", "spec",
     "serverName insecureSkipVerify rootCAs rootCAsSecrets certificatesSecrets peerCertURI spiffe",
     "in ServersTransportTCP, {} goes under spec.tls"},
};

bool HasWord(std::string_view list, std::string_view word) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t space = list.find(' ', start);
    std::string_view w = list.substr(
        start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (w == word) {
      return true;
    }
    if (space == std::string_view::npos) {
      break;
    }
    start = space + 1;
  }
  return false;
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = text.find(from, pos);
    out += text.substr(pos, hit == std::string_view::npos ? std::string_view::npos : hit - pos);
    if (hit == std::string_view::npos) {
      return out;
    }
    out += to;
    pos = hit + from.size();
  }
}

bool IsPlainKey(std::string_view key) {
  if (key.empty()) {
    return false;
  }
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

}  // namespace

std::optional<std::string> HttpFieldHint(std::string_view kind, std::string_view where,
                                         std::string_view field) {
  for (const HttpHint& h : kHttpHints) {
    if (h.kind == kind && h.where == where && HasWord(h.fields, field)) {
      return ReplaceAll(h.text, "{}", field);
    }
  }
  return std::nullopt;
}

std::string Quote(std::string_view text) {
  return util::DoubleQuoted(diag::Shorten(text, kMaxValueChars));
}

std::string HumanPath(const std::vector<Seg>& path) {
  std::string out;
  for (const Seg& s : path) {
    if (s.is_index) {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    } else if (IsPlainKey(s.key)) {
      if (!out.empty()) {
        out += '.';
      }
      out += s.key;
    } else {
      out += '[';
      out += Quote(s.key);
      out += ']';
    }
  }
  return out;
}

std::string GenericPath(const std::vector<Seg>& path) {
  std::string out;
  for (const Seg& s : path) {
    if (s.is_index) {
      out += "[]";
    } else {
      if (!out.empty()) {
        out += '.';
      }
      out += s.key;
    }
  }
  return out;
}

std::string Pointer(std::string_view prefix, const std::vector<Seg>& path) {
  std::string out(prefix);
  for (const Seg& s : path) {
    out += '/';
    if (s.is_index) {
      out += std::to_string(s.index);
      continue;
    }
    util::AppendJsonPointerToken(s.key, &out);
  }
  return out;
}

std::uint8_t TypeOfNode(const yaml::Document& doc, yaml::NodeId id) {
  const yaml::Node& n = doc.node(id);
  switch (n.kind) {
    case yaml::NodeKind::kMapping:
      return kTypeObject;
    case yaml::NodeKind::kSequence:
      return kTypeArray;
    case yaml::NodeKind::kScalar:
      break;
  }
  if (TreeIsInteger(n)) {
    return kTypeInteger;
  }
  switch (n.type) {
    case yaml::ScalarType::kNull:
      return kTypeNull;
    case yaml::ScalarType::kBool:
      return kTypeBoolean;
    case yaml::ScalarType::kFloat:
      return kTypeNumber;
    case yaml::ScalarType::kInt:
      return kTypeInteger;
    case yaml::ScalarType::kString:
      break;
  }
  return kTypeString;
}

bool TypeAllowed(std::uint8_t allowed, std::uint8_t type) {
  if (allowed == 0 || (allowed & type) != 0) {
    return true;
  }
  return type == kTypeInteger && (allowed & kTypeNumber) != 0;
}

std::string Found(const yaml::Document& doc, yaml::NodeId id) {
  std::uint8_t type = TypeOfNode(doc, id);
  std::string out = TypeSetName(type);
  if (type == kTypeString) {
    out += " " + Quote(doc.Text(id));
  } else if (type != kTypeObject && type != kTypeArray && type != kTypeNull) {
    out += " (" + diag::Shorten(doc.Text(id), kMaxValueChars) + ")";
  }
  return out;
}

std::string EnumText(const nlohmann::json& v) {
  if (v.is_string()) {
    return Quote(v.get<std::string>());
  }
  return v.dump();
}

std::string RangeText(const SchemaNode& s) {
  std::string out = "an integer";
  if (s.minimum && s.maximum) {
    out += " from " + std::to_string(*s.minimum) + " to " + std::to_string(*s.maximum);
  } else if (s.minimum) {
    out += " >= " + std::to_string(*s.minimum);
  } else if (s.maximum) {
    out += " <= " + std::to_string(*s.maximum);
  }
  if (s.int32) {
    out += " (int32)";
  }
  return out;
}

}  // namespace irtcp::schema::internal
