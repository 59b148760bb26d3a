#!/usr/bin/env bash
# The large-pool figures of issue 16: for each pool size N given (default 10000 100000), generate N perturbed
# Cu cells (bench large-pool generate), then run each stage as a user would, in a fresh PowerShell measured by
# GNU time (wall time, peak RSS), 2 threads:
#   import     Import-Structure pool.extxyz | Measure-Object
#   store      Import-Structure pool.extxyz | Get-Descriptor Rdf (cutoff 4 Å) -Species Cu | Export-Descriptor store.parquet
#              (-Species lets Get-Descriptor stream: without it, the columns of a partial RDF wait for every species,
#              so the pool is collected first)
#   select     Select-Configuration -Store store.parquet -Method KMeans -Count 1000 -Seed 1 | Export-Structure picked.extxyz
# Rows are appended to bench/large-pool/results.csv (n,stage,seconds,cpu_seconds,peak_rss_mb: wall time, user + sys
# time, maximum resident set size of the PowerShell process) and the plot redrawn.
# Usage (from anywhere): bench/large-pool/run.sh [N...]   Work files: $LARGE_POOL_WORK (default /tmp/atomcuration-large-pool).
# $LARGE_POOL_STAGES lists the stages to run (default "import store select"; select needs the store).
# $LARGE_POOL_MODULE names the module manifest to load (default: the published module of this repository); point it
# at a copy to keep a long run independent of rebuilds in the repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
work=${LARGE_POOL_WORK:-/tmp/atomcuration-large-pool}
mkdir -p "$work"
results=bench/large-pool/results.csv
[ -f "$results" ] || echo "n,stage,seconds,cpu_seconds,peak_rss_mb" > "$results"
dotnet build bench/AtomCuration.Bench -c Release --nologo -v q >/dev/null
bench="dotnet bench/AtomCuration.Bench/bin/Release/net10.0/AtomCuration.Bench.dll"
module=${LARGE_POOL_MODULE:-$repo/module/AtomCuration/AtomCuration.psd1}

source bench/large-pool/stage.sh

for n in "${@:-10000 100000}"; do
    for size in $n; do
        pool="$work/pool-$size.extxyz"
        [ -s "$pool" ] || $bench large-pool generate "$size" "$pool"
        stages=" ${LARGE_POOL_STAGES:-import store select} "
        [[ $stages == *" import "* ]] && stage "$size" import "Import-Structure pool-$size.extxyz | Measure-Object | ForEach-Object Count"
        [[ $stages == *" store "* ]] && rm -rf "$work/store-$size.parquet" && stage "$size" store "Import-Structure pool-$size.extxyz | Get-Descriptor Rdf -Parameters @{ cutoff = 4 } -Species Cu -ThrottleLimit 2 | Export-Descriptor store-$size.parquet; (Get-ChildItem store-$size.parquet | Measure-Object Length -Sum).Sum"
        [[ $stages == *" select "* ]] && stage "$size" select "Select-Configuration -Store store-$size.parquet -Method KMeans -Count 1000 -Seed 1 -ThrottleLimit 2 | Export-Structure picked-$size.extxyz -PassThru | Measure-Object | ForEach-Object Count"
    done
done
$bench large-pool plot "$results" bench/large-pool/scaling.png
