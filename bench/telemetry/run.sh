#!/usr/bin/env bash
# Cost of tracing on our gRPC server (issue #8). One run measures our server (bench/Khcn.Bench.Server, mode grpc)
# under the same h2load load as bench/run.sh, in three telemetry modes:
#   off     no listener: the runtime creates no Activity (the zero-cost path);
#   listen  OpenTelemetry SDK tracer + meter providers (AlwaysOn) whose exporters drop everything, behind the SDK's
#           batch processor / periodic reader: instrumentation + SDK processing;
#   export  the same with the OTLP/gRPC exporter, sending to a real receiver (Khcn.Bench.TelemetryReceiver: our
#           runtime + the dashboard's TelemetryStore), which counts the spans it got.
# Rounds are interleaved (every mode once per round, rotating order, a fresh server each time) and the median round
# is reported with the ratios to "off". Artifacts go to bench/telemetry/.out/.
#
# Settings (environment), as bench/run.sh: CONNECTIONS=16 STREAMS=32 DURATION=8 WARMUP=10 ROUNDS=3 PAYLOAD_SIZE=64
#   H2LOAD_THREADS=1 SERVER_CPUS= LOAD_CPUS=  (the receiver runs with the load generator's pinning).
# The server inherits the environment: OTEL_BSP_MAX_QUEUE_SIZE etc. size the span batch queue in listen and export.
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

TELEMETRY_DIR="$BENCH_DIR/telemetry"
OUT="$TELEMETRY_DIR/.out"
REQUEST="$OUT/request.bin"
DESCRIPTOR_SET="$OUT/echo.desc"
RESULTS="$OUT/results.tsv"
RECEIVER_DLL="$TELEMETRY_DIR/Khcn.Bench.TelemetryReceiver/bin/Release/net10.0/Khcn.Bench.TelemetryReceiver.dll"
MODES=(off listen export)

RECEIVER_PID=""
RECEIVER_URL=""
stop_receiver() {
  stop_pid "$RECEIVER_PID"
  RECEIVER_PID=""
}
trap 'stop_server; stop_receiver' EXIT

start_receiver() {
  local output="$OUT/receiver.$1.log"
  "${LOAD_PIN[@]}" dotnet "$RECEIVER_DLL" >"$output" 2>&1 &
  RECEIVER_PID=$!
  RECEIVER_URL=$(wait_listening "$RECEIVER_PID" "$output")
}

# Usage: start_traced_server MODE  (bench/common.sh's start_server with the telemetry options)
start_traced_server() {
  local telemetry=(--telemetry "$1")
  [[ "$1" != export ]] || telemetry+=(--otlp-endpoint "$RECEIVER_URL")
  start_server ours "${telemetry[@]}"
}

# Calls h2load got a 2xx for, from its summary ("requests: N total, N started, N done, N succeeded, ...").
succeeded_calls() {
  sed -n 's/^requests: .* \([0-9][0-9]*\) succeeded,.*/\1/p' "$1"
}

# Usage: receiver_fields ROUND CALLS_SERVED -> the receiver's totals as extra RESULT fields (after it stopped).
receiver_fields() {
  local line
  line=$(grep -m1 '^RECEIVED ' "$OUT/receiver.$1.log") || { log "receiver printed no totals (round $1)"; return 0; }
  awk -v served="$2" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf " calls_served=%d spans=%d spans_grpc=%d spans_aspnetcore=%d trace_exports=%d metric_exports=%d durations_recorded=%d",
      served, v["spans"], v["spans[Grpc.AspNetCore.Server]"], v["spans[Microsoft.AspNetCore]"], v["trace_exports"],
      v["metric_exports"], v["durations_recorded"]
  }' <<<"$line"
}

