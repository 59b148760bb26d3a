BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    # A small, quick pool: up to 5 cells of each config_type (20, vacancies among them), a small spline, few iterations.
    $script:pool = Import-Structure $sample | Group-Object ConfigType | ForEach-Object { $_.Group | Select-Object -First 5 } |
        Get-Descriptor -Preset SeedFingerprint
    $script:fit = @{ Cutoff = 4.5; PairKnots = 5; DensityKnots = 4; EmbeddingKnots = 3; MaxIterations = 6 }
    $script:trials = $pool | Invoke-SelectionStudy -Method KMeans, Cur -Count 3, 6 -Trials 3 -Seed 5 -Fit $fit -Options @{ KMeans = @{ restarts = 2 } }
}

Describe 'Invoke-SelectionStudy' {
    It 'emits one typed record per trial, Random added as the baseline and the all-data fit first' {
        $trials | Should -BeOfType ([AtomCuration.Studies.StudyTrial])
        $trials[0].Method | Should -Be 'AllData'
        $trials[0].Count | Should -Be $pool.Count
        ($trials | Where-Object Method -eq 'Random').Count | Should -Be 6
        ($trials | Where-Object Method -eq 'KMeans').Count | Should -Be 6
        foreach ($t in $trials) {
            $t.TestEnergyRmse | Should -BeGreaterThan 0
            $t.TestForceRmse | Should -BeGreaterThan 0
            $t.TestStructures | Should -Be $pool.Count
        }
        ($trials | Where-Object Method -eq 'KMeans' | Select-Object -First 1).SelectedIds.Count | Should -Be 3
    }

    It 'runs a method that cannot vary once per size and says so' {
        $cur = @($trials | Where-Object Method -eq 'Cur')
        $cur.Count | Should -Be 2
        $cur[0].Varies | Should -BeFalse
        $cur[0].Variation | Should -BeLike '*ran once*'
    }

    It 'says each trial''s errors and fit with -Verbose' {
        $said = ($pool | Invoke-SelectionStudy -Method Cur -Count 3 -Trials 1 -Seed 5 -Fit $fit -NoReference -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        @($said -match '^Cur ×3, trial \d+ \(seed \d+\): test energy RMSE [\d.]+ meV/atom, force RMSE [\d.]+ meV/Å; fit \d+ iterations').Count | Should -Be 1
        @($said -match '^Random ×3, trial').Count | Should -Be 1
    }

    It 'gives the same table on one thread' {
        $one = $pool | Invoke-SelectionStudy -Method KMeans, Cur -Count 3, 6 -Trials 3 -Seed 5 -Fit $fit -Options @{ KMeans = @{ restarts = 2 } } -ThrottleLimit 1
        $one.Count | Should -Be $trials.Count
        for ($i = 0; $i -lt $one.Count; $i++) {
            $one[$i].TestEnergyRmse | Should -Be $trials[$i].TestEnergyRmse
            $one[$i].TestForceRmse | Should -Be $trials[$i].TestForceRmse
            ($one[$i].SelectedIds -join ',') | Should -Be ($trials[$i].SelectedIds -join ',')
        }
    }

    It 'resumes from a checkpoint to the same table' {
        $path = Join-Path $TestDrive 'study.jsonl'
        $first = $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -Trials 2 -Seed 2 -Fit $fit -CheckpointPath $path -NoReference
        (Get-Content $path).Count | Should -Be 5   # header + 4 trials
        $again = $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -Trials 2 -Seed 2 -Fit $fit -CheckpointPath $path -NoReference
        ($again | ForEach-Object TestEnergyRmse) | Should -Be ($first | ForEach-Object TestEnergyRmse)
        (Get-Content $path).Count | Should -Be 5   # nothing rerun
        { $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -Trials 2 -Seed 3 -Fit $fit -CheckpointPath $path -ErrorAction Stop } |
            Should -Throw '*another study*'
    }

    It 'tests on an excluded group and splits errors by group' {
        $vacancies = @($pool | Where-Object ConfigType -eq 'Vacancy').Count
        $vacancies | Should -BeGreaterThan 0
        $g = $pool | Invoke-SelectionStudy -Method Random -Count 4 -Trials 2 -Fit $fit -TestGroup @{ config_type = 'Vacancy' } -GroupBy config_type
        foreach ($t in $g) {
            $t.TestStructures | Should -Be $vacancies
            $t.Groups.Group | Should -Be 'Vacancy'
            $t.TestSet | Should -Be 'Group config_type=Vacancy'
        }
    }

    It 'holds out a fraction per trial, pairs trials and weights by pool share' {
        $h = $pool | Invoke-SelectionStudy -Method KMeans -Count 4 -Trials 2 -Fit $fit -TestSet HeldOut -TestFraction 0.25 -Weighting PoolShare -NoReference
        $h | ForEach-Object { $_.TestStructures | Should -Be ([math]::Round(0.25 * $pool.Count)); $_.PairedByTrial | Should -BeTrue; $_.Weighted | Should -BeTrue }
        ($h | Measure-SelectionStudy | Where-Object Method -eq 'KMeans').Test | Should -Be 'Wilcoxon'
    }

    It 'refuses unknown -Fit and -Options keys with the valid ones' {
        { $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -Fit @{ Cutof = 5 } -ErrorAction Stop } | Should -Throw '*valid keys*Cutoff*'
        { $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -Options @{ restart = 2 } -ErrorAction Stop } | Should -Throw '*restart*Restarts*'
        { $pool | Invoke-SelectionStudy -Method KMeans -Count 3 -TestFraction 0.2 -ErrorAction Stop } | Should -Throw '*HeldOut*'
    }

    It 'completes -Options keys on Tab, flat and per method (issue 15)' {
        $line = 'Invoke-SelectionStudy -Method KMeans, Fps -Options @{ KMeans = @{ re'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('RematchAlpha', 'Restarts')
        $line = 'Invoke-SelectionStudy -Method KMeans -Options @{ Km'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('KMeans')
    }

    It 'completes -Fit keys on Tab' {
        $line = 'Invoke-SelectionStudy -Method KMeans -Fit @{ Cutoff = 5; Max'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('MaxIterations')
        $line = 'Invoke-SelectionStudy -Method KMeans -Fit @{ Re'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('RelativeTolerance', 'RestartPerturbation', 'Restarts')
    }

    It 'formats trial records as a table' {
        ($trials | Select-Object -First 2 | Format-Table | Out-String) | Should -Match 'Test E \(meV/at\)'
    }
}
