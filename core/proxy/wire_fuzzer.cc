// libFuzzer target: the ClientHello and PROXY-header parsers take any bytes without crashing,
// stay within bounds, and agree with themselves on every prefix (a status other than
// kNeedMoreData never turns back into kNeedMoreData when more bytes arrive).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "core/proxy/client_hello.h"
#include "core/proxy/proxy_header.h"

namespace {
void Check(bool ok) {
  if (!ok) {
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using irtcp::proxy::HelloStatus;
  using irtcp::proxy::ProxyHeaderStatus;
  std::span<const std::uint8_t> bytes(data, size);
  irtcp::proxy::ClientHello hello = irtcp::proxy::ParseClientHello(bytes);
  Check(hello.sni.size() <= size);
  if (hello.status != HelloStatus::kNeedMoreData && size > 0) {
    // A decision on a prefix is final: the prefix without the last byte either decided the same
    // way or still needed data.
    irtcp::proxy::ClientHello shorter = irtcp::proxy::ParseClientHello(bytes.first(size - 1));
    Check(shorter.status == HelloStatus::kNeedMoreData || shorter.status == hello.status);
  }
  irtcp::proxy::ProxyHeader header = irtcp::proxy::ParseProxyHeader(bytes);
  if (header.status == ProxyHeaderStatus::kHeader) {
    Check(header.length > 0 && header.length <= size);
    // The rest of the stream may itself start with a ClientHello.
    (void)irtcp::proxy::ParseClientHello(bytes.subspan(header.length));
    if (!header.local) {
      std::vector<std::uint8_t> again =
          irtcp::proxy::BuildProxyHeader(header.version, header.source, header.destination);
      irtcp::proxy::ProxyHeader reparsed = irtcp::proxy::ParseProxyHeader(again);
      Check(reparsed.status == ProxyHeaderStatus::kHeader);
      Check(reparsed.source == header.source && reparsed.destination == header.destination);
    }
  }
  return 0;
}
