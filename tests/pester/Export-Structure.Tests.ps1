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
            Should -Throw -ErrorId 'FileExists,AtomCuration.PowerShell.Commands.ExportStructureCommand'
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

    It 'warns and writes no file when it receives nothing (an -Index beyond the file upstream)' {
        $out = Join-Path $TestDrive 'nothing.extxyz'
        Import-Structure $sample -Index 500 -ErrorAction SilentlyContinue | Export-Structure $out -WarningVariable w 3>$null
        $out | Should -Not -Exist
        "$w" | Should -Be 'Export-Structure received no structures; no file was written.'
        $ErrorActionPreference = 'Stop'
        { Import-Structure $sample -Index 500 | Export-Structure $out } | Should -Throw '*out of range*'
        $out | Should -Not -Exist
    }

    It 'honours -WhatIf' {
        $out = Join-Path $TestDrive 'whatif.xyz'
        Import-Structure $sample -Index 0 | Export-Structure $out -WhatIf
        Test-Path $out | Should -BeFalse
    }
}

Describe 'Export-Structure: training inputs of other fitting codes' {
    It 'round-trips n2p2 input.data, MLIP .cfg and FitSNAP JSON through Import-Structure' {
        $in = Import-Structure $sample -Index ':6'
        foreach ($name in 'input.data', 'train.cfg') {
            $out = Join-Path $TestDrive $name
            $in | Export-Structure $out
            $back = Import-Structure $out
            $back.Count | Should -Be 6
            for ($i = 0; $i -lt 6; $i++) {
                $back[$i].Energy | Should -BeGreaterThan ($in[$i].Energy - 1e-9)
                $back[$i].Energy | Should -BeLessThan ($in[$i].Energy + 1e-9)
                $back[$i].Forces[3].Y | Should -BeGreaterThan ($in[$i].Forces[3].Y - 1e-12)
                $back[$i].Forces[3].Y | Should -BeLessThan ($in[$i].Forces[3].Y + 1e-12)
            }
        }
        (Import-Structure (Join-Path $TestDrive 'train.cfg'))[0].ConfigType | Should -Be $in[0].ConfigType
    }

    It 'writes one file per structure in folders by config_type, named after the source frame' {
        $in = Import-Structure $sample
        $folder = Join-Path $TestDrive 'fitsnap'
        $in | Export-Structure "$folder/" -Format FitSnapJson
        $files = Get-ChildItem $folder -Recurse -File
        $files.Count | Should -Be $in.Count
        ($files.Directory.Name | Sort-Object -Unique) | Should -Be ($in.ConfigType | Sort-Object -Unique)
        # Position in the pipeline, then the id (path of the source file and frame) made file-name safe.
        $files | ForEach-Object { $_.Name | Should -Match '^\d{5}_(.+_)?Cu_SNAP_sample\.extxyz\.gz_\d+\.json$' }
        $back = Import-Structure $files.FullName
        ($back.Energy | Measure-Object -Sum).Sum | Should -BeGreaterThan (($in.Energy | Measure-Object -Sum).Sum - 1e-6)
    }

    It 'writes one POSCAR folder per structure for a DFT campaign' {
        $folder = Join-Path $TestDrive 'vasp'
        New-Item -ItemType Directory $folder | Out-Null
        Import-Structure $sample -Index ':4' | Export-Structure $folder -Format Poscar
        @(Get-ChildItem $folder -Recurse -Filter POSCAR).Count | Should -Be 4
    }

    It 'refuses a folder without -Format' {
        { Import-Structure $sample -Index 0 | Export-Structure (Join-Path $TestDrive 'nofmt/') -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotOpenOutput,AtomCuration.PowerShell.Commands.ExportStructureCommand'
    }

    It 'refuses n2p2 for an unlabelled structure with a per-structure error' {
        $s = Import-Structure $sample -Index 0
        $bare = $s.WithPositions($s.Positions)
        $out = Join-Path $TestDrive 'bare-input.data'
        $bare | Export-Structure $out -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'CannotWriteStructure,AtomCuration.PowerShell.Commands.ExportStructureCommand'
        "$($err[0])" | Should -Match 'energy'
    }
}

Describe 'Export-Structure traceability' {
    It 'writes each frame''s origin and the selection it carries into extxyz' {
        $picked = Import-Structure $sample | Get-Descriptor -Preset AverageSoap |
            Select-Configuration -Method KMeans -Count 4 -Seed 1
        $out = Join-Path $TestDrive 'picked.extxyz'
        $picked | Export-Structure $out
        $back = Import-Structure $out
        $back.Count | Should -Be 4
        for ($i = 0; $i -lt 4; $i++) {
            $back[$i].Info['origin_path'] | Should -Be $picked[$i].SourcePath
            $back[$i].Info['origin_frame'] | Should -Be $picked[$i].FrameIndex
            $back[$i].Info['selection_rank'] | Should -Be $picked[$i].SelectionRank
            $back[$i].Info['cluster'] | Should -Be $picked[$i].ClusterId
        }
    }
}