bench_mode() {
  local mode=$1 round=$2
  local log_file="$OUT/$mode.$round.h2load.tsv" warmup_output="$OUT/$mode.$round.warmup.txt" output="$OUT/$mode.$round.h2load.txt"
  log "round $round: telemetry $mode"
  if [[ "$mode" == export ]] && ! start_receiver "$round"; then
    log "receiver did not start"; stop_receiver; return 0
  fi
  if ! start_traced_server "$mode" || ! h2load_load "$WARMUP" >"$warmup_output" 2>&1; then
    log "server ($mode) failed"; stop_server; stop_receiver; return 0
  fi

  local server_before receiver_before=0 receiver_after=0 h2load_cpu server_after
  server_before=$(process_cpu_seconds "$SERVER_PID")
  [[ -z "$RECEIVER_PID" ]] || receiver_before=$(process_cpu_seconds "$RECEIVER_PID")
  # bash's time keyword reports the CPU of h2load (a waited-for grandchild) as "user system".
  if ! h2load_cpu=$({ TIMEFORMAT='%U %S'; time h2load_load "$DURATION" --log-file "$log_file" >"$output" 2>&1; } 2>&1); then
    log "h2load against $mode failed"; stop_server; stop_receiver; return 0
  fi
  server_after=$(process_cpu_seconds "$SERVER_PID")
  [[ -z "$RECEIVER_PID" ]] || receiver_after=$(process_cpu_seconds "$RECEIVER_PID")
  # The server flushes its queued spans as it stops; the receiver prints its totals as it stops, after that.
  stop_server
  stop_receiver

  local result extra=""
  result=$("$PYTHON" "$BENCH_DIR/tools/h2load_stats.py" "$log_file" "$DURATION" \
    "$(awk -v a="$server_before" -v b="$server_after" 'BEGIN { print b - a }')" "$(awk '{ print $1 + $2 }' <<<"$h2load_cpu")")
  if [[ "$mode" == export ]]; then
    # Every call the server answered: the probe, the warm-up and the measured run.
    local warmup_calls measured_calls
    warmup_calls=$(succeeded_calls "$warmup_output")
    measured_calls=$(succeeded_calls "$output")
    local served=$((1 + ${warmup_calls:-0} + ${measured_calls:-0}))
    extra="$(receiver_fields "$round" "$served") receiver_cpu_s=$(awk -v a="$receiver_before" -v b="$receiver_after" 'BEGIN { print b - a }')"
  fi
  printf '%s\t%s\t%s%s\n' "$mode" "$round" "$result" "$extra" | tee -a "$RESULTS" >&2
}

machine_summary() {
  local otel
  otel=$(sed -n 's/.*PackageVersion Include="OpenTelemetry" Version="\([^"]*\)".*/\1/p' "$REPO_DIR/Directory.Packages.props")
  echo "- Command: \`CONNECTIONS=$CONNECTIONS STREAMS=$STREAMS DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS PAYLOAD_SIZE=$PAYLOAD_SIZE H2LOAD_THREADS=$H2LOAD_THREADS SERVER_CPUS=$SERVER_CPUS LOAD_CPUS=$LOAD_CPUS bench/telemetry/run.sh\`"
  echo "- Date (UTC): $RUN_STARTED – $(date -u '+%H:%M')"
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- Load average (1/5/15 min) at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- .NET SDK $(dotnet --version), OpenTelemetry SDK + OTLP exporter $otel, $(h2load --version | head -1)"
  echo "- Span batch queue (OTEL_BSP_MAX_QUEUE_SIZE): ${OTEL_BSP_MAX_QUEUE_SIZE:-2048, the SDK default}"
  echo "- CPU pinning: server ${SERVER_CPUS:-not pinned}, load generator and receiver ${LOAD_CPUS:-not pinned}"
  echo "- Per mode and round, a fresh server: warm-up ${WARMUP} s (unmeasured h2load run), then measured ${DURATION} s:"
  echo "  \`h2load -c $CONNECTIONS -m $STREAMS -t $H2LOAD_THREADS -D $DURATION -d request.bin -H 'content-type: application/grpc' -H 'te: trailers' --log-file <log> http://127.0.0.1:<port>$ECHO_PATH\`"
}

main() {
  mkdir -p "$OUT"
  rm -f "$OUT"/*.h2load.tsv "$OUT"/*.txt "$OUT"/*.log "$RESULTS"
  touch "$RESULTS"
  ensure_prerequisites --no-node
  build "$BENCH_DIR/Khcn.Bench.Server" "$TELEMETRY_DIR/Khcn.Bench.TelemetryReceiver"
  RUN_STARTED=$(date -u '+%Y-%m-%d %H:%M')
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  for round in $(seq 1 "$ROUNDS"); do
    # Rotate who goes first, so no mode always inherits the previous one's aftermath.
    for i in "${!MODES[@]}"; do
      bench_mode "${MODES[$(((i + round - 1) % ${#MODES[@]}))]}" "$round"
    done
  done
  {
    echo "### Results: cost of tracing"
    echo
    machine_summary
    echo
    "$PYTHON" "$TELEMETRY_DIR/report.py" "$RESULTS"
  } | tee "$OUT/report.md"
}

main "$@"
