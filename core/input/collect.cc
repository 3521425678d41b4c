#include "core/input/collect.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "core/util/fd_io.h"
#include "core/yaml/load.h"
#include "core/yaml/templates.h"

namespace irtcp::input {

const diag::RuleInfo kFileTooLarge{"IRT008",
                                   "file-too-large",
                                   "an input file is larger than the size limit",
                                   R"md(## What it does
Reports input files larger than the limit (64 MiB by default, `--max-file-size` to change it);
such a file is not parsed.

## Why is this bad?
The API server rejects objects over about 1.5 MiB, so a manifest this large is almost certainly
generated output or the wrong file. The limit keeps a pre-commit hook fast and bounded.

## How to fix
Split the file, or raise the limit with `--max-file-size` if the file is meant to be checked.

## Fix safety
No automatic fix.
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kHelmTemplate{"IRT009",
                                   "helm-template",
                                   "a file is an unrendered template (Helm, Jinja/Ansible, "
                                   "Terraform) and was skipped",
                                   R"md(## What it does
Notes files that contain template syntax and skips them: Helm (Go template) actions
(`{{ .Values.x }}`, `{{- if … }}`) anywhere; Jinja2/Ansible expressions (`{{ var }}`) and
Terraform `templatefile`/envsubst interpolations (`${var}`) in unquoted YAML values; and Jinja
statements (`{% if … %}`) and Terraform directives (`%{ if … }`). They are not the YAML Traefik
reads until the template engine renders them, so irtcp skips them instead of reporting YAML,
schema and rule errors (IRT001, IRT010, IRT112, …) about the template syntax. Block scalars
(`|`, `>`: scripts, embedded files) and comments do not count for Jinja and Terraform.

## Why is this bad?
It is not: this is an informational note, so you know the file was not checked.

## How to fix
Check the rendered output instead: `helm template . | irtcp validate -`, the output of Ansible's
`template` module, or Terraform's `templatefile()` result.

## Fix safety
No automatic fix.
)md",
                                   diag::Severity::kInfo,
                                   diag::FixAvailability::kNone};

namespace fs = std::filesystem;

namespace {

bool HasYamlExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

/// "64 MiB", "100 KiB", "100 bytes": the size as the user most likely wrote it.
std::string SizeText(std::uint64_t bytes) {
  if (bytes != 0 && bytes % (1ULL << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  if (bytes != 0 && bytes % (1ULL << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes != 0 && bytes % (1ULL << 10) == 0) {
    return std::to_string(bytes >> 10) + " KiB";
  }
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string JoinDisplay(const std::string& dir_arg, const fs::path& relative) {
  std::string base = dir_arg;
  if (!base.empty() && base.back() != '/') {
    base += '/';
  }
  return base + relative.generic_string();
}

class Collector {
 public:
  Collector(const CollectOptions& options, diag::DiagnosticSink& sink, Collected& out)
      : options_(options), sink_(sink), out_(out) {}

  void AddFile(const std::string& display, const fs::path& real) {
    int fd = open(real.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      out_.errors.push_back(display + ": " + std::strerror(errno));
      return;
    }
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      close(fd);
      AddDirectory(display, real);
      return;
    }
    std::string text;
    bool too_large = false;
    if (st.st_size > 0) {
      text.reserve(
          std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size), options_.max_file_size));
    }
    bool ok = util::ReadFd(fd, &text, options_.max_file_size, &too_large);
    int saved = errno;
    close(fd);
    if (!ok) {
      out_.errors.push_back(display + ": " + std::strerror(saved));
      return;
    }
    Add(display, std::move(text), too_large);
  }

  void Add(const std::string& display, std::string text, bool too_large) {
    auto file =
        std::make_shared<source::SourceFile>(display, too_large ? std::string() : std::move(text));
    if (too_large) {
      sink_.Report(kFileTooLarge, file, source::Location{1, 1, 0},
                   "file is larger than " + SizeText(options_.max_file_size) +
                       " and was not checked (raise the limit with --max-file-size)");
      return;
    }
    std::uint32_t at = 0;
    switch (yaml::DetectTemplate(file->text(), &at)) {
      case yaml::TemplateKind::kNone:
        break;
      case yaml::TemplateKind::kHelm:
        sink_.Report(kHelmTemplate, file, file->LocationAt(at),
                     "Helm template action found; the file is skipped (check `helm template` "
                     "output instead)");
        ++out_.helm_templates_skipped;
        return;
      case yaml::TemplateKind::kJinja:
        sink_.Report(kHelmTemplate, file, file->LocationAt(at),
                     "Jinja/Ansible template expression found; the file is skipped (check the "
                     "rendered output instead)");
        ++out_.helm_templates_skipped;
        return;
      case yaml::TemplateKind::kTerraform:
        sink_.Report(kHelmTemplate, file, file->LocationAt(at),
                     "Terraform template interpolation found; the file is skipped (check the "
                     "rendered output of templatefile() instead)");
        ++out_.helm_templates_skipped;
        return;
    }
    out_.sources.push_back(std::move(file));
  }

  void AddDirectory(const std::string& display, const fs::path& real) {
    std::error_code ec;
    fs::path canonical = fs::canonical(real, ec);
    if (!ec && !visited_.insert(canonical.string()).second) {
      return;  // a symlink loop or a directory given twice
    }
    std::vector<std::pair<std::string, fs::path>> files;
    Walk(real, fs::path(), files);
    std::sort(files.begin(), files.end());
    for (auto& [rel, path] : files) {
      AddFile(JoinDisplay(display, rel), path);
    }
  }

 private:
  void Walk(const fs::path& dir, const fs::path& rel,
            std::vector<std::pair<std::string, fs::path>>& files) {
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out_.errors.push_back(JoinDisplay(".", rel) + ": " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        break;
      }
      entries.push_back(*it);
    }
    // readdir order differs between file systems: walk in name order, so that a directory
    // reachable twice (through a symlink) is always read under the same name.
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    for (const fs::directory_entry& e : entries) {
      std::string name = e.path().filename().string();
      fs::path child_rel = rel / name;
      std::error_code sec;
      if (e.is_directory(sec)) {
        if (name == ".git") {
          continue;
        }
        fs::path canonical = fs::canonical(e.path(), sec);
        if (sec || !visited_.insert(canonical.string()).second) {
          continue;  // symlink loop, or seen through another link
        }
        Walk(e.path(), child_rel, files);
      } else if (HasYamlExtension(e.path())) {
        files.emplace_back(child_rel.generic_string(), e.path());
      }
    }
  }

  const CollectOptions& options_;
  diag::DiagnosticSink& sink_;
  Collected& out_;
  std::set<std::string> visited_;
};

}  // namespace

Collected Collect(const std::vector<std::string>& paths, const CollectOptions& options,
                  diag::DiagnosticSink& sink) {
  Collected out;
  Collector collector(options, sink, out);
  for (const TextInput& t : options.texts) {
    collector.Add(t.name, t.text, t.text.size() > options.max_file_size);
  }
  bool stdin_read = false;
  for (const std::string& p : paths) {
    if (p == "-") {
      if (stdin_read) {
        continue;
      }
      stdin_read = true;
      std::string text;
      bool too_large = false;
      if (!util::ReadFd(0, &text, options.max_file_size, &too_large)) {
        out.errors.push_back(options.stdin_name + ": " + std::strerror(errno));
        continue;
      }
      collector.Add(options.stdin_name, std::move(text), too_large);
      continue;
    }
    std::error_code ec;
    if (!fs::exists(fs::path(p), ec)) {
      out.errors.push_back(p + ": no such file or directory");
      continue;
    }
    collector.AddFile(p, fs::path(p));
  }
  return out;
}

}  // namespace irtcp::input
