#!/usr/bin/env bash
# AppHost start-up benchmark: how long `dotnet Khcn.AppHost.dll` takes from launch to "all N resources healthy"
# (Redis, optionally PostgreSQL, and the three services answering gRPC health), after a Release build.
# Scenarios, RUNS runs each:
#   warm      Redis + SQLite on databases that already exist (migrated and seeded by an unmeasured first run)
#   cold      Redis + SQLite on empty databases: every run migrates and loads every seed
#   postgres  --postgres: a throw-away cluster per run (initdb included), databases created and seeded
# Two figures per run: the AppHost's own ("all N resources healthy in X s", measured from its process start) and the
# wall time this script sees from launching dotnet to reading that line (adds the dotnet host's start). Each run is
# stopped with SIGTERM and waited for before the next.
# Prints a Markdown table (median and min–max of both figures); console logs go to OUT_DIR (a temp folder).
#
# Usage: bench/apphost/run.sh [--runs N]
#   --runs N  runs per scenario (default 5; or RUNS=N)
# Settings (environment): RUNS=5 READY_TIMEOUT=300 (seconds without a line before a run counts as failed)
#   OUT_DIR (default: a new /tmp/khcn-bench-apphost-* folder)
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=bench/Khcn.Bench.Common/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Khcn.Bench.Common/services.sh"

