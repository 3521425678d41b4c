#!/usr/bin/env bash
# Runs the layer-4 proxy benchmark harness (HAProxy, nginx, direct) with `irtcp serve` added as
# the custom proxy, and then the idle-connection memory check (bench/proxy_idle.py).
#
# usage: bench/proxy.sh HARNESS_DIR [IRTCP_BINARY] [-- extra run.sh arguments]
#   HARNESS_DIR   the harness directory (holds run.sh, README.md; e.g. ../shared/bench/proxy)
#   IRTCP_BINARY  default: build/release/irtcp, else build/dev/irtcp
# The harness needs haproxy and nginx-full (its setup.sh installs them); nothing in the test
# suite or CI needs it. Everything stays on 127.0.0.1; the harness bounds every client loop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HARNESS="${1:?usage: bench/proxy.sh HARNESS_DIR [IRTCP_BINARY] [-- run.sh args]}"
shift
IRTCP=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then IRTCP="$1"; shift; fi
if [ "${1:-}" = "--" ]; then shift; fi
if [ -z "$IRTCP" ]; then
  for b in "$ROOT/build/release/irtcp" "$ROOT/build/dev/irtcp"; do
    if [ -x "$b" ]; then IRTCP="$b"; break; fi
  done
fi
[ -x "$IRTCP" ] || { echo "bench/proxy.sh: no irtcp binary (build it, or pass its path)" >&2; exit 2; }
IRTCP="$(cd "$(dirname "$IRTCP")" && pwd)/$(basename "$IRTCP")"
[ -x "$HARNESS/run.sh" ] || { echo "bench/proxy.sh: $HARNESS/run.sh not found" >&2; exit 2; }

"$HARNESS/run.sh" --proxy-name irtcp --proxy-port 18900 --proxy-sni-port 18901 \
  --proxy-cmd "$IRTCP serve {MANIFEST} --entrypoint plain=127.0.0.1:{PORT} --entrypoint sni=127.0.0.1:{SNI_PORT} --backends {BACKENDS}" \
  "$@"

python3 "$ROOT/bench/proxy_idle.py" "$IRTCP" 9000
