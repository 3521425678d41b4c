#include "core/schema/rules.h"

namespace irtcp::schema {

const diag::RuleInfo kUnknownField{"IRT003",
                                   "unknown-field",
                                   "a field that the CRD schema does not define",
                                   R"md(## What it does
Reports fields that the object's CRD (or, under `metadata`, Kubernetes' ObjectMeta) does not
define, such as `kind: Rule` in an IngressRouteTCP route. When a defined field is close, the
message suggests it (`entrypoints` -> `entryPoints`); when the field belongs to Traefik's HTTP
`IngressRoute` or `Middleware` (`kind`, `sticky`, `passHostHeader`, `headers`, ...), it says so.
For `traefik.containo.us/v1alpha1` objects it notes fields that only the Traefik v3 CRD has.

## Why is this bad?
The API server drops fields its schema does not know. With `kubectl apply` (field validation
Strict, the default since Kubernetes 1.27) the object is rejected; with older clients or
`--validate=false` the field is silently pruned and Traefik never sees it, so the setting you
wrote has no effect. A misspelled field (`entrypoints`) is the classic case.

## How to fix
Fix the spelling, move the field to where the CRD defines it, or remove it. IngressRouteTCP routes
have no `kind`, and TCP services have no HTTP options such as `sticky` or `passHostHeader`.

## Fix safety
No automatic fix: removing a field may hide a misunderstanding that needs a different change.
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kTypeMismatch{"IRT010",
                                   "type-mismatch",
                                   "a value has a type the CRD schema does not allow",
                                   R"md(## What it does
Reports values whose JSON type differs from the one the schema requires, and says which types
were expected and which was found: `expected integer or string, found boolean (on)`.

Types are resolved as kubectl resolves them (go-yaml, YAML 1.1): unquoted `yes`, `no`, `on`,
`off`, `y`, `n`, `true`, `false` are booleans, `0x1F` and `010` are integers, and anything quoted
is a string. `port` is int-or-string: `port: 8080` is a port number and `port: "8080"` a port
*name* lookup, and both are valid.

## Why is this bad?
The API server rejects the object (`must be of type integer`), so nothing in it is applied.

## How to fix
Write the value with the expected type. Quote a value that YAML reads as a boolean or a number
when you mean a string (`"on"`), and leave numbers unquoted where a number is meant.

## Fix safety
No automatic fix: quoting changes meaning (a quoted port is looked up as a named port).
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kMissingField{"IRT011",
                                   "missing-required-field",
                                   "a field the CRD schema requires is absent",
                                   R"md(## What it does
Reports a required field that is missing, for example `port` in an IngressRouteTCP service, or
`match` in a route. The finding points at the mapping that lacks the field. A field set to
`null` (or left empty, `port:`) counts as missing, as the API server drops null values.

## Why is this bad?
The API server rejects the object (`Required value`), so none of it reaches Traefik.

## How to fix
Add the field with a valid value.

## Fix safety
No automatic fix: only you know the value.
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kValueNotInEnum{"IRT012",
                                     "value-not-in-enum",
                                     "a value is not one of those the CRD schema allows",
                                     R"md(## What it does
Reports values outside the schema's `enum`, and lists the allowed values: `syntax` must be `v3`
or `v2`, a TLSOption's `clientAuthType` one of `NoClientCert`, `RequestClientCert`,
`RequireAnyClientCert`, `VerifyClientCertIfGiven` or `RequireAndVerifyClientCert`.

## Why is this bad?
The API server rejects the object (`Unsupported value`).

## How to fix
Use one of the listed values; they are case-sensitive.

## Fix safety
No automatic fix.
)md",
                                     diag::Severity::kError,
                                     diag::FixAvailability::kNone};

const diag::RuleInfo kValueOutOfRange{"IRT013",
                                      "value-out-of-range",
                                      "an integer is outside the range the CRD schema allows",
                                      R"md(## What it does
Reports integers below the schema's `minimum` or above its `maximum`: a negative service
`weight`, a `proxyProtocol.version` other than 1 or 2, a route `priority` above
9223372036854775000, a negative `inFlightConn.amount`, or a value that does not fit in a 64-bit
integer at all. Bounds are compared as exact 64-bit integers, not as floating point (a double
cannot tell 9223372036854775000 from 9223372036854775807).

## Why is this bad?
The API server rejects the object (`should be greater than or equal to 0`).

## How to fix
Use a value inside the range given in the message.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

const diag::RuleInfo kPatternMismatch{"IRT014",
                                      "pattern-mismatch",
                                      "a string does not match the pattern the CRD schema requires",
                                      R"md(## What it does
Reports strings that do not match the schema's `pattern`, for example a ServersTransportTCP
`dialTimeout: 10 seconds` where the CRD wants a Go duration such as `10s` or `1m30s`. Patterns
are evaluated with RE2, the regular expression dialect of Go and of the API server. For
int-or-string fields only string values are checked.

## Why is this bad?
The API server rejects the object (`should match '^([0-9]+(ns|us|µs|ms|s|m|h)?)+$'`).

## How to fix
Write the value in the form the pattern describes.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

const diag::RuleInfo kInvalidObjectName{
    "IRT015",
    "invalid-object-name",
    "metadata.name is missing or not a valid DNS-1123 subdomain, or the namespace is invalid",
    R"md(## What it does
Reports objects without `metadata.name` (and without `metadata.generateName`), names that are
not DNS-1123 subdomains (lower-case letters, digits, `-` and `.`, starting and ending with a
letter or digit, at most 253 characters), `generateName` prefixes that cannot produce such a
name, and a `metadata.namespace` that is not a DNS-1123 label (at most 63 characters, no dots).

## Why is this bad?
The API server rejects the object (`metadata.name: Invalid value` or `name or generateName is
required`). Traefik also builds router and service names from it.

## How to fix
Give the object a lower-case name such as `my-route`, or a `generateName` such as `my-route-`.

## Fix safety
No automatic fix: renaming an object creates a new object in the cluster.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

const diag::RuleInfo kConflictingFields{
    "IRT016",
    "conflicting-fields",
    "an object sets two fields of which the CRD allows only one",
    R"md(## What it does
Evaluates the CRD's `x-kubernetes-validations` rules of the form
`!has(self.a) || !has(self.b)`. Traefik's ServersTransportTCP has one: a `spec.tls.rootCAs`
entry sets `secret` or `configMap`, not both ("RootCA cannot have both Secret and ConfigMap
defined."). Other CEL rules are left to the API server.

## Why is this bad?
The API server rejects the object with the rule's message.

## How to fix
Keep one of the two fields; put the other CA in its own `rootCAs` entry.

## Fix safety
No automatic fix: only you know which reference is right.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

const diag::RuleInfo kNonStringMetaValue{"IRT017",
                                         "non-string-metadata-value",
                                         "a label or annotation value is not a string",
                                         R"md(## What it does
Reports label and annotation values that YAML reads as something other than a string: unquoted
`yes`, `no`, `on`, `off`, `y`, `n`, `true`, numbers like `8080` or `1.0`, mappings and lists.

## Why is this bad?
Labels and annotations are `map[string]string`. kubectl refuses the manifest (`cannot unmarshal
bool into Go struct field ObjectMeta.metadata.labels of type string`), so nothing in the file is
applied. This bites with values like `enabled: yes` or `port: 8080` in annotations.

## How to fix
Quote the value: `enabled: "yes"`, `traefik.example/port: "8080"`.

## Fix safety
No automatic fix yet (quoting would be safe: it keeps the text the user wrote).
)md",
                                         diag::Severity::kError,
                                         diag::FixAvailability::kNone};

const diag::RuleInfo kInvalidLabel{"IRT018",
                                   "invalid-label-or-annotation",
                                   "a label or annotation key or label value is invalid",
                                   R"md(## What it does
Checks label and annotation keys and label values as the API server does. A key is an optional
DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters made of letters, digits,
`-`, `_` and `.`, starting and ending with a letter or digit (`app.kubernetes.io/name`). A label
value is empty or follows the same rule as that name. All annotations together must stay under
256 KiB.

## Why is this bad?
The API server rejects the object (`metadata.labels: Invalid value`).

## How to fix
Rename the key, or shorten and clean the value (no spaces, no `/`, at most 63 characters). Long
or free-form text belongs in an annotation, not a label.

## Fix safety
No automatic fix.
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kSchemaViolation{"IRT019",
                                      "schema-violation",
                                      "a value breaks another constraint of the CRD schema",
                                      R"md(## What it does
Reports schema failures that have no more specific code: length limits (`minLength`,
`maxItems`, ...), `oneOf`/`allOf` combinations and other JSON Schema keywords, mostly found in
user-supplied CRDs (`--crd`). The message is the schema engine's description.

## Why is this bad?
The API server rejects the object.

## How to fix
Change the value so that it satisfies the constraint named in the message.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

const diag::RuleInfo kFieldNeedsNewerTraefik{"IRT020",
                                             "field-needs-newer-traefik",
                                             "a field that only a later Traefik version's CRD has",
                                             R"md(## What it does
Reports a field that the CRD of the selected Traefik version (`--traefik-version`, default 3.7)
does not define but a later version's does, and names the first version that has it:
`nodePortLB` needs Traefik v3.1+, `syntax` and `serversTransport` need v3.0+, `ipAllowList`
needs v2.11+, `spec.ingressClassName` needs v3.7+.

## Why is this bad?
The cluster runs the CRDs of its Traefik release. The API server drops a field its schema does not
know (or rejects the object under strict field validation), and that Traefik's code has no such
field either: the setting has no effect. Typical after copying a manifest from the documentation
of a newer release.

## How to fix
Upgrade Traefik (and its CRDs) to the version named, or remove the field and get the behaviour
another way on your version.

## Fix safety
No automatic fix.
)md",
                                             diag::Severity::kError,
                                             diag::FixAvailability::kNone};

const diag::RuleInfo kKindNeedsNewerTraefik{
    "IRT021",
    "kind-needs-newer-traefik",
    "an object of a kind the selected Traefik version lacks",
    R"md(## What it does
Reports an object whose kind the selected Traefik version (`--traefik-version`) does not have, while
a later version does: `ServersTransportTCP` exists only from Traefik v3.0.

## Why is this bad?
Without the CRD the API server refuses the object, and that Traefik neither watches nor applies
it: routes that name it do not get its settings.

## How to fix
Upgrade Traefik to the version named, or remove the object (and the references to it).

## Fix safety
No automatic fix.
)md",
    diag::Severity::kError,
    diag::FixAvailability::kNone};

}  // namespace irtcp::schema
