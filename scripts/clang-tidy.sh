#!/usr/bin/env bash
# Runs clang-tidy with the repository's .clang-tidy and fails on any warning.
#
#   scripts/clang-tidy.sh                 every tracked .cc file (the whole tree)
#   scripts/clang-tidy.sh --since REV     only the .cc files changed since REV (committed or not,
#                                         plus new untracked ones), and every .cc file in the
#                                         directory of a changed .h file (the whole tree when
#                                         .clang-tidy itself changed)
#   -j N                                  parallel clang-tidy processes (default: nproc)
#
# clang-tidy cannot read GCC's precompiled headers, so it gets a compile database of its own,
# configured without them under build/tidy. Nothing has to be built first: the only generated
# source (the embedded schemas, core/schema/embed.cmake) is a .cc file that is not tracked, and
# no tracked file includes generated code. Needs clang-tidy (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

since=""
jobs=$(nproc)
while (($#)); do
  case "$1" in
    --since) since=${2:?--since needs a revision}; shift 2 ;;
    --since=*) since=${1#--since=}; shift ;;
    -j) jobs=${2:?-j needs a number}; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    -h | --help) usage ;;
    *) echo "clang-tidy.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

find_tool() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return
    fi
  done
  local dir
  for dir in /usr/lib/llvm-*/bin; do
    for name in "$@"; do
      if [ -x "$dir/$name" ]; then
        echo "$dir/$name"
        return
      fi
    done
  done
  echo "clang-tidy.sh: none of $* found (run scripts/setup.sh)" >&2
  exit 2
}
tidy=$(find_tool clang-tidy clang-tidy-14)
runner=$(find_tool run-clang-tidy run-clang-tidy-14)

build=build/tidy
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON -DIRTCP_PCH=OFF >/dev/null

if [ -n "$since" ]; then
  git rev-parse --verify --quiet "$since^{commit}" >/dev/null ||
    { echo "clang-tidy.sh: unknown revision '$since'" >&2; exit 2; }
  if ! git diff --quiet "$since" -- .clang-tidy; then
    echo "clang-tidy: .clang-tidy changed since $since: checking the whole tree"
    since=""
  fi
fi
if [ -z "$since" ]; then
  mapfile -t files < <(git ls-files '*.cc')
else
  mapfile -t changed < <({
    git diff --name-only --diff-filter=d "$since" -- '*.cc' '*.h'
    git ls-files --others --exclude-standard -- '*.cc' '*.h'
  } | sort -u)
  files=()
  for f in "${changed[@]}"; do
    case "$f" in
      *.cc) files+=("$f") ;;
      *.h) mapfile -t -O "${#files[@]}" files < <(git ls-files ":(glob)$(dirname "$f")/*.cc") ;;
    esac
  done
  if ((${#files[@]})); then
    mapfile -t files < <(printf '%s\n' "${files[@]}" | sort -u)
  fi
fi
if ((${#files[@]} == 0)); then
  echo "clang-tidy: no .cc files to check"
  exit 0
fi

# Every file must be in the compile database, or clang-tidy would skip it without a word.
missing=$(python3 - "$build/compile_commands.json" "${files[@]}" <<'EOF'
import json, os, sys
known = {os.path.realpath(e["file"]) for e in json.load(open(sys.argv[1]))}
print("\n".join(f for f in sys.argv[2:] if os.path.realpath(f) not in known))
EOF
)
if [ -n "$missing" ]; then
  echo "clang-tidy.sh: not in $build/compile_commands.json (is its target configured?):" >&2
  echo "$missing" >&2
  exit 2
fi

echo "clang-tidy: ${#files[@]} files, -j$jobs"
start=$(date +%s)
# run-clang-tidy takes regular expressions: match each file's absolute path exactly.
root=$(pwd -P)
patterns=()
for f in "${files[@]}"; do
  patterns+=("^$(printf '%s' "$root/$f" | sed 's/[][\.*^$+?(){}|]/\\&/g')\$")
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# clang 14 implements C++20 coroutines but does not define __cpp_impl_coroutine, so libstdc++'s
# <coroutine> and Asio's awaitable (core/proxy) stay hidden from it; say they are there.
coroutines=(-extra-arg=-D__cpp_impl_coroutine=201902L -extra-arg=-DASIO_HAS_CO_AWAIT=1
  -extra-arg=-DASIO_HAS_STD_COROUTINE=1)
"$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet "${coroutines[@]}" \
  "${patterns[@]}" >"$log" 2>&1 ||
  status=$?
# run-clang-tidy 14 always asks for colour: strip it. Keep the diagnostics and any compiler error;
# drop the per-file command lines and the "N warnings generated" counts.
sed -i 's/\x1b\[[0-9;]*m//g' "$log"
grep -v -E '^([^ ]*/)?(clang-tidy(-[0-9]+)? |[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|Suppressed [0-9]+ warnings|Use -header-filter)' "$log" || true
# A header's diagnostic repeats for every file that includes it: count each place once.
# (grep finds nothing in a clean run: with pipefail that must not end the script.)
count=$({ grep -E '(warning|error): ' "$log" || true; } | sort -u | wc -l)
echo "clang-tidy: ${count} distinct diagnostics, $(($(date +%s) - start))s"
if ((status != 0 || count != 0)); then
  exit 1
fi
