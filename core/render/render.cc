#include "core/render/render.h"

#include <re2/re2.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/config/toml.h"
#include "core/provider/naming.h"
#include "core/render/yaml_text.h"
#include "core/util/strings.h"

namespace irtcp::render {

namespace {

using Json = nlohmann::json;
namespace p = provider;

class Builder {
 public:
  explicit Builder(const RenderOptions& options) : options_(options) {}

  Json Text(const p::SecretText& t) const {
    if (t.from_secret() && !options_.include_secrets) {
      return SecretPlaceholder(t);
    }
    return t.text;
  }

  Json Pair(const p::CertificatePair& pair) const {
    Json j = Json::object();
    PutText(j, "certFile", pair.cert_file);
    PutText(j, "keyFile", pair.key_file);
    return j;
  }

  void PutText(Json& j, const char* key, const p::SecretText& t) const {
    if (!t.text.empty()) {
      j[key] = Text(t);
    }
  }

  static void PutString(Json& j, const char* key, const std::string& s) {
    if (!s.empty()) {
      j[key] = s;
    }
  }
  static void PutList(Json& j, const char* key, const std::vector<std::string>& v) {
    if (!v.empty()) {
      j[key] = v;
    }
  }

  static Json DomainJson(const p::Domain& d) {
    Json j = Json::object();
    PutString(j, "main", d.main);
    PutList(j, "sans", d.sans);
    return j;
  }

  static Json ProxyProtocolJson(const p::ProxyProtocol& pp) {
    Json j = Json::object();
    if (pp.version != 0) {
      j["version"] = pp.version;
    }
    return j;
  }

