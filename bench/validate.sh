#!/usr/bin/env bash
# Times `irtcp validate` as a whole process, pinned to one core, on two generated corpora of
# 10,000 IngressRouteTCP in 100 files each:
#   clean     bench/gen_validate_corpus.py: realistic documents, ~5% with one mistake
#   findings  bench/gen_findings_corpus.py: every matcher and TLS shape, 10% schema errors,
#             dangling and cross-namespace references, deprecated options (~20,000 findings)
# each with text and JSON output to /dev/null (best of N: documents/s, and peak RSS), and the
# pre-commit case: one small file, median of 21 runs.
#
# Usage: bench/validate.sh [path/to/irtcp] [--with-ajv] [--runs N]
#   --with-ajv  installs ajv and js-yaml from npm into a temporary directory and times them on
#               the same corpora and CRD schema, interleaved with irtcp's runs (the machine's
#               speed drifts; only side-by-side ratios mean anything)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/cli/irtcp
with_ajv=0
runs=5
while (($#)); do
  case "$1" in
    --with-ajv) with_ajv=1; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "validate.sh: unknown option $1" >&2; exit 2 ;;
    *) bin=$1; shift ;;
  esac
done
[ -x "$bin" ] || { echo "validate.sh: no irtcp at $bin (build the release preset)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_validate_corpus.py "$work/clean" 10000
python3 bench/gen_findings_corpus.py "$work/findings" 10000
docs=10000

# The target is per core: pin every process to one CPU (-j defaults to the CPUs it may use).
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
crd=schemas/traefik/v3.7.9/traefik.io_ingressroutetcps.yaml
if ((with_ajv)); then
  cp bench/ajv/package.json bench/ajv/validate.js "$work/"
  (cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)
fi

# ms COMMAND...: wall milliseconds of one run, output discarded.
ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
# peak COMMAND...: peak RSS in MiB.
peak() {
  { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
rate() { echo $((docs * 1000 / ($1 > 0 ? $1 : 1))); }

printf '%-9s %-6s %10s %12s %9s %10s %12s %8s\n' corpus output "irtcp ms" "irtcp doc/s" "peak MiB" \
  "ajv ms" "ajv doc/s" ratio
for corpus in clean findings; do
  abest=999999
  for fmt in text json; do
    best=999999
    for _ in $(seq 1 "$runs"); do
      t=$(ms "${pin[@]}" "$bin" validate -o "$fmt" "$work/$corpus")
      ((t < best)) && best=$t
      if ((with_ajv)) && [ "$fmt" = text ]; then
        t=$(ms "${pin[@]}" node "$work/validate.js" "$crd" "$work/$corpus")
        ((t < abest)) && abest=$t
      fi
    done
    mem=$(peak "${pin[@]}" "$bin" validate -o "$fmt" "$work/$corpus")
    if ((with_ajv)); then
      ratio=$(awk -v a="$abest" -v b="$best" 'BEGIN { printf "%.2fx", a / b }')
      printf '%-9s %-6s %10s %12s %9s %10s %12s %8s\n' "$corpus" "$fmt" "$best" "$(rate "$best")" \
        "$mem" "$abest" "$(rate "$abest")" "$ratio"
    else
      printf '%-9s %-6s %10s %12s %9s %10s %12s %8s\n' "$corpus" "$fmt" "$best" "$(rate "$best")" \
        "$mem" - - -
    fi
  done
done
# ajv has one output (its error count), timed with the text rows; the JSON rows compare
# irtcp's JSON output against the same ajv time.

# The pre-commit case: one small file, whole process, median of 21 (and an empty process for
# scale: what this machine charges to start any program).
median_us() {
  local i s e
  for i in $(seq 1 21); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | sed -n 11p
}
small="$work/clean-small.yaml"
echo "one small file (median of 21, wall): irtcp $(median_us "$bin" validate "$small") us;" \
  "/bin/true $(median_us /bin/true) us"
if ((with_ajv)); then
  echo "one small file (median of 21, wall): ajv $(median_us node "$work/validate.js" "$crd" "$small") us"
fi
