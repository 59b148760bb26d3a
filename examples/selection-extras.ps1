# The analyses beyond the count study, on the bundled 59 Cu cells: near-duplicate groups and a selection
# that skips them, selection at a labelling budget (DFT-like cost N_atoms³), paper 001's threshold scan
# of the environment bank over shuffled screenings (with its figure), paper 004's nearest-training-point
# table between configuration types, and spectral clustering on the REMatch kernel.
# docs/concepts/selection-studies.md explains each.
param([int] $Seed = 1, [string] $OutputDirectory = (Join-Path ([IO.Path]::GetTempPath()) 'atomcuration-extras'))
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'
New-Item -ItemType Directory $OutputDirectory -Force | Out-Null

$pool = Import-Structure $data | Get-Descriptor -Preset AverageSoap
# Near-duplicates: the pool written twice is 59 groups of two; FPS over both copies never takes a pair.
"Near-duplicate groups in the pool piped twice: $(@($pool + $pool | Find-NearDuplicate).Count)"
$distinct = $pool + $pool | Select-Configuration Fps -Count 20 -DuplicateTolerance 0 -WarningAction SilentlyContinue
"FPS picks from the doubled pool with -DuplicateTolerance 0: $($distinct.Count), distinct ids: $(@($distinct.Id | Sort-Object -Unique).Count)"

# At a labelling budget of five 108-atom cells, FPS and random spend it differently.
$budget = 5 * [math]::Pow(108, 3)
foreach ($method in 'Fps', 'Random') {
    $picked = $pool | Select-Configuration $method -Budget $budget -Seed $Seed
    '{0,-6} at budget {1:G3}: {2} structures, {3} atoms' -f $method, $budget, $picked.Count, ($picked | Measure-Object AtomCount -Sum).Sum
}

# Paper 001, Fig. 2: structures and atoms the bank keeps against its threshold, mean ± sd over 3 shuffles
# (every other cell, to keep the example quick; the paper scanned 0.1–0.45 with 50 shuffles).
$local = Import-Structure $data -Index '::2' | Get-Descriptor -Preset LocalEnvironment
$scan = $local | Measure-ThresholdScan -Threshold 0.2, 0.3, 0.4 -Shuffles 3 -Seed $Seed
$scan | Format-Table -AutoSize | Out-String -Width 160
$scan | Export-CurationPlot -Kind BankScan -Path (Join-Path $OutputDirectory 'threshold-scan.svg')

# Paper 004, Tables I–II: distance from test environments to the nearest training environment, per pair of sets.
$local | Measure-TrainTestDistance -GroupBy ConfigType -Repeats 3 -ScaleBy AIMD -Seed $Seed | Format-Table -AutoSize | Out-String -Width 160

# Spectral clustering on the REMatch kernel of the environments (paper 001's second structure kernel).
$local | Select-Configuration Spectral -Count 4 -Options @{ delta = 0; atomKernel = 'Rematch'; clusters = 3 } -Seed $Seed |
    Format-Table Id, ConfigType, ClusterId, SelectionRank -AutoSize | Out-String -Width 160
