BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset LocalEnvironment
    $script:split = $pool | Select-Configuration -Method KMeans -Count 8 -Standardize -Seed 1 -IncludeRejected
    $script:fit = $split | Where-Object Selected | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 15 -Seed 1

    # The SVG's text elements (trimmed) and its ellipses (ScottPlot draws circular markers as <ellipse>).
    function script:Read-Svg([string] $Path) {
        $xml = [xml]::new()
        $xml.Load($Path)   # throws unless the file is well-formed XML
        [pscustomobject]@{
            Root     = $xml.DocumentElement.LocalName
            Texts    = @($xml.SelectNodes('//*[local-name()="text"]') | ForEach-Object { $_.InnerText.Trim() })
            Ellipses = $xml.SelectNodes('//*[local-name()="ellipse"]').Count
        }
    }
    function script:Test-Png([string] $Path, [int] $Width, [int] $Height) {
        $b = [IO.File]::ReadAllBytes($Path)
        $signature = [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)
        [Linq.Enumerable]::SequenceEqual([byte[]]$b[0..7], $signature) | Should -BeTrue
        # IHDR: width and height, big-endian, at bytes 16..23
        ([int]$b[16] -shl 24) + ([int]$b[17] -shl 16) + ([int]$b[18] -shl 8) + $b[19] | Should -Be $Width
        ([int]$b[20] -shl 24) + ([int]$b[21] -shl 16) + ([int]$b[22] -shl 8) + $b[23] | Should -Be $Height
        $b.Length | Should -BeGreaterThan 10000   # a drawn figure, not an empty canvas
    }
}

