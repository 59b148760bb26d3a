BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
}

Describe 'Import-Structure' {
    It 'streams every frame of a gzipped extxyz file with its labels' {
        $s = Import-Structure $sample
        $s.Count | Should -Be 59
        $s[0] | Should -BeOfType ([AtomCuration.Structures.Structure])
        $s[0].Energy | Should -Not -BeNullOrEmpty
        $s[0].Forces.Length | Should -Be $s[0].AtomCount
        $s[0].ConfigType | Should -Not -BeNullOrEmpty
        ($s | Where-Object ConfigType -eq 'Vacancy').Count | Should -Be 8
    }

    It 'leaves .Count to PowerShell: one structure counts as one result, its atoms are AtomCount' {
        $one = Import-Structure $sample -Index 0
        $one.Count | Should -Be 1
        $one | Should -HaveCount 1
        $one.AtomCount | Should -Be $one.Positions.Length
        $one.AtomCount | Should -BeGreaterThan 1
    }

    It 'takes files from Get-ChildItem by property name' {
        $s = Get-ChildItem (Split-Path $sample) -Filter *.extxyz.gz | Import-Structure
        $s.Count | Should -Be 59
    }

    It 'selects frames with -Index like ASE' {
        (Import-Structure $sample -Index '-1').FrameIndex | Should -Be 58
        (Import-Structure $sample -Index '0:20:10').FrameIndex | Should -Be @(0, 10)
    }

    It 'expands wildcards and reports a missing file as a non-terminating error' {
        $s = Import-Structure (Join-Path (Split-Path $sample) 'Cu_*.extxyz.gz'), 'TestDrive:/nope.xyz' -ErrorVariable err -ErrorAction SilentlyContinue
        $s.Count | Should -Be 59
        $err.Count | Should -BeGreaterThan 0
    }

    It 'writes InvalidData for a bad frame, warns, and keeps the good frames' {
        $bad = Join-Path $TestDrive 'bad.xyz'
        Set-Content $bad -Value @(
            '1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu 0 0 0',
            '1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu zero 0 0',
            '1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu 1 1 1')
        $s = Import-Structure $bad -ErrorVariable err -WarningVariable warn -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $s.Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception | Should -BeOfType ([AtomCuration.IO.StructureFormatException])
        $warn.Count | Should -Be 1
    }

    It 'rejects a malformed -Index before reading' {
        { Import-Structure $sample -Index '1:2:0' -ErrorAction Stop } | Should -Throw '*-Index*'
    }

    It 'formats structures as a table with formula and energy per atom' {
        $text = Import-Structure $sample -Index 0 | Format-Table | Out-String
        $text | Should -Match 'Formula'
        $text | Should -Match 'Cu'
    }
}

Describe 'Import-Structure fails loudly' {
    BeforeAll {
        $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    }

    It 'reports a wildcard that matches nothing, as Get-Content does, and $? is false' {
        $r = Import-Structure (Join-Path $TestDrive 'nomatch*.extxyz') -ErrorVariable err -ErrorAction SilentlyContinue
        $ok = $?
        $r | Should -BeNullOrEmpty
        $ok | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,AtomCuration.PowerShell.Commands.ImportStructureCommand'
        { Import-Structure (Join-Path $TestDrive 'nomatch*.extxyz') -ErrorAction Stop } | Should -Throw '*does not exist*'
    }

    It 'says a directory is a directory' {
        $err = $null
        Import-Structure $TestDrive -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PathIsDirectory,AtomCuration.PowerShell.Commands.ImportStructureCommand'
        "$($err[0])" | Should -Match 'is a directory'
    }

    It 'reports an -Index beyond the last frame with the frame count' {
        $r = Import-Structure $sample -Index 500 -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -BeNullOrEmpty
        "$($err[0])" | Should -Match 'out of range: the file holds 59 frames'
        Import-Structure $sample -Index -60 -ErrorVariable err2 -ErrorAction SilentlyContinue
        "$($err2[0])" | Should -Match 'out of range'
        # A slice that selects nothing is not an error, as in Python.
        Import-Structure $sample -Index '500:' -ErrorVariable err3 | Should -BeNullOrEmpty
        $err3 | Should -BeNullOrEmpty
        (Import-Structure $sample -Index -1).FrameIndex | Should -Be 58
    }
}

Describe 'Import-Structure ids' {
    It 'gives every structure a unique id when files share a name (relative path + frame)' {
        $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
        foreach ($run in 'a', 'b', 'c/d') {
            New-Item -ItemType Directory -Force (Join-Path $TestDrive "runs/$run") | Out-Null
            Copy-Item $sample (Join-Path $TestDrive "runs/$run/frames.extxyz.gz")
        }
        Push-Location $TestDrive
        try {
            $last = Get-ChildItem runs -Recurse -Filter frames.extxyz.gz | Import-Structure -Index -1
            ($last.Id | Sort-Object) | Should -Be @('runs/a/frames.extxyz.gz#58', 'runs/b/frames.extxyz.gz#58', 'runs/c/d/frames.extxyz.gz#58')
        }
        finally { Pop-Location }
        # Outside the current location the full path names the file.
        (Import-Structure $sample -Index 0).Id | Should -BeLike '*Cu_SNAP_sample.extxyz.gz#0'
    }
}
