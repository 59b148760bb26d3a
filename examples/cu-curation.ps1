# The main job on the bundled data, as a PowerShell pipeline (README's quick start):
# read 59 DFT-labelled Cu cells, fingerprint them with the average SOAP power spectrum,
# pick 20 by k-means (the member nearest each centroid), fit a spline EAM potential on
# them, and measure it on the whole pool and on the 39 held-out cells, by configuration type.
# Writes out/training.extxyz and out/potential.eam.alloy next to this script (or under -OutputDirectory).
param([string] $OutputDirectory = (Join-Path $PSScriptRoot 'out'))
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'
New-Item -ItemType Directory -Force $OutputDirectory | Out-Null

$pool = Import-Structure $data | Get-Descriptor -Preset AverageSoap
$split = $pool | Select-Configuration -Method KMeans -Count 20 -Standardize -Seed 1 -IncludeRejected
$training = $split | Where-Object Selected
$heldOut = $split | Where-Object { -not $_.Selected }
"Pool: $($pool.Count) structures; training: $($training.Count); held out: $($heldOut.Count)"

$training | Export-Structure (Join-Path $OutputDirectory 'training.extxyz')
$fit = $training | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 60 -Seed 1
$fit | Export-EamPotential (Join-Path $OutputDirectory 'potential.eam.alloy')
$fit | Format-List

'Whole pool, by configuration type:'
$pool | Measure-FitError -Potential $fit -GroupBy config_type | Format-Table
'Held-out cells:'
$heldOut | Measure-FitError -Potential $fit | Format-Table
