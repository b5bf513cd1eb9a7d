#!/usr/bin/env bash
# Office text extraction: peak working set and time for a decompression bomb and a normal ~5 MB Word file, each
# read once in a fresh process. Usage: bench/office/run.sh [repository root to measure, default this one]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=${1:-$PWD}
FILES=$(mktemp -d /tmp/office-bench.XXXXXX)
trap 'rm -rf "$FILES"' EXIT
if [ "$ROOT" != "$PWD" ]; then mkdir -p "$ROOT/bench/office" && cp bench/office/Program.cs bench/office/OfficeBench.csproj "$ROOT/bench/office/"; fi
dotnet build -c Release "$ROOT/bench/office" >/dev/null
BENCH="$ROOT/bench/office/bin/Release/net10.0/OfficeBench.dll"
dotnet "$BENCH" make "$FILES"
for file in bomb normal; do dotnet "$BENCH" read "$FILES/$file.docx"; done
