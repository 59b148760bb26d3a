# Dot-sourced in BeforeAll by the tests that evaluate a fitted potential (not a test file itself): imports the module,
# fits a small Cu potential on half of the bundled sample ($fit), and writes frame 1 of the sample with its copper
# relabelled as nickel ($nickel): labelled, but an element the Cu fit lacks.
Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
$script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
$script:fit = Import-Structure $sample -Index '::2' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 30 -Seed 1
$cu = Join-Path $TestDrive 'one.extxyz'
Import-Structure $sample -Index 1 | Export-Structure $cu
$script:nickel = Join-Path $TestDrive 'ni.extxyz'
(Get-Content $cu) -replace '^Cu ', 'Ni ' | Set-Content $nickel
