#!/usr/bin/env bash
# Tasks service benchmark: bulk import and reads with 100,000 tasks.
# One run: Release builds of the real Provinces and Tasks services (production settings) — Provinces on its own SQLite
# file, Tasks on a fresh SQLite file or a throw-away PostgreSQL cluster, seeds off — then
#   1. TASKS generated tasks imported through ImportTasks, in client streams of STREAM_SIZE records one after another
#      (every record validated, province codes checked against Provinces): the import rate in records/s;
#   2. REQUESTS timed calls by one caller (after WARMUP_CALLS unmeasured ones) of ListTasks (page_size 50) on page 1
#      and on page 1,000 (its token found by following next_page_token once), without and with the filter
#      province_code = "44" (today's Quảng Trị, which also matches the closed code 45), and of SummarizeTasks grouped
#      by LEVEL, STATE over the whole country.
# Prints Markdown; artifacts go to bench/tasks/.out/<provider>/.
#
# Usage: bench/tasks/run.sh [--postgres]
#   --postgres  a throw-away PostgreSQL 15 cluster (temp directory, free loopback port) instead of a SQLite file
# Settings (environment): TASKS=100000 STREAM_SIZE=20000 REQUESTS=2000 WARMUP_CALLS=200
#   ROW_SECONDS=60 (a row stops starting calls after this long)
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=bench/Khcn.Bench.Common/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Khcn.Bench.Common/services.sh"

TASKS=${TASKS:-100000}
STREAM_SIZE=${STREAM_SIZE:-20000}
REQUESTS=${REQUESTS:-2000}
WARMUP_CALLS=${WARMUP_CALLS:-200}
ROW_SECONDS=${ROW_SECONDS:-60}

read_provider "$@"

TASKS_DIR="$BENCH_DIR/tasks"
TASKS_OUT="$TASKS_DIR/.out/$PROVIDER"
TASKS_DLL="$REPO_DIR/src/Services/Tasks/bin/Release/net10.0/Khcn.Tasks.dll"
BENCH_DLL="$TASKS_DIR/Khcn.Bench.Tasks/bin/Release/net10.0/Khcn.Bench.Tasks.dll"

mkdir -p "$TASKS_OUT"
log "building the Provinces and Tasks services and the benchmark client (Release)"
build_release "$PROVINCES_PROJECT" "$REPO_DIR/src/Services/Tasks/Khcn.Tasks.csproj" \
  "$TASKS_DIR/Khcn.Bench.Tasks/Khcn.Bench.Tasks.csproj"

start_provinces_reference "$TASKS_OUT"
use_database "$PROVIDER" tasks "$TASKS_OUT"
start_measured_service Tasks "$TASKS_DLL" "$TASKS_OUT/tasks.log"
TASKS_URL=$SERVICE_URL

log "importing $TASKS tasks (streams of $STREAM_SIZE)"
"${LOAD_PIN[@]}" dotnet "$BENCH_DLL" import --address "$TASKS_URL" --provinces "$PROVINCES_URL" \
  --tasks "$TASKS" --stream-size "$STREAM_SIZE" >"$TASKS_OUT/import.txt"
read -r _ IMPORTED IMPORT_SECONDS CREATED _ REJECTED <"$TASKS_OUT/import.txt"

measure_one_caller "$BENCH_DLL" "$TASKS_URL" "$TASKS_OUT/table.md"

{
  echo "### Tasks on $PROVIDER"
  echo
  describe_machine
  describe_measured_database
  echo "- Data: $IMPORTED generated tasks (every level, kind, field and state; 30% under code 44, 26% under the closed" \
    "code 45 dated before 2025-07-01, the rest over the other 33 open and, dated before their closure, the other closed codes)"
  echo "- Import: ImportTasks, client streams of $STREAM_SIZE records one after another: $CREATED created, $REJECTED rejected" \
    "in ${IMPORT_SECONDS} s = **$(awk -v n="$IMPORTED" -v s="$IMPORT_SECONDS" 'BEGIN { printf "%.0f", n / s }') records/s**"
  describe_one_caller_rows
  echo
  cat "$TASKS_OUT/table.md"
} | tee "$TASKS_OUT/report.md"
