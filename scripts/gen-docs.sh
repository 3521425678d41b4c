#!/usr/bin/env bash
# Regenerates the files generated from the CLI definition and the rule registry:
#   man/irtcp.1 (from man/irtcp.1.in), man/irtcp-rules.7,
#   completions/irtcp.bash, completions/_irtcp, completions/irtcp.fish.
# Usage: scripts/gen-docs.sh [path/to/irtcp]   (default: build/dev/cli/irtcp; build it first)
# tests/docs_test.cc fails when the checked-in files differ from what the binary generates.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/dev/cli/irtcp}"
if [ ! -x "$bin" ]; then
  echo "gen-docs: $bin not found: cmake --build --preset dev --target irtcp" >&2
  exit 2
fi
IRTCP_GENERATE_DOCS="$PWD" "$bin"
git status --short -- man completions
