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
        { $rdf | Select-Configuration KMeans -Count 4 -BlockWeights @{ '40-60' = 2 } -ErrorAction Stop } | Should -Throw '*outside the 50 descriptor columns*'
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

Describe 'Select-Configuration says what it ignores and what it needs (issue 15)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'New-NonFiniteCopy.ps1')
        $script:small = $rdf[0..11]
    }

    It 'warns when -Count is above the pool size and selects the whole pool' {
        $s = $small | Select-Configuration KMeans -Count 30 -Seed 1 -WarningVariable w -WarningAction SilentlyContinue
        $s.Count | Should -Be 12
        "$w" | Should -BeLike '*-Count 30 is more than the 12 structures*'
    }

    It 'says a seed has no effect on deterministic <Method> and gives the same selection for every seed' -ForEach @(
        @{ Method = 'Fps'; Options = @{} }, @{ Method = 'Cur'; Options = @{} }, @{ Method = 'MaxVol'; Options = @{} },
        @{ Method = 'Dpp'; Options = @{ mode = 'Greedy' } }, @{ Method = 'Agglomerative'; Options = @{} }
    ) {
        $a = $small | Select-Configuration $Method -Count 3 -Options $Options -Seed 1 -WarningVariable w -WarningAction SilentlyContinue
        $b = $small | Select-Configuration $Method -Count 3 -Options $Options -Seed 2 -WarningAction SilentlyContinue
        "$w" | Should -BeLike "*-Seed has no effect: $Method*deterministic*"
        $a.Id | Should -Be $b.Id
    }

    It 'takes a seed without comment where it is used (<Method>)' -ForEach @(
        @{ Method = 'KMeans'; Options = @{} }, @{ Method = 'Random'; Options = @{} }, @{ Method = 'Dpp'; Options = @{ mode = 'Sample' } }
    ) {
        $null = $small | Select-Configuration $Method -Count 3 -Options $Options -Seed 1 -WarningVariable w
        $w | Should -BeNullOrEmpty
    }

    It 'refuses -Preset KMeansStudy on another descriptor, naming the descriptor it needs' {
        $e = { $small | Select-Configuration -Preset KMeansStudy -Count 3 -ErrorAction Stop } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'DescriptorMismatch,*'
        $e.Exception.Message | Should -BeLike '*352-column SeedFingerprint*Get-Descriptor -Preset SeedFingerprint*'
        $e.TargetObject.Id | Should -Be $small[0].Id
    }

    It 'weights the KMeansStudy blocks by descriptor label' {
        $fp = $raw[0..7] | Get-Descriptor -Preset SeedFingerprint
        $s = $fp | Select-Configuration -Preset KMeansStudy -Count 3 -Seed 1
        $s.Count | Should -Be 3
    }

    It 'leaves out structures with non-finite descriptors under -SkipNonFinite, with one warning naming them' {
        $bad = New-NonFiniteCopy $small[3] -Column 2
        $pool = @($small[0..2]) + $bad + @($small[4..11])
        { $pool | Select-Configuration Fps -Count 3 -ErrorAction Stop } | Should -Throw "*$($bad.Id)*non-finite*"
        $s = $pool | Select-Configuration Fps -Count 3 -SkipNonFinite -IncludeRejected -WarningVariable w -WarningAction SilentlyContinue
        $s.Count | Should -Be 11
        $s.Id | Should -Not -Contain $bad.Id
        @($w).Count | Should -Be 1
        "$w" | Should -BeLike "*1 structure(s) with non-finite*$($bad.Id)*"
    }

    It 'leaves them out of the streamed local-environment bank as well' {
        $bad = New-NonFiniteCopy $atoms[2] -PerAtom -Column 1
        $pool = @($atoms[0..1]) + $bad + @($atoms[3..9])
        $s = $pool | Select-Configuration LocalEnvironmentBank -Threshold 0.3 -SkipNonFinite -WarningVariable w -WarningAction SilentlyContinue
        $s.Id | Should -Not -Contain $bad.Id
        "$w" | Should -BeLike "*$($bad.Id)*"
    }

    It 'reports the selection with -Verbose' {
        $v = $small | Select-Configuration KMeans -Count 3 -Seed 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($v.Message -join "`n") | Should -BeLike '*KMeans: choosing 3 of 12 structures*selected 3 structures*'
    }
}

Describe 'Tab completion of -Options keys (issue 15)' {
    It 'offers the method knobs inside the hashtable' {
        $line = '$rdf | Select-Configuration KMeans -Count 3 -Options @{ re'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'Restarts'
        $line = '$rdf | Select-Configuration Spectral -Count 3 -Options @{ delta = 0.5; maxC'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'MaxClusters'
    }

    It 'still takes the hashtable a user types, and refuses a key no method has, listing the valid ones' {
        ($rdf | Select-Configuration KMeans -Count 3 -Seed 1 -Options @{ restarts = 2; tolerance = 1e-6 }).Count | Should -Be 3
        { $rdf | Select-Configuration KMeans -Count 3 -Options @{ restrats = 2 } -ErrorAction Stop } | Should -Throw '*restrats*Restarts*'
        { $rdf | Select-Configuration Fps -Count 3 -Options @{ restarts = 2 } -ErrorAction Stop } | Should -Throw "*unknown key 'Restarts'; valid keys: start, atomKernel, rematchAlpha, kernel, gamma*"
    }
}
