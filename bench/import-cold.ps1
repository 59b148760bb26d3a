# Import-Structure timed inside a fresh pwsh: process CPU (all threads) and wall time of each of three passes over
# the same file, so the first (cold: JIT, tiering) can be set against the later (warm) ones.
# usage: dotnet pwsh -NoProfile -File bench/import-cold.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Path big.extxyz [-Passes 3]
param($Module, $Path, [int]$Passes = 3)
Import-Module (Resolve-Path $Module).Path
$process = [Diagnostics.Process]::GetCurrentProcess()
foreach ($pass in 1..$Passes) {
    $process.Refresh()
    $cpu = $process.TotalProcessorTime
    $gc = [GC]::CollectionCount(0)
    $wall = [Diagnostics.Stopwatch]::StartNew()
    Import-Structure $Path | Out-Null
    $wall.Stop()
    $process.Refresh()
    "pass {0}: CPU {1:F3} s, wall {2:F3} s, gen-0 collections {3}, JIT-compiled methods so far {4}" -f $pass,
        ($process.TotalProcessorTime - $cpu).TotalSeconds, $wall.Elapsed.TotalSeconds, ([GC]::CollectionCount(0) - $gc),
        [System.Runtime.JitInfo]::GetCompiledMethodCount()
}
