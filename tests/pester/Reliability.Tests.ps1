# What a hostile but realistic user does to the writers and to the structures on the pipeline (issues 10, 15, 18).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:frames = @(Import-Structure $sample)
    # Runs a pipeline in its own runspace and stops it (as Ctrl+C does) once it is writing into $folder.
    function script:Stop-PipelineMidway([string] $script, [string] $folder) {
        $stamp = Get-ChildItem -LiteralPath $folder -Force | ForEach-Object { "$($_.Name):$($_.Length):$($_.LastWriteTimeUtc.Ticks)" }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$((Get-Module AtomCuration).Path)'; $script")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            # Wait until the folder changes (the writer's temporary file, or a target truncated in place), let it write a little, stop.
            while ([DateTime]::UtcNow -lt $deadline -and -not $handle.IsCompleted -and
                   -not (Compare-Object $stamp (Get-ChildItem -LiteralPath $folder -Force |
                       ForEach-Object { "$($_.Name):$($_.Length):$($_.LastWriteTimeUtc.Ticks)" }))) {
                Start-Sleep -Milliseconds 20
            }
            Start-Sleep -Milliseconds 300
            $handle.IsCompleted | Should -BeFalse -Because 'the pipeline must still be running when stopped'
            $ps.Stop()
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Writers never destroy what they replace' {
    It 'reads a file whole when the pipeline writes it back: <Name>' -ForEach @(
        @{ Name = 'a.extxyz' }, @{ Name = 'a.extxyz.gz' }, @{ Name = 'POSCAR' }
    ) {
        $path = Join-Path $TestDrive $Name
        if ($Name -eq 'POSCAR') { $frames[0] | Export-Structure $path } else { $frames | Export-Structure $path }
        $before = @(Import-Structure $path)
        Import-Structure $path | Export-Structure $path
        $after = @(Import-Structure $path)
        $after.Count | Should -Be $before.Count
        $after.Count | Should -BeGreaterThan 0
        $after[-1].Positions[0].X | Should -Be $before[-1].Positions[0].X
        @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.*.tmp').Count | Should -Be 0
    }

    It 'collects a folder into a file of the same folder' {
        $g = New-Item -ItemType Directory (Join-Path $TestDrive 'g')
        $frames[0..4] | Export-Structure (Join-Path $g 'one.extxyz')
        $frames[5..9] | Export-Structure (Join-Path $g 'two.extxyz')
        $frames[0..2] | Export-Structure (Join-Path $g 'all.extxyz')
        Import-Structure (Join-Path $g '*.extxyz') | Export-Structure (Join-Path $g 'all.extxyz')
        (Import-Structure (Join-Path $g 'all.extxyz')).Count | Should -Be 13
    }

    It 'keeps the previous file when the pipeline fails midway' {
        $path = Join-Path $TestDrive 'keep.extxyz.gz'
        $frames[0..2] | Export-Structure $path
        $hash = (Get-FileHash -LiteralPath $path).Hash
        $n = 0
        $caught = $null
        try { $frames | ForEach-Object { if (++$n -eq 5) { throw 'disk full elsewhere' }; $_ } | Export-Structure $path }
        catch { $caught = $_.Exception.Message }
        $caught | Should -Be 'disk full elsewhere'
        (Get-FileHash -LiteralPath $path).Hash | Should -Be $hash
        @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.*.tmp').Count | Should -Be 0
    }

    It 'keeps the previous structure file when stopped with Ctrl+C' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'stop')
        $path = Join-Path $folder 'pool.extxyz'
        $frames[0..2] | Export-Structure $path
        $hash = (Get-FileHash -LiteralPath $path).Hash
        Stop-PipelineMidway "1..1000 | ForEach-Object { Import-Structure '$sample' } | ForEach-Object { Start-Sleep -Milliseconds 2; `$_ } | Export-Structure '$path'" $folder
        (Get-FileHash -LiteralPath $path).Hash | Should -Be $hash
        @(Get-ChildItem -LiteralPath $folder -Force -Filter '.*.tmp').Count | Should -Be 0
    }

    It 'keeps the previous .npy and sidecar when Export-Descriptor is stopped with Ctrl+C' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'npy')
        $path = Join-Path $folder 'd.npy'
        $frames[0..1] | Get-Descriptor -Preset Rdf100 | Export-Descriptor $path
        $npy = (Get-FileHash -LiteralPath $path).Hash
        $json = Get-Content -Raw (Join-Path $folder 'd.json')
        Stop-PipelineMidway "1..1000 | ForEach-Object { Import-Structure '$sample' } | Get-Descriptor -Preset Rdf100 -Species Cu | Export-Descriptor '$path'" $folder
        (Get-FileHash -LiteralPath $path).Hash | Should -Be $npy
        Get-Content -Raw (Join-Path $folder 'd.json') | Should -Be $json
        @(Get-ChildItem -LiteralPath $folder -Force -Filter '.*.tmp').Count | Should -Be 0
    }
}