  Json Build(const p::Configuration& c) const {
    Json tcp = Json::object();
    Json routers = Json::object();
    for (const auto& [name, r] : c.tcp.routers) {
      Json j = Json::object();
      PutList(j, "entryPoints", r.entry_points);
      PutList(j, "middlewares", r.middlewares);
      PutString(j, "service", r.service);
      PutString(j, "rule", r.rule);
      PutString(j, "ruleSyntax", r.rule_syntax);
      if (r.priority != 0) {
        j["priority"] = r.priority;
      }
      if (r.tls.has_value()) {
        Json t = Json::object();
        t["passthrough"] = r.tls->passthrough;
        PutString(t, "options", r.tls->options);
        PutString(t, "certResolver", r.tls->cert_resolver);
        if (!r.tls->domains.empty()) {
          Json ds = Json::array();
          for (const p::Domain& d : r.tls->domains) {
            ds.push_back(DomainJson(d));
          }
          t["domains"] = std::move(ds);
        }
        j["tls"] = std::move(t);
      }
      routers[name] = std::move(j);
    }
    tcp["routers"] = std::move(routers);

    Json services = Json::object();
    for (const auto& [name, s] : c.tcp.services) {
      Json j = Json::object();
      if (s.load_balancer.has_value()) {
        const p::LoadBalancer& lb = *s.load_balancer;
        Json l = Json::object();
        if (!lb.servers.empty()) {
          Json servers = Json::array();
          for (const p::Server& srv : lb.servers) {
            Json sj = Json::object();
            PutString(sj, "address", srv.address);
            if (srv.tls) {
              sj["tls"] = true;
            }
            servers.push_back(std::move(sj));
          }
          l["servers"] = std::move(servers);
        }
        PutString(l, "serversTransport", lb.servers_transport);
        if (lb.proxy_protocol.has_value()) {
          l["proxyProtocol"] = ProxyProtocolJson(*lb.proxy_protocol);
        }
        if (lb.termination_delay.has_value()) {
          l["terminationDelay"] = *lb.termination_delay;
        }
        j["loadBalancer"] = std::move(l);
      }
      if (s.weighted.has_value()) {
        Json w = Json::object();
        if (!s.weighted->services.empty()) {
          Json list = Json::array();
          for (const p::WeightedRef& ref : s.weighted->services) {
            Json rj = Json::object();
            PutString(rj, "name", ref.name);
            if (ref.weight.has_value()) {
              rj["weight"] = *ref.weight;
            }
            list.push_back(std::move(rj));
          }
          w["services"] = std::move(list);
        }
        j["weighted"] = std::move(w);
      }
      services[name] = std::move(j);
    }
    tcp["services"] = std::move(services);

    Json middlewares = Json::object();
    for (const auto& [name, m] : c.tcp.middlewares) {
      Json j = Json::object();
      if (m.in_flight_conn.has_value()) {
        Json f = Json::object();
        if (m.in_flight_conn->amount != 0) {
          f["amount"] = m.in_flight_conn->amount;
        }
        j["inFlightConn"] = std::move(f);
      }
      auto range = [](const p::SourceRange& r) {
        Json f = Json::object();
        PutList(f, "sourceRange", r.source_range);
        return f;
      };
      if (m.ip_allow_list.has_value()) {
        j["ipAllowList"] = range(*m.ip_allow_list);
      }
      if (m.ip_white_list.has_value()) {
        j["ipWhiteList"] = range(*m.ip_white_list);
      }
      middlewares[name] = std::move(j);
    }
    tcp["middlewares"] = std::move(middlewares);

    Json transports = Json::object();
    for (const auto& [name, st] : c.tcp.servers_transports) {
      Json j = Json::object();
      if (st.dial_timeout_ns != 0) {
        j["dialTimeout"] = p::FormatGoDuration(st.dial_timeout_ns);
      }
      if (st.dial_keep_alive_ns != 0) {
        j["dialKeepAlive"] = p::FormatGoDuration(st.dial_keep_alive_ns);
      }
      if (st.termination_delay_ns != 0) {
        j["terminationDelay"] = p::FormatGoDuration(st.termination_delay_ns);
      }
      if (st.proxy_protocol.has_value()) {
        j["proxyProtocol"] = ProxyProtocolJson(*st.proxy_protocol);
      }
      if (st.tls.has_value()) {
        const p::TransportTls& t = *st.tls;
        Json tj = Json::object();
        PutString(tj, "serverName", t.server_name);
        if (t.insecure_skip_verify) {
          tj["insecureSkipVerify"] = true;
        }
        if (!t.root_cas.empty()) {
          Json cas = Json::array();
          for (const p::SecretText& ca : t.root_cas) {
            cas.push_back(Text(ca));
          }
          tj["rootCAs"] = std::move(cas);
        }
        if (!t.certificates.empty()) {
          Json certs = Json::array();
          for (const p::CertificatePair& pair : t.certificates) {
            certs.push_back(Pair(pair));
          }
          tj["certificates"] = std::move(certs);
        }
        PutString(tj, "peerCertURI", t.peer_cert_uri);
        if (t.spiffe.has_value()) {
          Json sp = Json::object();
          PutList(sp, "ids", t.spiffe->ids);
          PutString(sp, "trustDomain", t.spiffe->trust_domain);
          tj["spiffe"] = std::move(sp);
        }
        j["tls"] = std::move(tj);
      }
      transports[name] = std::move(j);
    }
    if (c.tcp.has_servers_transports) {
      tcp["serversTransports"] = std::move(transports);
    }

    Json tls = Json::object();
    if (!c.tls.certificates.empty()) {
      Json certs = Json::array();
      for (const auto& [key, cert] : c.tls.certificates) {
        Json j = Pair(cert.pair);
        PutList(j, "stores", cert.stores);
        certs.push_back(std::move(j));
      }
      tls["certificates"] = std::move(certs);
    }
    if (c.tls.options.has_value()) {
      Json options = Json::object();
      for (const auto& [name, o] : *c.tls.options) {
        Json j = Json::object();
        PutString(j, "minVersion", o.min_version);
        PutString(j, "maxVersion", o.max_version);
        PutList(j, "cipherSuites", o.cipher_suites);
        PutList(j, "curvePreferences", o.curve_preferences);
        if (!o.client_auth.ca_files.empty() || !o.client_auth.client_auth_type.empty()) {
          Json ca = Json::object();
          if (!o.client_auth.ca_files.empty()) {
            Json files = Json::array();
            for (const p::SecretText& f : o.client_auth.ca_files) {
              files.push_back(Text(f));
            }
            ca["caFiles"] = std::move(files);
          }
          PutString(ca, "clientAuthType", o.client_auth.client_auth_type);
          j["clientAuth"] = std::move(ca);
        }
        if (o.sni_strict) {
          j["sniStrict"] = true;
        }
        PutList(j, "alpnProtocols", o.alpn_protocols);
        if (o.disable_session_tickets) {
          j["disableSessionTickets"] = true;
        }
        options[name] = std::move(j);
      }
      tls["options"] = std::move(options);
    }
    if (c.tls.stores.has_value()) {
      Json stores = Json::object();
      for (const auto& [name, s] : *c.tls.stores) {
        Json j = Json::object();
        if (s.default_certificate.has_value()) {
          j["defaultCertificate"] = Pair(*s.default_certificate);
        }
        if (s.default_generated_cert.has_value()) {
          Json g = Json::object();
          PutString(g, "resolver", s.default_generated_cert->resolver);
          if (s.default_generated_cert->domain.has_value()) {
            g["domain"] = DomainJson(*s.default_generated_cert->domain);
          }
          j["defaultGeneratedCert"] = std::move(g);
        }
        stores[name] = std::move(j);
      }
      tls["stores"] = std::move(stores);
    }
    Json root = Json::object();
    root["tcp"] = std::move(tcp);
    root["tls"] = std::move(tls);
    return root;
  }

