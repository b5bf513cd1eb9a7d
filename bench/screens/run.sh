#!/usr/bin/env bash
# bench/screens/run.sh BUILD_DIR OUT_DIR [PORT]: a fresh, seeded portal from a published build (dotnet publish -c
# Release -o BUILD_DIR), an administrator made with create-admin, then the ten screenshots of shots.mjs.
# Compare two outputs with: node bench/screens/compare.mjs BEFORE AFTER DIFF_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=$1; out=$2; port=${3:-5994}
[ -d "$here/node_modules" ] || (cd "$here" && npm install --silent)
data=$(mktemp -d)
export Data__Directory=$data ASPNETCORE_ENVIRONMENT=Production Security__RequireTwoFactorForStaff=false Security__AllowInsecureCookies=true
password="quay bollard fender 2031"
(cd "$build" && echo "$password" | dotnet PortCooperation.Web.dll create-admin --email staff@example.org >/dev/null)
(cd "$build" && exec dotnet PortCooperation.Web.dll --urls "http://127.0.0.1:$port") > "$out.app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/health/live" >/dev/null; do sleep 0.5; done
node "$here/shots.mjs" "http://127.0.0.1:$port" "$out" staff@example.org "$password"
