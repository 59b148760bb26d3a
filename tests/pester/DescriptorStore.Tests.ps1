# Descriptor stores as a user drives them: sharded import and export, selection from the store, picks read back.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:rdf = @{ Kind = 'Rdf'; Parameters = @{ cutoff = 3 } }
}

Describe 'Import-Structure -Shard' {
    It 'puts every frame in exactly one shard, with its pool position' {
        $all = Import-Structure $sample -Index ':14'
        $shards = 1..3 | ForEach-Object { , @(Import-Structure $sample -Index ':14' -Shard "$_/3") }
        ($shards | ForEach-Object Count) | Should -Be 5, 5, 4
        ($shards | ForEach-Object { $_ } | Sort-Object PoolIndex).Id | Should -Be $all.Id
        $all.PoolIndex | Should -Be (0..13)
        $shards[1][0].PoolIndex | Should -Be 1
    }

    It 'refuses a malformed shard' {
        { Import-Structure $sample -Shard '4/3' } | Should -Throw '*k/n*'
    }
}

Describe 'Export-Descriptor to a store and Select-Configuration -Store' {
    BeforeAll {
        $script:whole = Join-Path $TestDrive 'whole.parquet'
        $script:sharded = Join-Path $TestDrive 'sharded.parquet'
        Import-Structure $sample -Index ':12' | Get-Descriptor @rdf | Export-Descriptor $whole
        1..4 | ForEach-Object {
            Import-Structure $sample -Index ':12' -Shard "$_/4" | Get-Descriptor @rdf | Export-Descriptor $sharded -Shard "$_/4"
        }
    }

    It 'writes one part per shard and reads back the same rows as the unsharded store' {
        (Get-ChildItem $whole).Name | Should -Be 'part-00001-of-00001.parquet'
        (Get-ChildItem $sharded).Count | Should -Be 4
        $a = Select-Configuration -Store $whole -Method Fps -Count 12 -NoFetch
        $b = Select-Configuration -Store $sharded -Method Fps -Count 12 -NoFetch
        $b.Id | Should -Be $a.Id
        $b.SelectionScore | Should -Be $a.SelectionScore
        $b.PoolIndex | Sort-Object | Should -Be (0..11)
    }

    It 'selects the same structures as the in-memory FPS and reads them back from the source' {
        $inMemory = Import-Structure $sample -Index ':12' | Get-Descriptor @rdf | Select-Configuration -Method Fps -Count 4
        $fromStore = Select-Configuration -Store $sharded -Method Fps -Count 4
        $fromStore.Id | Should -Be $inMemory.Id
        $fromStore[0].Positions.Count | Should -Be $inMemory[0].AtomCount
        $fromStore[0].Energy | Should -Be $inMemory[0].Energy
        $fromStore.SelectionRank | Should -Be 0, 1, 2, 3
    }

    It 'runs mini-batch k-means with the options given and the same seed gives the same picks' {
        $one = Select-Configuration -Store $whole -Method KMeans -Count 3 -Seed 2 -Options @{ batchSize = 4; steps = 10 } -NoFetch
        $two = Select-Configuration -Store $sharded -Method KMeans -Count 3 -Seed 2 -Options @{ batchSize = 4; steps = 10 } -NoFetch
        $one.Count | Should -Be 3
        $two.Id | Should -Be $one.Id
        $one.ClusterId | Should -Be 0, 1, 2
    }

    It 'refuses methods and preprocessing that need the pool in memory' {
        { Select-Configuration -Store $whole -Method Dpp -Count 2 } | Should -Throw '*supports -Method*'
        { Select-Configuration -Store $whole -Method Fps -Count 2 -Standardize } | Should -Throw '*-Standardize needs the pool in memory*'
        { Select-Configuration -Store (Join-Path $TestDrive 'none.parquet') -Count 2 } | Should -Throw '*No descriptor store*'
    }

    It 'refuses a shard into a store split another way' {
        { Import-Structure $sample -Index ':2' | Get-Descriptor @rdf | Export-Descriptor $sharded -Shard 1/2 } |
            Should -Throw '*4-way split*'
    }
}
