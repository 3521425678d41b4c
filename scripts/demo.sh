#!/usr/bin/env bash
# Quick start, part one: set up, build, and validate the bundled example manifests.
# The exit status is validate's own (1: the examples contain real mistakes, on purpose).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release >/dev/null
set +e
build/release/cli/irtcp validate testdata/examples/
exit $?
