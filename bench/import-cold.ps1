# Import-Structure timed inside a fresh pwsh: process CPU (all threads) and wall time of each of three passes over
# the same file, so the first (cold: JIT, tiering) can be set against the later (warm) ones; JIT time and GC pauses
# are reported per pass so the cold cost can be split from parsing.
# usage: dotnet pwsh -NoProfile -File bench/import-cold.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Path big.extxyz [-Passes 3]
param($Module, $Path, [int]$Passes = 3)
Import-Module (Resolve-Path $Module).Path
$process = [Diagnostics.Process]::GetCurrentProcess()
foreach ($pass in 1..$Passes) {
    $process.Refresh()
    $cpu = $process.TotalProcessorTime
    $gc = [GC]::CollectionCount(0)
    $gen2 = [GC]::CollectionCount(2)
    $jit = [System.Runtime.JitInfo]::GetCompilationTime($false)
    $pause = [GC]::GetTotalPauseDuration()
    $allocated = [GC]::GetTotalAllocatedBytes($false)
    $wall = [Diagnostics.Stopwatch]::StartNew()
    Import-Structure $Path | Out-Null
    $wall.Stop()
    $process.Refresh()
    # JIT time is the elapsed time threads spent compiling (this thread and the background tier-up thread; on a loaded
    # machine it includes time descheduled, so only the idle-machine figure splits CPU), GC pause the time the program
    # was stopped for collections, allocated the bytes allocated during the pass (the structures themselves included).
    "pass {0}: CPU {1:F3} s, wall {2:F3} s, JIT {3:F3} s ({4} methods so far), GC pause {5:F3} s, gen-0/gen-2 collections {6}/{7}, allocated {8:F0} MB" -f $pass,
        ($process.TotalProcessorTime - $cpu).TotalSeconds, $wall.Elapsed.TotalSeconds,
        ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jit).TotalSeconds, [System.Runtime.JitInfo]::GetCompiledMethodCount(),
        ([GC]::GetTotalPauseDuration() - $pause).TotalSeconds, ([GC]::CollectionCount(0) - $gc), ([GC]::CollectionCount(2) - $gen2),
        (([GC]::GetTotalAllocatedBytes($false) - $allocated) / 1e6)
}
