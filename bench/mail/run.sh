#!/usr/bin/env bash
# Outbox delivery rate to a local SMTP server, today's code against an older commit, interleaved in one run.
# Usage: bench/mail/run.sh [mails] [rounds] [old-commit]      e.g. bench/mail/run.sh 2000 3 dbdb403
# The older commit is checked out in a separate worktree (BENCH_OLD_TREE, default a folder under the temp directory) and the
# same bench program is built there against its code. Writes bench/mail/results-latest.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mails="${1:-2000}"
rounds="${2:-3}"
old_commit="${3:-dbdb403}"
old="${BENCH_OLD_TREE:-${TMPDIR:-/tmp}/portal-mailbench-old}"
out=bench/mail/results-latest.md

[ -d "$old" ] || git worktree add --detach "$old" "$old_commit"
mkdir -p "$old/bench/mail"
cp bench/mail/Program.cs bench/mail/MailBench.csproj "$old/bench/mail/"
dotnet build -c Release bench/mail -v q -nologo >/dev/null
dotnet build -c Release "$old/bench/mail" -v q -nologo >/dev/null
new_dll=bench/mail/bin/Release/net10.0/MailBench.dll
old_dll="$old/bench/mail/bin/Release/net10.0/MailBench.dll"
old_label="$(git -C "$old" rev-parse --short HEAD) (System.Net.Mail)"
new_label="$(git rev-parse --short HEAD) (MailKit)"

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), $mails mails per run, $rounds interleaved rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| code | mails | seconds | mails/s | SMTP connections |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for _ in $(seq "$rounds"); do
    dotnet "$old_dll" "$mails" "$old_label"
    dotnet "$new_dll" "$mails" "$new_label"
  done
} | tee "$out"
