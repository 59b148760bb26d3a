BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    . (Join-Path $PSScriptRoot 'New-TestSetfl.ps1')
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
}

Describe 'Export-EamPotential' {
    BeforeAll {
        $script:ti = Join-Path $TestDrive 'Ti_test.eam.alloy'
        New-TestSetfl $ti
    }

    It 'round-trips a setfl file' {
        $out = Join-Path $TestDrive 'Ti.eam.alloy'
        $f = Import-EamPotential $ti | Export-EamPotential $out -PassThru
        $f | Should -BeOfType ([IO.FileInfo])
        (Import-EamPotential $out).Cutoff | Should -Be (Import-EamPotential $ti).Cutoff
    }

    It 'writes the potential of a fit result and converts a file given by path' {
        $fit = Import-Structure $sample -Index '::6' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 5 -Seed 1
        $fit | Export-EamPotential (Join-Path $TestDrive 'Cu.eam.alloy')
        (Import-EamPotential (Join-Path $TestDrive 'Cu.eam.alloy')).Elements.Symbol | Should -Be 'Cu'
        $ti | Export-EamPotential (Join-Path $TestDrive 'Ti2.eam.alloy') -RCount 2000 -RhoCount 2000
        Test-Path (Join-Path $TestDrive 'Ti2.eam.alloy') | Should -BeTrue
    }

    It 'honours -NoClobber and -WhatIf' {
        $out = Join-Path $TestDrive 'keep.eam.alloy'
        Import-EamPotential $ti | Export-EamPotential $out -WhatIf
        Test-Path $out | Should -BeFalse
        Import-EamPotential $ti | Export-EamPotential $out
        Import-EamPotential $ti | Export-EamPotential $out -NoClobber -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
    }

    It 'refuses a second potential for the same -Path instead of overwriting the first' {
        $out = Join-Path $TestDrive 'one.eam.alloy'
        $p = Import-EamPotential $ti
        $p, $p | Export-EamPotential $out -ErrorVariable err -ErrorAction SilentlyContinue
        Test-Path $out | Should -BeTrue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecondPotentialForPath,*'
    }
}
