BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
}

Describe 'Import-Structure' {
    It 'says which files it read, with -Verbose' {
        $out = Import-Structure $sample -Index 0 -Verbose 4>&1
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -HaveCount 1
        $verbose[0].Message | Should -Match "^Read .*Cu_SNAP_sample\.extxyz\.gz \(\d+(\.\d+)? MB\): 1 structures, 0 bad frame\(s\) skipped"
        @($out | Where-Object { $_ -is [AtomCuration.Structures.Structure] }) | Should -HaveCount 1
    }

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
            # Export-Descriptor's id column repeats none of them.
            $last | Get-Descriptor -Kind Rdf -Parameters @{ cutoff = 3 } | Export-Descriptor ids.csv
            (Import-Csv ids.csv).id | Sort-Object -Unique | Should -HaveCount 3
        }
        finally { Pop-Location }
        # Outside the current location the full path names the file.
        (Import-Structure $sample -Index 0).Id | Should -BeLike '*Cu_SNAP_sample.extxyz.gz#0'
    }
}

Describe 'Import-Structure -Index with several indices (issue 15)' {
    BeforeAll { $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz' }

    It 'takes an array of indices and slices as PowerShell users pass it' {
        (Import-Structure $sample -Index 2,49).FrameIndex | Should -Be @(2, 49)
        (Import-Structure $sample -Index 49,2).FrameIndex | Should -Be @(2, 49)
        (Import-Structure $sample -Index '0:3', -1, 1).FrameIndex | Should -Be @(0, 1, 2, 58)
    }

    It 'reports an index beyond the file after the frames the others name' {
        $r = Import-Structure $sample -Index 2,500 -ErrorVariable err -ErrorAction SilentlyContinue
        $r.FrameIndex | Should -Be 2
        "$($err[0])" | Should -Match '-Index 500 is out of range: the file holds 59 frames'
    }
}

Describe 'Import-Structure on damaged files (issue 18)' {
    BeforeAll {
        $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
        $script:whole = Import-Structure $sample
    }

    It 'reads a gzip file with zero padding after it whole and warns about the padding' {
        $padded = Join-Path $TestDrive 'padded.extxyz.gz'
        [IO.File]::WriteAllBytes($padded, [byte[]]([IO.File]::ReadAllBytes($sample) + [byte[]]::new(512)))
        $r = Import-Structure $padded -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable err
        $r.Count | Should -Be $whole.Count
        $err.Count | Should -Be 0
        "$w" | Should -Match '512 zero byte\(s\) of padding'
    }

    It 'keeps the intact frames of a truncated gzip file read with -Format Auto and does not count the file as a bad frame' {
        $cut = Join-Path $TestDrive 'cut.gz'
        $bytes = [IO.File]::ReadAllBytes($sample)
        [IO.File]::WriteAllBytes($cut, [byte[]]$bytes[0..($bytes.Length - 5)])
        $r = Import-Structure $cut -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Count | Should -Be $whole.Count
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'StructureFileUnreadable*'
        "$($err[0])" | Should -Match 'truncated'
        $w | Where-Object { "$_" -match 'bad frame' } | Should -BeNullOrEmpty
    }

    It 'warns once that LAMMPS type numbers are taken as elements, and how to name them' {
        $dump = "ITEM: TIMESTEP`n0`nITEM: NUMBER OF ATOMS`n1`nITEM: BOX BOUNDS pp pp pp`n0 4`n0 4`n0 4`nITEM: ATOMS id type x y z`n1 1 0 0 0`n"
        Set-Content (Join-Path $TestDrive 'a.dump') -Value ($dump + $dump)
        Set-Content (Join-Path $TestDrive 'b.dump') -Value $dump
        $r = Import-Structure (Join-Path $TestDrive '*.dump') -WarningVariable w -WarningAction SilentlyContinue
        $r.Count | Should -Be 3
        $w.Count | Should -Be 1
        "$w" | Should -Match "-TypeMap @\{1='Cu'; 2='Ni'\}"
        Import-Structure (Join-Path $TestDrive '*.dump') -TypeMap @{ 1 = 'Cu' } -WarningVariable w2 -WarningAction SilentlyContinue |
            ForEach-Object { $_.Symbols[0] } | Select-Object -Unique | Should -Be 'Cu'
        $w2.Count | Should -Be 0
    }
}
