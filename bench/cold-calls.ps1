# One call repeated in ONE fresh pwsh: per call the process CPU time (all threads: background tier-up and GC included) and
# the methods the JIT compiled. The first call pays for being first; the second is often not warm yet (hot methods are
# re-jitted at tier 1 while it runs), so the cold cost is the first call minus the last. $s holds the bundled Cu sample
# (imported before the first timed call) and $quickFit a short fit, as in bench/cold-start-cmdlets.ps1.
# usage: dotnet pwsh -NoProfile -File bench/cold-calls.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Call '$s | Get-Descriptor -Preset AverageSoap' [-Times 4]
param($Module, [string] $Call, [int] $Times = 4)
$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $Module).Path
$me = [Diagnostics.Process]::GetCurrentProcess()
$s = Import-Structure (Join-Path $PSScriptRoot ../examples/data/Cu_SNAP_sample.extxyz.gz)
$quickFit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 4 }
$block = [scriptblock]::Create($Call)
$calls = foreach ($i in 1..$Times) {
    $me.Refresh(); $cpu = $me.TotalProcessorTime.TotalMilliseconds; $jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    $null = & $block
    $me.Refresh()
    '{0} ms / {1} methods' -f [int]($me.TotalProcessorTime.TotalMilliseconds - $cpu), ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jit)
}
"CPU / JIT per call: $($calls -join ', ')"
