# First and second call of every cmdlet of the module in ONE fresh pwsh, on the bundled Cu sample: per cmdlet the
# wall time, the process CPU time (all threads: background tier-up and GC included), the methods the JIT compiled
# and the bytes allocated, for each call. First minus second = what the first call pays for being first (JIT of the
# cmdlet's own code paths, type loading, static initialisers, native libraries). The calls run in the order listed,
# so a cmdlet is charged only for what the ones before it did not already warm up (Import-Structure warms the
# pipeline, etc.). Small, realistic calls (examples/*.ps1); inputs come from earlier rows, outside the timed block.
# usage: dotnet pwsh -NoProfile -File bench/cold-start-cmdlets.ps1 -Module module/AtomCuration/AtomCuration.psd1 [-Only Get-Descriptor,Export-CurationPlot] [-Csv rows.csv]
param($Module, [string[]] $Only, [string] $Csv)
$ErrorActionPreference = 'Stop'
$Only = $Only -split ','   # -File passes 'a,b' as one string
$me = [Diagnostics.Process]::GetCurrentProcess()
function Measure-Now { $me.Refresh(); [pscustomobject]@{ Clock = [Diagnostics.Stopwatch]::GetTimestamp(); Cpu = $me.TotalProcessorTime.TotalMilliseconds
    Jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false); Bytes = [GC]::GetTotalAllocatedBytes($false) } }
function Get-Delta($a, $b) {
    [pscustomobject]@{ Ms = [int](($b.Clock - $a.Clock) * 1000 / [Diagnostics.Stopwatch]::Frequency); Cpu = [int]($b.Cpu - $a.Cpu)
        Jit = $b.Jit - $a.Jit; MB = [math]::Round(($b.Bytes - $a.Bytes) / 1MB, 1) }
}

$before = Measure-Now
Import-Module (Resolve-Path $Module).Path
$load = Get-Delta $before (Measure-Now)
$data = Join-Path $PSScriptRoot ../examples/data/Cu_SNAP_sample.extxyz.gz
$tmp = Join-Path ([IO.Path]::GetTempPath()) "atomcuration-cold-$PID"
New-Item -ItemType Directory -Force $tmp | Out-Null
$quickFit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 4 }

