#include "core/lint/rules/reference_index.h"

#include "core/model/catalog.h"
#include "core/resolve/lint_support.h"

namespace irtcp::lint {

std::string NormalizedKey(std::string_view ns, std::string_view name) {
  return resolve::ResolveObjectRef(ns, name, ns, provider::ProviderOptions{}).key;
}

std::string TlsOptionKey(const model::Object& o) {
  return o.name == "default" ? std::string("default") : o.namespace_ + "-" + o.name;
}

ReferenceIndex::ReferenceIndex(const RuleContext& ctx) {
  resolve::LintEnv env(ctx);
  for (const model::MiddlewareTCP& mw : env.catalog().middleware_tcps()) {
    middleware_tcp_namespaces.insert(mw.object->namespace_);
    if (!mw.object->legacy_group) {
      middleware_tcp_keys.insert(NormalizedKey(mw.object->namespace_, mw.object->name));
    }
  }
  for (const model::Object* o : env.input().OfKind(model::Kind::kMiddleware)) {
    http_middlewares[NormalizedKey(o->namespace_, o->name)] = o;
  }
  for (const model::TLSOption& o : env.catalog().tls_options()) {
    if (!o.object->legacy_group) {
      tls_option_keys.insert(TlsOptionKey(*o.object));
      tls_options_by_name[o.object->namespace_ + "/" + o.object->name] = &o;
    }
  }
  for (const model::ServersTransportTCP& t : env.catalog().servers_transport_tcps()) {
    if (!t.object->legacy_group) {
      servers_transport_keys.insert(NormalizedKey(t.object->namespace_, t.object->name));
    }
  }
}

}  // namespace irtcp::lint
