# The array half of bench/slurm/run.sh: the descriptor stage as a 4-task SLURM array; prints result rows
# (n,array,task,seconds,cpu_seconds,peak_rss_mb; the first, without a task, is the wall time from submission to the end of -Wait)
# and checks that the merged store equals the single-process one (same ids, same descriptor values).
param([string]$Module, [string]$Pool, [string]$Work, [int]$N)
$ErrorActionPreference = 'Stop'
Import-Module $Module
# Each task reports its own process's wall time (since start), CPU time and peak RSS: accounting is off on the local cluster.
$stage = [scriptblock]::Create(@"
Import-Structure '$Pool' -Shard `$Shard | Get-Descriptor Rdf -Parameters @{ cutoff = 4 } -Species Cu -ThrottleLimit 1 | Export-Descriptor '$Work/array.parquet' -Shard `$Shard
`$p = Get-Process -Id `$PID
'{0},{1:F2},{2:F2},{3:F0}' -f `$ShardIndex, ((Get-Date) - `$p.StartTime).TotalSeconds, `$p.TotalProcessorTime.TotalSeconds, (`$p.PeakWorkingSet64 / 1MB) |
    Set-Content "$Work/task-`$ShardIndex.csv"
"@)
$clock = [Diagnostics.Stopwatch]::StartNew()
$job = Submit-CurationArrayJob $stage -Shards 4 -CpusPerTask 1 -JobDirectory "$Work/job" -Wait
if ($job.Failed) { throw "array tasks failed: $($job.Failed.Task)" }
'{0},array,,{1:F2},,' -f $N, $clock.Elapsed.TotalSeconds
foreach ($k in 1..4) { "$N,array," + (Get-Content "$Work/task-$k.csv") }
$a = Select-Configuration -Store "$Work/single.parquet" -Method Random -Count $N -NoFetch | Sort-Object Ordinal
$b = Select-Configuration -Store "$Work/array.parquet" -Method Random -Count $N -NoFetch | Sort-Object Ordinal
if (($a.Id -join ',') -ne ($b.Id -join ',')) { throw 'The merged store has other ids than the single-process one.' }
for ($i = 0; $i -lt $a.Count; $i++) {
    if (($a[$i].Descriptor -join ',') -ne ($b[$i].Descriptor -join ',')) { throw "Row $i of the merged store differs from the single-process one." }
}
