// Baselines, for adopting irtcp on a repository that already has findings: --write-baseline FILE
// records today's findings, --baseline FILE reports only findings that are not in it. A finding
// is matched by its fingerprint: rule code, object identity (kind, namespace, name) and JSON
// path — never the line number, so edits elsewhere in a file do not bring it back.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"

namespace irtcp::run {

/// The fingerprint of a finding in `input`: "IRT104|IngressRouteTCP|apps|web|/spec/routes/0/match".
/// A finding outside any object (a YAML syntax error) uses its file path; one without a JSON path
/// adds its message.
std::string Fingerprint(const diag::Diagnostic& d, const model::InputSet& input);

/// Fingerprints with how often each occurs.
using Baseline = std::map<std::string, std::size_t>;

/// Writes the findings' fingerprints as JSON (version 1), sorted, so the file diffs well. False
/// with *err when it cannot be written.
bool WriteBaseline(const std::string& path, const std::vector<diag::Diagnostic>& findings,
                   const model::InputSet& input, std::string* err);

/// Reads a baseline written by WriteBaseline. False with *err ("path: reason").
bool LoadBaseline(const std::string& path, Baseline* out, std::string* err);

/// Moves the findings that the baseline accounts for (each fingerprint as many times as it was
/// recorded) out of `findings`, keeping their order; returns them.
std::vector<diag::Diagnostic> ApplyBaseline(const Baseline& baseline, const model::InputSet& input,
                                            std::vector<diag::Diagnostic>& findings);

}  // namespace irtcp::run
