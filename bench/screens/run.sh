#!/usr/bin/env bash
# bench/screens/run.sh BUILD_DIR OUT_DIR [PORT]: a fresh, seeded portal from a published build (dotnet publish -c
# Release -o BUILD_DIR), an administrator made with create-admin, then the ten screenshots of shots.mjs.
# Compare two outputs with: node bench/screens/compare.mjs BEFORE AFTER DIFF_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=$1; out=$2; port=${3:-5994}
[ -d "$here/node_modules" ] || (cd "$here" && npm install --silent)
source "$here/start-portal.sh"
node "$here/shots.mjs" "http://127.0.0.1:$port" "$out" staff@example.org "$password"
