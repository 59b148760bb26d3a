BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $pool = Import-Structure $sample | Group-Object ConfigType | ForEach-Object { $_.Group | Select-Object -First 5 } |
        Get-Descriptor -Preset SeedFingerprint
    $fit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 6 }
    $script:trials = $pool | Invoke-SelectionStudy -Method KMeans -Count 3, 6 -Trials 4 -Seed 9 -Fit $fit
    $script:rows = $trials | Measure-SelectionStudy
}

Describe 'Measure-SelectionStudy' {
    It 'emits one row per method and size with medians, spreads and one-sided p-values' {
        $rows | Should -BeOfType ([AtomCuration.Studies.StudySummaryRow])
        $rows.Count | Should -Be 4
        $k3 = $rows | Where-Object { $_.Method -eq 'KMeans' -and $_.Count -eq 3 }
        $own = @($trials | Where-Object { $_.Method -eq 'KMeans' -and $_.Count -eq 3 } | ForEach-Object TestEnergyRmse | Sort-Object)
        $k3.Trials | Should -Be 4
        $k3.MedianEnergyRmse | Should -Be (($own[1] + $own[2]) / 2)
        $k3.Test | Should -Be 'MannWhitney'
        $k3.EnergyPValue | Should -BeGreaterThan 0
        $k3.EnergyPValue | Should -BeLessOrEqual 1
        $k3.EnergyPValueHolm | Should -BeGreaterOrEqual $k3.EnergyPValue
        $k3.ForcePValue | Should -BeGreaterThan 0
        $k3.EnergyCi.Low | Should -BeLessOrEqual $k3.MedianEnergyRmse
        $k3.ReferenceEnergyRmse | Should -Be ($trials | Where-Object Method -eq 'AllData').TestEnergyRmse
        [double]::IsNaN(($rows | Where-Object Method -eq 'Random' | Select-Object -First 1).EnergyPValue) | Should -BeTrue
    }

    It 'takes another baseline, warns when it is missing, and formats the table' {
        $vsK = $trials | Measure-SelectionStudy -Baseline KMeans
        [double]::IsNaN(($vsK | Where-Object Method -eq 'Random' | Select-Object -First 1).EnergyPValue) | Should -BeFalse
        $null = $trials | Measure-SelectionStudy -Baseline Fps -WarningVariable w -WarningAction SilentlyContinue
        $w | Should -Not -BeNullOrEmpty
        ($rows | Format-Table | Out-String) | Should -Match 'Median E'
        { $trials | Measure-SelectionStudy -Factor 0.5 -ErrorAction Stop } | Should -Throw '*factor*'
    }
}
