# The seed recipe of paper 000 timed stage by stage in a fresh pwsh: Import-Structure → Get-Descriptor -Preset
# SeedFingerprint → Select-Configuration -Preset KMeansStudy → Invoke-EamFit → Measure-FitError on the whole pool.
# Defaults are those of examples/cu-seed-kmeans.yml (10 picks, spline EAM with a 5 Å cutoff, 60 iterations).
# Each line gives the stage's wall time and the process CPU time (all threads, GC and JIT included) it took.
# usage: dotnet pwsh -NoProfile -File bench/seed-recipe.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Path /tmp/ti1800.extxyz
#        (the pool: $B ti-pool /tmp/ti1800.extxyz; see bench/README.md)
param($Module, $Path, [int]$Count = 10, [int]$Seed = 1, [double]$Cutoff = 5.0, [int]$MaxIterations = 60)
$ErrorActionPreference = 'Stop'
$process = [Diagnostics.Process]::GetCurrentProcess()
$total = [Diagnostics.Stopwatch]::StartNew()
$cpu0 = $process.TotalProcessorTime
$script:cpu = $cpu0
$script:wall = [Diagnostics.Stopwatch]::StartNew()
function Stage([string] $Name, [string] $Detail) {
    $process.Refresh()
    '{0,-28} wall {1,6:F2} s  CPU {2,6:F2} s  {3}' -f $Name, $script:wall.Elapsed.TotalSeconds, ($process.TotalProcessorTime - $script:cpu).TotalSeconds, $Detail
    $script:cpu = $process.TotalProcessorTime
    $script:wall.Restart()
}
Import-Module (Resolve-Path $Module).Path
Stage 'Import-Module'
$pool = Import-Structure $Path
Stage 'Import-Structure' "$($pool.Count) structures, $(($pool | Measure-Object AtomCount -Sum).Sum) sites"
$fingerprinted = $pool | Get-Descriptor -Preset SeedFingerprint
Stage 'Get-Descriptor SeedFingerprint' "$($fingerprinted[0].Descriptor.Length) values each"
$picks = $fingerprinted | Select-Configuration -Preset KMeansStudy -Count $Count -Seed $Seed
Stage 'Select-Configuration KMeans' "$(@($picks).Count) picked"
$fit = $picks | Invoke-EamFit -Cutoff $Cutoff -MaxIterations $MaxIterations -Seed $Seed
Stage 'Invoke-EamFit' "$Cutoff Å, at most $MaxIterations iterations"
$report = $pool | Measure-FitError -Potential $fit
Stage 'Measure-FitError' ("energy RMSE {0:F2} meV/atom, force RMSE {1:F1} meV/Å on the whole pool" -f $report.EnergyRmse, $report.ForceRmse)
$process.Refresh()
'{0,-28} wall {1,6:F2} s  CPU {2,6:F2} s  (Import-Module included, pwsh start-up not; load average {3})' -f 'whole recipe',
    $total.Elapsed.TotalSeconds, ($process.TotalProcessorTime - $cpu0).TotalSeconds, (Get-Content /proc/loadavg).Split(' ')[0]
