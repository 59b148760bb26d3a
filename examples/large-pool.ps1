# A pool too large for memory: descriptors streamed into a Parquet store by shards, a selection from the store
# without loading it, the picks read back from their source file; and the same stage as a SLURM array job.
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
Remove-Item $store -Recurse
