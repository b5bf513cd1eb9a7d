#!/usr/bin/env bash
# Load benchmark (docs/quality.md P1, P2, P6): the portal in Production on 127.0.0.1 against a reference server that
# returns the same bytes from memory, interleaved, same machine, same run. Every figure is a ratio.
# Usage: bench/load/run.sh [seconds per run, default 10] [rounds, default 3]
#        BENCH_VOLUME=1 bench/load/run.sh …   adds generated volume to the demo data first: 1,000 activities,
#        100,000 registrations, 100,000 documents (bench/report's `volume` mode, the report and library generators).
#        Generating takes minutes; the result is kept in $BENCH_VOLUME_CACHE (default /tmp/portal-bench-volume.db)
#        and copied for later runs (delete it to generate again).
# Needs: wrk (apt-get install wrk), the .NET SDK. Writes bench/load/results-latest.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-3}"
PORTAL_PORT=5190
REFERENCE_PORT=5191
# The portal and the reference server share the same cores; wrk gets its own (the last one) where there are 2+.
CORES=$(nproc)
if [ "$CORES" -ge 2 ]; then APP_CPUS="0-$((CORES - 2))"; WRK_CPUS="$((CORES - 1))"; else APP_CPUS=0; WRK_CPUS=0; fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/PortCooperation.Web -c Release -o "$work/portal" --nologo -v q >/dev/null
dotnet publish bench/load/ReferenceServer -c Release -o "$work/reference" --nologo -v q >/dev/null

start_portal() {
  cd "$work/portal"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORTAL_PORT" \
  Data__Directory="$work/data" Security__AllowInsecureCookies=true Serilog__MinimumLevel__Default=Warning \
  Serilog__MinimumLevel__Override__PortCooperation=Warning RateLimiting__Search__PermitLimit=1000000000 \
  RateLimiting__Registration__PermitLimit=1000000000 Mail__BackgroundDelivery=false \
  exec taskset -c "$APP_CPUS" dotnet PortCooperation.Web.dll >>"$work/portal.log" 2>&1
}
wait_ready() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORTAL_PORT/health/ready" >/dev/null && return; sleep 0.5; done; }
VOLUME="demo data"
if [ "${BENCH_VOLUME:-0}" = 1 ]; then
  cache="${BENCH_VOLUME_CACHE:-/tmp/portal-bench-volume.db}"
  mkdir -p "$work/data"
  if [ ! -f "$cache" ]; then
    # The portal migrates and seeds the demo data, stops (SIGTERM), then the generators add the volume.
    ( start_portal ) & portal_pid=$!
    wait_ready; kill -TERM "$portal_pid"; wait "$portal_pid" || true
    dotnet build bench/report -c Release --nologo -v q >/dev/null
    dotnet bench/report/bin/Release/net10.0/ReportBench.dll volume "$work/data/portal.db"
    sqlite3 "$work/data/portal.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1 || true
    cp "$work/data/portal.db" "$cache"
  else
    cp "$cache" "$work/data/portal.db"
  fi
  VOLUME="demo data + generated volume (1,000 activities, 100,000 registrations, 100,000 documents)"
fi
( start_portal ) &
portal_pid=$!   # start_portal execs taskset, which execs dotnet: the same process
wait_ready

# Pages: home, listings, a search, a detail page of each kind (first link found on its listing).
first_link() { curl -s "http://127.0.0.1:$PORTAL_PORT$1" | grep -o "href=\"$2[^\"?#]*\"" | head -1 | sed 's/href="//; s/"$//'; }
pages=("/" "/activities" "/activities/calendar" "/library" "/library?q=port" "/member-states" "/port-network" "/partners" "/statistics")
for detail in "$(first_link /activities '/activities/[a-z0-9-]*[0-9][a-z0-9-]*')" "$(first_link /library /library/)" "$(first_link /member-states /member-states/)"; do
  [ -n "$detail" ] && pages+=("$detail")
done

# Warm-up: every page (and its uncached variant) a few thousand times, so tiered JIT has settled before measuring.
for page in "${pages[@]}"; do
  taskset -c "$WRK_CPUS" wrk -t2 -c50 -d3s "http://127.0.0.1:$PORTAL_PORT$page" >/dev/null 2>&1 || true
  taskset -c "$WRK_CPUS" wrk -t2 -c50 -d2s -s bench/load/bust-cache.lua "http://127.0.0.1:$PORTAL_PORT$page" >/dev/null 2>&1 || true
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
rps() { taskset -c "$WRK_CPUS" wrk -t2 -c"$1" -d"${SECONDS_PER_RUN}s" --latency "${@:3}" "$2" 2>&1 | tee -a "$work/wrk.log" | awk '/Requests\/sec/ {print $2}'; }
# CPU time (user + system, clock ticks of 10 ms) of a server process, from /proc.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# One measured run against a server: appends "requests/s CPU-µs-per-request" (the server's own CPU divided by the
# requests wrk counted), so each figure also has a cost that does not depend on what else shares the core.
measure() {
  local pid=$1; shift
  local before after
  before=$(cpu_ticks "$pid")
  taskset -c "$WRK_CPUS" wrk -t2 -c"$1" -d"${SECONDS_PER_RUN}s" --latency "${@:3}" "$2" >"$work/run.log" 2>&1
  after=$(cpu_ticks "$pid")
  cat "$work/run.log" >>"$work/wrk.log"
  awk -v ticks=$((after - before)) '/requests in/ {n = $1} /Requests\/sec/ {r = $2} END {printf "%s %.1f\n", r, (n > 0 ? ticks * 10000 / n : 0)}' "$work/run.log"
}
# Medians of column 1 (requests/s) and 2 (CPU µs per request) of a file of measure lines.
col() { awk -v c="$1" '{print $c}' "$2" | median; }
latency() { awk -v p="$1" '$1 == p {print $2}' "$work/last.log"; }

