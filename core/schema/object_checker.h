// Checks one object against its compiled schema (and, for objects of the legacy API group, the
// schema of the same kind in traefik.io, for hints) and reports the schema findings
// (IRT003, IRT010-IRT019) in document order. See schema_set.cc for the two engines.
#pragma once

#include "core/diag/diagnostic.h"
#include "core/model/object.h"
#include "core/schema/compiled.h"

namespace irtcp::schema {

/// `modern` is the traefik.io schema of the same kind for a traefik.containo.us object, or null.
void CheckObject(const CompiledSchema& schema, const CompiledSchema* modern,
                 const model::Object& obj, diag::DiagnosticSink& sink);

}  // namespace irtcp::schema
