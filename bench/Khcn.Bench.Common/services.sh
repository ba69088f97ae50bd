# Shared by the service benchmarks (bench/provinces/run.sh, bench/tasks/run.sh, bench/ip/run.sh); sourced after
# bench/common.sh.
# Starts the real services (their Release builds, production settings) on loopback ports and, for --postgres, a
# throw-away PostgreSQL cluster; everything started here is stopped when the script exits.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PROVINCES_PROJECT="$REPO_DIR/src/Services/Provinces/Khcn.Provinces.csproj"
PROVINCES_DLL="$REPO_DIR/src/Services/Provinces/bin/Release/net10.0/Khcn.Provinces.dll"
PG_DIR=""
PG_PORT=""
SERVICE_PIDS=()

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The same throw-away cluster as tests/Shared/PostgresServer.cs: trust auth, UTF-8, fsync off (a benchmark of the
# service, not of the disk), loopback only. initdb and pg_ctl refuse root, hence runuser.
start_postgres() {
  PG_PORT=$(free_port)
  PG_DIR=$(mktemp -d /tmp/khcn-bench-postgres-XXXXXX)
  mkdir -p "$PG_DIR/socket"
  chown -R postgres:postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -E UTF8 -U postgres --no-sync --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 120 \
    -o "-p $PG_PORT -k $PG_DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  PG_DESCRIPTION="PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (throw-away cluster, fsync=off, loopback TCP)"
}

# Usage: create_postgres_database NAME — prints its Npgsql connection string.
create_postgres_database() {
  runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE $1 ENCODING 'UTF8' TEMPLATE template0"
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"
}

stop_postgres() {
  if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}

# Usage: start_service NAME DLL LOG [service arguments...] — sets SERVICE_URL. A service seeds itself before it
# listens, so an open port means ready.
start_service() {
  local name=$1 dll=$2 log_file=$3 port pid
  shift 3
  port=$(free_port)
  SERVICE_URL="http://127.0.0.1:$port"
  "${SERVER_PIN[@]}" dotnet "$dll" --urls "$SERVICE_URL" --Logging:LogLevel:Default=Warning "$@" >"$log_file" 2>&1 &
  pid=$!
  SERVICE_PIDS+=("$pid")
  for _ in $(seq 1 1200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the $name service did not start:" >&2
  cat "$log_file" >&2
  return 1
}

stop_services() {
  local pid
  for pid in "${SERVICE_PIDS[@]}"; do
    stop_pid "$pid"
  done
  SERVICE_PIDS=()
}

# common.sh traps EXIT with stop_server (its one echo server); the services and the cluster go too.
trap 'stop_server; stop_services; stop_postgres' EXIT

# Usage: build_release PROJECT... — Release builds of the services and the benchmark client, then LOAD_AT_START is
# taken (the build's own load is not the run's). Build chatter goes to stderr: stdout is the report.
build_release() {
  command -v dotnet >/dev/null || { echo "dotnet SDK not found" >&2; exit 1; }
  local project
  for project in "$@"; do
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
  done
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
}

# Markdown lines describing the run's machine and its load since build_release, for the report header.
describe_machine() {
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr); .NET SDK $(dotnet --version)"
  echo "- Load average (1/5/15 min) at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Usage: fresh_sqlite_file NAME OUT_DIR — prints OUT_DIR/NAME.db after deleting an earlier run's file (and its WAL).
fresh_sqlite_file() {
  local file="$2/$1.db"
  rm -f "$file" "$file-wal" "$file-shm"
  echo "$file"
}

# use_database PROVIDER NAME OUT_DIR: the measured service's database settings in DATABASE_ARGS (and a sentence in
# DATABASE_DESCRIPTION) — a fresh SQLite file OUT_DIR/NAME.db, or a new database on the throw-away PostgreSQL cluster
# (started here) for the connection string ConnectionStrings:NAMEdb.
use_database() {
  local provider=$1 name=$2 out=$3
  if [[ "$provider" == postgresql ]]; then
    local connection
    start_postgres
    connection=$(create_postgres_database "${name}_bench")
    DATABASE_ARGS=("--ConnectionStrings:${name}db=$connection")
    DATABASE_DESCRIPTION="$PG_DESCRIPTION"
  else
    DATABASE_ARGS=("--Database:${name}db:Path=$(fresh_sqlite_file "$name" "$out")")
    DATABASE_DESCRIPTION="SQLite file (Microsoft.Data.Sqlite, the service's default settings)"
  fi
}

# Usage: read_provider [--postgres] — PROVIDER=postgresql with --postgres, else sqlite.
read_provider() {
  PROVIDER=sqlite
  [[ "${1:-}" == "--postgres" ]] && PROVIDER=postgresql
  return 0
}

# Usage: start_provinces_reference OUT_DIR — the Provinces service on its own fresh SQLite file OUT_DIR/provinces.db, for
# a measured service to check province codes against; sets PROVINCES_URL.
start_provinces_reference() {
  log "starting the Provinces service (SQLite)"
  start_service Provinces "$PROVINCES_DLL" "$1/provinces.log" "--Database:provincesdb:Path=$(fresh_sqlite_file provinces "$1")"
  PROVINCES_URL=$SERVICE_URL
}

# Usage: start_measured_service NAME DLL LOG — a service that checks codes against PROVINCES_URL, on the database
# use_database chose, seeds off (the benchmark loads its own data); sets SERVICE_URL.
start_measured_service() {
  log "starting the $1 service on $PROVIDER"
  start_service "$1" "$2" "$3" "${DATABASE_ARGS[@]}" "--services:provinces:http:0=$PROVINCES_URL" --Seeds:Load=false
}

# Usage: measure_one_caller BENCH_DLL URL TABLE_FILE — the client's "measure" mode (REQUESTS timed calls per row by one
# caller after WARMUP_CALLS unmeasured, at most ROW_SECONDS a row); its Markdown table goes to TABLE_FILE.
measure_one_caller() {
  log "measuring ($REQUESTS calls per row by one caller, after $WARMUP_CALLS unmeasured)"
  "${LOAD_PIN[@]}" dotnet "$1" measure --address "$2" \
    --requests "$REQUESTS" --warmup "$WARMUP_CALLS" --seconds "$ROW_SECONDS" >"$3"
}

# Markdown line for the report of a service started with start_measured_service: its database and the reference.
describe_measured_database() {
  echo "- Database: $DATABASE_DESCRIPTION; the Provinces service it checks codes against on its own SQLite file"
}

# Markdown line for the report of measure_one_caller: how each row of its table was timed.
describe_one_caller_rows() {
  echo "- Each row: $WARMUP_CALLS unmeasured calls, then $REQUESTS timed calls (or as many as start within $ROW_SECONDS s)" \
    "by one caller over one GrpcChannel; p50/p99 nearest-rank. Page 1,000 is asked for with the token found by following" \
    "next_page_token from page 1 once."
}
