// irtcp: linter, translator and smoke-test proxy for Traefik IngressRouteTCP manifests.
#include <CLI/CLI.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_tree.h"
#include "cli/cmd_explain.h"
#include "cli/cmd_render.h"
#include "cli/cmd_resolve.h"
#include "cli/cmd_serve.h"
#include "cli/cmd_validate.h"
#include "cli/common.h"
#include "cli/plugin.h"
#include "core/util/spell.h"
#include "core/util/terminal.h"

namespace {

/// The subcommand named on the command line (the first argument that names one), or nullptr.
CLI::App* NamedSubcommand(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") {
      break;
    }
    for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == arg) {
        return sub;
      }
    }
  }
  return nullptr;
}

/// "did you mean" for an unknown subcommand or flag (ninja's SpellcheckString). Prints the
/// message and returns true when the command line has such a word.
bool SuggestCorrection(CLI::App& app, int argc, char** argv) {
  CLI::App* sub = NamedSubcommand(app, argc, argv);
  if (sub == nullptr) {
    std::string_view first;
    for (int i = 1; i < argc && first.empty(); ++i) {
      if (argv[i][0] != '-') {
        first = argv[i];
      }
    }
    if (first.empty()) {
      return false;
    }
    std::vector<std::string> names;
    for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) {
      names.push_back(s->get_name());
    }
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string_view close = irtcp::util::ClosestMatch(first, views);
    std::cerr << app.get_name() << ": unknown subcommand \"" << irtcp::util::TerminalSafe(first)
              << "\"";
    if (!close.empty()) {
      std::cerr << "; did you mean \"" << irtcp::util::TerminalSafe(close) << "\"?";
    }
    std::cerr << "\nRun with --help for the subcommands.\n";
    return true;
  }
  std::vector<std::string> flags;
  for (const CLI::Option* opt : sub->get_options()) {
    for (const std::string& name : opt->get_lnames()) {
      flags.push_back("--" + name);
    }
  }
  std::vector<std::string_view> views(flags.begin(), flags.end());
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") {
      break;
    }
    if (arg.substr(0, 2) != "--") {
      continue;
    }
    arg = arg.substr(0, arg.find('='));
    if (std::find(views.begin(), views.end(), arg) != views.end()) {
      continue;
    }
    std::string_view close = irtcp::util::ClosestMatch(arg, views);
    std::cerr << app.get_name() << " " << sub->get_name() << ": unknown flag "
              << irtcp::util::TerminalSafe(arg);
    if (!close.empty()) {
      std::cerr << "; did you mean " << irtcp::util::TerminalSafe(close) << "?";
    }
    std::cerr << "\nRun with --help for the flags.\n";
    return true;
  }
  return false;
}

/// The first argument that is not an option: the subcommand's name, when the run names one (the
/// top level takes no option with a value).
std::string_view FirstWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] != '-') {
      return argv[i];
    }
  }
  return {};
}

/// `irtcp help [SUBCOMMAND]`: the same text as --help.
void SetupHelp(CLI::App& app) {
  auto topic = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("help", "Show help for irtcp or one of its subcommands");
  cmd->add_option("subcommand", *topic, "The subcommand to explain")->type_name("SUBCOMMAND");
  cmd->callback([&app, topic]() {
    if (topic->empty()) {
      // app.help() would describe the selected subcommand, `help` itself.
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return;
    }
    for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == *topic) {
        std::cout << sub->help();
        return;
      }
    }
    throw CLI::ValidationError("help", "unknown subcommand \"" + *topic + "\"");
  });
}

}  // namespace

