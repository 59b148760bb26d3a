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

# Label structures with the fitted potential (an MD snapshot, a generated cell…); DFT labels stay as reference_*
$labelled = Import-Structure $data -Index ':3' | Invoke-EamCalculation $fit
$labelled | Select-Object Id, EnergyPerAtom, @{ n = 'DftEnergyPerAtom'; e = { $_.Info['reference_energy'] / $_.AtomCount } }

# A published-style potential file on DFT data: fit the per-element energy zero first, and every force for a parity plot
Import-Structure $data | Measure-FitError (Get-Item $out) -FitEnergyOffset -GroupBy ConfigType
Import-Structure $data -Index ':2' | Measure-FitError $fit -PerAtom | Select-Object -First 5 | Format-Table
