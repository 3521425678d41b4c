#include "cli/cmd_serve.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/common.h"
#include "cli/provider_flags.h"
#include "core/provider/naming.h"
#include "core/proxy/backend_map.h"
#include "core/proxy/check_runner.h"
#include "core/proxy/server.h"
#include "core/resolve/route_plan.h"
#include "core/util/terminal.h"

namespace irtcp::cli {

namespace {

struct ServeFlags {
  InputFlags input;
  std::shared_ptr<ProviderFlags> provider = std::make_shared<ProviderFlags>();
  std::vector<std::string> entry_points;
  std::vector<std::string> proxy_protocol;
  std::vector<std::string> backends;
  std::string backends_file;
  bool stub_backends = false;
  std::string ready_file;
  std::string check;
  std::string access_log;
  std::string log_format = "text";
  std::string output = "text";
  bool listen_any = false;
  bool allow_remote_backends = false;
  std::string drain_timeout = "5s";
  std::string read_timeout;  ///< "" = per entry point (--traefik-config), else 60s
  std::string check_timeout = "5s";
  bool no_splice = false;
};

bool Duration(const std::string& flag, const std::string& text, std::chrono::milliseconds* out,
              Io& io) {
  std::optional<std::int64_t> ns = provider::ParseGoDuration(text);
  if (!ns || *ns < 0) {
    io.err << "irtcp serve: " << flag << ": \"" << util::TerminalSafe(text)
           << "\" is not a duration (like 5s, 100ms, 1m)\n";
    return false;
  }
  *out = std::chrono::milliseconds(*ns / 1'000'000);
  return true;
}

/// "NAME=HOST:PORT" -> listen spec; false with a message.
bool ParseEntryPoint(const std::string& text, proxy::ListenSpec* out, Io& io) {
  std::size_t eq = text.find('=');
  std::optional<proxy::HostPort> hp;
  if (eq != std::string::npos && eq > 0) {
    std::string addr = text.substr(eq + 1);
    hp = proxy::SplitHostPort(addr[0] == ':' ? "127.0.0.1" + addr : addr);
  }
  if (!hp) {
    io.err << "irtcp serve: --entrypoint: expected NAME=HOST:PORT, got \""
           << util::TerminalSafe(text) << "\"\n";
    return false;
  }
  out->name = text.substr(0, eq);
  out->host = text[eq + 1] == ':' ? "" : hp->host;
  out->port = hp->port;
  return true;
}

/// The entry points to listen on: the --entrypoint flags, else those of --traefik-config (on
/// loopback unless --listen-any); each with its proxyProtocol and readTimeout from the file, then
/// --proxy-protocol and --read-timeout over them. False with a message.
bool ListenOn(const provider::StaticConfig& config, const ServeFlags& flags,
              const std::vector<std::pair<std::string, std::vector<std::string>>>& proxy_protocol,
              proxy::ServeOptions* options, Io& io) {
  auto file_entry = [&](const std::string& name) -> const provider::EntryPoint* {
    for (const provider::EntryPoint& ep : config.entry_points) {
      if (ep.name == name) {
        return &ep;
      }
    }
    return nullptr;
  };
  if (options->listen.empty()) {
    for (const provider::EntryPoint& ep : config.entry_points) {
      std::optional<proxy::HostPort> hp =
          proxy::SplitHostPort(ep.address.starts_with(":") ? "127.0.0.1" + ep.address : ep.address);
      if (ep.udp || !hp) {
        continue;
      }
      options->listen.push_back(
          {ep.name, ep.address.starts_with(":") ? "" : hp->host, hp->port, {}, {}});
    }
  }
  if (options->listen.empty()) {
    io.err << "irtcp serve: no entry point to listen on: pass --entrypoint NAME=HOST:PORT (or "
              "--traefik-config with entryPoints)\n";
    return false;
  }
  for (proxy::ListenSpec& l : options->listen) {
    const provider::EntryPoint* ep = file_entry(l.name);
    if (ep == nullptr) {
      continue;
    }
    l.proxy_protocol_trusted = ep->proxy_protocol_trusted_ips;
    if (ep->proxy_protocol_insecure) {
      l.proxy_protocol_trusted = {"0.0.0.0/0", "::/0"};  // every sender is believed
    }
    if (ep->read_timeout) {
      std::optional<std::int64_t> ns = provider::ParseTraefikDuration(*ep->read_timeout);
      if (!ns || *ns < 0) {
        io.err << "irtcp serve: " << util::TerminalSafe(ep->read_timeout_origin)
               << ": readTimeout: \"" << util::TerminalSafe(*ep->read_timeout)
               << "\" is not a duration (like 5s, 100ms, or seconds)\n";
        return false;
      }
      l.read_timeout = std::chrono::milliseconds(*ns / 1'000'000);
    }
  }
  for (const auto& entry : proxy_protocol) {
    const std::string& name = entry.first;
    auto it = std::find_if(options->listen.begin(), options->listen.end(),
                           [&](const proxy::ListenSpec& l) { return l.name == name; });
    if (it == options->listen.end()) {
      io.err << "irtcp serve: --proxy-protocol " << util::TerminalSafe(name) << ": no entry point "
             << util::TerminalSafe(name) << " (--entrypoint or --traefik-config)\n";
      return false;
    }
    it->proxy_protocol_trusted = entry.second;
  }
  if (!flags.read_timeout.empty()) {
    for (proxy::ListenSpec& l : options->listen) {
      l.read_timeout = options->read_timeout;
    }
  }
  return true;
}

int RunServe(const ServeFlags& flags, Io& io) {
  proxy::ServeOptions options;
  options.stub_backends = flags.stub_backends || !flags.check.empty();
  options.allow_remote_backends = flags.allow_remote_backends;
  options.listen_any = flags.listen_any;
  options.access_log = flags.access_log;
  options.log_format = flags.log_format;
  options.ready_file = flags.ready_file;
  options.splice = !flags.no_splice;
  options.handle_signals = true;
  proxy::CheckRunOptions check_options;
  if (!Duration("--drain-timeout", flags.drain_timeout, &options.drain_timeout, io) ||
      (!flags.read_timeout.empty() &&
       !Duration("--read-timeout", flags.read_timeout, &options.read_timeout, io)) ||
      !Duration("--check-timeout", flags.check_timeout, &check_options.timeout, io)) {
    return kExitError;
  }
  for (const std::string& text : flags.entry_points) {
    proxy::ListenSpec spec;
    if (!ParseEntryPoint(text, &spec, io)) {
      return kExitError;
    }
    options.listen.push_back(spec);
  }
  // --proxy-protocol NAME=CIDR,...: checked now, applied once the entry points are known (they
  // may come from --traefik-config).
  std::vector<std::pair<std::string, std::vector<std::string>>> proxy_protocol;
  for (const std::string& text : flags.proxy_protocol) {
    std::size_t eq = text.find('=');
    std::string name = eq == std::string::npos ? "" : text.substr(0, eq);
    if (name.empty() || eq + 1 >= text.size()) {
      io.err << "irtcp serve: --proxy-protocol: expected NAME=CIDR[,CIDR...], got \""
             << util::TerminalSafe(text) << "\"\n";
      return kExitError;
    }
    std::vector<std::string> cidrs;
    std::stringstream ss(text.substr(eq + 1));
    for (std::string cidr; std::getline(ss, cidr, ',');) {
      cidrs.push_back(cidr);
    }
    if (!options.listen.empty() &&
        std::none_of(options.listen.begin(), options.listen.end(),
                     [&](const proxy::ListenSpec& l) { return l.name == name; })) {
      // With --entrypoint flags, those are the entry points: say so before loading anything.
      io.err << "irtcp serve: --proxy-protocol " << util::TerminalSafe(name) << ": no --entrypoint "
             << util::TerminalSafe(name) << "\n";
      return kExitError;
    }
    proxy_protocol.emplace_back(name, std::move(cidrs));
  }
  for (const std::string& text : flags.backends) {
    proxy::BackendMapping m;
    std::string err;
    if (!proxy::ParseBackendMapping(text, "--backend " + text, &m, &err)) {
      io.err << "irtcp serve: --backend: " << err << "\n";
      return kExitError;
    }
    options.mappings.push_back(std::move(m));
  }
  if (!flags.backends_file.empty()) {
    std::ifstream in(flags.backends_file, std::ios::binary);
    if (!in) {
      io.err << "irtcp serve: --backends: cannot read " << flags.backends_file << "\n";
      return kExitError;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string err;
    if (!proxy::ParseBackendsFile(flags.backends_file, ss.str(), &options.mappings, &err)) {
      io.err << "irtcp serve: --backends: " << err << "\n";
      return kExitError;
    }
  }
  std::vector<proxy::CheckSpec> checks;
  if (!flags.check.empty()) {
    std::string err;
    if (!proxy::LoadChecks(flags.check, &checks, &err)) {
      io.err << err << "\n";
      return kExitError;
    }
  }

  run::SessionOptions session_options;
  session_options.command = run::Command::kValidate;
  session_options.static_config = *flags.provider;
  for (const proxy::ListenSpec& l : options.listen) {
    session_options.static_config.entry_points.push_back(
        provider::MakeEntryPoint(l.name, ":" + std::to_string(l.port), false, false));
  }
  if (!MapInputFlags(flags.input, &session_options, io)) {
    return kExitError;
  }
  std::unique_ptr<run::Session> session = RunOrReport(session_options, io);
  if (session == nullptr) {
    return kExitError;
  }
  // Findings never stop serve: print them as validate would, then serve what Traefik builds.
  report::FormatOptions format;
  format.color = UseColor("auto", 2);
  for (const diag::Diagnostic& d : session->loaded->sink.diagnostics()) {
    io.err << report::FormatText(d, format);
  }
  PrintErrorsAndNotes(session->summary, io);
  if (!session->summary.errors.empty()) {
    return kExitError;
  }
  if (!ListenOn(session->static_config, flags, proxy_protocol, &options, io)) {
    return kExitError;
  }
  auto plan = std::make_unique<resolve::RoutePlan>(
      resolve::BuildRoutePlan(session->provider, session->static_config));
  std::vector<std::string> revived =
      resolve::ReviveRouters(*plan, [&](const resolve::PlannedBackend& b) {
        return std::any_of(options.mappings.begin(), options.mappings.end(),
                           [&](const proxy::BackendMapping& m) {
                             return m.by_service() && m.service == b.service && m.port == b.port;
                           });
      });
  for (const std::string& name : revived) {
    io.err << "irtcp serve: router " << util::TerminalSafe(name)
           << ": its service is not in the input; a --backend mapping stands in for it\n";
  }
  options.default_transport = session->static_config.tcp_servers_transport;
  std::string err;
  std::unique_ptr<proxy::Proxy> server =
      proxy::Proxy::Create(*plan, session->provider.config, options, io.err, &err);
  if (server == nullptr) {
    io.err << "irtcp serve: " << err << "\n";
    return kExitError;
  }
  for (const auto& [name, addr] : server->Bound()) {
    io.err << "irtcp serve: entry point " << util::TerminalSafe(name) << " listening on " << addr
           << "\n";
  }
  int exit_code = kExitClean;
  if (!checks.empty()) {
    std::thread loop([&server]() { server->Run(); });
    std::vector<proxy::CheckResult> results =
        proxy::RunChecks(checks, server->Bound(), options.listen, check_options);
    server->Stop();
    loop.join();
    proxy::WriteCheckReport(results, flags.output, io.out);
    for (const proxy::CheckResult& r : results) {
      exit_code = r.pass ? exit_code : kExitFindings;
    }
  } else {
    server->Run();
  }
  KeepUntilExit(std::move(server));
  KeepUntilExit(std::move(plan));
  KeepUntilExit(std::move(session));
  return exit_code;
}

}  // namespace

void SetupServe(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Run a TCP proxy that routes like Traefik from the manifests (loopback only by default); "
      "with --check, run smoke checks through it and report");
  AddInputFlags(*cmd, flags->input);
  AddProviderFlags(*cmd, flags->provider);
  const std::string group = "Serve options";
  cmd->add_option("--entrypoint", flags->entry_points,
                  "Listen for entry point NAME on HOST:PORT (repeatable; port 0 picks a free one)")
      ->type_name("NAME=HOST:PORT")
      ->group(group);
  cmd->add_option("--proxy-protocol", flags->proxy_protocol,
                  "Entry point NAME accepts PROXY protocol v1/v2 headers from these senders")
      ->type_name("NAME=CIDR[,CIDR...]")
      ->group(group);
  cmd->add_option("--backend", flags->backends,
                  "Send a Service port's traffic (NS/SERVICE:PORT) or one resolved server's "
                  "(IP:PORT) to HOST:PORT (repeatable)")
      ->type_name("FROM=HOST:PORT")
      ->group(group);
  cmd->add_option("--backends", flags->backends_file,
                  "Read --backend mappings from FILE, one per line (# comments)")
      ->type_name("FILE")
      ->group(group);
  cmd->add_flag("--stub-backends", flags->stub_backends,
                "Answer every unmapped server with a stub that says which Service and server "
                "it stands for")
      ->group(group);
  cmd->add_option("--ready-file", flags->ready_file,
                  "Once every entry point listens, write `NAME HOST:PORT` lines to FILE "
                  "(atomically)")
      ->type_name("FILE")
      ->group(group);
  cmd->add_option("--check", flags->check,
                  "Run the smoke checks in FILE through the proxy, print a report, exit 0 when "
                  "all pass, 1 otherwise (implies --stub-backends)")
      ->type_name("FILE")
      ->group(group);
  cmd->add_option("-o,--output", flags->output, "The --check report's format: text|json|junit")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "junit"}))
      ->group(group);
  cmd->add_option("--check-timeout", flags->check_timeout,
                  "How long one check may take, connect to verdict")
      ->capture_default_str()
      ->type_name("DURATION")
      ->group(group);
  cmd->add_option("--access-log", flags->access_log, "One line per connection to FILE (- : stdout)")
      ->type_name("FILE|-")
      ->group(group);
  cmd->add_option("--log-format", flags->log_format, "Access log format: text|json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}))
      ->group(group);
  cmd->add_flag("--listen-any", flags->listen_any, "Allow entry points on non-loopback addresses")
      ->group(group);
  cmd->add_flag("--allow-remote-backends", flags->allow_remote_backends,
                "Dial non-loopback servers and resolve host names (ExternalName)")
      ->group(group);
  cmd->add_option("--drain-timeout", flags->drain_timeout,
                  "On SIGTERM/SIGINT, how long open connections may finish")
      ->capture_default_str()
      ->type_name("DURATION")
      ->group(group);
  cmd->add_option("--read-timeout", flags->read_timeout,
                  "Traefik's readTimeout: how long the peek at the first bytes may wait (0: "
                  "forever)")
      ->capture_default_str()
      ->type_name("DURATION")
      ->group(group);
  cmd->add_flag("--no-splice", flags->no_splice,
                "Copy through user space instead of splice(2) (for comparison)")
      ->group(group);
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunServe(*flags, io);
  });
}

}  // namespace irtcp::cli
