# Paper 003's active-learning loop on the bundled Cu sample (59 DFT-labelled cells): spectral clusters of the
# hybrid average-SOAP + Coulomb kernel (descriptors computed on the fly, δ scanned), 15 % of every cluster per
# iteration, a 70/30 split, a quick spline EAM fit per iteration, until the test energy RMSE reaches paper 003's
# 2 meV/atom.
param(
    [double] $Target = 2,
    [ValidateSet('Cluster', 'WorstError', 'Novelty')] [string] $Growth = 'Cluster',
    [int] $Seed = 1
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'

$fit = @{ Cutoff = 5.0; PairKnots = 8; DensityKnots = 6; EmbeddingKnots = 4; MaxIterations = 30 }
$run = Import-Structure $data |
    Invoke-ActiveLearning -TargetEnergyRmse $Target -Fraction 0.15 -Growth $Growth -ScanDelta 0, 0.5, 1 -Fit $fit -Seed $Seed
$iterations = $run | Where-Object { $_ -is [AtomCuration.ActiveLearning.ActiveLearningIteration] }
$result = $run | Where-Object { $_ -is [AtomCuration.ActiveLearning.ActiveLearningResult] }

"Partition: $($result.Clusters) clusters at δ = $($result.Delta)"
$iterations | Format-Table | Out-String -Width 160
"$($result.StopReason): $($result.Message)"
"Training set: $($result.TrainingSet.Count) of $((Import-Structure $data).Count) cells ($('{0:P0}' -f $result.PoolFraction) of the pool with the test split)"
$result.TrainingSet | Group-Object { $_.Info['config_type'] } | Select-Object Name, Count | Format-Table | Out-String
