# Allocation profile of the extxyz reader: one warm pass of [AtomCuration.IO.StructureIO]::Read (no pipeline), the
# runtime's GCAllocationTick events (one per ~100 kB allocated, with the type) summed by type in an in-process EventListener.
# usage: dotnet pwsh -NoProfile -File bench/import-alloc.ps1 -Module module/AtomCuration/AtomCuration.psd1 -Path big.extxyz
param($Module, $Path)
Import-Module (Resolve-Path $Module).Path
Add-Type -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
public sealed class AllocSampler : EventListener
{
    public readonly ConcurrentDictionary<string, long> Bytes = new();
    public volatile bool On;
    protected override void OnEventSourceCreated(EventSource s)
    {
        if (s.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(s, EventLevel.Verbose, (EventKeywords)0x1);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || !e.EventName!.StartsWith("GCAllocationTick")) return;
        int t = e.PayloadNames!.IndexOf("TypeName"); int a = e.PayloadNames.IndexOf("AllocationAmount64");
        string name = (string)e.Payload![t]!; long amount = a >= 0 ? Convert.ToInt64(e.Payload[a]) : 100000;
        Bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }
}
'@
$l = [AllocSampler]::new()
$n = 0; foreach ($r in [AtomCuration.IO.StructureIO]::Read($Path)) { $n++ }   # warms the reader up: the profile is of the second pass
$l.On = $true
$n = 0; foreach ($r in [AtomCuration.IO.StructureIO]::Read($Path)) { $n++ }
$l.On = $false
$total = ($l.Bytes.Values | Measure-Object -Sum).Sum
"sampled {0:F0} MB" -f ($total / 1e6)
$l.Bytes.GetEnumerator() | Sort-Object Value -Descending | Select-Object -First 15 | ForEach-Object { "{0,8:F1} MB  {1}" -f ($_.Value / 1e6), $_.Key }
