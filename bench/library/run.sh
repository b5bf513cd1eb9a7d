#!/usr/bin/env bash
# Library search benchmark (docs/quality.md P4) on SQLite and on a throw-away PostgreSQL cluster started from the
# local server binaries (/usr/lib/postgresql/*/bin, as the tests' PostgresCluster fixture does).
# Usage: bench/library/run.sh [sizes] [iterations]      e.g. bench/library/run.sh 1000,10000,100000 20
# Writes the table to bench/library/results-latest.md. BENCH_REUSE=1 keeps databases seeded by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-1000,10000,100000}"
iterations="${2:-20}"
out=bench/library/results-latest.md

dotnet build -c Release bench/library -v q -nologo
dll=bench/library/bin/Release/net10.0/LibraryBench.dll

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
root="${BENCH_PG_ROOT:-/tmp/library-bench-pg}"
port="${BENCH_PG_PORT:-55432}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_pg() {
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then return; fi
  if [ ! -d "$root/data" ]; then
    mkdir -p "$root"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$root"
    as_pg "$bin/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  fi
  as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c work_mem=16MB" start >/dev/null
}
stop_pg() { as_pg "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null || true; }

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), sizes $sizes, $iterations timed runs per scenario after ${BENCH_WARMUP:-3} warm-ups, load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  dotnet "$dll" sqlite "$sizes" "$iterations"
  if [ -n "$bin" ]; then
    start_pg
    trap stop_pg EXIT
    BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true" dotnet "$dll" postgres "$sizes" "$iterations" | tail -n +3
  else
    echo "(PostgreSQL binaries not found under /usr/lib/postgresql: PostgreSQL not measured)"
  fi
} | tee "$out"
