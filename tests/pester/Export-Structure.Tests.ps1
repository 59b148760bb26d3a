BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
}

Describe 'Export-Structure' {
    It 'round-trips extxyz losslessly' {
        $out = Join-Path $TestDrive 'copy.extxyz'
        $in = Import-Structure $sample
        $in | Export-Structure $out
        $back = Import-Structure $out
        $back.Count | Should -Be $in.Count
        for ($i = 0; $i -lt $in.Count; $i++) {
            $back[$i].Energy | Should -Be $in[$i].Energy
            $back[$i].Forces[0].X | Should -Be $in[$i].Forces[0].X
            $back[$i].ConfigType | Should -Be $in[$i].ConfigType
        }
    }

    It 'appends with -Append and refuses to overwrite with -NoClobber' {
        $out = Join-Path $TestDrive 'two.xyz'
        Import-Structure $sample -Index 0 | Export-Structure $out
        Import-Structure $sample -Index 1 | Export-Structure $out -Append
        (Import-Structure $out).Count | Should -Be 2
        { Import-Structure $sample -Index 0 | Export-Structure $out -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotOpenOutput,AtomCuration.PowerShell.Commands.ExportStructureCommand'
        (Import-Structure $out).Count | Should -Be 2
    }

    It 'passes structures through with -PassThru and compresses .gz' {
        $out = Join-Path $TestDrive 'pass.extxyz.gz'
        $p = Import-Structure $sample -Index ':3' | Export-Structure $out -PassThru
        $p.Count | Should -Be 3
        [IO.File]::ReadAllBytes($out)[0..1] | Should -Be @(0x1f, 0x8b)
        (Import-Structure $out).Count | Should -Be 3
    }

    It 'writes POSCAR and LAMMPS data by extension' {
        $s = Import-Structure $sample -Index 0
        $s | Export-Structure (Join-Path $TestDrive 'POSCAR')
        $p = Import-Structure (Join-Path $TestDrive 'POSCAR')
        $p.Count | Should -Be $s.Count
        $s | Export-Structure (Join-Path $TestDrive 'cu.data')
        Get-Content (Join-Path $TestDrive 'cu.data') -Raw | Should -Match 'atoms'
    }

    It 'honours -WhatIf' {
        $out = Join-Path $TestDrive 'whatif.xyz'
        Import-Structure $sample -Index 0 | Export-Structure $out -WhatIf
        Test-Path $out | Should -BeFalse
    }
}
