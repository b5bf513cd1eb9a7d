#!/usr/bin/env bash
# Regenerates src/PortCooperation.Web/wwwroot/lib/bootstrap/css/bootstrap.public.min.css (needs node + npm).
# Run it after adding a Bootstrap class to a public view; the unit test PublicStylesheetTests says when it is due.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --silent
node purge.mjs
