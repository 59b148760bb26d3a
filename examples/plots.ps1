# Every plot kind of Export-CurationPlot, and the HTML report, for the bundled Cu sample.
# Writes PNGs (docs/images by default; -Format svg for vector files) and examples/out/report.html.
param([string] $OutputDirectory = (Join-Path $PSScriptRoot '../docs/images'), [ValidateSet('png', 'svg')] [string] $Format = 'png',
      [int] $Trials = 3, [string] $ReportPath = (Join-Path $PSScriptRoot 'out/report.html'))
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'
New-Item -ItemType Directory -Force $OutputDirectory | Out-Null
function Out-Plot([string] $Name) { Join-Path $OutputDirectory "plot-$Name.$Format" }

# Per-atom ACSF with the structure mean (paper 001's fingerprint) for maps, scans and selections.
$pool = Import-Structure $data | Get-Descriptor -Preset LocalEnvironment

# Map: PCA of the pool, 12 k-means picks drawn on top, coloured by configuration type.
$split = $pool | Select-Configuration -Method KMeans -Count 12 -Standardize -Seed 1 -IncludeRejected
$map = $split | Get-ConfigurationMap -Method Pca -Standardize
$map | Export-CurationPlot -Kind Map -GroupBy config_type -ColorBy Group -Path (Out-Plot 'map') -Title 'Cu pool, PCA map, k-means selection'

# Variance: how many principal components the descriptor needs (paper 000).
$pool | Export-CurationPlot -Kind Variance -Path (Out-Plot 'variance') -Title 'PCA of the ACSF structure descriptor'

# Bank scan: environment-bank size against the threshold (paper 001).
$pool | Export-CurationPlot -Kind BankScan -Threshold 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4 -Path (Out-Plot 'bankscan') -Title 'Local-environment bank'

# δ scan of the spectral hybrid kernel (paper 003).
$pool | Select-Configuration -Method Spectral -ScanDelta 0, 0.25, 0.5, 0.75, 1 |
    Export-CurationPlot -Kind DeltaScan -Path (Out-Plot 'deltascan') -Title 'Spectral clustering: δ scan'

# Distributions: selected against the rest (papers 002 and 004).
$split | Add-Member -NotePropertyName Set -NotePropertyValue $null -PassThru -Force |
    ForEach-Object { $_.Set = if ($_.Selected) { 'selected' } else { 'not selected' }; $_ } |
    Export-CurationPlot -Kind Distribution -Property EnergyPerAtom -GroupBy Set -Path (Out-Plot 'distribution-energy') -Title 'Energy per atom'
$split | Export-CurationPlot -Kind Distribution -Property NearestDistance -GroupBy config_type -Bins 60 -Path (Out-Plot 'distribution-nearest') -Title 'Nearest-neighbour distances'
$split | Export-CurationPlot -Kind Distribution -Property ForceMagnitude -GroupBy config_type -Path (Out-Plot 'distribution-force') -Title 'Force magnitudes'
$split | Export-CurationPlot -Kind Distribution -Style Violin -Property EnergyPerAtom -GroupBy config_type -Path (Out-Plot 'distribution-violin') -Title 'Energy per atom by configuration type'

# Fit on the selection; parity on the whole pool; the fitted functions over the data; the loss history.
$training = $split | Where-Object Selected
$fit = $training | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 60 -Seed 1
$pool | Measure-FitError -Potential $fit -PerStructure |
    Export-CurationPlot -Kind Parity -Path (Out-Plot 'parity-energy') -Title 'Spline EAM fitted on 12 structures'
$pool | Export-CurationPlot -Kind Parity -Quantity Force -Potential $fit -GroupBy config_type -Path (Out-Plot 'parity-force')
$training | Export-CurationPlot -Kind EamFunctions -Potential $fit -Path (Out-Plot 'eam-functions') -Title 'Spline EAM'
$fit | Export-CurationPlot -Kind LossHistory -Path (Out-Plot 'loss-history') -Title 'Levenberg–Marquardt loss'

# Learning curve: a small selection study (train on n, test on the rest), three methods, a few seeds.
$trialsOut = foreach ($method in 'Random', 'Fps', 'KMeans') {
    foreach ($count in 6, 12, 24) {
        foreach ($seed in 1..$Trials) {
            $s = $pool | Select-Configuration -Method $method -Count $count -Seed $seed -IncludeRejected
            $f = $s | Where-Object Selected | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 25 -Seed $seed
            $e = $s | Where-Object { -not $_.Selected } | Measure-FitError -Potential $f
            [pscustomobject]@{ Method = $method; Count = $count; Trial = $seed; TestEnergyRmse = $e.EnergyRmse; TestForceRmse = $e.ForceRmse }
        }
    }
}
$all = $pool | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 25 -Seed 1
$trialsOut | Export-CurationPlot -Kind LearningCurve -Reference $all.EnergyRmse -Path (Out-Plot 'learning-curve') -Title 'Selection study (test on the rest)'

# The interactive HTML report: map (lasso/cluster selection), learning curves, energy/force/stress parity, per-group errors.
New-Item -ItemType Directory -Force (Split-Path $ReportPath) | Out-Null
$map | Export-CurationReport -Path $ReportPath -Potential $fit -Study $trialsOut `
    -ReferenceEnergyRmse $all.EnergyRmse -ReferenceForceRmse $all.ForceRmse -Title 'Cu sample'

# A picture of the report for the docs, when Debian's chromium is installed (headless, no network).
$chromium = (Get-Command chromium -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
if ($chromium -and $Format -eq 'png') {
    $url = [uri]::new((Resolve-Path $ReportPath).Path).AbsoluteUri + '#cluster=0'
    $profile = Join-Path ([IO.Path]::GetTempPath()) ("atomcuration-chromium-" + [guid]::NewGuid())
    & $chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync `
        --no-first-run --enable-unsafe-swiftshader "--user-data-dir=$profile" '--host-resolver-rules=MAP * ~NOTFOUND' `
        --virtual-time-budget=20000 --window-size=1400,2900 --hide-scrollbars "--screenshot=$(Join-Path $OutputDirectory 'report.png')" `
        $url 2>$null | Out-Null
    Remove-Item -Recurse -Force $profile -ErrorAction SilentlyContinue
}
