#!/usr/bin/env bash
# Redis client benchmark (issue #3): GET/SET throughput of Khcn.Redis with 50 concurrent callers against
# `redis-benchmark -c 50` (plain and -P 16) on the same redis-server, measured in one run, interleaved
# round by round so that machine noise hits all three alike. Prints a Markdown table with ratios.
#
# Settings (environment): CLIENTS=50 REQUESTS=200000 PIPELINE=16 DATA_SIZE=3 ROUNDS=3
set -euo pipefail

CLIENTS=${CLIENTS:-50}
REQUESTS=${REQUESTS:-200000}
PIPELINE=${PIPELINE:-16}
DATA_SIZE=${DATA_SIZE:-3}
ROUNDS=${ROUNDS:-3}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT="$HERE/Khcn.Bench.Redis/Khcn.Bench.Redis.csproj"
DLL="$HERE/Khcn.Bench.Redis/bin/Release/net10.0/Khcn.Bench.Redis.dll"
WORK=$(mktemp -d)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[bench-redis %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

for tool in redis-server redis-benchmark dotnet; do
    command -v "$tool" >/dev/null || { echo "bench-redis: $tool not found (scripts/install-prerequisites.sh installs redis)" >&2; exit 1; }
done

SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

log "building $(basename "$PROJECT") (Release)"
dotnet build -c Release --nologo -v quiet "$PROJECT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }

# A free loopback port: bind port 0, read it back, release it.
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" --protected-mode no >"$WORK/redis.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
    grep -q "Ready to accept connections" "$WORK/redis.log" && break
    sleep 0.1
done
grep -q "Ready to accept connections" "$WORK/redis.log" || { cat "$WORK/redis.log" >&2; exit 1; }
log "redis-server $(redis-server --version | awk '{print $3}') on 127.0.0.1:$PORT; $ROUNDS rounds of $REQUESTS requests, $CLIENTS clients, $DATA_SIZE-byte values"

# redis-benchmark --csv prints "SET","<rps>",... ; we keep "<op> <rps>".
redis_benchmark() { # $1 = pipeline depth, $2 = requests
    redis-benchmark -h 127.0.0.1 -p "$PORT" -c "$CLIENTS" -n "$2" -d "$DATA_SIZE" -P "$1" -t set,get --csv 2>/dev/null |
        tr -d '"' | awk -F, '$1=="SET"||$1=="GET" {printf "%s %.0f\n", $1, $2}'
}

: >"$WORK/results"
for round in $(seq "$ROUNDS"); do
    log "round $round/$ROUNDS"
    redis_benchmark 1 "$REQUESTS" | sed 's/^/plain /' >>"$WORK/results"
    redis_benchmark "$PIPELINE" $((REQUESTS * 5)) | sed 's/^/pipelined /' >>"$WORK/results"
    dotnet "$DLL" --port "$PORT" --clients "$CLIENTS" --requests "$REQUESTS" --data-size "$DATA_SIZE" | sed 's/^/khcn /' >>"$WORK/results"
done

median() { # $1 = tool, $2 = op
    awk -v t="$1" -v o="$2" '$1==t && $2==o {print $3}' "$WORK/results" | sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] : 0)}'
}

echo "| Operation | redis-benchmark -c $CLIENTS (ops/s) | redis-benchmark -c $CLIENTS -P $PIPELINE (ops/s) | Khcn.Redis, $CLIENTS callers (ops/s) | Khcn.Redis / plain | Khcn.Redis / -P $PIPELINE |"
echo "|---|---:|---:|---:|---:|---:|"
for op in SET GET; do
    plain=$(median plain "$op"); pipelined=$(median pipelined "$op"); khcn=$(median khcn "$op")
    awk -v op="$op" -v a="$plain" -v b="$pipelined" -v c="$khcn" \
        'BEGIN {printf "| %s | %d | %d | %d | %.2f× | %.2f× |\n", op, a, b, c, (a ? c/a : 0), (b ? c/b : 0)}'
done
echo
echo "Medians of $ROUNDS interleaved rounds; $(nproc) cores; redis-server $(redis-server --version | awk '{print $3}'); $(date -u +%Y-%m-%d)."
