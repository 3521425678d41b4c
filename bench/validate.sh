#!/usr/bin/env bash
# Times `irtcp validate` on 10,000 generated IngressRouteTCP documents (about 100 per file) and on
# one small file (the pre-commit case). Prints documents/second and peak memory.
# Usage: bench/validate.sh [path/to/irtcp] [--with-ajv]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release/cli/irtcp}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_validate_corpus.py "$work/corpus" 10000
docs=10000
bytes=$(cat "$work"/corpus/*.yaml | wc -c)
echo "corpus: $docs documents, $bytes bytes, $(ls "$work/corpus" | wc -l) files"

best=999999
for i in 1 2 3 4 5; do
  s=$(date +%s%N)
  "$bin" validate "$work/corpus" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 ))
  (( ms < best )) && best=$ms
done
echo "validate 10,000 documents: best of 5 = ${best} ms  ->  $(( docs * 1000 / (best > 0 ? best : 1) )) documents/s"
/usr/bin/time -f "peak RSS: %M KiB" "$bin" validate "$work/corpus" >/dev/null 2>"$work/time.txt" || true
tail -1 "$work/time.txt"

small="$work/corpus-small.yaml"
best=999999
for i in $(seq 1 20); do
  s=$(date +%s%N)
  "$bin" validate "$small" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  us=$(( (e - s) / 1000 ))
  (( us < best )) && best=$us
done
echo "validate one small file: best of 20 = ${best} us wall"