RUNS=${RUNS:-5}
READY_TIMEOUT=${READY_TIMEOUT:-300}
while (($#)); do
  case "$1" in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "--runs wants a positive number, not '$RUNS'" >&2; exit 2; }

APPHOST_PROJECT="$REPO_DIR/src/AppHost/Khcn.AppHost.csproj"
APPHOST_DLL="$REPO_DIR/src/AppHost/bin/Release/net10.0/Khcn.AppHost.dll"
OUT_DIR=${OUT_DIR:-$(mktemp -d /tmp/khcn-bench-apphost-XXXXXX)}
RESULTS="$OUT_DIR/results.tsv"
APPHOST_PID=""

# --- one AppHost at a time, never left behind --------------------------------------------------------------------
# SIGTERM lets the AppHost stop its children itself; only if it hangs are they killed here, found by parent pid
# before the AppHost goes (its children run in sessions of their own, so no process group reaches them all).
stop_apphost() {
  [[ -n "$APPHOST_PID" ]] || return 0
  if kill -0 "$APPHOST_PID" 2>/dev/null; then
    local children
    children=$(ps -o pid= --ppid "$APPHOST_PID" || true)
    kill -TERM "$APPHOST_PID" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$APPHOST_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$APPHOST_PID" 2>/dev/null; then
      log "the AppHost did not stop within 60 s: killing it and its children"
      # shellcheck disable=SC2086 # one pid per word
      kill -KILL "$APPHOST_PID" $children 2>/dev/null || true
    fi
  fi
  wait "$APPHOST_PID" 2>/dev/null || true
  APPHOST_PID=""
}
trap 'stop_apphost; stop_server; stop_services; stop_postgres' EXIT

# Usage: database_environment FOLDER — the SQLite paths the services get (ignored with --postgres).
database_environment() {
  echo "Database__provincesdb__Path=$1/provinces.db Database__tasksdb__Path=$1/tasks.db Database__ipdb__Path=$1/ip.db"
}

# Usage: remove_databases FOLDER — the SQLite files and their WAL, for a run on empty databases.
remove_databases() {
  local name
  for name in provinces tasks ip; do fresh_sqlite_file "$name" "$1" >/dev/null; done
}

# Usage: start_once LOG DATABASE_FOLDER [AppHost arguments...] — launches the AppHost, reads its console (also into
# LOG) until the ready line, then stops it. Sets RESOURCES, APPHOST_SECONDS and WALL_SECONDS.
start_once() {
  local log_file=$1 databases=$2 fifo="$OUT_DIR/console.fifo" line started ready=""
  shift 2
  rm -f "$fifo"
  mkfifo "$fifo"
  : >"$log_file"
  started=$(date +%s.%N)
  # shellcheck disable=SC2046 # database_environment is NAME=VALUE words for env
  env AppHost__RunsRoot="$OUT_DIR/runs" $(database_environment "$databases") dotnet "$APPHOST_DLL" "$@" >"$fifo" 2>&1 &
  APPHOST_PID=$!
  exec 3<"$fifo"
  # The console arrives line by line through the FIFO: the wall figure is taken the moment the line is printed.
  while IFS= read -r -t "$READY_TIMEOUT" line <&3; do
    printf '%s\n' "$line" >>"$log_file"
    if [[ "$line" =~ all\ ([0-9]+)\ resources\ healthy\ in\ ([0-9.]+)\ s ]]; then
      ready=$(date +%s.%N)
      RESOURCES=${BASH_REMATCH[1]}
      APPHOST_SECONDS=${BASH_REMATCH[2]}
      break
    fi
  done
  # Keep draining while it stops: a full pipe would block the AppHost's logging.
  cat <&3 >>"$log_file" &
  local drain=$!
  exec 3<&-
  stop_apphost
  wait "$drain" 2>/dev/null || true
  rm -f "$fifo"
  if [[ -z "$ready" ]]; then
    echo "the AppHost did not report all resources healthy ($log_file):" >&2
    tail -n 40 "$log_file" >&2
    return 1
  fi
  WALL_SECONDS=$(awk -v a="$started" -v b="$ready" 'BEGIN { printf "%.2f", b - a }')
}

# Usage: run_scenario NAME — RUNS measured runs, one line each in RESULTS.
run_scenario() {
  local scenario=$1 databases="$OUT_DIR/$1" run arguments=()
  mkdir -p "$databases"
  [[ "$scenario" == postgres ]] && arguments=(--postgres)
  if [[ "$scenario" == warm ]]; then
    log "warm: an unmeasured first run creates and seeds the databases"
    remove_databases "$databases"
    start_once "$OUT_DIR/warm.prime.log" "$databases"
  fi
  for run in $(seq 1 "$RUNS"); do
    [[ "$scenario" == cold ]] && remove_databases "$databases"
    start_once "$OUT_DIR/$scenario.$run.log" "$databases" "${arguments[@]}"
    log "$scenario run $run/$RUNS: $RESOURCES resources healthy in $APPHOST_SECONDS s (AppHost), $WALL_SECONDS s (wall)"
    printf '%s\t%s\t%s\t%s\n' "$scenario" "$RESOURCES" "$APPHOST_SECONDS" "$WALL_SECONDS" >>"$RESULTS"
  done
}

# Usage: summarize COLUMN SCENARIO — "median (min–max)" of a RESULTS column over the scenario's runs.
summarize() {
  awk -F'\t' -v column="$1" -v scenario="$2" '$1 == scenario { print $column }' "$RESULTS" | sort -g |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f (%.2f–%.2f)", m, v[1], v[NR] }'
}

log "building the AppHost and the services it runs (Release)"
build_release "$APPHOST_PROJECT"
: >"$RESULTS"
log "$RUNS runs per scenario; console logs in $OUT_DIR"
for scenario in warm cold postgres; do
  run_scenario "$scenario"
done

{
  echo "### AppHost start-up: launch to all resources healthy"
  echo
  echo "- Command: bench/apphost/run.sh --runs $RUNS"
  describe_machine
  echo "- AppHost figure: its own \"all N resources healthy in X s\", from its process start; wall: this script, from" \
    "launching dotnet to reading that line. Median (min–max) of $RUNS runs, in seconds."
  echo
  echo "| Scenario | Resources | AppHost figure (s) | Wall from launch (s) |"
  echo "|---|---:|---:|---:|"
  for scenario in warm cold postgres; do
    case "$scenario" in
      warm) description="Redis + SQLite, existing databases" ;;
      cold) description="Redis + SQLite, empty databases (seeds load)" ;;
      postgres) description="Redis + PostgreSQL (--postgres; initdb, seeds load)" ;;
    esac
    resources=$(awk -F'\t' -v s="$scenario" '$1 == s { print $2; exit }' "$RESULTS")
    echo "| $description | $resources | $(summarize 3 "$scenario") | $(summarize 4 "$scenario") |"
  done
} | tee "$OUT_DIR/report.md"
