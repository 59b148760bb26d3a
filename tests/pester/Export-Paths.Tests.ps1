# Every Export cmdlet takes -LiteralPath and -NoClobber as Export-Csv does (issue 15).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:frames = Import-Structure $sample -Index ':6'
    $script:rdf = $frames | Get-Descriptor Rdf -Parameters @{ cutoff = 4 }
    $script:fit = $frames | Invoke-EamFit -Cutoff 4.5 -MaxIterations 3 -Seed 1
    # One way to write each kind of file, given the path parameters as a hashtable.
    $script:writers = @{
        'Export-Structure'      = { param($p) $frames | Export-Structure @p }
        'Export-Descriptor'     = { param($p) $rdf | Export-Descriptor @p }
        'Export-EamPotential'   = { param($p) $fit | Export-EamPotential @p }
        'Export-CurationPlot'   = { param($p) $frames | Export-CurationPlot -Kind Distribution -Property EnergyPerAtom @p }
        'Export-CurationReport' = { param($p) $frames | Export-CurationReport @p }
    }
}

Describe '<Cmdlet> -LiteralPath and -NoClobber' -ForEach @(
    @{ Cmdlet = 'Export-Structure'; Name = 'run[1].extxyz' }
    @{ Cmdlet = 'Export-Descriptor'; Name = 'run[1].csv' }
    @{ Cmdlet = 'Export-EamPotential'; Name = 'Cu[1].eam.alloy' }
    @{ Cmdlet = 'Export-CurationPlot'; Name = 'plot[1].svg' }
    @{ Cmdlet = 'Export-CurationReport'; Name = 'report[1].html' }
) {
    It 'has both parameters' {
        (Get-Command $Cmdlet).Parameters.Keys | Should -Contain 'LiteralPath'
        (Get-Command $Cmdlet).Parameters.Keys | Should -Contain 'NoClobber'
    }

    It 'writes a name with brackets through -LiteralPath, and refuses to overwrite it with -NoClobber' {
        $file = Join-Path $TestDrive $Name
        & $writers[$Cmdlet] @{ LiteralPath = $file }
        Test-Path -LiteralPath $file | Should -BeTrue
        $before = (Get-FileHash -LiteralPath $file).Hash
        $e = { & $writers[$Cmdlet] @{ LiteralPath = $file; NoClobber = $true; ErrorAction = 'Stop' } } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
        $e.CategoryInfo.Category | Should -Be 'ResourceExists'
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $before
        Remove-Item -LiteralPath $file
    }

    It 'expands a -Path wildcard that matches one existing file, as Export-Csv does' {
        $file = Join-Path $TestDrive ('w-' + ($Name -replace '\[1\]', ''))
        & $writers[$Cmdlet] @{ Path = $file }
        & $writers[$Cmdlet] @{ Path = ($file -replace 'w-', 'w?') }
        @(Get-ChildItem -LiteralPath $TestDrive -Filter 'w*').Count | Should -Be 1
        Remove-Item -LiteralPath $file
    }
}
