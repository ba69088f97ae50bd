#!/usr/bin/env bash
# Cost of authentication and TLS on our gRPC server (issue #9). One run measures the bench's Echo hosted the way every
# Khcn service is (bench/security/Khcn.Bench.SecureEcho: AddServiceDefaults, so the caller authentication
# interceptor, transport security and hardening of the services) under the same h2load load as bench/run.sh, in modes:
#   off                 h2c, authentication off (no Authentication:Jwt:Issuers): the baseline
#   jwt-rs256-nocache   h2c, an RS256 bearer token on every call, validated in full every time (TokenCache:MaxEntries=0)
#   jwt-rs256           the same with the validated-token cache (the default)
#   jwt-es256-nocache   an ES256 token, validated in full every time
#   jwt-es256           the same with the cache
#   tls                 https (TLS 1.3, the dev CA's server certificate), authentication off
#   tls-jwt-rs256       https + RS256 token with the cache: what a secured service runs
# mTLS is not measured: h2load cannot present a client certificate (no such option in nghttp2's h2load). The client
# certificate is checked once per connection during the handshake, and h2load keeps its 16 connections for the whole
# run, so its per-call cost would be nil here anyway.
# Rounds are interleaved (every mode once per round, rotating order, a fresh server each time); the median round is
# reported with the ratios to "off". Artifacts go to bench/security/.out/.
#
# Settings (environment), as bench/run.sh: CONNECTIONS=16 STREAMS=32 DURATION=8 WARMUP=10 ROUNDS=3 PAYLOAD_SIZE=64
#   H2LOAD_THREADS=1 SERVER_CPUS= LOAD_CPUS=   MODES="off jwt-rs256 ..." to run a subset.
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SECURITY_DIR="$BENCH_DIR/security"
OUT="$SECURITY_DIR/.out"
REQUEST="$OUT/request.bin"
DESCRIPTOR_SET="$OUT/echo.desc"
RESULTS="$OUT/results.tsv"
CREDENTIALS="$OUT/credentials"
SECURE_ECHO_DLL="$SECURITY_DIR/Khcn.Bench.SecureEcho/bin/Release/net10.0/Khcn.Bench.SecureEcho.dll"
read -r -a MODES <<<"${MODES:-off jwt-rs256-nocache jwt-rs256 jwt-es256-nocache jwt-es256 tls tls-jwt-rs256}"
ISSUER=https://issuer.bench.khcn.test
AUDIENCE=khcn-bench

# Usage: mode_settings MODE -> sets SERVER_ARGS (configuration for the server), SCHEME, TOKEN_FILE.
mode_settings() {
  local mode=$1
  SCHEME=http
  TOKEN_FILE=""
  SERVER_ARGS=(--Kestrel:Endpoints:Echo:Protocols=Http2)
  case "$mode" in
    tls*)
      SCHEME=https
      SERVER_ARGS+=(--Kestrel:Endpoints:Echo:Certificate:Path="$CREDENTIALS/server.crt"
        --Kestrel:Endpoints:Echo:Certificate:KeyPath="$CREDENTIALS/server.key") ;;
  esac
  SERVER_ARGS+=(--Kestrel:Endpoints:Echo:Url="$SCHEME://127.0.0.1:0")
  case "$mode" in
    *jwt-rs256*) TOKEN_FILE="$CREDENTIALS/rs256.jwt" ;;
    *jwt-es256*) TOKEN_FILE="$CREDENTIALS/es256.jwt" ;;
  esac
  if [[ -n "$TOKEN_FILE" ]]; then
    SERVER_ARGS+=(--Authentication:Jwt:Issuers:0="$ISSUER" --Authentication:Jwt:Audience="$AUDIENCE"
      --Authentication:Jwt:SigningKeys:0="$CREDENTIALS/rsa.pub.pem" --Authentication:Jwt:SigningKeys:1="$CREDENTIALS/ec.pub.pem")
  fi
  [[ "$mode" != *-nocache ]] || SERVER_ARGS+=(--Authentication:Jwt:TokenCache:MaxEntries=0)
}

start_secure_server() {
  local mode=$1 output="$OUT/$1.$2.server.log"
  "${SERVER_PIN[@]}" dotnet "$SECURE_ECHO_DLL" serve "${SERVER_ARGS[@]}" >"$output" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=$(wait_listening "$SERVER_PID" "$output") || { echo "server ($mode) did not start" >&2; return 1; }
  local probe=("$DESCRIPTOR_SET" "${SERVER_URL#*://}" "$PAYLOAD_SIZE")
  [[ "$SCHEME" != https ]] || probe+=(--ca "$CREDENTIALS/ca.crt")
  [[ -z "$TOKEN_FILE" ]] || probe+=(--token "$TOKEN_FILE")
  "$PYTHON" "$SECURITY_DIR/probe.py" "${probe[@]}" >&2
}

# Usage: load SECONDS [h2load args...]: bench/common.sh's h2load command, with the mode's token on every call.
load() {
  local seconds=$1
  shift
  if [[ -n "$TOKEN_FILE" ]]; then
    h2load_load "$seconds" -H "authorization: Bearer $(cat "$TOKEN_FILE")" "$@"
  else
    h2load_load "$seconds" "$@"
  fi
}

# Calls h2load got a 2xx for, from its summary ("requests: N total, N started, N done, N succeeded, ...").
succeeded_calls() {
  sed -n 's/^requests: .* \([0-9][0-9]*\) succeeded,.*/\1/p' "$1"
}

