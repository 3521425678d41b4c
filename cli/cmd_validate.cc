#include "cli/cmd_validate.h"

#include <iostream>
#include <memory>

#include "cli/common.h"
#include "core/validate/validate.h"

namespace irtcp::cli {

namespace {

struct ValidateFlags {
  InputFlags input;
  OutputFlags output;
  std::vector<std::string> crds;
  std::string default_rule_syntax = "v3";
  bool strict_references = false;
};

int RunValidate(const ValidateFlags& flags, Io& io) {
  std::optional<diag::Severity> fail_on = diag::Severity::kError;
  if (!flags.output.fail_on.empty() && !ParseFailOn(flags.output.fail_on, &fail_on)) {
    return kExitError;
  }
  std::unique_ptr<run::LoadedRun> loaded = LoadInputs(flags.input, io);
  if (loaded == nullptr) {
    return kExitError;
  }
  validate::ValidateOptions options;
  options.crd_paths = flags.crds;
  options.lint.default_rule_syntax = flags.default_rule_syntax;
  options.lint.strict_references = flags.strict_references;
  std::string err;
  if (!validate::Validate(*loaded, options, &err)) {
    io.err << "irtcp: error: " << err << '\n';
    return kExitError;
  }
  loaded->sink.Sort();
  report::Summary summary = loaded->MakeSummary();
  if (loaded->input.traefik_object_count() == 0 && loaded->collected.errors.empty()) {
    summary.notes.push_back("no Traefik TCP object (IngressRouteTCP, MiddlewareTCP, "
                            "ServersTransportTCP, TLSOption, TLSStore) found in the input");
  }
  if (flags.input.verbose) {
    for (const auto& [kind, n] : loaded->input.skipped()) {
      summary.notes.push_back("skipped " + std::to_string(n) + " object(s) of kind " + kind);
    }
  }
  report::FormatOptions format;
  format.color = flags.output.output == "text" && UseColor(flags.output.color, 1);
  format.tool_version = IRTCP_VERSION;
  std::string ferr;
  auto formatter = report::MakeFormatter(flags.output.output, io.out, format, &ferr);
  if (formatter == nullptr) {
    io.err << "irtcp: error: " << ferr << '\n';
    return kExitError;
  }
  formatter->Write(loaded->sink.diagnostics(), summary);
  PrintErrorsAndNotes(summary, io);
  if (flags.output.output == "text") {
    std::size_t counts[3] = {0, 0, 0};
    for (const diag::Diagnostic& d : loaded->sink.diagnostics()) {
      ++counts[static_cast<int>(d.severity)];
    }
    if (flags.input.verbose || counts[0] + counts[1] + counts[2] > 0) {
      io.err << "irtcp: " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
             << " info in " << summary.files << " file(s), " << summary.traefik_objects
             << " Traefik object(s) checked\n";
    }
  }
  return run::ExitCode(loaded->sink.diagnostics(), !summary.errors.empty(), fail_on);
}

}  // namespace

void SetupValidate(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check manifests against the Traefik CRD schemas and irtcp's lint rules");
  AddInputFlags(*cmd, flags->input);
  AddOutputFlags(*cmd, flags->output, {"text", "json", "sarif", "github"}, "error");
  cmd->add_option("--crd", flags->crds,
                  "Validate against this CRD file instead of the bundled schema for its kind "
                  "(repeatable)")
      ->type_name("FILE");
  cmd->add_option("--default-rule-syntax", flags->default_rule_syntax,
                  "Rule syntax of routes that set none (core.defaultRuleSyntax): v3 or v2")
      ->capture_default_str()
      ->check(CLI::IsMember({"v2", "v3"}));
  cmd->add_flag("--strict-references", flags->strict_references,
                "Report references to objects missing from the input even where the input holds "
                "no object of that kind in that namespace");
  cmd->callback([flags, &exit_code]() {
    Io io{std::cout, std::cerr};
    exit_code = RunValidate(*flags, io);
  });
}

}  // namespace irtcp::cli
