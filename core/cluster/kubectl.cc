#include "core/cluster/kubectl.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <sstream>

#include "core/diag/diagnostic.h"
#include "core/yaml/load.h"
#include "core/yaml/tree.h"

extern char** environ;  // NOLINT(readability-identifier-naming): POSIX's name

namespace irtcp::cluster {

namespace {

/// The Traefik kinds irtcp checks, in both API groups.
constexpr std::array<std::string_view, 5> kTraefikKinds = {
    "IngressRouteTCP", "MiddlewareTCP", "ServersTransportTCP", "TLSOption", "TLSStore"};
constexpr std::array<std::string_view, 2> kTraefikGroups = {"traefik.io", "traefik.containo.us"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) {
      ++i;
    }
    std::size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) {
      ++i;
    }
    if (i > start) {
      words.push_back(line.substr(start, i - start));
    }
  }
  return words;
}

/// Number of leading spaces of `line`.
std::size_t Indent(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') {
    ++n;
  }
  return n;
}

bool Blank(std::string_view line) { return Indent(line) == line.size(); }

/// Lines of `text` with their terminators.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

/// Removes the block-mapping entry whose key starts line `first` (indented `indent`): that line
/// and every following line that is blank, more indented, or a `- ` item at the same indentation
/// (kubectl writes sequences under a key without extra indentation).
void DropEntry(std::vector<std::string_view>& lines, std::size_t first, std::size_t indent) {
  std::size_t end = first + 1;
  while (end < lines.size()) {
    std::string_view l = lines[end];
    std::size_t in = Indent(l);
    if (!Blank(l) && (in < indent || (in == indent && l.substr(in, 2) != "- "))) {
      break;
    }
    ++end;
  }
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(first),
              lines.begin() + static_cast<std::ptrdiff_t>(end));
}

/// Whether `line` (indented `indent`) is the entry `key:`.
bool IsKeyLine(std::string_view line, std::size_t indent, std::string_view key) {
  if (Indent(line) != indent) {
    return false;
  }
  std::string_view rest = line.substr(indent);
  return rest.size() > key.size() && rest.substr(0, key.size()) == key && rest[key.size()] == ':';
}

/// Fields the API server sets or that only describe the stored object; checking them would only
/// produce noise (a user cannot fix `status`).
constexpr std::array<std::string_view, 8> kServerMetadata = {"managedFields",
                                                             "resourceVersion",
                                                             "uid",
                                                             "creationTimestamp",
                                                             "generation",
                                                             "selfLink",
                                                             "deletionTimestamp",
                                                             "deletionGracePeriodSeconds"};
constexpr std::string_view kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

/// The object text without server-set fields. `text` is one object as kubectl prints it: block
/// style, top-level keys at column 0, metadata's keys indented by two.
std::string StripServerFields(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  for (std::size_t i = 0; i < lines.size();) {
    if (IsKeyLine(lines[i], 0, "status")) {
      DropEntry(lines, i, 0);
      continue;
    }
    ++i;
  }
  bool in_metadata = false;
  std::size_t meta_indent = 0;
  for (std::size_t i = 0; i < lines.size();) {
    std::string_view l = lines[i];
    if (IsKeyLine(l, 0, "metadata")) {
      in_metadata = true;
      meta_indent = i + 1 < lines.size() ? Indent(lines[i + 1]) : 2;
      ++i;
      continue;
    }
    if (!Blank(l) && Indent(l) == 0) {
      in_metadata = false;
    }
    bool dropped = false;
    if (in_metadata && meta_indent > 0) {
      for (std::string_view key : kServerMetadata) {
        if (IsKeyLine(l, meta_indent, key)) {
          DropEntry(lines, i, meta_indent);
          dropped = true;
          break;
        }
      }
      if (!dropped && IsKeyLine(l, meta_indent, "annotations")) {
        // The last-applied annotation repeats the whole manifest as JSON: drop it, and the
        // annotations key when nothing else is left under it.
        std::size_t ann_indent = i + 1 < lines.size() ? Indent(lines[i + 1]) : 0;
        for (std::size_t j = i + 1; j < lines.size() && ann_indent > meta_indent &&
                                    (Blank(lines[j]) || Indent(lines[j]) >= ann_indent);) {
          if (IsKeyLine(lines[j], ann_indent, kLastApplied)) {
            DropEntry(lines, j, ann_indent);
            continue;
          }
          ++j;
        }
        if (i + 1 >= lines.size() || Indent(lines[i + 1]) <= meta_indent) {
          DropEntry(lines, i, meta_indent);
          dropped = true;
        }
      }
    }
    if (!dropped) {
      ++i;
    }
  }
  std::string out;
  for (std::string_view l : lines) {
    out += l;
  }
  return out;
}

