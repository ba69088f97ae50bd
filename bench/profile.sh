#!/usr/bin/env bash
# Where does the CPU go under the benchmark load? Samples one process with perf while the same load
# as bench/run.sh runs, and prints the share per assembly/library plus the hottest Khcn/Grpc symbols.
# JIT-compiled .NET frames are named through the runtime's perf map (DOTNET_PerfMapEnabled=1).
#
# Usage: bench/profile.sh [ours|bare|client]
#   ours / bare: samples that server while h2load drives it;
#   client:      samples our client (Khcn.Bench.Client) while it drives our server.
# Warm-up defaults to 20 s here: tiered JIT on a busy 2-core machine takes that long to settle.
# Output: bench/.out/perf-<target>.txt (flat) and perf-<target>.summary.txt (grouped).
set -euo pipefail

WARMUP=${WARMUP:-20}
DURATION=${DURATION:-12}
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TARGET=${1:-ours}
command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 1; }

mkdir -p "$OUT"
[[ -f "$SERVER_DLL" && -f "$CLIENT_DLL" && -f "$REQUEST" && -f "$DESCRIPTOR_SET" ]] || { ensure_prerequisites; build; }

LOAD_PID=""
trap 'if [[ -n "$LOAD_PID" ]]; then kill "$LOAD_PID" 2>/dev/null || true; fi; stop_server' EXIT

# Perf map names JIT-compiled frames; W^X double-mapping would hide them behind memfd:doublemapper.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
case "$TARGET" in
  ours | bare)
    start_server "$TARGET"
    h2load_load $((WARMUP + DURATION)) >"$OUT/perf-$TARGET.load.txt" 2>&1 &
    LOAD_PID=$!
    SAMPLED_PID=$SERVER_PID
    ;;
  client)
    start_server ours
    dotnet "$CLIENT_DLL" --address "$SERVER_URL" --connections "$CONNECTIONS" --streams "$STREAMS" \
      --warmup "$WARMUP" --duration "$DURATION" --payload-size "$PAYLOAD_SIZE" >"$OUT/perf-$TARGET.load.txt" 2>&1 &
    LOAD_PID=$!
    SAMPLED_PID=$LOAD_PID
    ;;
  *) echo "unknown target '$TARGET' (ours|bare|client)" >&2; exit 2 ;;
esac

# Sample after warm-up (tiered JIT has settled) and stop before the load winds down.
sleep $((WARMUP + 1))
perf record -F 999 -g -p "$SAMPLED_PID" -o "$OUT/perf-$TARGET.data" -- sleep $((DURATION - 2)) 2>"$OUT/perf-$TARGET.record.log"
wait "$LOAD_PID" || true
LOAD_PID=""
grep -E '^(finished|RESULT)' "$OUT/perf-$TARGET.load.txt" >&2 || true
stop_server

perf report -i "$OUT/perf-$TARGET.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null \
  | grep -v '^#' | grep -v '^$' >"$OUT/perf-$TARGET.txt"
"$PYTHON" "$BENCH_DIR/tools/perf_summary.py" 30 <"$OUT/perf-$TARGET.txt" | tee "$OUT/perf-$TARGET.summary.txt"
