// Running as the kubectl plugin: `kubectl-irtcp` (and `kubectl_complete-irtcp`) are the same
// binary under other names.
#pragma once

#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace irtcp::cli {

/// How the binary was invoked, from the last component of argv[0].
enum class Invocation : std::uint8_t { kIrtcp, kKubectlPlugin, kKubectlComplete };
Invocation InvocationOf(std::string_view argv0);

/// A stream buffer that forwards to `target`, writing "kubectl irtcp:" where a line starts with
/// "irtcp:". Installed on std::cerr when running as the plugin, so every message ("irtcp: error:
/// ...", the summary line) names the command the user typed, wherever in cli/ it is written.
class PluginMessagesBuf : public std::streambuf {
 public:
  explicit PluginMessagesBuf(std::streambuf* target) : target_(target) {}
  PluginMessagesBuf(const PluginMessagesBuf&) = delete;
  PluginMessagesBuf& operator=(const PluginMessagesBuf&) = delete;
  ~PluginMessagesBuf() override { Flush(true); }

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  /// Writes what is pending; a line start that may still become "irtcp:" waits unless `all`.
  void Flush(bool all);

  std::streambuf* target_;
  std::string pending_;     ///< text of the current line not yet forwarded
  bool line_start_ = true;  ///< pending_ begins at the start of a line
};

}  // namespace irtcp::cli
