BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:pool = Import-Structure (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz') -Index '::3'
    $script:fit = @{ Cutoff = 5.0; PairKnots = 6; DensityKnots = 5; EmbeddingKnots = 3; MaxIterations = 12 }
    # k-means on a cheap descriptor keeps these runs quick; the default spectral partition is run once below.
    $script:described = $pool | Get-Descriptor -Kind Rdf
    function Iterations($run) { $run | Where-Object { $_ -is [AtomCuration.ActiveLearning.ActiveLearningIteration] } }
    function Final($run) { $run | Where-Object { $_ -is [AtomCuration.ActiveLearning.ActiveLearningResult] } }
}

Describe 'Invoke-ActiveLearning' {
    It 'runs paper 003''s loop with the default partition, computing the descriptors, and stops at the target' {
        $run = $pool | Select-Object -First 10 | Invoke-ActiveLearning -TargetEnergyRmse 1e4 -Fraction 0.2 -ScanDelta 0, 1 -Fit $fit -Seed 1
        $it = @(Iterations $run)
        $it.Count | Should -Be 1
        $it[0].Iteration | Should -Be 1
        $it[0].Converged | Should -BeTrue
        $it[0].TrainingCount + $it[0].TestCount | Should -Be $it[0].Added
        $r = Final $run
        $r.StopReason | Should -Be 'TargetReached'
        $r.Delta | Should -BeIn @(0.0, 1.0)
        $r.DeltaScan.Count | Should -Be 2
        $r.TrainingSet.Count | Should -Be $it[0].TrainingCount
        $r.Fit | Should -BeOfType ([AtomCuration.Potentials.Eam.EamFitResult])
    }

    It 'grows the set every iteration and says when the pool is used up' {
        $run = $described | Invoke-ActiveLearning -TargetEnergyRmse 1e-6 -Fraction 0.4 -Partition KMeans -Clusters 3 -Fit $fit -Seed 2
        $it = @(Iterations $run)
        $it.Iteration | Should -Be (1..$it.Count)
        for ($k = 1; $k -lt $it.Count; $k++) { $it[$k].TrainingCount | Should -BeGreaterThan $it[$k - 1].TrainingCount }
        $it | ForEach-Object { $_.Converged | Should -BeFalse; $_.Settings['Cutoff'] | Should -Be 5.0 }
        (Final $run).StopReason | Should -Be 'PoolExhausted'
        $it[-1].TrainingCount + $it[-1].TestCount | Should -Be $described.Count
    }

    It 'resumes from a state file after being stopped and ends with the same result as an uninterrupted run' {
        $al = @{ TargetEnergyRmse = 1e-6; Fraction = 0.2; Growth = 'WorstError'; Partition = 'KMeans'; Clusters = 3; MaxIterations = 4; Fit = $fit; Seed = 3 }
        $whole = $described | Invoke-ActiveLearning @al
        $other = $al.Clone(); $other.Fraction = 0.3
        $state = Join-Path $TestDrive 'al.json'
        # Select-Object -First stops the pipeline after the second record, as Ctrl+C would between fits.
        $described | Invoke-ActiveLearning @al -StatePath $state | Select-Object -First 2 | Out-Null
        (Get-Content $state -Raw | ConvertFrom-Json).Iterations.Count | Should -Be 2
        $resumed = $described | Invoke-ActiveLearning @al -StatePath $state
        $a = Iterations $whole; $b = Iterations $resumed
        $b.Count | Should -Be $a.Count
        ($b | ForEach-Object { '{0} {1} {2:R} {3}' -f $_.Iteration, $_.TrainingCount, $_.TestEnergyRmse, ($_.AddedIds -join ',') }) |
            Should -Be ($a | ForEach-Object { '{0} {1} {2:R} {3}' -f $_.Iteration, $_.TrainingCount, $_.TestEnergyRmse, ($_.AddedIds -join ',') })
        (Final $resumed).Fit.Parameters | Should -Be (Final $whole).Fit.Parameters
        (Final $resumed).TestSet.Id | Should -Be (Final $whole).TestSet.Id
        { $described | Invoke-ActiveLearning @other -StatePath $state -ErrorAction Stop } | Should -Throw '*another run*'
    }

    It 'refuses bad settings and unlabelled structures with specific errors' {
        { $described | Invoke-ActiveLearning 5 -Seed 1 -Fit @{ Cutof = 5 } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidActiveLearningParameter,AtomCuration.PowerShell.Commands.InvokeActiveLearningCommand'
        { $described | Invoke-ActiveLearning 5 -Seed 1 -Partition Fps -ErrorAction Stop } | Should -Throw '*clustering*'
        { $described | Invoke-ActiveLearning 5 -Seed 1 -Fit @{ Budget = 3 } -ErrorAction Stop } | Should -Throw '*Optimize*'
        $file = Join-Path $TestDrive 'unlabelled.extxyz'
        Set-Content $file "2`nLattice=`"3.6 0 0 0 3.6 0 0 0 3.6`" Properties=species:S:1:pos:R:3 pbc=`"T T T`"`nCu 0 0 0`nCu 1.8 1.8 0"
        $unlabelled = Import-Structure $file
        { $unlabelled | Invoke-ActiveLearning 5 -Seed 1 -ErrorAction Stop } | Should -Throw -ErrorId 'UnlabelledStructure,AtomCuration.PowerShell.Commands.InvokeActiveLearningCommand'
    }

    It 'completes -PartitionOptions keys on Tab (issue 15)' {
        $line = 'Invoke-ActiveLearning -PartitionOptions @{ maxC'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('MaxClusters')
    }

    It 'completes -Fit keys on Tab, the search ones and the nested search space included' {
        $line = 'Invoke-ActiveLearning -Fit @{ Opt'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Optimize')
        $line = 'Invoke-ActiveLearning -Fit @{ Optimize = $true; SearchSpace = @{ Emb'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('EmbeddingKnots')
    }

    It 'shows iterations as a table' {
        $run = $described | Invoke-ActiveLearning 1e4 -Partition KMeans -Clusters 2 -Fit $fit -Seed 4
        (Iterations $run | Format-Table | Out-String) | Should -Match 'Test E \(meV/at\)'
        (Final $run | Format-List | Out-String) | Should -Match 'StopReason\s*:\s*TargetReached'
    }
}
