#!/usr/bin/env bash
# Managed bytes allocated per call by our server and by the bare Kestrel ceiling: a noise-free cost
# signal on a shared machine. Each server runs twice, serving SMALL then LARGE h2load requests
# (fixed counts, same settings as bench/run.sh); the difference of the totals it prints at shutdown
# (GC.GetTotalAllocatedBytes) divided by LARGE - SMALL cancels start-up and warm-up allocations.
#
# Usage: bench/alloc.sh   (SMALL=20000 LARGE=120000)
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SMALL=${SMALL:-20000}
LARGE=${LARGE:-120000}

mkdir -p "$OUT"
[[ -f "$SERVER_DLL" && -f "$REQUEST" && -f "$DESCRIPTOR_SET" ]] || { ensure_prerequisites; build; }

allocated_after() {
  local target=$1 requests=$2
  start_server "$target" >/dev/null 2>&1
  timeout 300 h2load -c "$CONNECTIONS" -m "$STREAMS" -t "$H2LOAD_THREADS" -n "$requests" -d "$REQUEST" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$SERVER_URL$ECHO_PATH" >/dev/null
  stop_server
  sed -n 's/^GCSTATS allocated_bytes=\([0-9]*\).*/\1/p' "$OUT/$target.server.log"
}

for target in ours bare; do
  small=$(allocated_after "$target" "$SMALL")
  large=$(allocated_after "$target" "$LARGE")
  echo "$target: $(( (large - small) / (LARGE - SMALL) )) bytes allocated per call"
done
