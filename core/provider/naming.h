// Traefik's naming and formatting helpers (provider.md sections 6 and 13): makeID, Normalize,
// the sha256 route key, host:port joining and Go duration strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace irtcp::provider {

/// `name` when `ns` is empty, else `ns + "-" + name` (not normalised).
std::string MakeId(std::string_view ns, std::string_view name);

/// Splits at every character that is not a letter or digit, drops empty pieces, joins with "-".
/// Non-ASCII code points count as letters (an approximation of Go's unicode.IsLetter).
std::string Normalize(std::string_view s);

/// `ingress_name + "-" + hex(sha256(match)[:10])`.
std::string RouteKey(std::string_view ingress_name, std::string_view match);

/// host:port, with IPv6 hosts (any ':') in brackets.
std::string HostPort(std::string_view host, std::int64_t port);

/// Go's time.Duration.String() ("1m30s", "100ms", "0s", "1h0m0s").
std::string FormatGoDuration(std::int64_t ns);

/// Go's time.ParseDuration; nullopt when the text does not parse.
std::optional<std::int64_t> ParseGoDuration(std::string_view text);

/// A duration in Traefik's static configuration (ptypes.Duration): a bare integer is seconds
/// ("30"), anything else a Go duration ("30s", "1m"); nullopt when it is neither.
std::optional<std::int64_t> ParseTraefikDuration(std::string_view text);

}  // namespace irtcp::provider
