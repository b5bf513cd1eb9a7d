#!/usr/bin/env bash
# SQL injection scan (docs/quality.md S15): Debian's sqlmap, in batch mode, against the public search and filters (GET)
# and the public registration form (POST, with a fresh antiforgery token per request) of the portal in Production
# on 127.0.0.1 with the demo data. Writes bench/sqlmap/results-latest.md; exits 1 if any parameter is injectable (2 if a scan was inconclusive); sqlmap's output goes to bench/sqlmap/logs/.
# Usage: bench/sqlmap/run.sh            (SQLMAP_LEVEL=1..5, default 3; SQLMAP_RISK=1..3, default 2; SQLMAP_PORTAL_PORT, default 5196;
#        SQLMAP_TARGETS, default "library-search activity-filters registration-form": which scans to run)
# Needs: the .NET SDK, curl; installs sqlmap with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
LEVEL="${SQLMAP_LEVEL:-3}"
RISK="${SQLMAP_RISK:-2}"
PORT="${SQLMAP_PORTAL_PORT:-5196}"
TARGETS=" ${SQLMAP_TARGETS:-library-search activity-filters registration-form} "
BASE="http://127.0.0.1:$PORT"
if ! command -v sqlmap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap >/dev/null
fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/PortCooperation.Web -c Release -o "$work/portal" --nologo -v q >/dev/null
# The rate limits exist to stop exactly this kind of client: lifted here (settings the app reads), or sqlmap
# would only ever see 429. Plain HTTP on loopback needs cookies without the Secure flag.
(
  cd "$work/portal"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Data__Directory="$work/data" \
  Security__AllowInsecureCookies=true Serilog__MinimumLevel__Default=Warning \
  RateLimiting__Search__PermitLimit=1000000000 RateLimiting__Registration__PermitLimit=1000000000 \
  RateLimiting__Login__PermitLimit=1000000000 Mail__BackgroundDelivery=false \
  exec dotnet PortCooperation.Web.dll >"$work/portal.log" 2>&1
) &
for _ in $(seq 1 240); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health/ready" >/dev/null || { echo "the portal did not start"; cat "$work/portal.log"; exit 1; }

