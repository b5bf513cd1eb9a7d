#!/usr/bin/env bash
# Lighthouse 12 scores (docs/quality.md A5, P7) of the home page, a listing and a detail page, with Debian's Chromium.
# Usage: bench/lighthouse/run.sh            (needs: the .NET SDK, node + npm, /usr/bin/chromium)
# Publishes the portal (Release), runs it in Production on 127.0.0.1 with the demo data and writes
# bench/lighthouse/results-latest.md (plus the JSON reports under bench/lighthouse/reports/, not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${LIGHTHOUSE_PORT:-5197}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

(cd bench/lighthouse && npm install --no-audit --no-fund --silent)
dotnet publish src/PortCooperation.Web -c Release -o "$work/portal" --nologo -v q >/dev/null
(
  cd "$work/portal"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Data__Directory="$work/data" \
  Security__AllowInsecureCookies=true exec dotnet PortCooperation.Web.dll >"$work/portal.log" 2>&1
) &
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done

base="http://localhost:$PORT"
detail=$(curl -s "$base/activities" | grep -o 'href="/activities/[a-z0-9-]*"' | grep -v calendar | head -1 | sed 's/href="//; s/"$//')
pages=("/" "/activities" "$detail" "/library" "/?culture=es")
mkdir -p bench/lighthouse/reports
out=bench/lighthouse/results-latest.md
{
  echo "# Lighthouse — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`bench/lighthouse/run.sh\` · Lighthouse $(bench/lighthouse/node_modules/.bin/lighthouse --version) · $(/usr/bin/chromium --version | head -1) · $(nproc) cores · default (mobile, simulated throttling)"
  echo
  echo "| page | performance | accessibility | best practices | SEO |"
  echo "| --- | ---: | ---: | ---: | ---: |"
} >"$out"
i=0
for page in "${pages[@]}"; do
  i=$((i + 1))
  report="bench/lighthouse/reports/page$i.json"
  # Lighthouse now and then fails to record the trace of a load ("NO_NAVSTART"): such a page is tried again, up
  # to three times, and the table says how many tries it took.
  tries=0
  until [ "$tries" -ge 3 ]; do
    tries=$((tries + 1))
    CHROME_PATH=/usr/bin/chromium bench/lighthouse/node_modules/.bin/lighthouse "$base$page" --quiet \
      --output=json --output-path="$report" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      && node -e 'const r = require(process.argv[1]); process.exit(r.runtimeError || r.categories.performance.score === null ? 1 : 0)' "$PWD/$report" \
      && break
    rm -f "$report"
  done
  [ -f "$report" ] || { echo "| \`$page\` | failed 3 times | | | |" >>"$out"; continue; }
  [ "$tries" -gt 1 ] && echo "(\`$page\`: recorded at try $tries)" >>"$work/notes"
  node -e '
    const r = require(process.argv[1]); const s = k => Math.round(r.categories[k].score * 100);
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
    console.log(`| \`${process.argv[2]}\` | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |` + (failed.length ? ` <!-- not passed: ${failed.join(", ")} -->` : ""));
  ' "$PWD/$report" "$page" >>"$out"
done
[ -f "$work/notes" ] && { echo; cat "$work/notes"; } >>"$out"
cat "$out"
