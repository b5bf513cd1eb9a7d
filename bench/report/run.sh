#!/usr/bin/env bash
# Executive report benchmark (P5) on SQLite and on a throw-away PostgreSQL cluster started from the local server
# binaries (/usr/lib/postgresql/*/bin, like the tests' PostgresCluster fixture). Usage: bench/report/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
PORT=${BENCH_PG_PORT:-55433}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ROOT=$(mktemp -d /tmp/report-bench-pg.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$ROOT"; AS=(runuser -u postgres --); fi
"${AS[@]}" "$BIN/initdb" -D "$ROOT/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$ROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
trap '"${AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -m immediate -w stop >/dev/null; rm -rf "$ROOT"' EXIT
dotnet build -c Release bench/report >/dev/null
dotnet bench/report/bin/Release/net10.0/ReportBench.dll sqlite "$RUNS"
BENCH_PG="Host=127.0.0.1;Port=$PORT;Username=postgres" dotnet bench/report/bin/Release/net10.0/ReportBench.dll postgres "$RUNS"
