#!/usr/bin/env bash
# Provinces service benchmark: Get and List with 100,000 engagements.
# One run: Release build, the real Provinces service (its Release build, production settings) on a fresh database,
# 100,000 engagements (+ one open recommendation per 20) loaded through CreateEngagement/CreateRecommendation by 16
# concurrent callers, then REQUESTS timed calls per read path at concurrency 1 and 16 (after WARMUP_CALLS unmeasured ones):
# GetEngagement (random ids), ListEngagements (first page, province filter, a page 50,000 rows deep reached by page
# tokens), ListRecommendations open, GetProvince, ListProvinces. Prints Markdown; artifacts go to bench/provinces/.out/.
#
# Usage: bench/provinces/run.sh [--postgres]
#   --postgres  a throw-away PostgreSQL 15 cluster (temp directory, free loopback port) instead of a SQLite file
# Settings (environment): ENGAGEMENTS=100000 RECOMMENDATION_EVERY=20 LOAD_CONCURRENCY=16 REQUESTS=2000 WARMUP_CALLS=200
#   ROW_SECONDS=20 (a row stops starting calls after this long: the deep page is slow)
#   CONCURRENCY=1,16
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=bench/Khcn.Bench.Common/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Khcn.Bench.Common/services.sh"

ENGAGEMENTS=${ENGAGEMENTS:-100000}
RECOMMENDATION_EVERY=${RECOMMENDATION_EVERY:-20}
LOAD_CONCURRENCY=${LOAD_CONCURRENCY:-16}
REQUESTS=${REQUESTS:-2000}
ROW_SECONDS=${ROW_SECONDS:-20}
WARMUP_CALLS=${WARMUP_CALLS:-200}
CONCURRENCY=${CONCURRENCY:-1,16}

read_provider "$@"

PROVINCES_DIR="$BENCH_DIR/provinces"
PROVINCES_OUT="$PROVINCES_DIR/.out/$PROVIDER"
BENCH_DLL="$PROVINCES_DIR/Khcn.Bench.Provinces/bin/Release/net10.0/Khcn.Bench.Provinces.dll"

mkdir -p "$PROVINCES_OUT"
log "building the Provinces service and the benchmark client (Release)"
build_release "$PROVINCES_PROJECT" "$PROVINCES_DIR/Khcn.Bench.Provinces/Khcn.Bench.Provinces.csproj"

use_database "$PROVIDER" provinces "$PROVINCES_OUT"
log "starting the Provinces service on $PROVIDER"
start_service Provinces "$PROVINCES_DLL" "$PROVINCES_OUT/service.log" "${DATABASE_ARGS[@]}"
SERVER_URL=$SERVICE_URL

log "loading $ENGAGEMENTS engagements ($LOAD_CONCURRENCY concurrent callers)"
"${LOAD_PIN[@]}" dotnet "$BENCH_DLL" load --address "$SERVER_URL" --engagements "$ENGAGEMENTS" \
  --recommendation-every "$RECOMMENDATION_EVERY" --concurrency "$LOAD_CONCURRENCY" >"$PROVINCES_OUT/load.txt"
LOAD_SECONDS=$(awk '/^LOADED/ {print $3}' "$PROVINCES_OUT/load.txt")

log "measuring ($REQUESTS calls per path and concurrency, after $WARMUP_CALLS unmeasured)"
"${LOAD_PIN[@]}" dotnet "$BENCH_DLL" measure --address "$SERVER_URL" --engagements "$ENGAGEMENTS" \
  --requests "$REQUESTS" --warmup "$WARMUP_CALLS" --concurrency "$CONCURRENCY" --seconds "$ROW_SECONDS" >"$PROVINCES_OUT/table.md"

{
  echo "### Provinces on $PROVIDER"
  echo
  describe_machine
  echo "- Database: $DATABASE_DESCRIPTION"
  echo "- Data: $ENGAGEMENTS engagements over today's 34 provinces + seeds, one open recommendation per $RECOMMENDATION_EVERY engagements;" \
    "loaded through the API by $LOAD_CONCURRENCY concurrent callers in ${LOAD_SECONDS} s" \
    "($(awk -v n="$ENGAGEMENTS" -v s="$LOAD_SECONDS" 'BEGIN { printf "%.0f", n / s }') engagements/s, each with its recommendation calls)"
  echo "- Each row: $WARMUP_CALLS unmeasured calls, then $REQUESTS timed calls (or as many as start within $ROW_SECONDS s) by N concurrent callers over one GrpcChannel; p50/p99 nearest-rank"
  echo
  cat "$PROVINCES_OUT/table.md"
} | tee "$PROVINCES_OUT/report.md"
