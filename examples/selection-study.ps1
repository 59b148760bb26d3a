# Paper 000's study on the bundled data: is a k-means selection better than a random one, and how
# many structures suffice? 59 DFT-labelled Cu cells, fingerprinted as in paper 000 (CrystalNN + RDF,
# the SeedFingerprint preset). k-means vs random at five training-set sizes, -Trials fits each,
# every potential tested on the whole pool; then the summary with p-values, the rank correlation
# between fingerprint distance and label differences, cluster quality in fingerprint space, and
# label coverage. docs/concepts/selection-studies.md shows and discusses the output.
param(
    [int] $Trials = 20,
    [int[]] $Count = @(5, 10, 15, 20, 30),
    [int] $Seed = 1,
    [string] $CheckpointPath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'

$pool = Import-Structure $data | Get-Descriptor -Preset SeedFingerprint
"Pool: $($pool.Count) structures, $(($pool | Measure-Object AtomCount -Sum).Sum) atoms"

# A quick spline EAM: paper 000 fits EAM too; small knots and 40 iterations keep 200 fits to minutes.
$fit = @{ Cutoff = 5.0; PairKnots = 8; DensityKnots = 6; EmbeddingKnots = 4; MaxIterations = 40 }
$study = @{
    Method = 'KMeans'; Count = $Count; Trials = $Trials; Seed = $Seed; Standardize = $true
    Options = @{ KMeans = @{ restarts = 3 } }; Fit = $fit
}
if ($CheckpointPath) { $study.CheckpointPath = $CheckpointPath }
$clock = [Diagnostics.Stopwatch]::StartNew()
$records = $pool | Invoke-SelectionStudy @study
"Study: $($records.Count) fits in $([math]::Round($clock.Elapsed.TotalSeconds)) s"

'Test errors on the whole pool (meV/atom, meV/Å); p: one-sided Mann–Whitney U, k-means better than random:'
$records | Measure-SelectionStudy | Format-Table -AutoSize | Out-String -Width 160

'Does fingerprint distance track energy and force differences? (all pairs, then per config_type)'
$pool | Measure-DescriptorCorrelation -Standardize -GroupBy config_type | Format-Table -AutoSize | Out-String -Width 160

'k-means clusters (k = 10) in the original, standardised fingerprint space:'
$clusters = $pool | Select-Configuration KMeans -Count 10 -Standardize -Seed $Seed -IncludeRejected
$clusters | Measure-ClusterQuality -Standardize | Format-Table -AutoSize | Out-String -Width 160

'Label coverage of one k-means and one random selection of 10:'
$clusters | Where-Object Selected | Measure-LabelCoverage -Reference $pool | Format-Table -AutoSize | Out-String -Width 160
$pool | Select-Configuration Random -Count 10 -Seed $Seed | Measure-LabelCoverage -Reference $pool | Format-Table -AutoSize | Out-String -Width 160
