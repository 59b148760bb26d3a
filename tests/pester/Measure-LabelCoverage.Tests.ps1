BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset SeedFingerprint
}

Describe 'Measure-LabelCoverage' {
    It 'compares energy and force-magnitude distributions with the pool' {
        $rows = $pool | Select-Configuration KMeans -Count 10 -Seed 1 | Measure-LabelCoverage -Reference $pool
        $rows | Should -BeOfType ([AtomCuration.Studies.LabelCoverage])
        $rows.Quantity | Should -Be @('EnergyPerAtom', 'ForceMagnitude')
        $rows[0].Values | Should -Be 10
        $rows[0].ReferenceValues | Should -Be $pool.Count
        $rows[1].ReferenceValues | Should -Be (($pool | Measure-Object AtomCount -Sum).Sum)
        foreach ($r in $rows) {
            $r.RangeCovered | Should -BeGreaterThan 0
            $r.RangeCovered | Should -BeLessOrEqual 1
            $r.KsDistance | Should -BeGreaterOrEqual 0
            $r.KsPValue | Should -BeLessOrEqual 1
        }
        ($rows | Format-Table | Out-String -Width 160) | Should -Match 'KS D'
    }

    It 'covers the whole pool completely' {
        $self = $pool | Measure-LabelCoverage $pool
        $self | ForEach-Object { $_.RangeCovered | Should -Be 1; $_.KsDistance | Should -Be 0 }
    }
}
