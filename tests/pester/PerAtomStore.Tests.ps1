# Per-atom descriptor stores as a user drives them: Export-Descriptor -PerAtom (whole and sharded), the
# local-environment bank from the store and Measure-Diversity against it, equal to the same steps in memory.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:acsf = @{ Kind = 'Acsf'; Parameters = @{ Acsf = @{ cutoff = 4 } }; PerAtom = $true; Species = 'Cu' }
    $script:pool = Import-Structure $sample -Index ':9' | Get-Descriptor @acsf
    $script:atoms = Join-Path $TestDrive 'atoms.parquet'
    $script:sharded = Join-Path $TestDrive 'sharded.parquet'
    $pool | Export-Descriptor $atoms -PerAtom
    1..3 | ForEach-Object {
        Import-Structure $sample -Index ':9' -Shard "$_/3" | Get-Descriptor @acsf | Export-Descriptor $sharded -PerAtom -Shard "$_/3"
    }
}

Describe 'Export-Descriptor -PerAtom' {
    It 'writes one row per atom, whole or in shards' {
        $rows = ($pool | Measure-Object AtomCount -Sum).Sum
        $picked = Select-Configuration -Store $atoms -Method Random -Count 9 -Seed 1 -NoFetch
        $picked.Count | Should -Be 9
        ($picked | Measure-Object { $_.AtomDescriptors.Rows } -Sum).Sum | Should -Be $rows
        (Get-ChildItem $sharded).Count | Should -Be 3
        $fromShards = Select-Configuration -Store $sharded -Method Random -Count 9 -Seed 1 -NoFetch
        $fromShards.Id | Should -Be $picked.Id
        $fromShards[4].AtomDescriptors.Values | Should -Be $picked[4].AtomDescriptors.Values
    }

    It 'writes per atom without -PerAtom when the structures carry only per-atom descriptors' {
        $store = Join-Path $TestDrive 'none.parquet'
        Import-Structure $sample -Index ':3' | Get-Descriptor @acsf -Aggregate None | Export-Descriptor $store
        (Select-Configuration -Store $store -Method Random -Count 1 -NoFetch).AtomDescriptors | Should -Not -BeNullOrEmpty
    }

    It 'refuses -PerAtom for a .npy or .csv file' {
        { $pool | Export-Descriptor (Join-Path $TestDrive 'x.csv') -PerAtom } | Should -Throw '*-PerAtom writes a descriptor store*'
    }
}

Describe 'Select-Configuration -Store -Method LocalEnvironmentBank' {
    It 'selects what the in-memory bank selects, with a count' {
        $inMemory = $pool | Select-Configuration -Method LocalEnvironmentBank -Count 4 -Seed 3 -Options @{ shuffle = $true }
        foreach ($store in $atoms, $sharded) {
            $fromStore = Select-Configuration -Store $store -Method LocalEnvironmentBank -Count 4 -Seed 3 -Options @{ shuffle = $true }
            $fromStore.Id | Should -Be $inMemory.Id
            $fromStore.SelectionScore | Should -Be $inMemory.SelectionScore
            $fromStore[0].Energy | Should -Be $inMemory[0].Energy
        }
    }

    It 'selects what the in-memory bank selects, with a threshold' {
        $inMemory = $pool | Select-Configuration -Method LocalEnvironmentBank -Threshold 0.3
        $fromStore = Select-Configuration -Store $sharded -Method LocalEnvironmentBank -Threshold 0.3
        $fromStore.Id | Should -Be $inMemory.Id
        { Select-Configuration -Store $atoms -Method LocalEnvironmentBank -Threshold 0.3 -Count 2 } | Should -Throw '*not both*'
    }

    It 'refuses a method of the other layout by name' {
        $structures = Join-Path $TestDrive 'structures.parquet'
        $pool | Export-Descriptor $structures
        $e = { Select-Configuration -Store $atoms -Method KMeans -Count 2 } | Should -Throw '*one row per atom*' -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'StoreLayoutMismatch*'
        { Select-Configuration -Store $structures -Method LocalEnvironmentBank -Count 2 } | Should -Throw '*-PerAtom*'
        { $pool | Measure-Diversity -Store $structures } | Should -Throw '*one row per structure*'
    }
}

Describe 'Measure-Diversity -Store' {
    It 'measures the picks against the store as against the pool in memory' {
        $picks = Select-Configuration -Store $atoms -Method LocalEnvironmentBank -Count 3 -Seed 1
        $inMemory = $picks | Measure-Diversity -Reference $pool -Scaling MinMax
        $fromStore = $picks | Measure-Diversity -Store $sharded -Scaling MinMax
        $fromStore.ReferenceEnvironments | Should -Be ($pool | Measure-Object AtomCount -Sum).Sum
        foreach ($p in 'Environments', 'Entropy', 'MeanDistance', 'MedianDistance', 'MaxDistance') { $fromStore.$p | Should -Be $inMemory.$p }
    }
}
