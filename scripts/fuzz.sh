#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, the whole library instrumented with
# -fsanitize=fuzzer-no-link,address,undefined) and fuzzes them live.
#
#   scripts/fuzz.sh [--build DIR] [--seconds N] [--each] [--merge] [TARGET...]
#     --build DIR  use that configured build (IRTCP_FUZZ=ON, clang) instead of the fuzz
#                  preset's build/fuzz
#     --seconds N  fuzzing time: in all, split evenly over the targets (default 120), or for each
#                  target with --each
#     --merge      add what the run found that brings new coverage to testdata/fuzz/TARGET (to
#                  commit the grown corpus); without it new inputs stay in BUILD/corpus/TARGET
#     TARGET       rule_parser proxy_wire yaml_load validate render traefik_config
#                  project_config (default: all)
# A crash, leak, timeout (10 s) or out-of-memory (2 GB) stops the run with exit 1 and prints the
# input's path (build/fuzz/artifacts/TARGET-crash-…): add it to testdata/fuzz/TARGET and a unit
# test. Prints CPU seconds, executions, coverage and features per target.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=120
build=""
each=0
merge=0
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --build) build=${2:?--build needs a directory}; shift 2 ;;
    --each) each=1; shift ;;
    --merge) merge=1; shift ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if ((${#targets[@]} == 0)); then
  targets=(rule_parser proxy_wire yaml_load validate render traefik_config project_config)
fi
per=$seconds
if ((each == 0)); then
  per=$((seconds / ${#targets[@]}))
  ((per >= 1)) || per=1
fi

if [ -z "$build" ]; then
  cmake --preset fuzz >/dev/null
  build=build/fuzz
fi
cmake --build "$build" --target fuzz_all
mkdir -p "$build/artifacts" "$build/corpus"

printf '%-15s %8s %12s %8s %8s %8s %s\n' target cpu-s executions cov ft corpus result
failed=0
for t in "${targets[@]}"; do
  bin="$build/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz.sh: no target $t" >&2; exit 2; }
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  dict=()
  [ -f "$build/fuzz/$t.dict" ] && dict=(-dict="$build/fuzz/$t.dict")
  log="$build/artifacts/$t.log"
  rc=0
  TIMEFORMAT='%U %S'
  { time "$bin" -max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" "$corpus" \
    "testdata/fuzz/$t" >"$log" 2>&1 || rc=$?; } 2>"$log.time"
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$log.time")  # user + system CPU seconds
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if ((rc != 0)); then
    result="FAILED (exit $rc)"
    failed=1
  fi
  printf '%-15s %8s %12s %8s %8s %8s %s\n' "$t" "$cpu" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
    "${corp:-?}" "$result"
  if ((rc != 0)); then
    grep -E 'ERROR|SUMMARY|Test unit written to' "$log" | head -5 >&2
    ls "$build/artifacts/$t-"* 2>/dev/null | grep -v '\.log$' | sed 's/^/  input: /' >&2 || true
  fi
  if ((merge == 1 && rc == 0)); then
    # Adds to the committed corpus only the inputs that bring new coverage; the named seeds stay.
    "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 "testdata/fuzz/$t" "$corpus" \
      >"$build/artifacts/$t.merge.log" 2>&1
  fi
done
exit $failed
