#include "core/validate/validate.h"

#include "core/lint/registry.h"

namespace irtcp::validate {

bool Validate(run::LoadedRun& run, const ValidateOptions& options, std::string* err) {
  (void)err;
  lint::RuleContext ctx{run.input, options.lint};
  lint::RunChecks(ctx, run.sink);
  return true;
}

}  // namespace irtcp::validate