 private:
  const RenderOptions& options_;
};

// True when go-yaml (YAML 1.1) or a YAML 1.2 reader would read the plain scalar as something
// other than a string: such strings are written double-quoted.
bool NeedsQuotes(const std::string& s) {
  if (s.empty() || s.find('\n') != std::string::npos || s.find('\r') != std::string::npos ||
      s.find('\t') != std::string::npos) {
    return true;
  }
  static const RE2 kNonString(
      R"re(^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|)re"
      R"re(on|On|ON|off|Off|OFF|[-+]?[0-9_]+|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[bB][01_]+|)re"
      R"re([-+]?0[oO][0-7_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|)re"
      R"re([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|)re"
      R"re([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|<<|=)$)re");
  return RE2::FullMatch(s, kNonString);
}

bool PlainOk(const std::string& s) {
  if (s.empty() || s.back() == ' ' || s.back() == ':') {
    return false;
  }
  auto first = static_cast<unsigned char>(s[0]);
  bool first_ok =
      std::isalnum(first) != 0 || first == '_' || first == '/' || first == '.' || first == '(';
  if (!first_ok) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F || c >= 0x80 || c == '"' || c == '\'' || c == '\\') {
      return false;
    }
    if (c == '#' && i > 0 && s[i - 1] == ' ') {
      return false;
    }
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') {
      return false;
    }
  }
  // Only short strings that start like a number, boolean or null can resolve to one.
  bool maybe_typed =
      s.size() <= 40 &&
      (std::isdigit(first) != 0 || first == '.' ||
       std::string_view("yYnNtTfFoO").find(static_cast<char>(first)) != std::string_view::npos);
  return !(maybe_typed && NeedsQuotes(s));
}

template <typename J>
void AppendScalar(const J& j, std::string& out) {
  switch (j.type()) {
    case J::value_t::string: {
      const std::string& s = j.template get_ref<const std::string&>();
      if (PlainOk(s)) {
        out += s;
      } else {
        util::AppendDoubleQuoted(s, &out);
      }
      break;
    }
    case J::value_t::boolean:
      out += j.template get<bool>() ? "true" : "false";
      break;
    case J::value_t::number_integer:
      out += std::to_string(j.template get<std::int64_t>());
      break;
    case J::value_t::number_unsigned:
      out += std::to_string(j.template get<std::uint64_t>());
      break;
    default:
      out += "null";
      break;
  }
}

template <typename J>
void EmitYamlSeq(const J& j, std::size_t indent, std::string& out);

// Block mapping at `indent`; the first line starts with `first_prefix` instead of padding (a
// mapping that is a sequence item).
template <typename J>
void EmitYamlMap(const J& j, std::size_t indent, std::string& out,
                 const std::string* first_prefix) {
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (first && first_prefix != nullptr) {
      out += *first_prefix;
    } else {
      out.append(indent, ' ');
    }
    first = false;
    AppendScalar(J(it.key()), out);
    out += ':';
    const J& v = it.value();
    if (v.is_object() && !v.empty()) {
      out += '\n';
      EmitYamlMap(v, indent + 2, out, nullptr);
    } else if (v.is_array() && !v.empty()) {
      out += '\n';
      EmitYamlSeq(v, indent + 2, out);
    } else if (v.is_object()) {
      out += " {}\n";
    } else if (v.is_array()) {
      out += " []\n";
    } else {
      out += ' ';
      AppendScalar(v, out);
      out += '\n';
    }
  }
}

