# Paper 004's entropy-maximisation generator on its W setting (39 atoms, 9.54 × 9.54 × 14.31 Å):
# a small biased set and the unbiased reference, their mean descriptor entropies, the
# nearest-training-point distances between them, histograms of the first descriptor component, and one POSCAR per configuration for DFT.
# Usage: ./entropy-generation.ps1 [-Count 8] [-Steps 2000] [-OutDir entropy-sets]
param([ValidateRange(2, 1000000)][int]$Count = 8, [int]$Steps = 2000, [string]$OutDir = 'entropy-sets')
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')

$biased = New-EntropyConfiguration -Count $Count -Seed 1 -Steps $Steps
$unbiased = New-EntropyConfiguration -Count $Count -Seed 2 -Steps $Steps -EntropyWeight 0 -FinalTemperature 10000

$mean = { param($set) ($set | ForEach-Object { $_.Info['entropy'] } | Measure-Object -Average).Average }
'mean entropy: biased {0:F2}, unbiased {1:F2} (paper: 4.4 and 3.2)' -f (& $mean $biased), (& $mean $unbiased)

# Nearest-training-point table (paper 004, Table I): per-atom bispectrum rows (twojmax 3: 8 columns, the first 6
# being the entropy's); each set split in halves, the first half trains (piped in), the second tests (-Reference).
$snap = @{ twojmax = 3; rcutfac = 4.73442; rfac0 = 0.99363; bzeroflag = $false; radius = @{ W = 0.5 }; weight = @{ W = 1.0 } }
$b = @($biased | Get-Descriptor -Kind Bispectrum -PerAtom -Parameters $snap)
$u = @($unbiased | Get-Descriptor -Kind Bispectrum -PerAtom -Parameters $snap)
$half = [math]::Max(1, [math]::Floor($Count / 2))
$split = @{
    biased = @{ Train = $b[0..($half - 1)]; Test = $b[$half..($b.Count - 1)] }
    unbiased = @{ Train = $u[0..($half - 1)]; Test = $u[$half..($u.Count - 1)] }
}
foreach ($train in 'unbiased', 'biased') {
    foreach ($test in 'unbiased', 'biased') {
        $r = $split[$train].Train | Measure-Diversity -Reference $split[$test].Test
        'train {0,-8} test {1,-8}: mean distance {2:F3}' -f $train, $test, $r.MeanDistance
    }
}

# Histograms of the first bispectrum component B[0,0,0] over all atoms of each set (paper 004, Fig. 2):
# the bias spreads the environments far wider than unbiased sampling does.
$rows = foreach ($set in @(@('biased', $b), @('unbiased', $u))) {
    foreach ($s in $set[1]) {
        $m = $s.AtomDescriptors
        for ($i = 0; $i -lt $m.Rows; $i++) { [pscustomobject]@{ Set = $set[0]; B000 = $m[$i, 0] } }
    }
}
New-Item -ItemType Directory -Force $OutDir | Out-Null
$rows | Export-CurationPlot -Kind Distribution -Property B000 -GroupBy Set -Title 'B[0,0,0] per atom' -Path (Join-Path $OutDir 'b000-histograms.png')
"histograms written to $(Join-Path $OutDir 'b000-histograms.png')"

# One folder per configuration with its POSCAR, ready for a VASP campaign.
$i = 0
foreach ($s in $biased) {
    $dir = New-Item -ItemType Directory -Force (Join-Path $OutDir ('biased/{0:D4}' -f $i++))
    $s | Export-Structure (Join-Path $dir 'POSCAR') -Format Poscar
}
"POSCARs written under $OutDir/biased"
