BeforeAll {
    . (Join-Path $PSScriptRoot 'New-CopperFitFixture.ps1')
}

Describe 'Invoke-EamCalculation' {
    It 'says which potential it evaluates and how many structures, with -Verbose' {
        $verbose = (Import-Structure $sample -Index ':2' | Invoke-EamCalculation $fit -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose[0] | Should -Match '^Evaluating with EamFitResult .*: EAM alloy Cu, cutoff'
        $verbose[-1] | Should -Be 'Evaluated 2 structure(s), 0 could not be evaluated.'
    }

    It 'labels structures with the potential and keeps the labels they had' {
        $in = Import-Structure $sample -Index ':3'
        $out = $in | Invoke-EamCalculation $fit
        $out.Count | Should -Be 3
        $check = $in | Measure-FitError $fit -PerStructure
        for ($i = 0; $i -lt 3; $i++) {
            $out[$i].EnergyPerAtom | Should -BeGreaterThan ($check[$i].PredictedEnergyEvPerAtom - 1e-12)
            $out[$i].EnergyPerAtom | Should -BeLessThan ($check[$i].PredictedEnergyEvPerAtom + 1e-12)
            $out[$i].Info['reference_energy'] | Should -Be $in[$i].Energy
            $out[$i].Info['calculator'] | Should -Match 'EamFitResult'
        }
        $saved = Join-Path $TestDrive 'labelled.extxyz'
        $out | Export-Structure $saved
        $back = Import-Structure $saved
        ($back[0].AtomProperties | Where-Object Name -eq 'reference_forces').Columns | Should -Be 3
        $in[1].Energy | Should -Be $back[1].Info['reference_energy']
    }

    It 'takes a potential file as FileInfo and reports what it cannot evaluate' {
        $file = Join-Path $TestDrive 'fit.eam.alloy'
        $fit | Export-EamPotential $file
        $r = @(Import-Structure $sample -Index 0) + @(Import-Structure $nickel) |
            Invoke-EamCalculation (Get-Item $file) -ErrorVariable err -ErrorAction SilentlyContinue
        @($r).Count | Should -Be 1
        $r.Info['calculator'] | Should -Be 'fit.eam.alloy'
        $err[0].FullyQualifiedErrorId | Should -Be 'StructureNotEvaluated,AtomCuration.PowerShell.Commands.InvokeEamCalculationCommand'
    }
}
