BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset AverageSoap
}

Describe 'Select-Configuration -Budget' {
    It 'selects as many structures as the labelling budget buys, at N_atoms³ each by default' {
        $budget = 5e6
        $picked = $pool | Select-Configuration Fps -Budget $budget
        $cost = ($picked | ForEach-Object { [Math]::Pow($_.AtomCount, 3) } | Measure-Object -Sum).Sum
        $cost | Should -BeLessOrEqual $budget
        $more = $pool | Select-Configuration Fps -Count ($picked.Count + 1)
        ($more | ForEach-Object { [Math]::Pow($_.AtomCount, 3) } | Measure-Object -Sum).Sum | Should -BeGreaterThan $budget
    }

    It 'prices structures by exponent' {
        $byAtoms = $pool | Select-Configuration Random -Budget 500 -CostExponent 1 -Seed 2
        ($byAtoms | Measure-Object AtomCount -Sum).Sum | Should -BeLessOrEqual 500
        $byAtoms.Count | Should -BeGreaterThan 3
    }

    It 'refuses a budget with a count and a cost key without a budget' {
        { $pool | Select-Configuration Fps -Budget 1e6 -Count 3 -ErrorAction Stop } | Should -Throw
        { $pool | Select-Configuration Fps -Count 3 -CostKey hours -ErrorAction Stop } | Should -Throw
    }

    It 'says so when no structure fits' {
        $none = $pool | Select-Configuration KMeans -Budget 10 -WarningVariable warned -WarningAction SilentlyContinue
        $none | Should -BeNullOrEmpty
        ($warned -join ' ') | Should -Match 'No structure fits the budget'
    }
}
