BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    . (Join-Path $PSScriptRoot 'New-TestSetfl.ps1')
}

Describe 'Import-EamPotential' {
    BeforeAll {
        $script:ti = Join-Path $TestDrive 'Ti_test.eam.alloy'
        New-TestSetfl $ti
    }

    It 'reads a setfl file' {
        $verbose = (Import-EamPotential $ti -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose | Should -Match '^Read .*Ti_test\.eam\.alloy: EAM alloy Ti, cutoff'
        $p = Import-EamPotential $ti
        $p | Should -BeOfType ([AtomCuration.Potentials.Eam.EamPotential])
        $p.Elements.Symbol | Should -Be 'Ti'
        $p.IsFinnisSinclair | Should -BeFalse
        $p.Cutoff | Should -Be 5.5
    }

    It 'reads funcfl and eam/fs by name, and pipes from Get-ChildItem' {
        # Both files are made here: a small analytic funcfl, and the test setfl exported as eam/fs.
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'formats')
        New-TestFuncfl (Join-Path $dir 'Cu.eam')
        Import-EamPotential $ti | Export-EamPotential (Join-Path $dir 'Ti.eam.fs')
        (Import-EamPotential (Join-Path $dir 'Cu.eam')).Elements.Symbol | Should -Be 'Cu'
        (Import-EamPotential (Join-Path $dir 'Ti.eam.fs')).IsFinnisSinclair | Should -BeTrue
        $piped = @(Get-ChildItem $dir -Filter '*.eam*' | Import-EamPotential)
        $piped.Count | Should -Be 2
        ($piped.Elements.Symbol | Sort-Object) -join ',' | Should -Be 'Cu,Ti'
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
