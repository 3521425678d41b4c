#include "cli/plugin.h"

namespace irtcp::cli {

namespace {

constexpr std::string_view kPrefix = "irtcp:";
constexpr std::string_view kPluginPrefix = "kubectl irtcp:";

}  // namespace

Invocation InvocationOf(std::string_view argv0) {
  std::size_t slash = argv0.find_last_of('/');
  std::string_view self = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  if (self == "kubectl-irtcp") {
    return Invocation::kKubectlPlugin;
  }
  if (self == "kubectl_complete-irtcp") {
    return Invocation::kKubectlComplete;
  }
  return Invocation::kIrtcp;
}

PluginMessagesBuf::int_type PluginMessagesBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) {
    return traits_type::not_eof(ch);
  }
  pending_ += traits_type::to_char_type(ch);
  if (pending_.back() == '\n') {
    Flush(true);
    line_start_ = true;
  } else if (pending_.size() >= kPrefix.size()) {
    Flush(false);
  }
  return ch;
}

int PluginMessagesBuf::sync() {
  Flush(false);
  return target_->pubsync();
}

void PluginMessagesBuf::Flush(bool all) {
  if (pending_.empty()) {
    return;
  }
  std::string_view text = pending_;
  if (line_start_) {
    if (!all && text.size() < kPrefix.size() && kPrefix.substr(0, text.size()) == text) {
      return;  // may still become "irtcp:"
    }
    if (text.substr(0, kPrefix.size()) == kPrefix) {
      target_->sputn(kPluginPrefix.data(), static_cast<std::streamsize>(kPluginPrefix.size()));
      text.remove_prefix(kPrefix.size());
    }
  }
  target_->sputn(text.data(), static_cast<std::streamsize>(text.size()));
  line_start_ = !pending_.empty() && pending_.back() == '\n';
  pending_.clear();
}

}  // namespace irtcp::cli
