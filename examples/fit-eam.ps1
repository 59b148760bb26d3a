# Fit a spline EAM potential for Cu on every second structure of the bundled sample,
# measure it on the other half by configuration type, and write it for LAMMPS.
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'

$fit = Import-Structure $data -Index '::2' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 60 -Seed 1
$fit | Format-Table

Import-Structure $data -Index '1::2' | Measure-FitError -Potential $fit -GroupBy config_type

$out = Join-Path ([IO.Path]::GetTempPath()) 'Cu_fit.eam.alloy'
$fit | Export-EamPotential $out -Comment 'AtomCuration example fit on Cu_SNAP_sample' -PassThru
Import-EamPotential $out
