# Shared by bench/run.sh and bench/profile.sh (sourced, not run): paths, prerequisites, build,
# starting/stopping one server under test, and the one h2load command every measurement uses.

# Settings (environment overrides).
CONNECTIONS=${CONNECTIONS:-16}
STREAMS=${STREAMS:-32}
DURATION=${DURATION:-8}
# Tiered JIT (with PGO) needs seconds of load to reach steady state, longer on a busy machine.
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-3}
PAYLOAD_SIZE=${PAYLOAD_SIZE:-64}
# h2load gets one thread: on a 2-core machine that leaves the other core to the server under test.
H2LOAD_THREADS=${H2LOAD_THREADS:-1}
# Optional CPU pinning (taskset lists, e.g. SERVER_CPUS=0 LOAD_CPUS=1): the server then has exactly
# its own core(s) and never competes with the load generator. Empty = let the scheduler decide.
SERVER_CPUS=${SERVER_CPUS:-}
LOAD_CPUS=${LOAD_CPUS:-}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT="$BENCH_DIR/.out"
PYTHON=/usr/bin/python3 # Debian's, which has python3-grpcio; not a pyenv python on PATH.
ECHO_PATH=/khcn.bench.v1.EchoService/Echo
SERVER_DLL="$BENCH_DIR/Khcn.Bench.Server/bin/Release/net10.0/Khcn.Bench.Server.dll"
CLIENT_DLL="$BENCH_DIR/Khcn.Bench.Client/bin/Release/net10.0/Khcn.Bench.Client.dll"
REQUEST="$OUT/request.bin"
DESCRIPTOR_SET="$OUT/echo.desc"
RESULTS="$OUT/results.tsv"

export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Command prefixes for the pinning above. taskset execs its command, so $! stays the server's own PID.
SERVER_PIN=()
[[ -z "$SERVER_CPUS" ]] || SERVER_PIN=(taskset -c "$SERVER_CPUS")
LOAD_PIN=()
[[ -z "$LOAD_CPUS" ]] || LOAD_PIN=(taskset -c "$LOAD_CPUS")

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- no process left behind -------------------------------------------------------------------
# Usage: stop_pid [PID]  TERM, up to 10 s to exit (servers flush and print totals as they stop), then KILL; reaped.
stop_pid() {
  local pid=${1:-}
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

SERVER_PID=""
stop_server() {
  stop_pid "$SERVER_PID"
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# --- prerequisites ----------------------------------------------------------------------------
# Usage: ensure_prerequisites [--no-node]  (without the grpc-js peer, for runs that measure our server alone)
ensure_prerequisites() {
  local with_node=true
  [[ "${1:-}" != --no-node ]] || with_node=false
  command -v dotnet >/dev/null || { echo "dotnet SDK not found" >&2; exit 1; }
  local packages=()
  command -v h2load >/dev/null || packages+=(nghttp2-client)
  [[ -x "$PYTHON" ]] && "$PYTHON" -c 'import grpc, google.protobuf' 2>/dev/null || packages+=(python3 python3-grpcio python3-protobuf)
  if $with_node; then
    command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
  fi
  if ((${#packages[@]})); then
    log "installing ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
  $with_node || return 0
  local lock="$BENCH_DIR/peers/node/package-lock.json" installed="$BENCH_DIR/peers/node/node_modules/.package-lock.json"
  if [[ ! -f "$installed" || "$lock" -nt "$installed" ]]; then
    log "npm ci (bench/peers/node)"
    (cd "$BENCH_DIR/peers/node" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

protoc_path() {
  local version arch
  version=$(sed -n 's/.*PackageVersion Include="Grpc.Tools" Version="\([^"]*\)".*/\1/p' "$REPO_DIR/Directory.Packages.props")
  case "$(uname -m)" in
    x86_64) arch=linux_x64 ;;
    aarch64) arch=linux_arm64 ;;
    *) arch=linux_x86 ;;
  esac
  echo "${NUGET_PACKAGES:-$HOME/.nuget/packages}/grpc.tools/$version/tools/$arch/protoc"
}

# Usage: build [PROJECT_DIR...]  (default: the bench server and client). Release builds, then the descriptor set the
# grpcio probe loads and the request body h2load posts.
build() {
  local projects=("$@")
  ((${#projects[@]})) || projects=("$BENCH_DIR/Khcn.Bench.Server" "$BENCH_DIR/Khcn.Bench.Client")
  log "building $(printf '%s ' "${projects[@]##*/}")(Release)"
  local project
  for project in "${projects[@]}"; do
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
  done
  # Grpc.Tools' own protoc (restored by the build above) makes the descriptor set the Python peer loads.
  "$(protoc_path)" --proto_path="$BENCH_DIR/protos" --descriptor_set_out="$DESCRIPTOR_SET" khcn/bench/v1/echo.proto
  dotnet "$SERVER_DLL" write-request "$REQUEST" --payload-size "$PAYLOAD_SIZE"
}

# --- servers under test -----------------------------------------------------------------------
# Every server binds 127.0.0.1 port 0 and prints "LISTENING http://127.0.0.1:<port>" when ready.
# Usage: wait_listening PID OUTPUT_FILE -> prints the URL of its "LISTENING <url>" line.
wait_listening() {
  local pid=$1 output=$2 url
  for _ in $(seq 1 600); do
    url=$(grep -m1 "^LISTENING " "$output" 2>/dev/null | cut -d" " -f2) && [[ -n "$url" ]] && { echo "$url"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$output: no LISTENING line:" >&2
  cat "$output" >&2
  return 1
}

# Usage: start_server NAME [ARG...]  (ARGs go to our server: ours, bare)
start_server() {
  local name=$1
  shift
  local output="$OUT/$name.server.log"
  case "$name" in
    ours) "${SERVER_PIN[@]}" dotnet "$SERVER_DLL" grpc --payload-size "$PAYLOAD_SIZE" "$@" >"$output" 2>&1 & ;;
    bare) "${SERVER_PIN[@]}" dotnet "$SERVER_DLL" bare --payload-size "$PAYLOAD_SIZE" "$@" >"$output" 2>&1 & ;;
    grpcjs) "${SERVER_PIN[@]}" node "$BENCH_DIR/peers/node/server.js" >"$output" 2>&1 & ;;
    python) "${SERVER_PIN[@]}" "$PYTHON" "$BENCH_DIR/peers/python/echo_server.py" "$DESCRIPTOR_SET" >"$output" 2>&1 & ;;
  esac
  SERVER_PID=$!
  SERVER_URL=$(wait_listening "$SERVER_PID" "$output") || { echo "server '$name' did not start" >&2; return 1; }
  # h2load sees only :status 200; a real gRPC client checks grpc-status and the echoed bytes.
  "$PYTHON" "$BENCH_DIR/peers/python/echo_probe.py" "$DESCRIPTOR_SET" "${SERVER_URL#http://}" "$PAYLOAD_SIZE" >&2
}


# The same h2load load for every target: h2c prior knowledge, one framed EchoRequest per call.
# Usage: h2load_load SECONDS [extra h2load args...]
h2load_load() {
  local seconds=$1
  shift
  timeout $((seconds + 60)) "${LOAD_PIN[@]}" h2load -c "$CONNECTIONS" -m "$STREAMS" -t "$H2LOAD_THREADS" -D "$seconds" -d "$REQUEST" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$@" "$SERVER_URL$ECHO_PATH"
}

# User + system CPU seconds a live process has used so far (utime and stime of /proc/PID/stat).
process_cpu_seconds() {
  awk -v ticks="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / ticks }' "/proc/$1/stat"
}
