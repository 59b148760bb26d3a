BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    # A small pool (3 cells of each config_type), a small spline, few iterations.
    $script:pool = Import-Structure $sample | Group-Object ConfigType | ForEach-Object { $_.Group | Select-Object -First 3 } |
        Get-Descriptor -Preset SeedFingerprint
    $script:study = @{ Method = 'KMeans'; Count = 3, 5; Trials = 2; Seed = 5; Fit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 4 } }
    $script:whole = $pool | Invoke-SelectionStudy @study
    $script:one = $pool | Invoke-SelectionStudy @study -Shard 1/2 -CheckpointPath (Join-Path $TestDrive 'part-1.jsonl')
    $script:two = $pool | Invoke-SelectionStudy @study -Shard 2/2 -CheckpointPath (Join-Path $TestDrive 'part-2.jsonl')
}

Describe 'Import-SelectionStudy' {
    It 'merges shards 1/2 and 2/2 into the unsharded table, field for field' {
        $one.Count + $two.Count | Should -Be $whole.Count
        $one[0].Method | Should -Be 'AllData'   # table positions 0, 2, 4, … go to shard 1
        $out = Import-SelectionStudy (Join-Path $TestDrive 'part-*.jsonl') -Verbose 4>&1
        $merged = $out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match "^Merged $($whole.Count) of $($whole.Count) planned trials from 2 file\(s\)"
        $merged | Should -BeOfType ([AtomCuration.Studies.StudyTrial])
        $merged.Count | Should -Be $whole.Count
        $fields = $whole[0].PSObject.Properties.Name | Where-Object { $_ -notlike '*Seconds' }
        for ($i = 0; $i -lt $whole.Count; $i++) {
            foreach ($f in $fields) {
                ($merged[$i].$f | ConvertTo-Json -Depth 4 -Compress) | Should -Be ($whole[$i].$f | ConvertTo-Json -Depth 4 -Compress) -Because "trial $i, $f"
            }
            $merged[$i].TestEnergyRmse | Should -Be $whole[$i].TestEnergyRmse
        }
        ($merged | Measure-SelectionStudy | ForEach-Object MedianEnergyRmse) | Should -Be ($whole | Measure-SelectionStudy | ForEach-Object MedianEnergyRmse)
    }

    It 'emits what one part holds and names the missing trials' {
        $half = Import-SelectionStudy (Join-Path $TestDrive 'part-2.jsonl') -ErrorVariable missing -ErrorAction SilentlyContinue
        $half.Count | Should -Be $two.Count
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'IncompleteStudy*'
        $missing[0].Exception.Message | Should -BeLike "$($one.Count) of $($whole.Count) trials*AllData*"
    }

    It 'refuses parts of different studies' {
        $other = Join-Path $TestDrive 'other.jsonl'
        $pool | Invoke-SelectionStudy @study -Seed 6 -Shard 1/2 -NoReference -CheckpointPath $other | Out-Null
        { Import-SelectionStudy (Join-Path $TestDrive 'part-1.jsonl'), $other -ErrorAction Stop } | Should -Throw '*another study*'
    }
}