# Each row: the cmdlet and its call; the call's result is kept in $r.<Cmdlet> for later rows.
$r = @{}
$steps = [ordered]@{
    'Import-Structure'              = { Import-Structure $data }
    'Get-Descriptor (seed)'         = { $r['Import-Structure'] | Get-Descriptor -Preset SeedFingerprint }
    'Get-Descriptor (SOAP)'         = { $r['Import-Structure'] | Get-Descriptor -Preset AverageSoap }
    'Get-Descriptor (ACSF)'         = { $r['Import-Structure'] | Get-Descriptor -Preset LocalEnvironment }
    'Select-Configuration'          = { $r['Get-Descriptor (SOAP)'] | Select-Configuration -Method KMeans -Count 8 -Standardize -Seed 1 -IncludeRejected }
    'Get-ConfigurationMap'          = { $r['Select-Configuration'] | Get-ConfigurationMap -Method Pca -Standardize }
    'Find-NearDuplicate'            = { $r['Get-Descriptor (SOAP)'] | Find-NearDuplicate }
    'Measure-Diversity'             = { $r['Get-Descriptor (ACSF)'][0..7] | Measure-Diversity -Reference $r['Get-Descriptor (ACSF)'] }
    'Measure-ClusterQuality'        = { $r['Select-Configuration'] | Measure-ClusterQuality }
    'Measure-LabelCoverage'         = { $r['Select-Configuration'] | Where-Object Selected | Measure-LabelCoverage -Reference $r['Get-Descriptor (SOAP)'] }
    'Measure-DescriptorCorrelation' = { $r['Get-Descriptor (seed)'] | Measure-DescriptorCorrelation -Pairs 200 -Seed 1 }
    'Measure-ThresholdScan'         = { $r['Get-Descriptor (ACSF)'] | Measure-ThresholdScan -Threshold 0.2, 0.4 -Shuffles 2 -Seed 1 }
    'Measure-TrainTestDistance'     = { $r['Get-Descriptor (ACSF)'] | Measure-TrainTestDistance -GroupBy ConfigType -Repeats 2 -Seed 1 }
    'Invoke-EamFit'                 = { $r['Import-Structure'] | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 5 -Seed 1 }
    'Measure-FitError'              = { $r['Import-Structure'] | Measure-FitError -Potential $r['Invoke-EamFit'] -GroupBy config_type }
    'Invoke-EamCalculation'         = { $r['Import-Structure'] | Invoke-EamCalculation $r['Invoke-EamFit'] }
    'Export-EamPotential'           = { $r['Invoke-EamFit'] | Export-EamPotential (Join-Path $tmp cu.eam.alloy) -PassThru }
    'Import-EamPotential'           = { Import-EamPotential (Join-Path $tmp cu.eam.alloy) }
    'Export-Structure'              = { $r['Import-Structure'] | Export-Structure (Join-Path $tmp cu.extxyz) }
    'Export-Descriptor'             = { $r['Get-Descriptor (SOAP)'] | Export-Descriptor (Join-Path $tmp soap.npy) }
    'Export-CurationPlot'           = { $r['Get-ConfigurationMap'] | Export-CurationPlot -Kind Map -GroupBy config_type -Path (Join-Path $tmp map.png) }
    'Export-CurationReport'         = { $r['Get-ConfigurationMap'] | Export-CurationReport -Path (Join-Path $tmp report.html) -Potential $r['Invoke-EamFit'] }
    'Invoke-SelectionStudy'         = { $r['Get-Descriptor (seed)'] | Invoke-SelectionStudy -Method KMeans -Count 4 -Trials 2 -Seed 1 -Fit $quickFit -CheckpointPath (Join-Path $tmp "study-$([guid]::NewGuid()).jsonl") }
    'Measure-SelectionStudy'        = { $r['Invoke-SelectionStudy'] | Measure-SelectionStudy }
    'Import-SelectionStudy'         = { Import-SelectionStudy (Join-Path $tmp 'study-*.jsonl') }
    'Invoke-ActiveLearning'         = { $r['Import-Structure'] | Invoke-ActiveLearning -TargetEnergyRmse 30 -Fraction 0.3 -PartitionOptions @{ maxClusters = 3 } -Fit $quickFit -MaxIterations 1 -Seed 1 }
    'New-EntropyConfiguration'      = { New-EntropyConfiguration -Count 2 -Seed 1 -Steps 50 }
    'Invoke-CurationRecipe'         = { Invoke-CurationRecipe (Join-Path $PSScriptRoot ../examples/cu-quick.yml) -OutputPath (Join-Path $tmp "recipe-$([guid]::NewGuid())") }
    'Submit-CurationArrayJob'       = { Submit-CurationArrayJob -Shards 2 -Partition debug -Time 00:10:00 -JobDirectory (Join-Path $tmp jobs) -WhatIf { Import-Structure x.extxyz -Shard $Shard } }
}
$covered = $steps.Keys | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object -Unique
$missing = Get-Command -Module AtomCuration -CommandType Cmdlet | Where-Object Name -notin $covered
if ($missing) { Write-Warning "no row for: $($missing.Name -join ', ')" }

$rows = foreach ($name in $steps.Keys) {
    # -Only keeps the named rows cold but still runs every earlier row once (their results feed later rows)
    $a = Measure-Now; $r[$name] = & $steps[$name]; $first = Get-Delta $a (Measure-Now)
    $a = Measure-Now; $null = @(& $steps[$name]); $second = Get-Delta $a (Measure-Now)
    if ($Only -and ($name -split ' ')[0] -notin $Only) { continue }
    [pscustomobject]@{ Cmdlet = $name; FirstMs = $first.Ms; SecondMs = $second.Ms; FirstCpu = $first.Cpu; SecondCpu = $second.Cpu
        ColdCpu = $first.Cpu - $second.Cpu; FirstJit = $first.Jit; SecondJit = $second.Jit; FirstMB = $first.MB; SecondMB = $second.MB }
}
Remove-Item -Recurse -Force $tmp
"Import-Module: $($load.Ms) ms, CPU $($load.Cpu) ms, $($load.Jit) methods JIT-compiled, $($load.MB) MB"
$rows | Format-Table -AutoSize | Out-String -Width 200
$sum = { param($p) ($rows | Measure-Object $p -Sum).Sum }
'total: first {0} ms (CPU {1}), second {2} ms (CPU {3}), cold CPU {4} ms, JIT {5} + {6}, {7:F1} MB + {8:F1} MB' -f (& $sum FirstMs),
    (& $sum FirstCpu), (& $sum SecondMs), (& $sum SecondCpu), (& $sum ColdCpu), (& $sum FirstJit), (& $sum SecondJit), (& $sum FirstMB), (& $sum SecondMB)
if ($Csv) { $rows | Export-Csv $Csv -NoTypeInformation }