template <typename J>
void EmitYamlSeq(const J& j, std::size_t indent, std::string& out) {
  for (const J& v : j) {
    if (v.is_object() && !v.empty()) {
      std::string prefix(indent, ' ');
      prefix += "- ";
      EmitYamlMap(v, indent + 2, out, &prefix);
    } else if (v.is_array() && !v.empty()) {
      out.append(indent, ' ');
      out += "-\n";
      EmitYamlSeq(v, indent + 2, out);
    } else {
      out.append(indent, ' ');
      out += "- ";
      if (v.is_object()) {
        out += "{}";
      } else if (v.is_array()) {
        out += "[]";
      } else {
        AppendScalar(v, out);
      }
      out += '\n';
    }
  }
}

void ToToml(const Json& j, toml::array& arr);

void ToToml(const Json& j, toml::table& tbl) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const Json& v = it.value();
    switch (v.type()) {
      case Json::value_t::object: {
        toml::table sub;
        ToToml(v, sub);
        tbl.insert_or_assign(it.key(), std::move(sub));
        break;
      }
      case Json::value_t::array: {
        toml::array sub;
        ToToml(v, sub);
        tbl.insert_or_assign(it.key(), std::move(sub));
        break;
      }
      case Json::value_t::string:
        tbl.insert_or_assign(it.key(), v.get<std::string>());
        break;
      case Json::value_t::boolean:
        tbl.insert_or_assign(it.key(), v.get<bool>());
        break;
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned:
        tbl.insert_or_assign(it.key(), v.get<std::int64_t>());
        break;
      default:
        break;
    }
  }
}

void ToToml(const Json& j, toml::array& arr) {
  for (const Json& v : j) {
    switch (v.type()) {
      case Json::value_t::object: {
        toml::table sub;
        ToToml(v, sub);
        arr.push_back(std::move(sub));
        break;
      }
      case Json::value_t::array: {
        toml::array sub;
        ToToml(v, sub);
        arr.push_back(std::move(sub));
        break;
      }
      case Json::value_t::string:
        arr.push_back(v.get<std::string>());
        break;
      case Json::value_t::boolean:
        arr.push_back(v.get<bool>());
        break;
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned:
        arr.push_back(v.get<std::int64_t>());
        break;
      default:
        break;
    }
  }
}

}  // namespace

bool ParseFormat(std::string_view name, Format* format) {
  if (name == "yaml" || name == "yml") {
    *format = Format::kYaml;
  } else if (name == "json") {
    *format = Format::kJson;
  } else if (name == "toml") {
    *format = Format::kToml;
  } else {
    return false;
  }
  return true;
}

std::string SecretPlaceholder(const provider::SecretText& text) {
  return "<secret " + text.secret_namespace + "/" + text.secret_name + ": " + text.key + ", " +
         std::to_string(text.text.size()) + " bytes; use --include-secrets>";
}

std::string ToYaml(const nlohmann::ordered_json& doc) {
  std::string out;
  EmitYamlMap(doc, 0, out, nullptr);
  return out;
}

std::string Render(const provider::Configuration& config, Format format,
                   const RenderOptions& options) {
  Json doc = Builder(options).Build(config);
  switch (format) {
    case Format::kJson:
      return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    case Format::kYaml: {
      std::string out;
      out.reserve(1 << 16);
      EmitYamlMap(doc, 0, out, nullptr);
      return out;
    }
    case Format::kToml: {
      toml::table tbl;
      ToToml(doc, tbl);
      std::ostringstream os;
      os << toml::toml_formatter(tbl);
      std::string s = os.str();
      if (s.empty() || s.back() != '\n') {
        s += '\n';
      }
      return s;
    }
  }
  return "";
}

}  // namespace irtcp::render