Describe 'Structures cannot be changed through their dictionaries and arrays' {
    It 'refuses a write to Info and leaves every other structure as it was' {
        $a, $b = $frames[0], $frames[1]
        $typeB = $b.Info['config_type']
        { $a.Info['config_type'] = 'x' } | Should -Throw
        { $a.Info.Add('new', 1) } | Should -Throw
        { $a.Info.Remove('config_type') } | Should -Throw
        $a.Info['config_type'] | Should -Be $frames[0].ConfigType
        $b.Info['config_type'] | Should -Be $typeB
    }

    It 'refuses a write to the Info of a structure that has none, which no other structure then shows' {
        $path = Join-Path $TestDrive 'data.lmp'
        $frames[0] | Export-Structure $path
        $a = Import-Structure $path -Format LammpsData
        $b = Import-Structure $path -Format LammpsData
        $a.Info.Count | Should -Be 0
        { $a.Info['config_type'] = 'x' } | Should -Throw
        $b.Info.ContainsKey('config_type') | Should -BeFalse
        $frames[1].Info.ContainsKey('x') | Should -BeFalse
    }

    It 'refuses a write to a per-atom property array' {
        $path = Join-Path $TestDrive 'tags.extxyz'
        Set-Content -LiteralPath $path -Value @(
            '2', 'Lattice="4 0 0 0 4 0 0 0 4" Properties=species:S:1:pos:R:3:tags:I:1 pbc="T T T"',
            'Cu 0 0 0 7', 'Cu 2 2 2 8')
        $s = Import-Structure $path
        $copy = $s | Select-Configuration -Method Random -Count 1 -Seed 1
        { $s.AtomProperties[0].Values[0] = 99 } | Should -Throw
        { $s.AtomProperties[0] = $null } | Should -Throw
        $copy.AtomProperties[0].Values[0] | Should -Be 7
    }
}

Describe 'Degenerate cells are refused when read' {
    It 'reports a nearly flat periodic cell by file and frame and keeps the other frames' {
        $path = Join-Path $TestDrive 'flat.extxyz'
        $frame = { param($c) '2', "Lattice=""3.6 0 0 0 3.6 0 $c"" Properties=species:S:1:pos:R:3 energy=-7 pbc=""T T T""", 'Cu 0 0 0', 'Cu 1.8 1.8 0' }
        Set-Content -LiteralPath $path -Value (@(& $frame '0 0 3.6') + @(& $frame '0 0 1e-6') + @(& $frame '1e-9 0 1e-9') + @(& $frame '0 0 3.6'))
        $ok = Import-Structure $path -ErrorVariable bad -ErrorAction SilentlyContinue
        $ok.Count | Should -Be 2
        $bad.Count | Should -Be 2
        $bad[0].Exception.Message | Should -BeLike '*flat.extxyz*frame 1*degenerate*'
        $bad[1].Exception.Message | Should -BeLike '*flat.extxyz*frame 2*degenerate*'
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
        # The frames that were kept go on through a neighbour search in good time.
        $d = $ok | Get-Descriptor -Preset SeedFingerprint
        $d.Count | Should -Be 2
    }
}

Describe 'Overlapping atoms are reported by id and the other structures go on' {
    BeforeAll {
        $script:pool = Join-Path $TestDrive 'overlap.extxyz'
        $frames[0..5] | Export-Structure $pool
        # A seventh frame: frame 0 with atom 1 moved onto atom 0.
        $one = Join-Path $TestDrive 'one.extxyz'
        $frames[0] | Export-Structure $one
        $lines = Get-Content -LiteralPath $one
        $lines[3] = $lines[2]
        Add-Content -LiteralPath $pool -Value $lines
        $script:structures = @(Import-Structure $pool)
        $script:culprit = $structures[6].Id
    }

    It 'Get-Descriptor: <Preset>' -ForEach @(@{ Preset = 'SeedFingerprint' }, @{ Preset = 'LocalEnvironment' }, @{ Preset = 'AverageSoap' }) {
        $d = $structures | Get-Descriptor -Preset $Preset -ErrorVariable bad -ErrorAction SilentlyContinue
        $d.Count | Should -Be 6
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -BeLike "*$culprit*atoms 0 and 1 overlap*"
        foreach ($s in $d) { $s.Descriptor | Where-Object { -not [double]::IsFinite($_) } | Should -BeNullOrEmpty }
    }

    It 'Invoke-EamFit' {
        $fit = $structures | Invoke-EamFit -Cutoff 5.0 -MaxIterations 5 -Restarts 1 -Seed 1 -ErrorVariable bad -ErrorAction SilentlyContinue
        $fit | Should -Not -BeNullOrEmpty
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -BeLike "*$culprit*overlap*"
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'Measure-FitError' {
        $fit = $structures[0..5] | Invoke-EamFit -Cutoff 5.0 -MaxIterations 5 -Restarts 1 -Seed 1
        $r = $structures | Measure-FitError -Potential $fit -ErrorVariable bad -ErrorAction SilentlyContinue
        $r[-1].Structures | Should -Be 6
        [double]::IsFinite($r[-1].EnergyRmse) | Should -BeTrue
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -BeLike "*$culprit*overlap*"
    }
}

Describe 'Selections never repeat a structure and say when the pool has fewer distinct ones than asked' {
    It 'FPS on ten copies of one structure returns it once, with a warning' {
        $one = Import-Structure $sample -Index 0
        $pool = 1..10 | ForEach-Object { $one } | Get-Descriptor -Preset SeedFingerprint
        $picked = $pool | Select-Configuration -Method Fps -Count 3 -WarningVariable warned -WarningAction SilentlyContinue
        @($picked).Count | Should -Be 1
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*selected 1 of the 3*1 distinct*'
        $all = $pool | Select-Configuration -Method Fps -Count 3 -IncludeRejected -WarningAction SilentlyContinue
        @($all).Count | Should -Be 10
        @($all | Where-Object Selected).Count | Should -Be 1
    }

    It 'FPS on a pool with copies picks each distinct structure once' {
        $three = Import-Structure $sample -Index ':3'
        $pool = 1..4 | ForEach-Object { $three } | Get-Descriptor -Preset SeedFingerprint
        $picked = $pool | Select-Configuration -Method Fps -Count 5 -WarningVariable warned -WarningAction SilentlyContinue
        @($picked).Count | Should -Be 3
        @($picked.Id | Sort-Object -Unique).Count | Should -Be 3
        "$($warned[0])" | Should -BeLike '*3 distinct*'
    }
}