out=bench/load/results-latest.md
{
  echo "# Load benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`$( [ "${BENCH_VOLUME:-0}" = 1 ] && echo "BENCH_VOLUME=1 ")bench/load/run.sh $SECONDS_PER_RUN $ROUNDS\` · $VOLUME · load average before: $(cut -d' ' -f1-3 /proc/loadavg) · $(nproc) cores · portal and reference on CPUs $APP_CPUS, wrk (2 threads, 50 connections) on CPU $WRK_CPUS · medians of $ROUNDS interleaved rounds"
  echo
  echo "Requests/s are medians of the rounds; CPU µs/req is the server process's own CPU (user + system) per request, the cost that does not depend on what else runs. The reference is warmed before its first round, and every run after an uncached run starts after a 2 s pause."
  echo
  echo "| page | bytes | reference req/s | cached req/s | cached/ref | uncached req/s | uncached/ref | CPU µs/req: reference | cached | uncached | cached/ref by CPU |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$out"

for page in "${pages[@]}"; do
  url="http://127.0.0.1:$PORTAL_PORT$page"
  status=$(curl -s -D "$work/page.headers" -o "$work/page.html" -w '%{http_code}' "$url")
  if [ "$status" != "200" ]; then echo "| \`$page\` | — | skipped: HTTP $status | | | | |" >>"$out"; continue; fi
  ( cd "$work/reference" && exec taskset -c "$APP_CPUS" dotnet ReferenceServer.dll "$work/page.html" "text/html; charset=utf-8" "http://127.0.0.1:$REFERENCE_PORT" "$work/page.headers" ) &
  ref_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$REFERENCE_PORT/" >/dev/null && break; sleep 0.25; done
  # A fresh reference runs unoptimised (tier-0) code at first: warm it as the portal was warmed.
  taskset -c "$WRK_CPUS" wrk -t2 -c50 -d3s "http://127.0.0.1:$REFERENCE_PORT$page" >/dev/null 2>&1 || true
  : >"$work/ref" ; : >"$work/cached" ; : >"$work/uncached"
  for _ in $(seq 1 "$ROUNDS"); do
    measure "$ref_pid" 50 "http://127.0.0.1:$REFERENCE_PORT$page" >>"$work/ref"
    measure "$portal_pid" 50 "$url" >>"$work/cached"
    measure "$portal_pid" 50 "$url" -s bench/load/bust-cache.lua >>"$work/uncached"
    # The uncached run leaves the portal collecting garbage and trimming its cache for a moment, on the core the
    # reference shares: the next run waits for that to settle.
    sleep 2
  done
  kill "$ref_pid"; wait "$ref_pid" 2>/dev/null || true
  r=$(col 1 "$work/ref"); c=$(col 1 "$work/cached"); u=$(col 1 "$work/uncached")
  rc=$(col 2 "$work/ref"); cc=$(col 2 "$work/cached"); uc=$(col 2 "$work/uncached")
  printf '| `%s` | %s | %.0f | %.0f | %.0f%% | %.0f | %.0f%% | %.1f | %.1f | %.1f | %.0f%% |\n' "$page" "$(stat -c %s "$work/page.html")" \
    "$r" "$c" "$(echo "100*$c/$r" | bc -l)" "$u" "$(echo "100*$u/$r" | bc -l)" "$rc" "$cc" "$uc" "$(echo "100*$rc/$cc" | bc -l)" >>"$out"
done

# P6: 200 concurrent connections on the home page: errors and p99/p50.
taskset -c "$WRK_CPUS" wrk -t2 -c200 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORTAL_PORT/" >"$work/last.log" 2>&1
errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/last.log" | tr '\n' ' ')
p50=$(latency 50%); p99=$(latency 99%)
{
  echo
  echo "200 connections on \`/\` (P6): p50 $p50, p99 $p99, errors: ${errors:-none}"
} >>"$out"

# The registration POST under load: a new e-mail address per request, 50 connections (one antiforgery pair).
register=$(for slug in $(curl -s "http://127.0.0.1:$PORTAL_PORT/activities" | grep -o 'href="/activities/[a-z0-9-]*"' | sed 's/href="//; s/"$//' | sort -u); do
  curl -s "http://127.0.0.1:$PORTAL_PORT$slug" | grep -o 'href="/activities/[^"]*/register"' || true; done | head -1 | sed 's/href="//; s/"$//')
if [ -n "$register" ]; then
  form=$(curl -s -c "$work/jar" "http://127.0.0.1:$PORTAL_PORT$register")
  token=$(echo "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  cookie=$(awk '$6 ~ /af/ {print $6 "=" $7}' "$work/jar" | head -1)
  TOKEN="$token" COOKIE="$cookie" taskset -c "$WRK_CPUS" wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency -s bench/load/register.lua \
    "http://127.0.0.1:$PORTAL_PORT$register" >"$work/last.log" 2>&1
  rs=$(awk '/Requests\/sec/ {print $2}' "$work/last.log")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/last.log" | tr '\n' ' ')
  echo "Registration POST \`$register\` with 50 connections: $rs req/s, p50 $(latency 50%), p99 $(latency 99%), errors: ${errors:-none}" >>"$out"
else
  echo "Registration POST: skipped, no activity with open registration in the data" >>"$out"
fi
cat "$out"
