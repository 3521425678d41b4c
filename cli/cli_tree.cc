#include "cli/cli_tree.h"

namespace irtcp::cli {

void DumpCli(const CLI::App& app, std::ostream& out) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    out << sub->get_name() << '\n';
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& name : opt->get_lnames()) {
        if (name != "help") {
          out << sub->get_name() << " --" << name << '\n';
        }
      }
    }
  }
}

}  // namespace irtcp::cli
