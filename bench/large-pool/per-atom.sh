#!/usr/bin/env bash
# Per-atom descriptors of a large pool (issue 16): the local-environment bank and Measure-Diversity's coverage, from a
# per-atom store against the same steps in memory, for each pool size N given (default 10000) of the perturbed Cu
# cells of run.sh (108 atoms each; ACSF, 24 G2 + 16 G4 at 4 Å, 40 columns per atom). Stages, each a fresh PowerShell
# under GNU time (2 threads):
#   atoms            Import-Structure | Get-Descriptor Acsf -Aggregate None -Species Cu | Export-Descriptor atoms.parquet
#   bank-store       Select-Configuration -Store atoms.parquet -Method LocalEnvironmentBank -Threshold T (min-max scaling:
#                    a survey pass, then one pass; cacheMegabytes = 64 so that the environments are not kept)
#   bank-memory      Import-Structure | Get-Descriptor … | Select-Configuration -Method LocalEnvironmentBank -Threshold T
#                    (min-max scaling collects the pool: descriptors included in its time)
#   coverage-store   10 random picks from the store | Measure-Diversity -Store atoms.parquet -Scaling MinMax
#   coverage-memory  the pool described in memory; the same 10 picks | Measure-Diversity -Reference $pool -Scaling MinMax
# Each prints the picks' count or the report's mean distance, so that store and memory can be compared.
# Rows go to $PER_ATOM_RESULTS (default $work/per-atom.csv). Usage: bench/large-pool/per-atom.sh [N...]
# $PER_ATOM_THRESHOLD (default 0.3), $PER_ATOM_STAGES (default all five), $LARGE_POOL_WORK, $LARGE_POOL_MODULE as in run.sh.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
work=${LARGE_POOL_WORK:-/tmp/atomcuration-large-pool}
mkdir -p "$work"
results=${PER_ATOM_RESULTS:-$work/per-atom.csv}
[ -f "$results" ] || echo "n,stage,seconds,cpu_seconds,peak_rss_mb" > "$results"
dotnet build bench/AtomCuration.Bench -c Release --nologo -v q >/dev/null
bench="dotnet bench/AtomCuration.Bench/bin/Release/net10.0/AtomCuration.Bench.dll"
module=${LARGE_POOL_MODULE:-$repo/module/AtomCuration/AtomCuration.psd1}
source bench/large-pool/stage.sh
t=${PER_ATOM_THRESHOLD:-0.3}
acsf="Get-Descriptor Acsf -Parameters @{ Acsf = @{ cutoff = 4 } } -Aggregate None -Species Cu -ThrottleLimit 2"

for size in "${@:-10000}"; do
    pool="$work/pool-$size.extxyz"
    [ -s "$pool" ] || $bench large-pool generate "$size" "$pool"
    stages=" ${PER_ATOM_STAGES:-atoms bank-store bank-memory coverage-store coverage-memory} "
    [[ $stages == *" atoms "* ]] && rm -rf "$work/atoms-$size.parquet" && stage "$size" atoms "Import-Structure pool-$size.extxyz | $acsf | Export-Descriptor atoms-$size.parquet; (Get-ChildItem atoms-$size.parquet | Measure-Object Length -Sum).Sum"
    [[ $stages == *" bank-store "* ]] && stage "$size" bank-store "Select-Configuration -Store atoms-$size.parquet -Method LocalEnvironmentBank -Threshold $t -Options @{ cacheMegabytes = 64 } -ThrottleLimit 2 -NoFetch | Measure-Object | ForEach-Object Count"
    [[ $stages == *" bank-memory "* ]] && stage "$size" bank-memory "Import-Structure pool-$size.extxyz | $acsf | Select-Configuration -Method LocalEnvironmentBank -Threshold $t -ThrottleLimit 2 | Measure-Object | ForEach-Object Count"
    [[ $stages == *" coverage-store "* ]] && stage "$size" coverage-store "Select-Configuration -Store atoms-$size.parquet -Method Random -Count 10 -Seed 1 | Measure-Diversity -Store atoms-$size.parquet -Scaling MinMax -ThrottleLimit 2 | ForEach-Object { '{0:R} {1:R}' -f \$_.MeanDistance, \$_.MedianDistance }"
    [[ $stages == *" coverage-memory "* ]] && stage "$size" coverage-memory "\$pool = @(Import-Structure pool-$size.extxyz | $acsf); \$pool | Select-Configuration -Method Random -Count 10 -Seed 1 | Measure-Diversity -Reference \$pool -Scaling MinMax -ThrottleLimit 2 | ForEach-Object { '{0:R} {1:R}' -f \$_.MeanDistance, \$_.MedianDistance }"
done
