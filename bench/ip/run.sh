#!/usr/bin/env bash
# IntellectualProperty service benchmark: List and Summarize over 100,000 assets.
# One run: Release builds of the real Provinces and IntellectualProperty services (production settings) — Provinces on
# its own SQLite file, IP on a fresh SQLite file or a throw-away PostgreSQL cluster, seeds off — then
#   1. THROUGH_API generated assets filed through CreateAsset by CONCURRENCY callers at once (every asset validated, its
#      province code checked against Provinces, a FILED history entry and the request_id record written): the rate of
#      the real write path in assets/s. There is no bulk import RPC, and CreateAsset only files, so
#   2. the other ASSETS - THROUGH_API assets, with a mix of lifecycle states, are written as rows with the service's own
#      IpDbContext and AssetMapping (the derived columns and terms the service computes; no history entries);
#   3. REQUESTS timed calls by one caller (after WARMUP_CALLS unmeasured ones) of ListAssets (page_size 50) on page 1, on
#      page 1,000 (its token found by following next_page_token once), with province_code = "44" (today's Quảng Trị,
#      which also matches the closed code 45) and with a bare text filter, and of SummarizeAssets grouped by KIND, STATE
#      over the country and by FILING_YEAR for province 44.
# Prints Markdown; artifacts go to bench/ip/.out/<provider>/.
#
# Usage: bench/ip/run.sh [--postgres]
#   --postgres  a throw-away PostgreSQL 15 cluster (temp directory, free loopback port) instead of a SQLite file
# Settings (environment): ASSETS=100000 THROUGH_API=20000 CONCURRENCY=8 REQUESTS=2000 WARMUP_CALLS=200
#   ROW_SECONDS=60 (a row stops starting calls after this long)
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=bench/Khcn.Bench.Common/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Khcn.Bench.Common/services.sh"

ASSETS=${ASSETS:-100000}
THROUGH_API=${THROUGH_API:-20000}
CONCURRENCY=${CONCURRENCY:-8}
REQUESTS=${REQUESTS:-2000}
WARMUP_CALLS=${WARMUP_CALLS:-200}
ROW_SECONDS=${ROW_SECONDS:-60}

read_provider "$@"

IP_DIR="$BENCH_DIR/ip"
IP_OUT="$IP_DIR/.out/$PROVIDER"
IP_DLL="$REPO_DIR/src/Services/IntellectualProperty/bin/Release/net10.0/Khcn.IntellectualProperty.dll"
BENCH_DLL="$IP_DIR/Khcn.Bench.Ip/bin/Release/net10.0/Khcn.Bench.Ip.dll"

mkdir -p "$IP_OUT"
log "building the Provinces and IntellectualProperty services and the benchmark client (Release)"
build_release "$PROVINCES_PROJECT" "$REPO_DIR/src/Services/IntellectualProperty/Khcn.IntellectualProperty.csproj" \
  "$IP_DIR/Khcn.Bench.Ip/Khcn.Bench.Ip.csproj"

start_provinces_reference "$IP_OUT"
use_database "$PROVIDER" ip "$IP_OUT"
# The loader writes its rows to the same database: the SQLite path or the connection string, after the first '='.
DATABASE_TARGET=${DATABASE_ARGS[0]#*=}
start_measured_service IntellectualProperty "$IP_DLL" "$IP_OUT/ip.log"
IP_URL=$SERVICE_URL

log "loading $ASSETS assets ($THROUGH_API through CreateAsset by $CONCURRENCY callers, the rest as rows)"
"${LOAD_PIN[@]}" dotnet "$BENCH_DLL" load --address "$IP_URL" --provinces "$PROVINCES_URL" \
  --provider "$PROVIDER" --database "$DATABASE_TARGET" \
  --assets "$ASSETS" --through-api "$THROUGH_API" --concurrency "$CONCURRENCY" >"$IP_OUT/load.txt"
read -r _ CREATED CREATE_SECONDS CREATE_ERRORS INSERTED INSERT_SECONDS <"$IP_OUT/load.txt"

measure_one_caller "$BENCH_DLL" "$IP_URL" "$IP_OUT/table.md"

{
  echo "### IntellectualProperty on $PROVIDER"
  echo
  describe_machine
  describe_measured_database
  echo "- Data: $((CREATED + INSERTED)) generated assets (55% marks of every sub-kind, 20% industrial designs, 12% inventions," \
    "10% utility solutions, 3% GIs; every state; filed 2005 to today; 15% under code 44, 10% under the closed code 45" \
    "filed before 2025-07-01, the rest over the other open and, filed before their closure, closed codes)"
  echo "- CreateAsset (the real write path), $CONCURRENCY callers: $CREATED created, $CREATE_ERRORS failed in ${CREATE_SECONDS} s" \
    "= **$(awk -v n="$CREATED" -v s="$CREATE_SECONDS" 'BEGIN { printf "%.0f", n / s }') assets/s**"
  echo "- Rows written with IpDbContext/AssetMapping (no RPC, no history): $INSERTED in ${INSERT_SECONDS} s"
  describe_one_caller_rows
  echo
  cat "$IP_OUT/table.md"
} | tee "$IP_OUT/report.md"
