BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample -Index '::2' | Where-Object ConfigType -in 'AIMD', 'Elastic' | Get-Descriptor -Preset LocalEnvironment
}

Describe 'Measure-TrainTestDistance' {
    It 'tabulates every train/test combination of the named sets' {
        $rows = $pool | Measure-TrainTestDistance -GroupBy ConfigType -TrainSize 300 -TestSize 100 -Repeats 3 -Seed 1
        $rows | Should -HaveCount 4
        $rows[0] | Should -BeOfType ([AtomCuration.Studies.TrainTestDistance])
        ($rows | ForEach-Object { '{0}>{1}' -f $_.Training, $_.Testing }) | Should -Be @('AIMD>AIMD', 'AIMD>Elastic', 'Elastic>AIMD', 'Elastic>Elastic')
        $rows | ForEach-Object {
            $_.Median | Should -BeLessOrEqual $_.Max
            $_.Mean | Should -BeGreaterThan 0
            $_.TrainPoints | Should -Be 300
        }
        ($rows | Format-Table | Out-String) | Should -Match 'Training set'
    }

    It 'refuses sets too small for the sizes asked and an unknown -ScaleBy set' {
        { $pool | Measure-TrainTestDistance -GroupBy ConfigType -TrainSize 100000 -ErrorAction Stop } |
            Should -Throw -ErrorId 'TrainTestDistanceFailed,AtomCuration.PowerShell.Commands.MeasureTrainTestDistanceCommand'
        { $pool | Measure-TrainTestDistance -GroupBy ConfigType -ScaleBy Nothing -ErrorAction Stop } | Should -Throw '*no set named*'
    }
}