/// The text of one sequence item of kubectl's List output, de-indented to column 0.
bool ItemText(const yaml::Document& doc, yaml::NodeId item, std::string* out, std::string* err) {
  const std::string& text = doc.file().text();
  const yaml::Node& n = doc.node(item);
  std::size_t indent = n.loc.column - 1;
  std::string_view slice = std::string_view(text).substr(n.begin, n.end - n.begin);
  std::vector<std::string_view> lines = Lines(slice);
  out->clear();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (i == 0 || Blank(l)) {
      out->append(i == 0 ? l : l.substr(std::min(Indent(l), indent)));
      continue;
    }
    if (Indent(l) < indent) {
      // The item's end mark is where the next token starts ("- " of the next item): the rest
      // is not part of this item.
      if (l.substr(Indent(l), 1) == "-" || i + 1 == lines.size()) {
        break;
      }
      *err = "kubectl output at line " + std::to_string(n.loc.line + i) +
             ": unexpected indentation (irtcp reads kubectl's block-style YAML)";
      return false;
    }
    out->append(l.substr(indent));
  }
  while (!out->empty() && (out->back() == ' ' || out->back() == '\n')) {
    out->pop_back();
  }
  out->push_back('\n');
  return true;
}

std::string SourceName(const yaml::Document& doc, yaml::NodeId obj) {
  yaml::NodeId meta = doc.Get(obj, "metadata");
  std::string_view ns = doc.GetString(meta, "namespace");
  std::string name = "cluster:";
  if (!ns.empty()) {
    name.append(ns).append("/");
  }
  name.append(doc.GetString(obj, "kind")).append("/").append(doc.GetString(meta, "name"));
  return name;
}

}  // namespace

std::string ApiResource::Group() const {
  std::size_t slash = api_version.find('/');
  return slash == std::string::npos ? std::string() : api_version.substr(0, slash);
}

