#!/usr/bin/env bash
# Unary gRPC benchmark (issue #2). One run measures, side by side on loopback:
#   servers, each driven by the same h2load command: ours (Khcn.Grpc.AspNetCore.Server), a bare
#   Kestrel HTTP/2 endpoint returning identical precomputed bytes (the ceiling), @grpc/grpc-js,
#   python3-grpcio;
#   clients against our server at the same concurrency: our GrpcChannel vs h2load.
# Rounds are interleaved (every target once per round) and the median round is reported, so a
# burst of load from other processes hits every target alike instead of one of them.
# Prints Markdown tables with absolute numbers and the ratios; artifacts go to bench/.out/.
#
# Settings (environment): CONNECTIONS=16 STREAMS=32 DURATION=8 WARMUP=10 ROUNDS=3 PAYLOAD_SIZE=64 H2LOAD_THREADS=1
#   SERVER_CPUS= LOAD_CPUS= (optional taskset pinning, e.g. SERVER_CPUS=0 LOAD_CPUS=1)
# Needs: dotnet SDK. Installs on a fresh Debian if missing: nghttp2-client, python3-grpcio,
# python3-protobuf, nodejs/npm (apt, as root), the Node peer's packages (npm ci).
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Warm-up run (not measured), then the measured run. Besides calls/s and latencies it records CPU
# per call of the server and of h2load: throughput on a shared machine follows whatever CPU the
# neighbours leave, CPU time per call much less so.
run_h2load() {
  local key=$1 round=$2
  local log_file="$OUT/$key.$round.h2load.tsv" output="$OUT/$key.$round.h2load.txt"
  h2load_load "$WARMUP" >"$output" 2>&1 || return 1
  local server_cpu_before server_cpu_after h2load_cpu
  server_cpu_before=$(process_cpu_seconds "$SERVER_PID")
  # bash's time keyword reports the CPU of h2load (a waited-for grandchild) as "user system".
  h2load_cpu=$({ TIMEFORMAT='%U %S'; time h2load_load "$DURATION" --log-file "$log_file" >"$output" 2>&1; } 2>&1) || return 1
  server_cpu_after=$(process_cpu_seconds "$SERVER_PID")
  printf '%s\t%s\t%s\n' "$key" "$round" "$("$PYTHON" "$BENCH_DIR/tools/h2load_stats.py" "$log_file" "$DURATION" \
    "$(awk -v a="$server_cpu_before" -v b="$server_cpu_after" 'BEGIN { print b - a }')" \
    "$(awk '{ print $1 + $2 }' <<<"$h2load_cpu")")" | tee -a "$RESULTS" >&2
}

# Usage: run_our_client KEY ROUND [NAME=VALUE...]  (environment for the client process)
run_our_client() {
  local key=$1 round=$2
  shift 2
  local result
  result=$(timeout $((WARMUP + DURATION + 60)) env "$@" "${LOAD_PIN[@]}" dotnet "$CLIENT_DLL" --address "$SERVER_URL" --connections "$CONNECTIONS" \
    --streams "$STREAMS" --warmup "$WARMUP" --duration "$DURATION" --payload-size "$PAYLOAD_SIZE" | grep '^RESULT ') || true
  [[ -n "$result" ]] || { log "our client ($key) failed in round $round"; return 0; }
  printf '%s\t%s\t%s\n' "$key" "$round" "$result" | tee -a "$RESULTS" >&2
}

# A target that fails is reported as "failed" in the table; the run goes on with the others.
bench_server() {
  local name=$1 round=$2
  log "round $round: $name"
  if start_server "$name"; then
    run_h2load "$name" "$round" || log "h2load against $name failed"
  fi
  stop_server
}

bench_clients() {
  local round=$1
  log "round $round: clients against our server"
  if start_server ours; then
    run_our_client client_ours "$round"
    # SocketsHttpHandler rents a 16 KiB response buffer per HTTP/2 stream from ArrayPool.Shared; with
    # hundreds of streams in flight the pool's per-core stacks run dry and every call allocates one.
    # Same client, with the pool sized for the load (a runtime knob, no code change):
    run_our_client client_ours_pool "$round" DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=$((CONNECTIONS * STREAMS))
    run_h2load client_h2load "$round" || log "h2load (client benchmark) failed"
  fi
  stop_server
}

machine_summary() {
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- Load average (1/5/15 min) at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- .NET SDK $(dotnet --version), $(h2load --version | head -1), node $(node --version), @grpc/grpc-js $(node -p "require('$BENCH_DIR/peers/node/node_modules/@grpc/grpc-js/package.json').version"), grpcio $("$PYTHON" -c 'import grpc; print(grpc.__version__)')"
  echo "- CPU pinning: server ${SERVER_CPUS:-not pinned}, load generators ${LOAD_CPUS:-not pinned}"
  echo "- Settings: ${ROUNDS} interleaved rounds, each server freshly started; payload $PAYLOAD_SIZE bytes; warm-up ${WARMUP} s (unmeasured h2load run), then measured ${DURATION} s:"
  echo "  \`h2load -c $CONNECTIONS -m $STREAMS -t $H2LOAD_THREADS -D $DURATION -d request.bin -H 'content-type: application/grpc' -H 'te: trailers' --log-file <log> http://127.0.0.1:<port>$ECHO_PATH\`"
  echo "- Client benchmark: \`Khcn.Bench.Client --connections $CONNECTIONS --streams $STREAMS --warmup $WARMUP --duration $DURATION\` (one GrpcChannel per connection, $STREAMS sequential callers each), then the h2load command above, against the same server"
}

main() {
  mkdir -p "$OUT"
  rm -f "$OUT"/*.h2load.tsv "$OUT"/*.h2load.txt "$OUT"/*.server.log "$RESULTS"
  touch "$RESULTS"
  ensure_prerequisites
  build
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  local servers=(ours bare grpcjs python)
  for round in $(seq 1 "$ROUNDS"); do
    # Rotate who goes first, so no server always inherits the previous one's aftermath.
    for i in "${!servers[@]}"; do
      bench_server "${servers[$(((i + round - 1) % ${#servers[@]}))]}" "$round"
    done
    bench_clients "$round"
  done
  {
    echo "### Results"
    echo
    machine_summary
    echo
    "$PYTHON" "$BENCH_DIR/tools/report.py" "$RESULTS"
  } | tee "$OUT/report.md"
}

main "$@"