bench_mode() {
  local mode=$1 round=$2
  local log_file="$OUT/$mode.$round.h2load.tsv" warmup_output="$OUT/$mode.$round.warmup.txt" output="$OUT/$mode.$round.h2load.txt"
  log "round $round: $mode"
  mode_settings "$mode"
  if ! start_secure_server "$mode" "$round" || ! load "$WARMUP" >"$warmup_output" 2>&1; then
    log "server ($mode) failed"; stop_server; return 0
  fi

  local server_before h2load_cpu server_after
  server_before=$(process_cpu_seconds "$SERVER_PID")
  # bash's time keyword reports the CPU of h2load (a waited-for grandchild) as "user system".
  if ! h2load_cpu=$({ TIMEFORMAT='%U %S'; time load "$DURATION" --log-file "$log_file" >"$output" 2>&1; } 2>&1); then
    log "h2load against $mode failed"; stop_server; return 0
  fi
  server_after=$(process_cpu_seconds "$SERVER_PID")
  stop_server

  # Every call h2load saw succeed (probe's 3, warm-up, measured run) must have reached Echo: a refused call is
  # HTTP 200 too, so fewer answers than that would mean the mode measured refusals.
  local answered sent
  answered=$(sed -n 's/^ANSWERED calls=\([0-9]*\)$/\1/p' "$OUT/$mode.$round.server.log")
  sent=$((3 + $(succeeded_calls "$warmup_output") + $(succeeded_calls "$output")))
  local result
  result=$("$PYTHON" "$BENCH_DIR/tools/h2load_stats.py" "$log_file" "$DURATION" \
    "$(awk -v a="$server_before" -v b="$server_after" 'BEGIN { print b - a }')" "$(awk '{ print $1 + $2 }' <<<"$h2load_cpu")")
  printf '%s\t%s\t%s answered=%s succeeded=%s\n' "$mode" "$round" "$result" "${answered:-0}" "$sent" | tee -a "$RESULTS" >&2
}

machine_summary() {
  local identity
  identity=$(sed -n 's/.*PackageVersion Include="Microsoft.IdentityModel.JsonWebTokens" Version="\([^"]*\)".*/\1/p' "$REPO_DIR/Directory.Packages.props")
  echo "- Command: \`CONNECTIONS=$CONNECTIONS STREAMS=$STREAMS DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS PAYLOAD_SIZE=$PAYLOAD_SIZE H2LOAD_THREADS=$H2LOAD_THREADS SERVER_CPUS=$SERVER_CPUS LOAD_CPUS=$LOAD_CPUS bench/security/run.sh\`"
  echo "- Date (UTC): $RUN_STARTED – $(date -u '+%H:%M')"
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- Load average (1/5/15 min) at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- .NET SDK $(dotnet --version), Microsoft.IdentityModel.JsonWebTokens $identity, $(openssl version 2>/dev/null || echo openssl), $(h2load --version | head -1)"
  echo "- Tokens: RSA 2048 (RS256) and P-256 (ES256), $(wc -c <"$CREDENTIALS/rs256.jwt") and $(wc -c <"$CREDENTIALS/es256.jwt") bytes; server certificate: the dev CA's (ECDSA P-256)"
  echo "- CPU pinning: server ${SERVER_CPUS:-not pinned}, load generator ${LOAD_CPUS:-not pinned}"
  echo "- Per mode and round, a fresh server: grpcio probe, warm-up ${WARMUP} s (unmeasured h2load run), then measured ${DURATION} s:"
  echo "  \`h2load -c $CONNECTIONS -m $STREAMS -t $H2LOAD_THREADS -D $DURATION -d request.bin -H 'content-type: application/grpc' -H 'te: trailers' [-H 'authorization: Bearer <token>'] --log-file <log> http[s]://127.0.0.1:<port>$ECHO_PATH\`"
}

main() {
  mkdir -p "$OUT"
  rm -f "$OUT"/*.h2load.tsv "$OUT"/*.txt "$OUT"/*.log "$RESULTS"
  touch "$RESULTS"
  ensure_prerequisites --no-node
  build "$BENCH_DIR/Khcn.Bench.Server" "$SECURITY_DIR/Khcn.Bench.SecureEcho"
  rm -rf "$CREDENTIALS"
  dotnet "$SECURE_ECHO_DLL" prepare "$CREDENTIALS"
  RUN_STARTED=$(date -u '+%Y-%m-%d %H:%M')
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  for round in $(seq 1 "$ROUNDS"); do
    # Rotate who goes first, so no mode always inherits the previous one's aftermath.
    for i in "${!MODES[@]}"; do
      bench_mode "${MODES[$(((i + round - 1) % ${#MODES[@]}))]}" "$round"
    done
  done
  {
    echo "### Results: cost of authentication and TLS"
    echo
    machine_summary
    echo
    "$PYTHON" "$SECURITY_DIR/report.py" "$RESULTS"
    echo
    echo "The validator alone (\`Khcn.Bench.SecureEcho validator\`: BearerToken.TryRead + ValidateAsync in a loop, one thread, after the rounds):"
    echo
    echo '```'
    "${SERVER_PIN[@]}" dotnet "$SECURE_ECHO_DLL" validator "$CREDENTIALS"
    echo '```'
  } | tee "$OUT/report.md"
}

main "$@"
