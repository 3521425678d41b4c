// Which Traefik will read the manifests: `--traefik-version` (also `traefik-version` in the
// configuration file, and the image tag of a Traefik Deployment given to --traefik-config).
// X.Y means the latest patch tag of that line (versions.md's key); an older patch is accepted,
// modelled as its line, and told which behaviour changes of its line it predates.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace irtcp::version {

/// One supported release line and the tag irtcp models it by.
struct TraefikVersion {
  int major = 3;
  int minor = 7;
  std::string_view tag = "v3.7.9";  ///< the latest patch tag of the line
  /// The patch the user named ("v3.1.1" -> 1); nullopt: the line's latest.
  std::optional<int> patch;

  /// "3.7".
  std::string Line() const;
  /// The tag irtcp models, e.g. "v3.7.9".
  std::string_view Tag() const { return tag; }
  bool AtLeast(int major_version, int minor_version) const {
    return major > major_version || (major == major_version && minor >= minor_version);
  }
  /// The patch this run models: the one the user named, else the tag's ("v3.7.9" -> 9).
  int EffectivePatch() const;
  /// True when the modelled release is at or after X.Y.Z: on line X.Y, the patch counts; lines
  /// after X.Y are always at or after it.
  bool AtLeastPatch(int major_version, int minor_version, int patch_version) const {
    if (major != major_version || minor != minor_version) {
      return AtLeast(major_version, minor_version);
    }
    return EffectivePatch() >= patch_version;
  }
  /// "v2.11.3" when a patch was named, else the tag.
  std::string Display() const;
  bool operator==(const TraefikVersion& other) const {
    return major == other.major && minor == other.minor && patch == other.patch;
  }
};

/// The index of the version's line in SupportedVersions() (0 for 2.10).
std::size_t LineIndex(const TraefikVersion& version);
/// The supported line whose tag is `tag` ("v3.1.7"), or nullptr.
const TraefikVersion* FindByTag(std::string_view tag);

/// Whether the version resolves middleware and TLSOption references with resolveReference
/// and has the crossProviderNamespaces option (versions.md §4.1, §4.3: v2.11.46+, v3.6.17+,
/// v3.7.1+; not 2.10 nor 3.0-3.5).
bool HasResolveReference(const TraefikVersion& version);

/// The supported lines, oldest first: 2.10, 2.11, 3.0 … 3.7.
std::span<const TraefikVersion> SupportedVersions();
/// The default: 3.7 (tag v3.7.9).
TraefikVersion DefaultVersion();
/// "2.10, 2.11, 3.0, …, 3.7" for messages.
std::string SupportedList();

/// Parses `[v]X.Y[.Z]` or an image reference `…/traefik:[v]X.Y[.Z]` (a `-suffix` after the
/// version is ignored). `latest`, an image without a tag or a digest give the default with a
/// *note. A patch older than a behaviour change of its line (versions.md §0) adds a *note naming
/// the changes it predates. False with *err (naming the supported versions) otherwise.
bool ParseTraefikVersion(std::string_view text, TraefikVersion* out, std::string* note,
                         std::string* err);

/// The behaviour changes of the version's line that a named older patch predates, one line each
/// ("v3.1.1 predates v3.1.2: the disableClusterScopeResources option").
std::vector<std::string> PredatedChanges(const TraefikVersion& version);

}  // namespace irtcp::version
