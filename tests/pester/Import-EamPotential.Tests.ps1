BeforeDiscovery {
    # -Skip is evaluated at discovery, before BeforeAll runs.
    $lammps = '/usr/share/lammps/potentials'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    . (Join-Path $PSScriptRoot 'New-TestSetfl.ps1')
    $script:lammps = '/usr/share/lammps/potentials'
}

Describe 'Import-EamPotential' {
    BeforeAll {
        $script:ti = Join-Path $TestDrive 'Ti_test.eam.alloy'
        New-TestSetfl $ti
    }

    It 'reads a setfl file' {
        $p = Import-EamPotential $ti
        $p | Should -BeOfType ([AtomCuration.Potentials.Eam.EamPotential])
        $p.Elements.Symbol | Should -Be 'Ti'
        $p.IsFinnisSinclair | Should -BeFalse
        $p.Cutoff | Should -Be 5.5
    }

    It 'reads funcfl and eam/fs by name, and pipes from Get-ChildItem' -Skip:(-not (Test-Path $lammps)) {
        (Import-EamPotential (Join-Path $lammps 'Cu_u3.eam')).Elements.Symbol | Should -Be 'Cu'
        (Import-EamPotential (Join-Path $lammps 'Zr_mm.eam.fs')).IsFinnisSinclair | Should -BeTrue
        (Get-ChildItem $lammps -Filter 'CuNi.eam.alloy' | Import-EamPotential).Elements.Count | Should -Be 2
    }

    It 'writes a non-terminating error for a file that is not a potential' {
        $bad = Join-Path $TestDrive 'bad.eam.alloy'
        Set-Content $bad 'not a potential'
        $p = Import-EamPotential $bad -ErrorVariable err -ErrorAction SilentlyContinue
        $p | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EamFileUnreadable*'
    }
}