# Real values for every parameter, read from the pages' own filter forms (first non-empty option or checkbox value),
# so the original request of each scan is a valid search that returns results.
first_value() { curl -s "$BASE$1" | python3 -c '
import sys, html.parser
want, found = sys.argv[1], []
class P(html.parser.HTMLParser):
    select = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "select": self.select = a.get("name")
        elif tag == "option" and self.select == want and a.get("value"): found.append(a["value"])
        elif tag == "input" and a.get("name") == want and a.get("type") in ("checkbox", "radio") and a.get("value"): found.append(a["value"])
    def handle_endtag(self, tag):
        if tag == "select": self.select = None
P().feed(sys.stdin.read())
print(found[0] if found else "")' "$2"; }
# One target per filter (plus the search with its sort and page), so each original request returns results and a
# condition an injection could flip would show; sqlmap tests every parameter of every target.
: >"$work/library.targets"; : >"$work/activities.targets"
echo "$BASE/library?q=port&sort=$(first_value /library sort)&page=1" >>"$work/library.targets"
for name in region country kind source topic language year; do echo "$BASE/library?$name=$(first_value /library "$name")" >>"$work/library.targets"; done
for name in kind status year language partner country; do echo "$BASE/activities?$name=$(first_value /activities "$name")&page=1" >>"$work/activities.targets"; done
register=$(for slug in $(curl -s "$BASE/activities" | grep -o 'href="/activities/[a-z0-9-]*"' | sed 's/href="//; s/"$//' | sort -u); do
  curl -s "$BASE$slug" | grep -o 'href="/activities/[^"]*/register"' || true; done | head -1 | sed 's/href="//; s/"$//' || true)

common=(--batch --level="$LEVEL" --risk="$RISK" --threads=4 --output-dir="$work/sqlmap" --flush-session --disable-coloring)
scan() { # name, sqlmap arguments…
  local name="$1"; shift
  echo "== $name: sqlmap ${*}" >&2
  sqlmap "${common[@]}" "$@" >"$work/$name.log" 2>&1 || true
  local verdict clean
  clean=$(grep -c "all tested parameters do not appear to be injectable" "$work/$name.log" || true)
  if grep -qiE "parameter '[^']*' is vulnerable|sqlmap identified the following injection point" "$work/$name.log"; then
    verdict="**INJECTABLE** — see the log"; found=1
  elif [ "$clean" -ge 1 ] && [ "$clean" -ge "${expected:-1}" ]; then
    verdict="not injectable ($clean of ${expected:-1} targets: all tested parameters)"
  else
    verdict="inconclusive ($clean of ${expected:-1} targets clean): $(grep -E '\[(CRITICAL|ERROR)\]' "$work/$name.log" | grep -v 'do not appear to be injectable' | tail -1 | sed 's/^\[[^]]*\] //')"; [ "$found" = 1 ] || found=2
  fi
  local tested
  tested=$(grep -oE "(GET|POST) parameter '[^']+'" "$work/$name.log" | sort -u | sed "s/ parameter '\(.*\)'/ \1/" | awk '{print $2}' | sort -u | tr '\n' ' ' || true)
  local clean_params
  clean_params=$(grep -oE "parameter '[^']+' does not seem to be injectable" "$work/$name.log" | sed "s/parameter '\(.*\)' does not.*/\1/" | sort -u | tr '\n' ' ' || true)
  echo "| $name | ${tested:-?} | ${clean_params:-—} | $verdict |" >>"$out"
  mkdir -p bench/sqlmap/logs && cp "$work/$name.log" "bench/sqlmap/logs/$name.log"
}

out=bench/sqlmap/results-latest.md
found=0
{
  echo "# sqlmap scan — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`${SQLMAP_TARGETS:+SQLMAP_TARGETS=\"$SQLMAP_TARGETS\" }bench/sqlmap/run.sh\` · $(sqlmap --version 2>/dev/null | head -1) · level $LEVEL, risk $RISK · portal in Production on SQLite with the demo data · load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| target | parameters tested | parameters sqlmap found not injectable | verdict |"
  echo "| --- | --- | --- | --- |"
} >"$out"
wanted() { [[ "$TARGETS" == *" $1 "* ]]; }
if wanted library-search; then expected=$(wc -l <"$work/library.targets") scan library-search -m "$work/library.targets"; fi
if wanted activity-filters; then expected=$(wc -l <"$work/activities.targets") scan activity-filters -m "$work/activities.targets"; fi
if ! wanted registration-form; then
  :
elif [ -n "$register" ]; then
  # Before every request sqlmap GETs the form (--csrf-url), takes the fresh __RequestVerificationToken from it and
  # keeps the antiforgery cookie the GET sets in its cookie jar, so each POST carries a matching token and cookie
  # and reaches the action (200 with validation messages, or 302 registered) instead of stopping at 400.
  # No --method=POST: --data already makes the target a POST, and --method would force the token fetch to be a
  # POST as well — the form answers that with 400 and no token, and sqlmap skipped the whole target ("anti-CSRF
  # token can't be found"), which is why the scan of 23 Nov 14:13 tested nothing. One thread: sqlmap refuses
  # --csrf-url with --threads > 1 (each request needs its own fresh token).
  scan registration-form -u "$BASE$register" \
    --data="FullName=Ana+Perez&Email=scan@example.org&Organisation=Port+Authority&Position=Planner&Country=$(first_value "$register" Country)&Gender=Female&Language=en&Consent=true&Website=&__RequestVerificationToken=x" \
    --csrf-token=__RequestVerificationToken --csrf-url="$BASE$register" --threads=1
else
  echo "| registration-form | — | — | skipped: no activity with open registration in the demo data |" >>"$out"
fi
echo >>"$out"
echo "Portal errors logged during the scan (5xx are logged as errors): $(grep -c ' ERR\]\| FTL\]' "$work/portal.log" || true)" >>"$out"
cat "$out"
exit "$found"
