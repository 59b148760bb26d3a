BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:fit = Import-Structure $sample -Index '::2' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 30 -Seed 1
}

Describe 'Measure-FitError' {
    It 'summarises by group, then overall' {
        $r = Import-Structure $sample -Index '1::2' | Measure-FitError -Potential $fit -GroupBy config_type
        $r[-1].Group | Should -BeNullOrEmpty
        $r[-1].Structures | Should -Be 29
        ($r | Where-Object Group -eq 'Vacancy').Structures | Should -Be 4
        $r[-1].EnergyRmse | Should -BeGreaterThan 0
        $r[-1].ForceRmse | Should -BeGreaterThan 0
        $r[-1].StressRmse | Should -Not -BeNullOrEmpty
    }

    It 'takes an EamPotential or a file path as well as a fit result' {
        $file = Join-Path $TestDrive 'cu.eam.alloy'
        $fit | Export-EamPotential $file
        $a = Import-Structure $sample -Index ':5' | Measure-FitError -Potential $fit.Potential
        $b = Import-Structure $sample -Index ':5' | Measure-FitError -Potential $file
        $b.EnergyRmse | Should -BeLessThan ($a.EnergyRmse + 0.05)
        $b.EnergyRmse | Should -BeGreaterThan ($a.EnergyRmse - 0.05)
    }

    It 'says how much of the set lies outside the training range of a fit result' {
        $s = Import-Structure $sample -Index '1::2' | Measure-FitError -Potential $fit
        $s.OutsideDistanceFraction | Should -BeGreaterOrEqual 0
        $s.OutsideDensityFraction | Should -BeGreaterOrEqual 0
        $s.OutsideDensityFraction | Should -BeLessOrEqual 1
        $own = Import-Structure $sample -Index '::2' | Measure-FitError -Potential $fit -PerStructure
        $own | ForEach-Object { $_.OutsideDistanceFraction | Should -Be 0; $_.OutsideDensityFraction | Should -Be 0 }
        $plain = Import-Structure $sample -Index ':3' | Measure-FitError -Potential $fit.Potential
        $plain.OutsideDistanceFraction | Should -BeNullOrEmpty
    }

    It 'gives one record per structure for parity plots' {
        $p = Import-Structure $sample -Index ':6' | Measure-FitError $fit -PerStructure
        $p.Count | Should -Be 6
        $p[0] | Should -BeOfType ([AtomCuration.Fitting.StructureFitError])
        $p[0].ReferenceEnergyPerAtom | Should -BeLessThan 0
    }

    It 'names unlabelled structures instead of returning NaN' {
        $bad = Join-Path $TestDrive 'nolabel.xyz'
        Set-Content $bad -Value @('1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu 0 0 0')
        { Import-Structure $bad | Measure-FitError $fit -ErrorAction Stop } | Should -Throw '*nolabel.xyz#0*'
    }

    It 'rejects something that is not a potential' {
        { Import-Structure $sample -Index 0 | Measure-FitError -Potential 42 -ErrorAction Stop } | Should -Throw '*potential*'
    }
}
