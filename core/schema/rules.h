// Registry entries for the findings of schema validation (IRT003, IRT010-IRT029).
#pragma once

#include "core/diag/diagnostic.h"

namespace irtcp::schema {

extern const diag::RuleInfo kUnknownField;            // IRT003 unknown-field
extern const diag::RuleInfo kTypeMismatch;            // IRT010 type-mismatch
extern const diag::RuleInfo kMissingField;            // IRT011 missing-required-field
extern const diag::RuleInfo kValueNotInEnum;          // IRT012 value-not-in-enum
extern const diag::RuleInfo kValueOutOfRange;         // IRT013 value-out-of-range
extern const diag::RuleInfo kPatternMismatch;         // IRT014 pattern-mismatch
extern const diag::RuleInfo kInvalidObjectName;       // IRT015 invalid-object-name
extern const diag::RuleInfo kConflictingFields;       // IRT016 conflicting-fields
extern const diag::RuleInfo kNonStringMetaValue;      // IRT017 non-string-metadata-value
extern const diag::RuleInfo kInvalidLabel;            // IRT018 invalid-label-or-annotation
extern const diag::RuleInfo kSchemaViolation;         // IRT019 schema-violation
extern const diag::RuleInfo kFieldNeedsNewerTraefik;  // IRT020 field-needs-newer-traefik
extern const diag::RuleInfo kKindNeedsNewerTraefik;   // IRT021 kind-needs-newer-traefik

}  // namespace irtcp::schema
