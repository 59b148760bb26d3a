# Fingerprint the bundled Cu sample, pick a training set three ways, compare how well each
# covers the pool's atomic environments, and write a 2-D map and the feature matrix for Python.
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'
$out = [IO.Path]::GetTempPath()

# Per-atom ACSF (paper 001's fingerprint); the structure vector is the mean over atoms.
$pool = Import-Structure $data | Get-Descriptor -Preset LocalEnvironment

# Three selections of 8 structures
$kmeans = $pool | Select-Configuration -Method KMeans -Count 8 -Standardize -ExplainedVariance 0.98 -Seed 1
$bank = $pool | Select-Configuration -Method LocalEnvironmentBank -Count 8
$entropy = $pool | Select-Configuration -Method Entropy -Count 8
$kmeans | Format-Table -View Selection

# Which covers the pool's environments best? (distance from every environment to the nearest selected one)
([ordered]@{ KMeans = $kmeans; LocalEnvironmentBank = $bank; Entropy = $entropy }).GetEnumerator() | ForEach-Object {
    $d = $_.Value | Measure-Diversity -Reference $pool
    [pscustomobject]@{ Method = $_.Key; Entropy = [math]::Round($d.Entropy, 3)
        MeanDistance = [math]::Round($d.MeanDistance, 4); MaxDistance = [math]::Round($d.MaxDistance, 4) }
} | Format-Table -AutoSize

# Training set and its complement from one call
$split = $pool | Select-Configuration -Method Fps -Fraction 0.2 -IncludeRejected
$split | Where-Object Selected | Export-Structure (Join-Path $out 'Cu_train.extxyz') -PassThru | Measure-Object | Select-Object Count
$split | Where-Object { -not $_.Selected } | Export-Structure (Join-Path $out 'Cu_test.extxyz')

# A t-SNE map for a plot, and the descriptor matrix for NumPy / pandas
$pool | Get-ConfigurationMap -Method Tsne -Perplexity 10 -Seed 1 -Standardize |
    Select-Object Id, ConfigType, EnergyPerAtom, MapX, MapY | Export-Csv (Join-Path $out 'Cu_map.csv')
$pool | Export-Descriptor (Join-Path $out 'Cu_acsf.npy')
Import-Structure $data | Get-Descriptor -Kind Rdf -Parameters @{ cutoff = 6 } | Export-Descriptor (Join-Path $out 'Cu_rdf.csv')
