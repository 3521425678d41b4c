// The CEL rules (x-kubernetes-validations) of the gateway-api v1.5.1 CRDs that a JSON-Schema
// validator does not evaluate and that a translator can break (the list in the vendored
// testdata/gateway-api/crds/README.md), re-implemented in C++ over one object. The translator
// checks its own output with them; the tests check every emitted document with them and with
// the CRDs' structural schemas.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace irtcp::gateway {

/// The messages of the CEL rules `object` breaks, as the API server words them (empty: none).
/// Gateway (v1): tls only for HTTPS/TLS, tls.mode for TLS, no hostname on TCP/UDP, unique
/// listener names, unique (port, protocol, hostname), Terminate needs certificateRefs or
/// options. TLSRoute (v1): hostnames are not IPs, are RFC-1123 names, a wildcard only as the
/// first label. TLSRoute and TCPRoute: sectionName or port on parentRefs to the same parent, and
/// unique; a Service backendRef has a port.
std::vector<std::string> CheckCelRules(const nlohmann::ordered_json& object);

}  // namespace irtcp::gateway
