#!/usr/bin/env bash
# Times `irtcp render --to gateway-api` against plain `irtcp render` on the provider corpus
# (bench/gen_provider_corpus.py: 10,000 IngressRouteTCP, 15,000 Services, 15,000 EndpointSlices,
# entry points tcp-0..tcp-3), loading included: wall time (best of 3), CPU time and peak memory.
# The difference is the translation: classification, documents, the self-check of the CEL rules
# and the replay of the left-out routes' connections through the Gateway provider model.
# Usage: bench/gateway.sh [path/to/irtcp] [--routes N]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release/cli/irtcp}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_provider_corpus.py "$work/corpus" "$@"
cat >"$work/traefik.yaml" <<'YAML'
entryPoints:
  tcp-0: {address: ":9000"}
  tcp-1: {address: ":9001"}
  tcp-2: {address: ":9002"}
  tcp-3: {address: ":9003"}
providers:
  kubernetesCRD: {allowCrossNamespace: true}
  kubernetesGateway: {experimentalChannel: true}
YAML
echo "corpus: $(cat "$work"/corpus/*.yaml | wc -c) bytes in $(ls "$work/corpus" | wc -l) files"

measure() {  # name, then the irtcp arguments
  local name="$1"
  shift
  local best=999999
  for i in 1 2 3; do
    local s e ms
    s=$(date +%s%N)
    "$bin" "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  /usr/bin/time -f "%U s user, %S s sys, peak RSS %M KiB" "$bin" "$@" >/dev/null 2>"$work/time.txt" || true
  echo "$name: best of 3 = ${best} ms wall; $(tail -1 "$work/time.txt")"
}

measure "render --to traefik    " render --traefik-config "$work/traefik.yaml" "$work/corpus"
measure "render --to gateway-api" render --to gateway-api --allow-partial \
  --traefik-config "$work/traefik.yaml" "$work/corpus"
"$bin" render --to gateway-api --allow-partial --traefik-config "$work/traefik.yaml" \
  --report "$work/report.json" "$work/corpus" >"$work/out.yaml" 2>/dev/null || true
python3 - "$work/report.json" "$work/out.yaml" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("translated:", r["summary"], "documents:", open(sys.argv[2]).read().count("\nkind: "))
PY
