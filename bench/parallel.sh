#!/usr/bin/env bash
# Times `irtcp validate -j1` against `-j2` on 10,000 documents in 100 files and on 2,000 small
# files (one document each: the repository-with-many-files case), and checks that both give the
# same bytes. Prints documents/second for each.
# Usage: bench/parallel.sh [path/to/irtcp] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release/cli/irtcp}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_validate_corpus.py "$work/big" 10000 100
python3 bench/gen_validate_corpus.py "$work/many" 2000 1
echo "cpus available: $(nproc)"

best_ms() {  # best wall time of $runs runs, in ms
  local best=999999 s e ms
  for _ in $(seq 1 "$runs"); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

for corpus in big many; do
  docs=$([ "$corpus" = big ] && echo 10000 || echo 2000)
  files=$(ls "$work/$corpus" | wc -l)
  "$bin" validate -o json -j 1 "$work/$corpus" >"$work/j1.json" 2>/dev/null || true
  "$bin" validate -o json -j 2 "$work/$corpus" >"$work/j2.json" 2>/dev/null || true
  cmp -s "$work/j1.json" "$work/j2.json" || { echo "-j1 and -j2 outputs differ on $corpus" >&2; exit 1; }
  for j in 1 2; do
    ms=$(best_ms "$bin" validate -j "$j" "$work/$corpus")
    echo "$docs documents in $files files, -j$j: best of $runs = ${ms} ms -> $(( docs * 1000 / (ms > 0 ? ms : 1) )) documents/s"
  done
done
