BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset SeedFingerprint
}

Describe 'Measure-ClusterQuality' {
    It 'measures k-means clusters in descriptor space' {
        $r = $pool | Select-Configuration KMeans -Count 5 -Seed 1 -IncludeRejected | Measure-ClusterQuality
        $r | Should -BeOfType ([AtomCuration.Studies.ClusterQualityReport])
        $r.Structures | Should -Be $pool.Count
        $r.Clusters | Should -Be 5
        $r.MeanIntraDistance | Should -BeLessThan $r.MeanInterDistance
        $r.Silhouette | Should -BeGreaterThan 0
        $r.Silhouette | Should -BeLessOrEqual 1
        $r.PerCluster.Count | Should -Be 5
        ($r.PerCluster | Measure-Object Size -Sum).Sum | Should -Be $pool.Count
        $r.MeanEnergySpread | Should -BeGreaterOrEqual 0
        ($r | Format-Table | Out-String) | Should -Match 'Silhouette'
    }

    It 'gives the same figures on one thread and asks for cluster ids' {
        $labelled = $pool | Select-Configuration KMeans -Count 4 -Seed 2 -IncludeRejected
        ($labelled | Measure-ClusterQuality -ThrottleLimit 1).Silhouette | Should -Be ($labelled | Measure-ClusterQuality).Silhouette
        { $pool | Measure-ClusterQuality -ErrorAction Stop } | Should -Throw '*cluster id*'
    }
}