namespace {

int Main(int argc, char** argv) {
#if defined(__GLIBC__)
  // A run's heap grows to tens of MB in small steps; growing it 16 MiB at a time instead of
  // 128 KiB saves hundreds of brk calls (measured ~46 us each on the CI machine).
  mallopt(M_TOP_PAD, 16 << 20);
#endif
  CLI::App app{
      "irtcp: lint, explain, resolve and render Traefik IngressRouteTCP manifests before they "
      "reach a cluster"};
  // Installed as the kubectl plugin `kubectl-irtcp` (and its completion helper), help and
  // errors say `kubectl irtcp`.
  const irtcp::cli::Invocation invocation = irtcp::cli::InvocationOf(argc > 0 ? argv[0] : "irtcp");
  app.name(invocation == irtcp::cli::Invocation::kIrtcp ? "irtcp" : "kubectl irtcp");
  app.set_version_flag("--version", std::string("irtcp ") + IRTCP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.footer(irtcp::cli::kExitStatusHelp);
  int exit_code = irtcp::cli::kExitClean;
  const char* dump = std::getenv("IRTCP_DUMP_CLI");
  const char* docs_dir = std::getenv("IRTCP_GENERATE_DOCS");
  // One dispatch point: each subcommand registers itself from its own file. A run that names
  // one builds that one only (the five in full are ~1 ms of a pre-commit run); help, a mistyped
  // name, completion and the doc generator get the whole tree.
  struct Subcommand {
    std::string_view name;
    void (*setup)(CLI::App&, int&);
  };
  static constexpr Subcommand kSubcommands[] = {{"validate", irtcp::cli::SetupValidate},
                                                {"explain", irtcp::cli::SetupExplain},
                                                {"render", irtcp::cli::SetupRender},
                                                {"resolve", irtcp::cli::SetupResolve},
                                                {"serve", irtcp::cli::SetupServe}};
  std::string_view named = FirstWord(argc, argv);
  bool whole = dump != nullptr || docs_dir != nullptr ||
               invocation == irtcp::cli::Invocation::kKubectlComplete ||
               std::none_of(std::begin(kSubcommands), std::end(kSubcommands),
                            [&](const Subcommand& s) { return s.name == named; });
  for (const Subcommand& s : kSubcommands) {
    if (whole || s.name == named) {
      s.setup(app, exit_code);
    }
  }
  SetupHelp(app);
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    sub->footer(irtcp::cli::kExitStatusHelp);
  }
  if (dump != nullptr && *dump == '1') {
    irtcp::cli::DumpCli(app, std::cout);
    return irtcp::cli::kExitClean;
  }
  // scripts/gen-docs.sh: the man pages and completions from this very command tree.
  if (docs_dir != nullptr && *docs_dir != '\0') {
    return irtcp::cli::GenerateDocs(app, docs_dir, std::cerr) ? irtcp::cli::kExitClean
                                                              : irtcp::cli::kExitError;
  }
  if (invocation == irtcp::cli::Invocation::kKubectlComplete) {
    irtcp::cli::CompleteKubectlPlugin(app, std::vector<std::string>(argv + 1, argv + argc),
                                      std::cout);
    return irtcp::cli::kExitClean;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if ((dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr ||
         dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) &&
        SuggestCorrection(app, argc, argv)) {
      return irtcp::cli::kExitError;
    }
    int code = app.exit(e);
    return code == 0 ? irtcp::cli::kExitClean : irtcp::cli::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "irtcp: internal error: " << e.what() << '\n';
    return irtcp::cli::kExitError;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // As the kubectl plugin, every message line starting "irtcp:" says "kubectl irtcp:" instead.
  std::unique_ptr<irtcp::cli::PluginMessagesBuf> plugin_messages;
  std::streambuf* cerr_buf = std::cerr.rdbuf();
  if (argc > 0 && irtcp::cli::InvocationOf(argv[0]) == irtcp::cli::Invocation::kKubectlPlugin) {
    plugin_messages = std::make_unique<irtcp::cli::PluginMessagesBuf>(cerr_buf);
    std::cerr.rdbuf(plugin_messages.get());
  }
  struct RestoreCerr {
    std::streambuf* buf;
    ~RestoreCerr() { std::cerr.rdbuf(buf); }
  } restore{cerr_buf};
  // Setting up the command tree can throw too (std::bad_alloc, CLI11's option errors): report it
  // like a failure while running instead of letting std::terminate abort.
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "irtcp: internal error: " << e.what() << '\n';
    return irtcp::cli::kExitError;
  }
}
