# Runs the documentation: every ```powershell block of README.md and docs/cmdlets/*.md, and every
# examples/*.ps1, against bundled data, with the working directory (and TMPDIR) in TestDrive so that
# whatever an example writes lands there. An example cannot rot unnoticed.
#
# The examples name the user's files (pool.extxyz.gz, a folder of OUTCARs, ...). The test makes small
# stand-ins for them in TestDrive from the repository's data, and adapts the few paths that cannot be
# made there by the substitution table below, applied to the text of every block before it runs:
#
# | in the documentation                              | runs as                                                      |
# |---------------------------------------------------|--------------------------------------------------------------|
# | ./module/AtomCuration                              | the module folder of this repository                          |
# | examples/...                                       | the repository's examples/...                                 |
# | /usr/share/lammps/potentials/Cu_mishin1.eam.alloy  | Cu_zjw.eam.alloy: the published Zhou–Johnson–Wadley Cu form   |
# |                                                   | written by the test (lammps-data is not part of the repo)     |
# | Ti.eam.alloy                                       | Cu_zjw.eam.alloy (the bundled pools are Cu, not Ti)           |
# | speciesWeighting = @{ Ti = 1; O = 0.5 }            | speciesWeighting = @{ Cu = 1 } (the bundled pools are Cu)     |
# | species = 'Ti', 'O'                                | species = 'Cu'                                                |
# | Export-Structure pool.extxyz.gz                    | Export-Structure outcar-steps.extxyz.gz (README's snippets   |
# |                                                   | are independent: the OUTCAR one must not replace the Cu pool) |
#
# Files made in TestDrive (from examples/data/Cu_SNAP_sample.extxyz.gz unless noted):
#   pool.extxyz.gz (every 5th frame, 12 cells), pool/a.extxyz.gz + pool/b.extxyz.gz (6 cells each),
#   train.extxyz.gz (every 4th frame), test.extxyz.gz (every 8th from the 2nd),
#   runs/relax/OUTCAR, runs/npt/OUTCAR and vasprun.xml (tests/AtomCuration.Core.Tests/IO/Data),
#   md.lammpstrj (a 32-atom fcc Cu LAMMPS dump of 20 frames, written here), Cu_zjw.eam.alloy.
# Every block and script starts from fresh copies of these files (and Cu.eam.alloy, trials.csv). Variables a block uses
# without defining them: $pool (pool.extxyz.gz with -Preset AverageSoap descriptors), $fit (an EAM fit on
# train.extxyz.gz, also $all), $split (an FPS selection of 4 with the rejected ones), $training, $map, $trials (a small
# k-means study).

