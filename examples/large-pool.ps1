# A pool too large for memory: descriptors streamed into a Parquet store by shards, a selection from the store
# without loading it, the picks read back from their source file; the same stage as a SLURM array job; and a
# selection study run in shards and merged.
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'
$store = Join-Path ([IO.Path]::GetTempPath()) "cu-rdf-$PID.parquet"

# Three shards, each reading every third frame and writing its own part (on a cluster: one array task each)
1..3 | ForEach-Object {
    Import-Structure $data -Shard "$_/3" | Get-Descriptor Rdf -Parameters @{ cutoff = 4 } | Export-Descriptor $store -Shard "$_/3"
}
Get-ChildItem $store | Format-Table Name, Length

# Six structures by mini-batch k-means, read back from the pool file with their descriptors and cluster
Select-Configuration -Store $store -Method KMeans -Count 6 -Seed 1 -Options @{ batchSize = 16; steps = 30 } |
    Format-Table -View Selection

# The same stage on a SLURM cluster (here -WhatIf: shows what would be submitted)
Submit-CurationArrayJob -Shards 3 -Partition debug -Time 00:20:00 -WhatIf {
    Import-Structure /shared/pool.extxyz.gz -Shard $Shard | Get-Descriptor Rdf -Parameters @{ cutoff = 4 } |
        Export-Descriptor /shared/cu-rdf.parquet -Shard $Shard
}
# A selection study shared by two shards (on a cluster: two array tasks, each with -Shard $Shard), each writing its
# trials to its own checkpoint; Import-SelectionStudy merges them into the table one process would give
$pool = Import-Structure $data | Group-Object ConfigType | ForEach-Object { $_.Group | Select-Object -First 3 } |
    Get-Descriptor -Preset SeedFingerprint
$study = @{ Method = 'KMeans'; Count = 3; Trials = 2; Seed = 1; Fit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 4 } }
$parts = 1, 2 | ForEach-Object { Join-Path ([IO.Path]::GetTempPath()) "cu-study-$PID-part-$_.jsonl" }
1, 2 | ForEach-Object { $pool | Invoke-SelectionStudy @study -Shard "$_/2" -CheckpointPath $parts[$_ - 1] | Out-Null }
Import-SelectionStudy $parts | Format-Table Method, Size, Trial, TestEnergyRmse, TestForceRmse

Remove-Item $store -Recurse
Remove-Item $parts
