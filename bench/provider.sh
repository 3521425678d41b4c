#!/usr/bin/env bash
# Times `irtcp render` and `irtcp resolve` on 10,000 IngressRouteTCP, 15,000 Services and 15,000
# EndpointSlices (bench/gen_provider_corpus.py), loading included: wall time (best of 3), CPU time
# and peak memory of the whole process. Also times `irtcp validate` on the same input.
# Usage: bench/provider.sh [path/to/irtcp]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release/cli/irtcp}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_provider_corpus.py "$work/corpus"
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

measure "render  " render "$work/corpus"
measure "resolve " resolve "$work/corpus"
measure "validate" validate "$work/corpus"
