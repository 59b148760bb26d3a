# Which methods the runtime compiles during each Import-Structure pass in a fresh pwsh: the runtime's MethodLoadVerbose
# events (JIT keyword) in an in-process EventListener, counted per pass by assembly group and optimisation tier, with
# the module's own methods listed for the first pass. The listener costs time itself: read the counts, not the clock.
# usage: dotnet pwsh -NoProfile -File bench/import-jit.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Path big.extxyz [-Passes 2]
param($Module, $Path, [int]$Passes = 2)
Import-Module (Resolve-Path $Module).Path
Add-Type -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
public sealed class JitSampler : EventListener
{
    public readonly ConcurrentQueue<(string Name, int Tier)> Methods = new();
    public volatile bool On;
    protected override void OnEventSourceCreated(EventSource s)
    {
        if (s.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(s, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || !e.EventName!.StartsWith("MethodLoadVerbose")) return;
        var p = e.PayloadNames!;
        string ns = (string)e.Payload![p.IndexOf("MethodNamespace")]!;
        string name = (string)e.Payload[p.IndexOf("MethodName")]!;
        int flags = Convert.ToInt32(e.Payload[p.IndexOf("MethodFlags")]);
        Methods.Enqueue((ns + "::" + name, (flags >> 7) & 7));
    }
}
'@
# MethodFlags bits 7-9 are the runtime's OptimizationTier: 1 MinOpts, 2 Optimized (AggressiveOptimization, or tiering off),
# 3 tier 0, 4 tier 1, then (order of the .NET 8+ runtime, with tiered PGO) 5 tier-1 OSR, 6 tier 0 instrumented,
# 7 tier 1 instrumented. ReadyToRun code is not compiled, so it shows only when a hot method of it is recompiled.
$tiers = @{ 0 = 'unknown'; 1 = 'minopts'; 2 = 'optimized'; 3 = 'tier0'; 4 = 'tier1'; 5 = 'tier1-osr'; 6 = 'tier0-instr'; 7 = 'tier1-instr' }
$l = [JitSampler]::new()
foreach ($pass in 1..$Passes) {
    $l.Methods.Clear()
    $l.On = $true
    Import-Structure $Path | Out-Null
    Start-Sleep -Milliseconds 500   # let the background tier-up thread finish what this pass queued
    $l.On = $false
    $all = @($l.Methods.ToArray())
    "pass ${pass}: $($all.Count) methods compiled"
    $all | Group-Object { $g = $_.Item1; $a = if ($g -like 'AtomCuration*') { 'AtomCuration' } elseif ($g -like 'System.Management.Automation*') { 'PowerShell' } elseif ($g -like 'System.*') { 'System' } else { 'other' }; "$a $($tiers[$_.Item2])" } |
        Sort-Object Count -Descending | ForEach-Object { "{0,6}  {1}" -f $_.Count, $_.Name }
    if ($pass -eq 1) {
        "AtomCuration methods compiled in pass 1:"
        $all | Where-Object { $_.Item1 -like 'AtomCuration*' } | ForEach-Object { "    {0} [{1}]" -f $_.Item1, $tiers[$_.Item2] }
    }
}
