#!/usr/bin/env bash
# Sign-in timing: a wrong password for an existing account against an address with no account, interleaved,
# on a Release build run in Production on plain HTTP (insecure cookies allowed for the bench only).
# Usage: bench/signin/run.sh [PortCooperation.Web.dll, default this repository's Release build] [rounds, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
DLL=${1:-src/PortCooperation.Web/bin/Release/net10.0/PortCooperation.Web.dll}
ROUNDS=${2:-20}
[ -f "$DLL" ] || dotnet build -c Release src/PortCooperation.Web >/dev/null
DATA=$(mktemp -d /tmp/signin-bench.XXXXXX)
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$DATA" Security__AllowInsecureCookies=true Database__SeedDemoData=false \
  RateLimiting__Login__PermitLimit=100000 RateLimiting__LoginPerClient__PermitLimit=100000 ASPNETCORE_URLS=http://127.0.0.1:5199
PORTAL_ADMIN_PASSWORD='lighthouse tugboat pelican 42' dotnet "$DLL" create-admin --email known@example.org >/dev/null
dotnet "$DLL" >"$DATA/out.log" 2>&1 & PID=$!
trap 'kill $PID; rm -rf "$DATA"' EXIT
for _ in $(seq 60); do curl -fs http://127.0.0.1:5199/health/live >/dev/null && break; sleep 1; done
attempt() { # prints the time of one failed sign-in POST for address $1
  local jar="$DATA/jar" token
  token=$(curl -s -c "$jar" http://127.0.0.1:5199/Identity/Account/Login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Email=$1" --data-urlencode "Password=wrong guess for the bench" http://127.0.0.1:5199/Identity/Account/Login
}
attempt warmup@example.org >/dev/null; attempt known@example.org >/dev/null
: >"$DATA/known"; : >"$DATA/unknown"
for i in $(seq "$ROUNDS"); do attempt known@example.org >>"$DATA/known"; attempt "nobody-$i@example.org" >>"$DATA/unknown"; done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] * 1000}'; }
echo "wrong password, existing account: median $(median "$DATA/known") ms; unknown address: median $(median "$DATA/unknown") ms ($ROUNDS each, interleaved)"