Describe 'Export-CurationPlot' {
    It 'draws an energy parity plot from Measure-FitError -PerStructure (one marker per structure, coloured by config type, RMSE per type in the legend)' {
        $svg = Join-Path $TestDrive 'parity.svg'
        $rows = $pool | Measure-FitError -Potential $fit -PerStructure
        $rows | Export-CurationPlot -Kind Parity -Path $svg
        $s = Read-Svg $svg
        $s.Root | Should -Be 'svg'
        $s.Texts | Should -Contain 'Reference energy per atom (eV/atom)'
        $s.Texts | Should -Contain 'Predicted energy per atom (eV/atom)'
        $types = $rows | Group-Object Group
        $types.Count | Should -BeGreaterThan 1
        foreach ($t in $types) {
            $rmse = [math]::Sqrt(($t.Group | ForEach-Object { $_.EnergyErrorMevPerAtom * $_.EnergyErrorMevPerAtom } | Measure-Object -Sum).Sum / $t.Count)
            $s.Texts | Should -Contain ('{0}: RMSE {1} meV/atom (n = {2})' -f $t.Name, $rmse.ToString('0.##', [cultureinfo]::InvariantCulture), $t.Count)
        }
        $s.Ellipses | Should -Be (59 + $types.Count)   # points + one legend marker per type
    }

    It 'draws force and stress parity from structures and a potential, coloured by group' {
        $png = Join-Path $TestDrive 'force.png'
        $pool | Export-CurationPlot -Kind Parity -Quantity Force -Potential $fit -GroupBy config_type -Path $png -PassThru |
            Should -BeOfType ([IO.FileInfo])
        Test-Png $png 800 600
        $svg = Join-Path $TestDrive 'stress.svg'
        $pool | Export-CurationPlot -Kind Parity -Quantity Stress -Potential $fit -GroupBy config_type -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Reference stress component (GPa)'
        ($s.Texts -like 'Elastic: RMSE * GPa (n = 150)').Count | Should -Be 1   # 25 cells × 6 components
        $s.Ellipses | Should -Be (59 * 6 + 4)
    }

    It 'draws the same force parity from Measure-FitError -PerAtom rows as from structures and a potential' {
        $fromRows = Join-Path $TestDrive 'force-rows.svg'; $fromPotential = Join-Path $TestDrive 'force-potential.svg'
        $pool | Measure-FitError -Potential $fit -PerAtom -GroupBy config_type | Export-CurationPlot -Kind Parity -Quantity Force -Path $fromRows
        $pool | Export-CurationPlot -Kind Parity -Quantity Force -Potential $fit -GroupBy config_type -Path $fromPotential
        $s = Read-Svg $fromRows
        $s.Texts | Should -Contain 'Reference force component (eV/Å)'
        ($s.Texts -like 'AIMD: RMSE * meV/Å (n = *)').Count | Should -Be 1
        (Get-FileHash $fromRows).Hash | Should -Be (Get-FileHash $fromPotential).Hash
    }

    It 'refuses a force parity plot from per-structure rows' {
        { $pool | Measure-FitError -Potential $fit -PerStructure | Export-CurationPlot -Kind Parity -Quantity Force -Path (Join-Path $TestDrive 'x.svg') -ErrorAction Stop } |
            Should -Throw '*-Potential*'
    }

    It 'draws a map with the selection on top, coloured by group' {
        $svg = Join-Path $TestDrive 'map.svg'
        $map = $split | Get-ConfigurationMap -Method Pca -Standardize
        $map | Export-CurationPlot -Kind Map -GroupBy config_type -ColorBy Group -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Map coordinate 1 (arb. units)'
        $s.Texts | Should -Contain 'selected (8)'
        $s.Texts | Should -Contain 'AIMD (24)'
        $s.Ellipses | Should -Be (59 + 8 + 5)   # pool + selection rings + legend markers (4 groups, selected)
        $png = Join-Path $TestDrive 'map.png'
        $map | Export-CurationPlot -Kind Map -ColorBy Energy -Path $png -Width 640 -Height 480
        Test-Png $png 640 480
    }

    It 'draws distributions of several sets side by side' {
        $svg = Join-Path $TestDrive 'dist.svg'
        $split | Export-CurationPlot -Kind Distribution -Property ForceMagnitude -GroupBy Selected -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Force magnitude |F| (eV/Å)'
        $s.Texts | Should -Contain 'Probability density (1/eV/Å)'
        $atoms = ($split | Where-Object Selected | Measure-Object -Property AtomCount -Sum).Sum
        $s.Texts | Should -Contain "True (n = $atoms)"
        $rest = ($split | Where-Object { -not $_.Selected } | Measure-Object -Property AtomCount -Sum).Sum
        $s.Texts | Should -Contain "False (n = $rest)"
        foreach ($p in 'EnergyPerAtom', 'NearestDistance') {
            $png = Join-Path $TestDrive "$p.png"
            $split | Export-CurationPlot -Kind Distribution -Property $p -GroupBy config_type -Path $png
            Test-Png $png 800 600
        }
        $desc = Join-Path $TestDrive 'desc.svg'
        $pool | Export-CurationPlot -Kind Distribution -Property Descriptor -Column 0 -Path $desc
        (Read-Svg $desc).Texts | Should -Contain "Descriptor $($pool[0].DescriptorLabels[0]) (descriptor units)"
    }

    It 'draws kernel-density violins per set with -Style Violin (median marker per set, sets on the horizontal axis)' {
        $svg = Join-Path $TestDrive 'violin.svg'
        $split | Export-CurationPlot -Kind Distribution -Style Violin -Property EnergyPerAtom -GroupBy config_type -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Energy per atom (eV/atom)'
        $s.Texts | Should -Contain 'Set (Gaussian KDE, Silverman bandwidth)'
        $groups = @($split | Group-Object { $_.Info['config_type'] })
        foreach ($g in $groups) { $s.Texts | Should -Contain "$($g.Name) (n = $($g.Count))" }
        $s.Ellipses | Should -Be $groups.Count   # one median dot per set, no legend
        $hist = Join-Path $TestDrive 'hist.svg'
        $split | Export-CurationPlot -Kind Distribution -Property EnergyPerAtom -GroupBy config_type -Path $hist
        (Read-Svg $hist).Texts | Should -Not -Contain 'Set (Gaussian KDE, Silverman bandwidth)'
    }

    It 'draws a learning curve from trial records and from summary rows (median, IQR, log size axis, reference line)' {
        $trials = foreach ($method in 'Random', 'Fps') {
            foreach ($count in 6, 12) {
                foreach ($seed in 1, 2) {
                    $s = $pool | Select-Configuration -Method $method -Count $count -Seed $seed -IncludeRejected
                    $f = $s | Where-Object Selected | Invoke-EamFit -Form Spline -Cutoff 5.0 -MaxIterations 3 -Seed $seed
                    $e = $s | Where-Object { -not $_.Selected } | Measure-FitError -Potential $f
                    [pscustomobject]@{ Method = $method; Count = $count; Trial = $seed; TestEnergyRmse = $e.EnergyRmse; TestForceRmse = $e.ForceRmse }
                }
            }
        }
        $svg = Join-Path $TestDrive 'lc.svg'
        $trials | Export-CurationPlot -Kind LearningCurve -Quantity Force -Reference 50 -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Training-set size (structures, log scale)'
        $s.Texts | Should -Contain 'Test force RMSE (meV/Å)'
        $s.Texts | Should -Contain 'all data: 50'
        $s.Texts | Should -Contain '6'
        $s.Texts | Should -Contain '12'
        $s.Ellipses | Should -Be (2 * 2 + 2)   # medians + legend markers
        $summary = $trials | Group-Object Method, Count | ForEach-Object {
            $v = $_.Group.TestEnergyRmse | Sort-Object
            [pscustomobject]@{ Method = $_.Group[0].Method; Count = $_.Group[0].Count; MedianEnergyRmse = ($v[0] + $v[1]) / 2
                EnergyRmseQ1 = $v[0]; EnergyRmseQ3 = $v[1] }
        }
        $png = Join-Path $TestDrive 'lc.png'
        $summary | Export-CurationPlot -Kind LearningCurve -Path $png
        Test-Png $png 800 600
    }

    It 'draws a budget study against the budget and a threshold study against the threshold, not the count they reached' {
        # Rows as Invoke-SelectionStudy -Budget / -Threshold emits them: each trial reaches its own count; the AllData row has neither.
        $budget = @([pscustomobject]@{ Method = 'AllData'; Count = 59; Budget = $null; Threshold = $null; TestEnergyRmse = 1.0; TestForceRmse = 20.0 })
        $budget += foreach ($b in 2e5, 8e5) {
            foreach ($trial in 0..2) {
                [pscustomobject]@{ Method = 'Random'; Count = 3 + 2 * $trial + [int]($b / 2e5); Budget = $b; Threshold = $null
                    TestEnergyRmse = 5e6 / $b + $trial; TestForceRmse = 40.0 }
            }
        }
        $svg = Join-Path $TestDrive 'budget.svg'
        $budget | Export-CurationPlot -Kind LearningCurve -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Labelling budget (cost, log scale)'
        $s.Texts | Should -Not -Contain 'Training-set size (structures, log scale)'
        $s.Ellipses | Should -Be (2 + 1)   # one median per budget (not one per count reached) + legend
        $threshold = foreach ($t in 0.05, 0.1) {
            foreach ($trial in 0..1) { [pscustomobject]@{ Method = 'LocalEnvironmentBank'; Count = 10 + $trial; Threshold = $t; TestEnergyRmse = 2.0 + $trial } }
        }
        $svg = Join-Path $TestDrive 'threshold.svg'
        $threshold | Export-CurationPlot -Kind LearningCurve -Path $svg
        (Read-Svg $svg).Texts | Should -Contain 'Environment-bank threshold (log scale)'
        # Budget rows mixed with rows at counts are refused with the filter to apply.
        $mixed = @($budget) + [pscustomobject]@{ Method = 'Random'; Count = 5; Budget = $null; TestEnergyRmse = 3.0; TestForceRmse = 40.0 }
        { $mixed | Export-CurationPlot -Kind LearningCurve -Path (Join-Path $TestDrive 'mixed.svg') -ErrorAction Stop } |
            Should -Throw '*Budget*separately*'
    }

    It 'draws the PCA variance curve, the bank scan and the delta scan' {
        $v = Join-Path $TestDrive 'var.svg'
        $pool | Export-CurationPlot -Kind Variance -Path $v
        $s = Read-Svg $v
        $s.Texts | Should -Contain 'Cumulative explained variance (%)'
        $s.Ellipses | Should -Be ($pool[0].Descriptor.Count + 1)   # one marker per component (40 ≤ 59 rows) + legend
        $b = Join-Path $TestDrive 'bank.svg'
        $pool | Export-CurationPlot -Kind BankScan -Threshold 0.05, 0.1, 0.2 -Path $b
        $s = Read-Svg $b
        $s.Texts | Should -Contain 'Environments in the bank (count)'
        $s.Texts | Should -Contain 'Selected structures (count)'
        $s.Ellipses | Should -Be (3 + 1)
        $d = Join-Path $TestDrive 'delta.svg'
        $pool | Select-Configuration -Method Spectral -ScanDelta 0, 0.5, 1 | Export-CurationPlot -Kind DeltaScan -Path $d
        $s = Read-Svg $d
        $s.Texts | Should -Contain 'Clusters (count)'
        $s.Texts | Should -Contain '⟨σ⟩_E within clusters (meV/atom)'
        $s.Ellipses | Should -Be (3 + 1)
    }

    It 'draws the fitted EAM functions over the training data and the loss history' {
        $png = Join-Path $TestDrive 'eam.png'
        $split | Where-Object Selected | Export-CurationPlot -Kind EamFunctions -Potential $fit -Path $png
        Test-Png $png 1500 900
        $svg = Join-Path $TestDrive 'eam.svg'
        $fit | Export-CurationPlot -Kind EamFunctions -Path $svg
        $s = Read-Svg $svg
        $s.Texts | Should -Contain 'Pair term φ(r) (eV)'
        $s.Texts | Should -Contain 'Embedding F(ρ̄) (eV)'
        $l = Join-Path $TestDrive 'loss.svg'
        $fit | Export-CurationPlot -Kind LossHistory -Path $l
        $s = Read-Svg $l
        $s.Texts | Should -Contain 'Loss (weighted sum of squares, log scale)'
        $s.Ellipses | Should -Be ($fit.LossHistory.Count + 1)
    }

    It 'writes byte-identical SVG for the same input' {
        $a = Join-Path $TestDrive 'a.svg'; $b = Join-Path $TestDrive 'b.svg'
        $map = Import-Structure $sample | Get-Descriptor Rdf -Parameters @{ cutoff = 5 } | Get-ConfigurationMap -Method Pca
        $map | Export-CurationPlot -Kind Map -ColorBy Energy -Path $a
        $map | Export-CurationPlot -Kind Map -Path $b
        (Get-FileHash $a).Hash | Should -Be (Get-FileHash $b).Hash
        # and in a fresh process (a background job runs in its own pwsh)
        $c = Join-Path $TestDrive 'c.svg'
        $module = (Get-Module AtomCuration).Path
        Start-Job -ScriptBlock {
            param($module, $sample, $c)
            Import-Module $module
            Import-Structure $sample | Get-Descriptor Rdf -Parameters @{ cutoff = 5 } | Get-ConfigurationMap -Method Pca |
                Export-CurationPlot -Kind Map -ColorBy Energy -Path $c
        } -ArgumentList $module, $sample, $c | Receive-Job -Wait -AutoRemoveJob
        (Get-FileHash $c).Hash | Should -Be (Get-FileHash $a).Hash
    }

    It 'names the problem when the input does not fit the kind or the file name has no image extension' {
        { $pool | Export-CurationPlot -Kind Map -Path (Join-Path $TestDrive 'm.svg') -ErrorAction Stop } | Should -Throw '*MapX*'
        { $pool | Export-CurationPlot -Kind Variance -Path (Join-Path $TestDrive 'm.pdf') -ErrorAction Stop } | Should -Throw '*.png or .svg*'
        { $pool | Export-CurationPlot -Kind DeltaScan -Path (Join-Path $TestDrive 'm.svg') -ErrorAction Stop } | Should -Throw '*ScanDelta*'
        $f = Join-Path $TestDrive 'keep.svg'
        Set-Content $f 'x'
        $pool | Export-CurationPlot -Kind Variance -Path $f -NoClobber -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileExists*'
        Get-Content $f | Should -Be 'x'
    }
}