BeforeDiscovery {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:blocks = foreach ($file in @(Get-Item (Join-Path $root 'README.md')) + @(Get-ChildItem (Join-Path $root 'docs/cmdlets') -Filter *.md | Sort-Object Name)) {
        $lines = Get-Content -LiteralPath $file.FullName
        $inBlock = $false; $start = 0; $code = $null
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if (-not $inBlock -and $lines[$i] -match '^```powershell\s*$') { $inBlock = $true; $start = $i + 2; $code = [Collections.Generic.List[string]]::new(); continue }
            if ($inBlock -and $lines[$i] -match '^```\s*$') {
                $inBlock = $false
                @{ Name = '{0}:{1}' -f $file.Name, $start; Code = $code -join "`n" }
                continue
            }
            if ($inBlock) { $code.Add($lines[$i]) }
        }
    }
    # examples/*.Tests.ps1 are Pester files (Invoke-Pester.ps1 runs them as such): run inside this test they would add blocks to it.
    $script:scripts = Get-ChildItem (Join-Path $root 'examples') -Filter *.ps1 | Where-Object Name -notlike '*.Tests.ps1' | Sort-Object Name |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $root 'module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $root 'examples/data/Cu_SNAP_sample.extxyz.gz'
    $ioData = Join-Path $root 'tests/AtomCuration.Core.Tests/IO/Data'

    $script:files = Join-Path $TestDrive 'files'
    New-Item -ItemType Directory (Join-Path $files 'pool') -Force | Out-Null
    Import-Structure $sample -Index '::5' | Export-Structure (Join-Path $files 'pool.extxyz.gz')
    Import-Structure $sample -Index '0::10' | Export-Structure (Join-Path $files 'pool/a.extxyz.gz')
    Import-Structure $sample -Index '5::10' | Export-Structure (Join-Path $files 'pool/b.extxyz.gz')
    Import-Structure $sample -Index '::4' | Export-Structure (Join-Path $files 'train.extxyz.gz')
    Import-Structure $sample -Index '1::8' | Export-Structure (Join-Path $files 'test.extxyz.gz')
    foreach ($run in @{ relax = 'OUTCAR_Fe2O2_relax'; npt = 'OUTCAR_LiPS_npt' }.GetEnumerator()) {
        $dir = New-Item -ItemType Directory (Join-Path $files "runs/$($run.Key)") -Force
        Copy-Item (Join-Path $ioData $run.Value) (Join-Path $dir 'OUTCAR')
    }
    Copy-Item (Join-Path $ioData 'vasprun_Fe2O2_relax.xml') (Join-Path $files 'vasprun.xml')

    # A LAMMPS text dump: 2×2×2 fcc Cu cells (32 atoms), 20 frames with small seeded displacements.
    $inv = [cultureinfo]::InvariantCulture
    $rng = [Random]::new(7)
    $a = 3.615; $box = 2 * $a
    $dump = [Text.StringBuilder]::new()
    foreach ($step in 0..19) {
        [void]$dump.Append("ITEM: TIMESTEP`n$($step * 100)`nITEM: NUMBER OF ATOMS`n32`nITEM: BOX BOUNDS pp pp pp`n")
        foreach ($k in 0..2) { [void]$dump.Append(('0 {0}' -f $box.ToString('R', $inv)) + "`n") }
        [void]$dump.Append("ITEM: ATOMS id type x y z`n")
        $id = 1
        foreach ($cx in 0, 1) { foreach ($cy in 0, 1) { foreach ($cz in 0, 1) {
            foreach ($b in @(0, 0, 0), @(0.5, 0.5, 0), @(0.5, 0, 0.5), @(0, 0.5, 0.5)) {
                $xyz = for ($d = 0; $d -lt 3; $d++) { (((@($cx, $cy, $cz)[$d] + $b[$d]) * $a) + 0.05 * ($rng.NextDouble() - 0.5)).ToString('R', $inv) }
                [void]$dump.Append("$id 1 $($xyz -join ' ')`n"); $id++
            } } } }
    }
    [IO.File]::WriteAllText((Join-Path $files 'md.lammpstrj'), $dump.ToString())

    [AtomCuration.Potentials.Eam.ZhouJohnsonWadley]::Published([string[]]@('Cu')) |
        Export-EamPotential (Join-Path $files 'Cu_zjw.eam.alloy') -RCount 2000 -RhoCount 2000
    # A user's own published Cu potential (Cu.eam.alloy in the docs): the same stand-in.
    Copy-Item (Join-Path $files 'Cu_zjw.eam.alloy') (Join-Path $files 'Cu.eam.alloy')

    $script:substitutions = [ordered]@{
        '\./module/AtomCuration'                               = (Join-Path $root 'module/AtomCuration/AtomCuration.psd1')
        '(?<![\w/])examples/'                                  = (Join-Path $root 'examples') + '/'
        '/usr/share/lammps/potentials/Cu_mishin1\.eam\.alloy' = 'Cu_zjw.eam.alloy'
        '(?<![\w/])Ti\.eam\.alloy'                             = 'Cu_zjw.eam.alloy'
        'speciesWeighting = @\{ Ti = 1; O = 0\.5 \}'           = 'speciesWeighting = @{ Cu = 1 }'
        "species = 'Ti', 'O'"                                  = "species = 'Cu'"
        'Export-Structure pool\.extxyz\.gz'                   = 'Export-Structure outcar-steps.extxyz.gz'
    }
    $script:pool = Import-Structure (Join-Path $files 'pool.extxyz.gz') | Get-Descriptor -Preset AverageSoap
    $script:fit = Import-Structure (Join-Path $files 'train.extxyz.gz') | Invoke-EamFit -Cutoff 5.0 -MaxIterations 10 -Seed 1
    # What the plotting and report examples start from: a split, its map, and a small selection study.
    $script:split = $pool | Select-Configuration -Method Fps -Count 4 -IncludeRejected
    $script:training = $split | Where-Object Selected
    $script:map = $split | Get-ConfigurationMap
    $script:trials = $pool | Invoke-SelectionStudy -Method KMeans -Count 3, 5 -Trials 2 -Seed 1 -Fit @{ Cutoff = 5.0; MaxIterations = 5 }
    $script:all = $fit
    $trials | Export-Csv (Join-Path $files 'trials.csv')

    # Runs $Code in a fresh folder of TestDrive (working directory and TMPDIR) holding fresh copies of
    # the stand-in files; any error fails the test.
    function script:Invoke-InTestDrive([scriptblock] $Code) {
        $work = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item $files $work -Recurse
        $tmp = $env:TMPDIR
        Push-Location $work
        try {
            $env:TMPDIR = $work
            & $Code
        }
        finally {
            $env:TMPDIR = $tmp
            Pop-Location
        }
    }
}

Describe 'Documentation examples' {
    It 'finds the examples it runs' {
        $blocks.Count | Should -BeGreaterOrEqual 15
        $scripts.Count | Should -BeGreaterOrEqual 4
    }

    It 'runs <Name>' -ForEach $blocks {
        $text = $Code
        foreach ($s in $substitutions.GetEnumerator()) { $text = $text -replace $s.Key, $s.Value.Replace('$', '$$') }
        $block = [scriptblock]::Create($text)
        Invoke-InTestDrive {
            $ErrorActionPreference = 'Stop'
            $pool = $script:pool
            $fit = $script:fit
            $split = $script:split; $training = $script:training; $map = $script:map; $trials = $script:trials; $all = $script:all
            # Formatted as a user would see it, so format views run too.
            $null = . $block | Out-String -Width 200
        }
    }

    It 'runs examples/<Name>' -ForEach $scripts {
        Invoke-InTestDrive {
            $ErrorActionPreference = 'Stop'
            $parameters = if ($Name -eq 'cu-curation.ps1') { @{ OutputDirectory = Join-Path $TestDrive 'out' } } else { @{} }
            $null = & $Path @parameters | Out-String -Width 200
        }
        if ($Name -eq 'cu-curation.ps1') {
            Test-Path (Join-Path $TestDrive 'out/potential.eam.alloy') | Should -BeTrue
            @(Import-Structure (Join-Path $TestDrive 'out/training.extxyz')).Count | Should -Be 20
        }
    }
}
