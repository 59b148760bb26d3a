BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:raw = Import-Structure $sample
    $script:rdf = $raw | Get-Descriptor Rdf -Parameters @{ cutoff = 5 }
    $script:atoms = $raw | Get-Descriptor -Preset LocalEnvironment
}

Describe 'Select-Configuration' {
    It 'scans the hybrid-kernel weight for Spectral and reports the within-cluster energy spread' {
        $scan = $atoms | Select-Configuration -Method Spectral -ScanDelta 0, 0.5, 1
        $scan.Count | Should -Be 3
        $scan[0] | Should -BeOfType ([AtomCuration.Selection.DeltaScanPoint])
        $scan.Delta | Should -Be @(0, 0.5, 1)
        foreach ($p in $scan) { $p.Clusters | Should -BeGreaterThan 0; $p.MeanEnergyStd | Should -BeGreaterOrEqual 0 }
        { $rdf | Select-Configuration -Method KMeans -ScanDelta 0.5 -ErrorAction Stop } | Should -Throw '*Spectral*'
    }

    It 'emits Count structures in selection order with rank, score and cluster' {
        $s = $rdf | Select-Configuration -Method KMeans -Count 5 -Seed 1
        $s.Count | Should -Be 5
        ($s.Id | Sort-Object -Unique).Count | Should -Be 5
        $s.SelectionRank | Should -Be @(0, 1, 2, 3, 4)
        $s.ClusterId | Should -Be @(0, 1, 2, 3, 4)
        ($s.SelectionScore | Measure-Object -Sum).Sum | Should -Be $rdf.Count -Because 'k-means scores are cluster sizes'
        $s[0].Descriptor.Length | Should -Be 50
    }

    It 'gives the same selection for the same seed whatever the thread count' {
        $a = $rdf | Select-Configuration KMeans -Count 6 -Seed 3 -ThrottleLimit 1
        $b = $rdf | Select-Configuration KMeans -Count 6 -Seed 3 -ThrottleLimit 4
        ($a.Id -join ',') | Should -Be ($b.Id -join ',')
    }

    It 'splits the pool into training and test sets with -IncludeRejected' {
        $all = $rdf | Select-Configuration Fps -Count 8 -IncludeRejected
        $all.Count | Should -Be $rdf.Count
        @($all | Where-Object Selected).Count | Should -Be 8
        ($all | Select-Object -First 8).Selected | Should -Not -Contain $false
        @($all | Where-Object { $_.Selected -eq $false -and $null -eq $_.SelectionRank }).Count | Should -Be ($rdf.Count - 8)
    }

    It 'reports the FPS covering radius, which never grows' {
        $s = $rdf | Select-Configuration Fps -Count 10
        for ($i = 1; $i -lt 10; $i++) { $s[$i].SelectionScore | Should -BeLessOrEqual $s[$i - 1].SelectionScore }
    }

    It 'turns -Fraction into a count of the pool' {
        ($rdf | Select-Configuration Random -Fraction 0.1 -Seed 2).Count | Should -Be 6
    }

    It 'runs every method on the Cu sample' {
        foreach ($m in 'Random', 'KMeans', 'Fps', 'Dpp', 'MaxVol', 'Cur', 'Agglomerative') {
            ($rdf | Select-Configuration -Method $m -Count 4).Count | Should -Be 4 -Because $m
        }
        ($atoms | Select-Configuration Entropy -Count 4).Count | Should -Be 4
        ($atoms | Select-Configuration Spectral -Fraction 0.1 -Options @{ delta = 0.5 }).Count | Should -BeGreaterThan 0
    }

    It 'runs the local-environment bank to a threshold or to a count' {
        $t = $atoms | Select-Configuration LocalEnvironmentBank -Threshold 0.3
        $t.Count | Should -BeGreaterThan 0
        $t.Count | Should -BeLessThan $atoms.Count
        $t[0].SelectionScore | Should -BeGreaterThan 0 -Because 'the score is the environments a structure added'
        ($atoms | Select-Configuration LocalEnvironmentBank -Count 5).Count | Should -Be 5
        $shuffled = $atoms | Select-Configuration LocalEnvironmentBank -Threshold 0.3 -Options @{ shuffle = $true; elementThresholds = @{ Cu = 0.35 } } -Seed 4
        $shuffled.Count | Should -BeGreaterThan 0
    }

    It 'streams the bank when it needs no look at the whole pool' {
        $log = [System.Collections.Generic.List[string]]::new()
        $atoms | ForEach-Object { $log.Add("in $($_.Id)"); $_ } |
            Select-Configuration LocalEnvironmentBank -Threshold 2 -Options @{ scaling = 'None' } |
            ForEach-Object { $log.Add("out $($_.Id)") }
        $log[1] | Should -Be "out $($atoms[0].Id)" -Because 'the first structure always joins the bank'
        $all = $atoms | Select-Configuration LocalEnvironmentBank -Threshold 2 -Options @{ scaling = 'None' } -IncludeRejected
        ($all.Id -join ',') | Should -Be ($atoms.Id -join ',') -Because 'streamed output keeps input order'
    }

    It 'applies preprocessing and the study preset' {
        ($rdf | Select-Configuration KMeans -Count 4 -Standardize -ExplainedVariance 0.98).Count | Should -Be 4
        ($rdf | Select-Configuration KMeans -Count 4 -Components 3 -BlockWeights @{ '0-24' = 2 }).Count | Should -Be 4
        ($rdf | Select-Configuration -Preset KMeansStudy -Count 4 -BlockWeights @{}).Count | Should -Be 4
        { $rdf | Select-Configuration -Preset KMeansStudy -Count 4 -ErrorAction Stop } | Should -Throw '*outside the 50 descriptor columns*'
    }

    It 'names the structure and the Get-Descriptor call that is missing' {
        { $raw | Select-Configuration KMeans -Count 3 -ErrorAction Stop } | Should -Throw "*$($raw[0].Id)*Get-Descriptor*"
        { $rdf | Select-Configuration LocalEnvironmentBank -Count 3 -ErrorAction Stop } | Should -Throw '*Get-Descriptor -PerAtom*'
        ($raw | Select-Configuration Random -Count 3).Count | Should -Be 3 -Because 'Random reads no descriptor'
    }

    It 'rejects bad options naming the key and its range' {
        { $rdf | Select-Configuration KMeans -Count 3 -Options @{ restarts = 0 } -ErrorAction Stop } | Should -Throw "*(KMeans).restarts: Restarts must be in ``[1, 100000``]*"
        { $rdf | Select-Configuration KMeans -Count 3 -Options @{ restart = 2 } -ErrorAction Stop } | Should -Throw '*restarts*'
        { $rdf | Select-Configuration KMeans -Threshold 0.3 -ErrorAction Stop } | Should -Throw '*LocalEnvironmentBank*'
        # -Fraction's [ValidateRange] is Core's (0, 1] (a reflection test keeps them equal), so PowerShell itself refuses 2.
        { $rdf | Select-Configuration Fps -Fraction 2 -ErrorAction Stop } | Should -Throw "*parameter 'Fraction'*maximum allowed range of 1*"
        { $rdf | Select-Configuration KMeans -Count 3 -ExplainedVariance 0.9 -Components 2 -ErrorAction Stop } | Should -Throw '*Select-Configuration -Components*not both*'
    }

    It 'completes methods on Tab and shows the Selection view' {
        $line = 'Select-Configuration -Method Loc'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'LocalEnvironmentBank'
        ($rdf | Select-Configuration Fps -Count 2 | Format-Table -View Selection | Out-String) | Should -Match 'Rank'
    }
}
