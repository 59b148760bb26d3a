#!/usr/bin/env bash
# Issue 16's SLURM figures: the descriptor stage (Import-Structure | Get-Descriptor Rdf | Export-Descriptor store) over
# a pool of N perturbed Cu cells (default 10000, made as bench/large-pool does), run
#   single  in one fresh PowerShell on one thread, measured by GNU time (wall, CPU = user + sys, peak RSS);
#   array   as a 4-task array job (Submit-CurationArrayJob -Shards 4 -CpusPerTask 1 -Wait) on the cluster sinfo shows
#           (tools/slurm/start-local-cluster.sh: one node, this machine's cores): wall from submission to the end of
#           -Wait; per task, the task's own process CPU time, wall time since its process started and peak RSS
#           (SLURM accounting is off on the local cluster, so sacct has no figures), written by the task itself.
# The merged array store is checked to hold the same rows, ids and descriptor values as the single-process one.
# Rows go to bench/slurm/results.csv (n,run,task,seconds,cpu_seconds,peak_rss_mb).
# Usage (from anywhere): bench/slurm/run.sh [N]   Work files: $SLURM_BENCH_WORK (default /tmp/atomcuration-slurm-bench).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
n=${1:-10000}
work=${SLURM_BENCH_WORK:-/tmp/atomcuration-slurm-bench}
mkdir -p "$work"
results=bench/slurm/results.csv
[ -f "$results" ] || echo "n,run,task,seconds,cpu_seconds,peak_rss_mb" > "$results"
dotnet build bench/AtomCuration.Bench -c Release --nologo -v q >/dev/null
module="$repo/module/AtomCuration/AtomCuration.psd1"
pool="$work/pool-$n.extxyz"
[ -s "$pool" ] || dotnet bench/AtomCuration.Bench/bin/Release/net10.0/AtomCuration.Bench.dll large-pool generate "$n" "$pool"
rm -rf "$work/single.parquet" "$work/array.parquet" "$work/job" "$work"/task-*.csv

/usr/bin/time -v -o "$work/single.time" dotnet pwsh -NoProfile -NonInteractive -c "\$ErrorActionPreference = 'Stop'; Import-Module '$module'
    Import-Structure '$pool' | Get-Descriptor Rdf -Parameters @{ cutoff = 4 } -Species Cu -ThrottleLimit 1 | Export-Descriptor '$work/single.parquet'"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/single.time")
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/single.time")
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/single.time")
echo "$n,single,,$wall,$cpu,$rss" | tee -a "$results"

dotnet pwsh -NoProfile -NonInteractive -File bench/slurm/array.ps1 -Module "$module" -Pool "$pool" -Work "$work" -N "$n" | tee -a "$results"
