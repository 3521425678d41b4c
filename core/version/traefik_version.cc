#include "core/version/traefik_version.h"

#include <array>
#include <charconv>

namespace irtcp::version {

namespace {

constexpr std::array kVersions{
    TraefikVersion{2, 10, "v2.10.7", std::nullopt}, TraefikVersion{2, 11, "v2.11.53", std::nullopt},
    TraefikVersion{3, 0, "v3.0.4", std::nullopt},   TraefikVersion{3, 1, "v3.1.7", std::nullopt},
    TraefikVersion{3, 2, "v3.2.5", std::nullopt},   TraefikVersion{3, 3, "v3.3.7", std::nullopt},
    TraefikVersion{3, 4, "v3.4.5", std::nullopt},   TraefikVersion{3, 5, "v3.5.6", std::nullopt},
    TraefikVersion{3, 6, "v3.6.24", std::nullopt},  TraefikVersion{3, 7, "v3.7.9", std::nullopt},
};

/// A behaviour change that landed in a patch release (versions.md §0): the first patch of each
/// line that has it.
struct PatchChange {
  int major;
  int minor;
  int first_patch;
  std::string_view what;
};

constexpr PatchChange kPatchChanges[] = {
    {2, 11, 1, "a HostSNI(domain) router without TLS is rejected (before: logged, still added)"},
    {2, 11, 1, "a router priority above MaxInt64-1000 is rejected"},
    {2, 11, 7, "TLSOption defaults are applied first (cipherSuites defaults, alpnProtocols: [])"},
    {2, 11, 22, "`_` is allowed in HostSNI values"},
    {2, 11, 46, "crossProviderNamespaces, and refs resolved with resolveReference"},
    {3, 1, 1, "TLSOption defaults are applied first; preferServerCipherSuites is not copied"},
    {3, 1, 2, "the disableClusterScopeResources option"},
    {3, 2, 4, "services[].tls sets tls: true on the servers (ignored before)"},
    {3, 3, 5, "`_` is allowed in HostSNI values"},
    {3, 5, 2, "ServersTransportTCP spec.proxyProtocol; services[].proxyProtocol deprecated"},
    {3, 6, 17, "crossProviderNamespaces, and refs resolved with resolveReference"},
    {3, 6, 23, "crossProviderNamespaces applies to services[].serversTransport refs"},
    {3, 6, 23, "an EndpointSlice port with a nil name or port no longer panics the provider"},
    {3, 7, 1, "crossProviderNamespaces, and refs resolved with resolveReference"},
    {3, 7, 7, "crossProviderNamespaces applies to services[].serversTransport refs"},
    {3, 7, 7, "an EndpointSlice port with a nil name or port no longer panics the provider"},
};

/// Reads a decimal number at the start of `s`; advances `s` past it.
bool ReadNumber(std::string_view& s, int* out) {
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(begin, end, *out);
  if (ec != std::errc() || ptr == begin || *out < 0) {
    return false;
  }
  s.remove_prefix(static_cast<std::size_t>(ptr - begin));
  return true;
}

}  // namespace

std::string TraefikVersion::Line() const {
  return std::to_string(major) + "." + std::to_string(minor);
}

int TraefikVersion::EffectivePatch() const {
  if (patch.has_value()) {
    return *patch;
  }
  std::string_view t = tag;
  std::size_t dot = t.rfind('.');
  int p = 0;
  if (dot != std::string_view::npos) {
    t.remove_prefix(dot + 1);
    ReadNumber(t, &p);
  }
  return p;
}

std::string TraefikVersion::Display() const {
  if (!patch.has_value()) {
    return std::string(tag);
  }
  return "v" + Line() + "." + std::to_string(*patch);
}

std::size_t LineIndex(const TraefikVersion& version) {
  for (std::size_t i = 0; i < kVersions.size(); ++i) {
    if (kVersions[i].major == version.major && kVersions[i].minor == version.minor) {
      return i;
    }
  }
  return kVersions.size() - 1;
}

const TraefikVersion* FindByTag(std::string_view tag) {
  for (const TraefikVersion& v : kVersions) {
    if (v.tag == tag) {
      return &v;
    }
  }
  return nullptr;
}

bool HasResolveReference(const TraefikVersion& v) {
  if (v.major == 2) {
    return v.AtLeastPatch(2, 11, 46);
  }
  if (v.minor <= 5) {
    return false;
  }
  return v.minor == 6 ? v.AtLeastPatch(3, 6, 17) : v.AtLeastPatch(3, 7, 1);
}

std::span<const TraefikVersion> SupportedVersions() { return kVersions; }

TraefikVersion DefaultVersion() { return kVersions.back(); }

std::string SupportedList() {
  std::string out;
  for (const TraefikVersion& v : kVersions) {
    out += (out.empty() ? "" : ", ") + v.Line();
  }
  return out;
}

std::vector<std::string> PredatedChanges(const TraefikVersion& version) {
  std::vector<std::string> out;
  if (!version.patch.has_value()) {
    return out;
  }
  const std::string named = "v" + version.Line() + "." + std::to_string(*version.patch);
  for (const PatchChange& c : kPatchChanges) {
    if (c.major == version.major && c.minor == version.minor && *version.patch < c.first_patch) {
      out.push_back(named + " predates v" + version.Line() + "." + std::to_string(c.first_patch) +
                    ": " + std::string(c.what));
    }
  }
  return out;
}

bool ParseTraefikVersion(std::string_view text, TraefikVersion* out, std::string* note,
                         std::string* err) {
  std::string_view s = text;
  note->clear();
  // An image reference: keep what follows the last ':' of the last path segment.
  if (std::size_t at = s.find('@'); at != std::string_view::npos) {
    *out = DefaultVersion();
    *note = "image " + std::string(text) + " is pinned by digest: assuming Traefik " + out->Line() +
            " (pass --traefik-version X.Y to say which)";
    return true;
  }
  std::size_t slash = s.rfind('/');
  std::string_view last = slash == std::string_view::npos ? s : s.substr(slash + 1);
  const bool image = slash != std::string_view::npos || last.find(':') != std::string_view::npos ||
                     last == "traefik";
  if (image) {
    std::size_t colon = last.find(':');
    if (colon == std::string_view::npos) {
      *out = DefaultVersion();
      *note = "image " + std::string(text) + " has no tag: assuming Traefik " + out->Line();
      return true;
    }
    s = last.substr(colon + 1);
  }
  if (s == "latest") {
    *out = DefaultVersion();
    *note = "\"latest\" is not a version: assuming Traefik " + out->Line() +
            " (pass --traefik-version X.Y to say which)";
    return true;
  }
  if (!s.empty() && (s.front() == 'v' || s.front() == 'V')) {
    s.remove_prefix(1);
  }
  if (std::size_t dash = s.find('-'); dash != std::string_view::npos) {
    s = s.substr(0, dash);  // "3.1.7-rc1", "2.11-alpine"
  }
  int major = 0;
  int minor = 0;
  std::optional<int> patch;
  bool ok = ReadNumber(s, &major) && !s.empty() && s.front() == '.';
  if (ok) {
    s.remove_prefix(1);
    ok = ReadNumber(s, &minor);
  }
  if (ok && !s.empty()) {
    int p = 0;
    ok = s.front() == '.' && (s.remove_prefix(1), ReadNumber(s, &p)) && s.empty();
    patch = p;
  }
  if (ok) {
    for (const TraefikVersion& v : kVersions) {
      if (v.major == major && v.minor == minor) {
        *out = v;
        out->patch = patch;
        std::vector<std::string> predated = PredatedChanges(*out);
        for (const std::string& line : predated) {
          *note += (note->empty() ? "" : "; ") + line;
        }
        if (!predated.empty()) {
          *note += " (modelled where irtcp models the change; elsewhere checks follow " +
                   std::string(v.tag) + ")";
        }
        return true;
      }
    }
  }
  *err = "unsupported Traefik version \"" + std::string(text) +
         "\" (supported: " + SupportedList() + "; X.Y means its latest patch, e.g. 3.7 = v3.7.9)";
  return false;
}

}  // namespace irtcp::version
