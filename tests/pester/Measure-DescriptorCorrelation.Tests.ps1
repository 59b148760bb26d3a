BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset SeedFingerprint
}

Describe 'Measure-DescriptorCorrelation' {
    It 'correlates distance with energy and force differences over every pair, then per group' {
        $rows = $pool | Measure-DescriptorCorrelation -GroupBy config_type
        $rows | Should -BeOfType ([AtomCuration.Studies.DescriptorCorrelation])
        $all = $rows | Where-Object Group -eq '(all)'
        $all.Label | Should -Be @('EnergyPerAtom', 'RmsForce', 'MaxForce')
        $all[0].Pairs | Should -Be ($pool.Count * ($pool.Count - 1) / 2)
        foreach ($r in $rows) {
            $r.Spearman | Should -BeGreaterOrEqual -1
            $r.Spearman | Should -BeLessOrEqual 1
            $r.SpearmanPValue | Should -BeGreaterOrEqual 0
            $r.SpearmanCi.Low | Should -BeLessOrEqual $r.Spearman
        }
        ($rows | Where-Object Group -eq 'Vacancy' | Select-Object -First 1).Pairs | Should -Be 28   # 8 vacancy cells
    }

    It 'samples a seeded number of pairs and formats a table' {
        $a = $pool | Measure-DescriptorCorrelation -Pairs 300 -Seed 2 -Standardize
        $b = $pool | Measure-DescriptorCorrelation -Pairs 300 -Seed 2 -Standardize
        $a[0].Pairs | Should -Be 300
        $a[0].Kendall | Should -Be $b[0].Kendall
        ($a | Format-Table | Out-String) | Should -Match 'Spearman'
    }

    It 'correlates the REMatch kernel distance of the per-atom environments' {
        $cells = Import-Structure (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz') -Index ':12' | Get-Descriptor -Preset LocalEnvironment
        $rows = $cells | Measure-DescriptorCorrelation -AtomKernel Rematch -RematchAlpha 0.2
        $rows[0].Pairs | Should -Be 66
        $rows[0].Spearman | Should -BeGreaterOrEqual -1
        $rows[0].Spearman | Should -BeLessOrEqual 1
        # Another kernel, another distance: the correlations differ from the average kernel's.
        $average = $cells | Measure-DescriptorCorrelation -AtomKernel Average
        $average[0].Spearman | Should -Not -Be $rows[0].Spearman
        { $cells | Measure-DescriptorCorrelation -AtomKernel Rematch -Standardize -ErrorAction Stop } | Should -Throw '*Standardize*'
    }

    It 'names what is missing' {
        { Import-Structure (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz') | Select-Object -First 3 |
            Measure-DescriptorCorrelation -ErrorAction Stop } | Should -Throw '*Get-Descriptor*'
    }
}