ProcessResult RunProcess(const std::vector<std::string>& argv) {
  ProcessResult r;
  std::array<int, 2> out_pipe{-1, -1};
  std::array<int, 2> err_pipe{-1, -1};
  if (pipe2(out_pipe.data(), O_CLOEXEC) != 0 || pipe2(err_pipe.data(), O_CLOEXEC) != 0) {
    r.err = std::string("pipe: ") + std::strerror(errno);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));  // NOLINT: posix_spawn's signature
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    r.err = argv[0] + ": " + (rc == ENOENT ? std::string("not found on PATH") : std::strerror(rc));
    return r;
  }
  r.started = true;
  std::array<pollfd, 2> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
  std::array<std::string*, 2> sinks{&r.out, &r.err};
  int open_fds = 2;
  std::array<char, 65536> buf{};
  while (open_fds > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) {
        continue;
      }
      ssize_t n = read(fds[i].fd, buf.data(), buf.size());
      if (n > 0) {
        sinks[i]->append(buf.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) {
      close(p.fd);
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

bool ParseApiResources(std::string_view table, std::vector<ApiResource>* out, std::string* err) {
  std::vector<std::string_view> lines = Lines(table);
  if (lines.empty()) {
    *err = "kubectl api-resources printed nothing";
    return false;
  }
  std::vector<std::string_view> header = SplitWords(lines[0]);
  const std::vector<std::string_view> expected = {"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED",
                                                  "KIND"};
  if (header != expected) {
    *err = "kubectl api-resources: unexpected header \"" +
           std::string(lines[0].substr(0, lines[0].find('\n'))) +
           "\" (expected NAME SHORTNAMES APIVERSION NAMESPACED KIND)";
    return false;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string_view> w = SplitWords(lines[i]);
    if (w.empty()) {
      continue;
    }
    if (w.size() < 4 || w.size() > 5 || (w[w.size() - 2] != "true" && w[w.size() - 2] != "false")) {
      *err = "kubectl api-resources: line " + std::to_string(i + 1) + ": cannot read \"" +
             std::string(lines[i].substr(0, lines[i].find('\n'))) + "\"";
      return false;
    }
    ApiResource r;
    r.kind = w[w.size() - 1];
    r.namespaced = w[w.size() - 2] == "true";
    r.api_version = w[w.size() - 3];
    r.name = w[0];
    if (w.size() == 5) {
      r.short_names = w[1];
    }
    out->push_back(std::move(r));
  }
  return true;
}

std::vector<std::string> ResourcesToFetch(const std::vector<ApiResource>& served,
                                          bool include_secrets) {
  std::vector<std::string> traefik;
  for (std::string_view group : kTraefikGroups) {
    for (std::string_view kind : kTraefikKinds) {
      for (const ApiResource& r : served) {
        if (r.kind == kind && r.Group() == group) {
          traefik.push_back(r.name + "." + r.Group());
          break;
        }
      }
    }
  }
  if (traefik.empty()) {
    return traefik;
  }
  auto add_core = [&](std::string_view kind, std::string_view group) {
    for (const ApiResource& r : served) {
      if (r.kind == kind && r.Group() == group) {
        traefik.push_back(group.empty() ? r.name : r.name + "." + r.Group());
        return;
      }
    }
  };
  add_core("Service", "");
  add_core("EndpointSlice", "discovery.k8s.io");
  if (include_secrets) {
    add_core("Secret", "");
  }
  return traefik;
}

bool SplitListOutput(std::string_view yaml_text, std::vector<source::SourceFilePtr>* out,
                     std::string* err) {
  auto file = std::make_shared<source::SourceFile>("kubectl get", std::string(yaml_text));
  diag::DiagnosticSink sink;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
  if (!sink.diagnostics().empty()) {
    const diag::Diagnostic& d = sink.diagnostics().front();
    *err = "kubectl get printed YAML irtcp cannot read: line " + std::to_string(d.location.line) +
           ": " + d.message;
    return false;
  }
  for (const yaml::Document& doc : docs) {
    yaml::NodeId root = doc.root();
    if (!doc.IsMapping(root)) {
      *err = "kubectl get printed something other than objects";
      return false;
    }
    std::string_view kind = doc.GetString(root, "kind");
    yaml::NodeId items = doc.Get(root, "items");
    const bool list = kind == "List" || (kind.size() > 4 && kind.substr(kind.size() - 4) == "List");
    if (!list) {
      std::string text(doc.file().text().substr(doc.node(root).begin,
                                                doc.node(root).end - doc.node(root).begin));
      out->push_back(
          std::make_shared<source::SourceFile>(SourceName(doc, root), StripServerFields(text)));
      continue;
    }
    if (items == yaml::kNoNode) {
      continue;  // an empty List: `items: []` or no items key
    }
    if (!doc.IsSequence(items) || doc.node(items).flow) {
      if (doc.IsSequence(items) && doc.Size(items) == 0) {
        continue;
      }
      *err = "kubectl get: items is not a block sequence";
      return false;
    }
    for (std::uint32_t i = 0; i < doc.Size(items); ++i) {
      yaml::NodeId item = doc.ItemAt(items, i);
      if (!doc.IsMapping(item) || doc.node(item).flow) {
        *err = "kubectl get: item " + std::to_string(i) + " is not a block mapping";
        return false;
      }
      std::string text;
      if (!ItemText(doc, item, &text, err)) {
        return false;
      }
      out->push_back(
          std::make_shared<source::SourceFile>(SourceName(doc, item), StripServerFields(text)));
    }
  }
  return true;
}

std::vector<std::string> ApiResourcesCommand(const ClusterOptions& options) {
  std::vector<std::string> argv = {options.kubectl};
  if (!options.kubeconfig.empty()) {
    argv.push_back("--kubeconfig=" + options.kubeconfig);
  }
  if (!options.context.empty()) {
    argv.push_back("--context=" + options.context);
  }
  argv.emplace_back("api-resources");
  return argv;
}

std::vector<std::string> GetCommand(const ClusterOptions& options,
                                    const std::vector<std::string>& resources) {
  std::vector<std::string> argv = ApiResourcesCommand(options);
  argv.back() = "get";
  std::string joined;
  for (const std::string& r : resources) {
    joined += (joined.empty() ? "" : ",") + r;
  }
  argv.push_back(joined);
  if (options.all_namespaces) {
    argv.emplace_back("--all-namespaces");
  } else if (!options.ns.empty()) {
    argv.push_back("--namespace=" + options.ns);
  }
  argv.emplace_back("--output=yaml");
  return argv;
}

namespace {

/// kubectl's message, or a description of how it ended when it printed none.
std::string KubectlFailure(const std::vector<std::string>& argv, const ProcessResult& r) {
  if (!r.started) {
    return r.err;
  }
  std::string msg = r.err;
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
    msg.pop_back();
  }
  if (msg.empty()) {
    msg = "exited with status " + std::to_string(r.exit_code);
  }
  // argv: kubectl [--kubeconfig=K] [--context=C] <verb> ...
  std::string verb;
  for (std::size_t i = 1; i < argv.size() && verb.empty(); ++i) {
    if (argv[i].rfind("--", 0) != 0) {
      verb = argv[i];
    }
  }
  return "kubectl " + verb + " failed (exit " + std::to_string(r.exit_code) + "): " + msg;
}

}  // namespace

bool FetchFromCluster(const ClusterOptions& options, std::vector<source::SourceFilePtr>* out,
                      std::string* err) {
  std::vector<std::string> argv = ApiResourcesCommand(options);
  ProcessResult r = RunProcess(argv);
  if (!r.started || r.exit_code != 0) {
    *err = KubectlFailure(argv, r);
    return false;
  }
  std::vector<ApiResource> served;
  if (!ParseApiResources(r.out, &served, err)) {
    return false;
  }
  std::vector<std::string> resources = ResourcesToFetch(served, options.include_secrets);
  if (resources.empty()) {
    *err =
        "the cluster serves none of the Traefik TCP kinds (kubectl api-resources lists no "
        "IngressRouteTCP, MiddlewareTCP, ServersTransportTCP, TLSOption or TLSStore in "
        "traefik.io or traefik.containo.us): are Traefik's CRDs installed?";
    return false;
  }
  argv = GetCommand(options, resources);
  r = RunProcess(argv);
  if (!r.started || r.exit_code != 0) {
    *err = KubectlFailure(argv, r);
    return false;
  }
  return SplitListOutput(r.out, out, err);
}

}  // namespace irtcp::cluster
