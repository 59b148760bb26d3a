#!/usr/bin/env bash
# Runs every test: xunit (Core and cmdlet metadata) and, where pwsh is on PATH, Pester.
# Prints a final "N passed, N failed" line and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test AtomCuration.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if command -v pwsh >/dev/null 2>&1; then
  # The module folder the Pester tests import (what ./build.ps1 -Task Build produces).
  dotnet publish src/AtomCuration.PowerShell -c Release -o module/AtomCuration --nologo >/dev/null || status=1
  pester=$(pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-Pester.ps1 2>&1 | tee /dev/stderr | tail -n 1)
  pstatus=$?
  p=$(sed -nE 's/.*Pester: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' <<<"$pester")
  if [ -n "$p" ]; then
    passed=$((passed + ${p% *})); failed=$((failed + ${p#* }))
  else
    echo "Pester did not report a result" >&2; failed=$((failed + 1))
  fi
  [ "$pstatus" -eq 0 ] || status=1
else
  echo "pwsh is not on PATH: Pester tests in tests/pester were not run." >&2
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
