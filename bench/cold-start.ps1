# First call of Import-Structure and Get-Descriptor in a fresh pwsh: times and the JIT compilations behind them.
# usage: dotnet pwsh -NoProfile -File bench/cold-start.ps1 -Module module/AtomCuration/AtomCuration.psd1
param($Module)
$t0 = [Diagnostics.Stopwatch]::StartNew()
Import-Module (Resolve-Path $Module).Path
$import = $t0.ElapsedMilliseconds
$t = [Diagnostics.Stopwatch]::StartNew()
$pool = Import-Structure (Join-Path $PSScriptRoot ../examples/data/Cu_SNAP_sample.extxyz.gz)
$first = $t.ElapsedMilliseconds
$t.Restart()
$null = $pool | Get-Descriptor -Preset SeedFingerprint
$desc = $t.ElapsedMilliseconds
$t.Restart()
$pool2 = Import-Structure (Join-Path $PSScriptRoot ../examples/data/Cu_SNAP_sample.extxyz.gz)
$second = $t.ElapsedMilliseconds
"import-module $import ms; first Import-Structure $first ms; first Get-Descriptor SeedFingerprint $desc ms; second Import-Structure $second ms; $($pool.Count) frames; JIT methods $([System.Runtime.JitInfo]::GetCompiledMethodCount()) in $([int][System.Runtime.JitInfo]::GetCompilationTime().TotalMilliseconds) ms"
