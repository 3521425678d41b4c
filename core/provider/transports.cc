// Sections 12 and 13 of provider.md: MiddlewareTCPs and ServersTransportTCPs.
#include <algorithm>
#include <charconv>
#include <cstdint>

#include "core/provider/engine_impl.h"
#include "core/provider/naming.h"

namespace irtcp::provider {

// Section 12.
void Engine::LoadMiddlewares() {
  for (const model::MiddlewareTCP& m : catalog_.middleware_tcps()) {
    const model::Object& o = *m.object;
    if (!Visible(o, m.meta)) {
      continue;
    }
    Middleware out;
    if (m.in_flight_conn.present) {
      out.in_flight_conn = InFlightConn{m.in_flight_conn.value.amount.Or(0)};
    }
    // ipAllowList exists from v2.11 (2.10 drops the field: the middleware is then empty).
    if (m.ip_allow_list.present && options_.traefik_version.AtLeast(2, 11)) {
      out.ip_allow_list = SourceRange{m.ip_allow_list.value.source_range.Or({})};
    }
    if (m.ip_white_list.present) {
      out.ip_white_list = SourceRange{m.ip_white_list.value.source_range.Or({})};
    }
    result_.config.tcp.middlewares[Normalize(MakeId(o.namespace_, o.name))] = std::move(out);
  }
}

// Section 13.
void Engine::LoadServersTransports() {
  if (!options_.traefik_version.AtLeast(3, 0)) {
    result_.config.tcp.has_servers_transports = false;
    return;  // the kind exists from v3.0 (versions.md §1)
  }
  for (const model::ServersTransportTCP& st : catalog_.servers_transport_tcps()) {
    const model::Object& o = *st.object;
    if (!Visible(o, st.meta)) {
      continue;
    }
    const std::string& ns = o.namespace_;
    ServersTransport out;
    auto duration = [&](const model::Field<model::IntOrString>& f, std::int64_t def,
                        std::string_view field_name, std::string_view key) -> std::int64_t {
      if (!f.present) {
        return def;
      }
      constexpr std::int64_t kSecond = 1'000'000'000;
      if (!f.value.is_string) {
        return f.value.int_value * kSecond;
      }
      const std::string& s = f.value.str_value;
      if (!s.empty() &&
          std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc() && ptr == s.data() + s.size() && v <= INT64_MAX / kSecond) {
          return v * kSecond;
        }
      } else if (auto d = ParseGoDuration(s)) {
        return *d;
      }
      Emit(EventLevel::kError, EventCode::kTransportDuration,
           "Error while reading " + std::string(field_name), "invalid duration \"" + s + "\"", &o,
           f.node, o.path_prefix + "/spec/" + std::string(key));
      return 0;
    };
    out.dial_timeout_ns = duration(st.dial_timeout, 30'000'000'000, "DialTimeout", "dialTimeout");
    out.dial_keep_alive_ns =
        duration(st.dial_keep_alive, 15'000'000'000, "DialKeepAlive", "dialKeepAlive");
    out.termination_delay_ns =
        duration(st.termination_delay, 100'000'000, "TerminationDelay", "terminationDelay");
    if (st.proxy_protocol.present) {
      out.proxy_protocol = ProxyProtocol{st.proxy_protocol.value.version.Or(0)};
    }
    if (st.tls.present) {
      const model::TransportTlsSpec& t = st.tls.value;
      TransportTls tls;
      tls.server_name = t.server_name.Or(std::string());
      tls.insecure_skip_verify = t.insecure_skip_verify.Or(false);
      tls.peer_cert_uri = t.peer_cert_uri.Or(std::string());
      if (t.spiffe.present) {
        tls.spiffe =
            Spiffe{t.spiffe.value.ids.Or({}), t.spiffe.value.trust_domain.Or(std::string())};
      }
      auto ca_secret = [&](const std::string& name, SecretText* out_text, std::string* err) {
        std::string id = ns;
        id += '/';
        id += name;
        const model::Secret* s = VisibleSecret(ns, name);
        if (s == nullptr) {
          *err = "secret '" + id + "' not found";
          return false;
        }
        const model::Secret::Entry* e = s->Find("tls.ca");
        std::string key = "tls.ca";
        if (e == nullptr) {
          e = s->Find("ca.crt");
          key = "ca.crt";
        }
        if (e == nullptr && s->data.size() == 1) {
          e = &s->data.begin()->second;
          key = s->data.begin()->first;
        }
        if (e == nullptr) {
          *err = "secret '" + id + "' has no CA block: neither tls.ca nor ca.crt";
          return false;
        }
        *out_text = SecretText{e->value, ns, name, key};
        return true;
      };
      const std::vector<std::string>& legacy = t.root_cas_secrets.Or({});
      if (!legacy.empty()) {
        Emit(EventLevel::kWarn, EventCode::kRootCasSecretsDeprecated,
             "RootCAsSecrets option is deprecated, please use the RootCA option instead.", "", &o,
             t.root_cas_secrets.node, o.path_prefix + "/spec/tls/rootCAsSecrets");
      }
      for (std::size_t i = 0; i < legacy.size(); ++i) {
        SecretText text;
        std::string err;
        if (!ca_secret(legacy[i], &text, &err)) {
          Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA Secret", err,
               &o, o.doc->ItemAt(t.root_cas_secrets.node, static_cast<std::uint32_t>(i)),
               o.path_prefix + "/spec/tls/rootCAsSecrets/" + std::to_string(i));
          continue;
        }
        tls.root_cas.push_back(std::move(text));
      }
      for (std::size_t i = 0; i < t.root_cas.size(); ++i) {
        const model::RootCaSpec& ca = t.root_cas[i];
        std::string path = o.path_prefix + "/spec/tls/rootCAs/" + std::to_string(i);
        bool has_secret = !ca.secret.Or(std::string()).empty();
        bool has_cm = !ca.config_map.Or(std::string()).empty();
        if (has_secret && has_cm) {
          Emit(EventLevel::kError, EventCode::kTransportCa,
               "Error while loading CA: both Secret and ConfigMap are defined", "", &o, ca.node,
               path);
          continue;
        }
        if (has_secret) {
          SecretText text;
          std::string err;
          if (!ca_secret(ca.secret.value, &text, &err)) {
            Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA Secret", err,
                 &o, ca.secret.node, path + "/secret");
            continue;
          }
          tls.root_cas.push_back(std::move(text));
        } else if (has_cm) {
          const std::string& name = ca.config_map.value;
          std::string id = ns;
          id += '/';
          id += name;
          const model::ConfigMap* cm =
              visibility_.NamespaceWatched(ns) ? catalog_.FindConfigMap(ns, name) : nullptr;
          const model::StringMap::Entry* e = nullptr;
          if (cm != nullptr) {
            e = cm->data.Find("tls.ca");
            if (e == nullptr) {
              e = cm->data.Find("ca.crt");
            }
          }
          if (e == nullptr) {
            Emit(EventLevel::kError, EventCode::kTransportCa, "Error while loading CA ConfigMap",
                 cm == nullptr
                     ? "configmap '" + id + "' not found"
                     : "configmap '" + id + "' has no CA block: neither tls.ca nor ca.crt",
                 &o, ca.config_map.node, path + "/configMap");
            continue;
          }
          tls.root_cas.push_back(SecretText{e->value, "", "", ""});
        }
      }
      const std::vector<std::string>& certs = t.certificates_secrets.Or({});
      for (std::size_t i = 0; i < certs.size(); ++i) {
        CertificatePair pair;
        std::string err;
        if (!CertificateFromSecret(ns, certs[i], &pair, &err)) {
          Emit(EventLevel::kError, EventCode::kTransportCertificate,
               "Error while loading certificates", err, &o,
               o.doc->ItemAt(t.certificates_secrets.node, static_cast<std::uint32_t>(i)),
               o.path_prefix + "/spec/tls/certificatesSecrets/" + std::to_string(i));
          continue;
        }
        tls.certificates.push_back(std::move(pair));
      }
      out.tls = std::move(tls);
    }
    result_.config.tcp.servers_transports[Normalize(MakeId(ns, o.name))] = std::move(out);
  }
}

}  // namespace irtcp::provider
