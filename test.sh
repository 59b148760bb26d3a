#!/usr/bin/env bash
# Runs every test: xunit (Core and cmdlet metadata), then Pester under the pinned PowerShell
# against the freshly published module. Both always run; prints one final
# "N passed, N failed" line (followed by ", N skipped" when tests were skipped: a live oracle
# cross-check whose oracle is missing, see tests/oracles/README.md) and exits non-zero if anything
# failed or could not run.
set -uo pipefail
cd "$(dirname "$0")"
status=0
tools/restore-tools.sh || { echo "could not restore PowerShell and Pester (tools/restore-tools.sh)" >&2; echo "0 passed, 1 failed"; exit 1; }
log=$(mktemp)
plog=$(mktemp)
trap 'rm -f "$log" "$plog"' EXIT
# Normal verbosity: a skipped test is listed with its reason (e.g. which oracle is missing).
dotnet test AtomCuration.sln -c Release --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# The module folder the Pester tests import (what ./build.ps1 -Task Build produces).
dotnet publish src/AtomCuration.PowerShell -c Release -o module/AtomCuration --nologo >/dev/null || { status=1; failed=$((failed + 1)); }
# Pester's output goes to this script's own stderr (inherited, not reopened): when stdout and stderr are one file
# (./test.sh > log 2>&1) they share its offset, so the final line below lands after Pester's output instead of over it.
dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-Pester.ps1 2>&1 | tee "$plog" >&2
pester=$(tail -n 1 "$plog")
p=$(sed -nE 's/.*Pester: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/p' <<<"$pester")
if [ -n "$p" ]; then
  read -r pp pf ps <<<"$p"
  passed=$((passed + pp)); failed=$((failed + pf)); skipped=$((skipped + ${ps:-0}))
else
  echo "Pester did not report a result" >&2; failed=$((failed + 1))
fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
