BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample -Index '::4' | Get-Descriptor -Preset LocalEnvironment
}

Describe 'Measure-ThresholdScan' {
    It 'reports mean and spread of the bank over shuffled screenings, one row per threshold' {
        $scan = $pool | Measure-ThresholdScan -Threshold 0.4, 0.1, 0.2 -Shuffles 3 -Seed 1
        $scan | Should -HaveCount 3
        $scan[0] | Should -BeOfType ([AtomCuration.Studies.ThresholdScanPoint])
        $scan.Threshold | Should -Be @(0.1, 0.2, 0.4)
        $scan[0].Structures | Should -BeGreaterOrEqual $scan[2].Structures
        $scan[0].Environments | Should -BeGreaterThan $scan[2].Environments
        $scan | ForEach-Object { $_.StructureCounts | Should -HaveCount 3; $_.PoolStructures | Should -Be $pool.Count }
        ($scan | Format-Table | Out-String -Width 200) | Should -Match 'Environments'
        $said = ($pool | Measure-ThresholdScan -Threshold 0.2 -Shuffles 2 -Seed 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $said | Should -Match "Screened $($pool.Count) structures at 1 threshold\(s\), 2 shuffled order\(s\) each \(seed 1\)"
    }

    It 'draws the scan as a BankScan figure' {
        $path = Join-Path $TestDrive 'scan.svg'
        $pool | Measure-ThresholdScan -Threshold 0.2, 0.3 -Shuffles 1 | Export-CurationPlot -Kind BankScan -Path $path
        (Get-Item $path).Length | Should -BeGreaterThan 1000
    }

    It 'refuses structures without per-atom descriptors' {
        { Import-Structure (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz') -Index 0 | Measure-ThresholdScan 0.1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'DescriptorMissing,AtomCuration.PowerShell.Commands.MeasureThresholdScanCommand'
    }
}
