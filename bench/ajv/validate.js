// Baseline: validate IngressRouteTCP documents with ajv against the same Traefik CRD schema.
// Usage: node validate.js CRD.yaml FILE_OR_DIR...   (prints documents, errors; exit 1 on errors)
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const Ajv = require('ajv');

// openAPIV3Schema -> JSON Schema, the way kubeconform's openapi2jsonschema does it.
function convert(s) {
  if (Array.isArray(s)) return s.map(convert);
  if (s === null || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-kubernetes-') || k === 'format') continue;
    out[k] = convert(v);
  }
  if (s['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{type: 'integer'}, {type: 'string'}];
  }
  if (s.properties && !s['x-kubernetes-preserve-unknown-fields'] && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (s.nullable) {
    delete out.nullable;
  }
  return out;
}

const crd = yaml.load(fs.readFileSync(process.argv[2], 'utf8'));
const schema = convert(crd.spec.versions[0].schema.openAPIV3Schema);
schema.properties.metadata = {type: 'object'};
const ajv = new Ajv({allErrors: true, strict: false});
const validate = ajv.compile(schema);

function files(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs.readdirSync(p).sort().flatMap((n) => files(path.join(p, n)))
      .filter((f) => /\.ya?ml$/.test(f));
}

let docs = 0;
let errors = 0;
for (const arg of process.argv.slice(3)) {
  for (const f of files(arg)) {
    for (const doc of yaml.loadAll(fs.readFileSync(f, 'utf8'))) {
      if (!doc) continue;
      docs++;
      if (!validate(doc)) errors += validate.errors.length;
    }
  }
}
console.log(`${docs} documents, ${errors} errors`);
process.exit(errors > 0 ? 1 : 0);
