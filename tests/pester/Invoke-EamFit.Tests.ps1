BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
}

Describe 'Invoke-EamFit' {
    It 'fits a spline EAM potential with training errors in meV' {
        $fit = Import-Structure $sample -Index '::2' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 40 -Seed 1
        $fit | Should -BeOfType ([AtomCuration.Potentials.Eam.EamFitResult])
        $fit.Structures | Should -Be 30
        $fit.EnergyRmse | Should -BeLessThan 50
        $fit.ForceRmse | Should -BeLessThan 500
        $fit.Potential.Elements.Symbol | Should -Be 'Cu'
        $fit.ReferenceEnergies['Cu'] | Should -Not -BeNullOrEmpty
    }

    It 'gives the same potential for the same seed' {
        $a = Import-Structure $sample -Index '::4' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 10 -Restarts 1 -Seed 3
        $b = Import-Structure $sample -Index '::4' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 10 -Restarts 1 -Seed 3 -ThrottleLimit 1
        $a.Parameters | Should -Be $b.Parameters
    }

    It 'returns the best potential so far when -TimeLimit runs out' {
        $fit = Import-Structure $sample | Invoke-EamFit -Cutoff 5.0 -Restarts 200 -TimeLimit '00:00:02' -WarningVariable w -WarningAction SilentlyContinue
        $fit.StopReason | Should -Be 'TimeLimit'
        "$w" | Should -BeLike '*-TimeLimit*ran out*best fit*'
        $fit.Potential | Should -Not -BeNullOrEmpty
        $fit.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'chooses its settings with -Optimize and reports the search' {
        $auto = Import-Structure $sample -Index '::2' |
            Invoke-EamFit -Optimize -Budget 4 -SearchSpace @{ PairKnots = 6, 10; ForceWeight = 0.001, 0.1 } -Cutoff 5.0 -MaxIterations 8 -Seed 1
        $auto | Should -BeOfType ([AtomCuration.Potentials.Eam.EamFitResult])
        $auto.Structures | Should -Be 30
        $auto.Search.History.Count | Should -Be 4
        $auto.Search.ValidationCount | Should -Be 8
        $auto.Search.BestSettings['PairKnots'] | Should -BeIn 6, 7, 8, 9, 10
        $auto.Search.BestValidationEnergyRmse | Should -Be ($auto.Search.History.ValidationEnergyRmse | Measure-Object -Minimum).Minimum
        $random = Import-Structure $sample -Index '::2' |
            Invoke-EamFit -Optimize -Budget 2 -SearchMethod Random -SearchSpace @{ PairKnots = 6, 8 } -Cutoff 5.0 -MaxIterations 5 -Seed 1
        $random.Search.History.Source | Should -Be @('random', 'random')
    }

    It 'completes -SearchSpace keys on Tab' {
        $line = 'Invoke-EamFit -Optimize -SearchSpace @{ PairKnots = 6, 8; '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('Cutoff', 'DensityKnots', 'EmbeddingKnots', 'ForceWeight', 'Smoothness')
    }

    It 'refuses an unknown search setting and search parameters without -Optimize' {
        { Import-Structure $sample -Index 0 | Invoke-EamFit -Optimize -SearchSpace @{ Knots = 1, 2 } -ErrorAction Stop } | Should -Throw '*PairKnots*'
        { Import-Structure $sample -Index 0 | Invoke-EamFit -Budget 3 -ErrorAction Stop } | Should -Throw '*-Optimize*'
    }

    It 'rejects invalid settings before reading input' {
        { Import-Structure $sample -Index 0 | Invoke-EamFit -Cutoff -1 -ErrorAction Stop } | Should -Throw '*Cutoff*'
    }

    It 'fits Finnis-Sinclair densities and writes them as eam/fs' {
        $fit = Import-Structure $sample -Index '::4' | Invoke-EamFit -FinnisSinclair -Cutoff 5.0 -MaxIterations 15 -Seed 1
        $fit.Potential.IsFinnisSinclair | Should -BeTrue
        $fit.ParameterNames | Should -Contain 'rho[Cu<-Cu][0]'
        $file = Join-Path $TestDrive 'fit.eam.fs'
        $fit | Export-EamPotential $file
        (Import-EamPotential $file).IsFinnisSinclair | Should -BeTrue
    }

    It 'derives cross pairs by the Zhou-Johnson-Wadley rule only with the analytic form' {
        $fit = Import-Structure $sample -Index '::4' | Invoke-EamFit -Form ZhouJohnsonWadley -CrossPair ZhouJohnsonWadley -Cutoff 5.0 -MaxIterations 5
        $fit.Form | Should -Be 'ZhouJohnsonWadley'
        $err = { Import-Structure $sample -Index 0 | Invoke-EamFit -CrossPair ZhouJohnsonWadley -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidFitParameter*'
        "$err" | Should -BeLike '*Form ZhouJohnsonWadley*'
    }

    It 'names structures without energies' {
        $bad = Join-Path $TestDrive 'nolabel.xyz'
        Set-Content $bad -Value @('1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu 0 0 0')
        { Import-Structure $bad | Invoke-EamFit -ErrorAction Stop } | Should -Throw '*nolabel.xyz#0*'
    }

    It 'keeps the best fit so far in $EamFitInterrupted when stopped with Ctrl+C' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$((Get-Module AtomCuration).Path)'; Import-Structure '$sample' | Invoke-EamFit -Cutoff 5.0 -Restarts 500")
            $handle = $ps.BeginInvoke()
            # Stop once the fit has taken accepted steps (its progress shows them), as a user pressing Ctrl+C would.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline -and -not ($ps.Streams.Progress | Where-Object StatusDescription -like '*iteration*')) {
                Start-Sleep -Milliseconds 50
            }
            $handle.IsCompleted | Should -BeFalse -Because 'the fit must still be running when stopped'
            $ps.Stop()
            $kept = $ps.Runspace.SessionStateProxy.GetVariable('EamFitInterrupted')
            $kept | Should -BeOfType ([AtomCuration.Potentials.Eam.EamFitResult])
            $kept.StopReason | Should -Be 'Cancelled'
            $kept.Iterations | Should -BeGreaterThan 0
            [double]::IsFinite($kept.EnergyRmse) | Should -BeTrue
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'reports the fit, its iterations with their loss and the result with -Verbose' {
        $out = Import-Structure $sample -Index '::6' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 5 -Seed 1 -Verbose 4>&1
        $verbose = ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -BeLike '*Fitting a Spline EAM potential*10 structures*elements Cu*'
        $verbose | Should -BeLike '*iteration 1: loss*'
        $verbose | Should -BeLike '*energy RMSE*meV/atom*'
    }

    It 'shows progress with percent complete and seconds remaining' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$((Get-Module AtomCuration).Path)'; Import-Structure '$sample' -Index '::2' | Invoke-EamFit -Cutoff 5.0 -MaxIterations 40 -Seed 1")
            $handle = $ps.BeginInvoke()
            # The cmdlet updates one progress record, so what a user saw is read while the fit runs.
            $seen = [System.Collections.Generic.List[object]]::new()
            while (-not $handle.IsCompleted) {
                $last = $ps.Streams.Progress | Where-Object Activity -eq 'Invoke-EamFit' | Select-Object -Last 1
                if ($last -and $last.RecordType -eq 'Processing') { $seen.Add([pscustomobject]@{ Percent = $last.PercentComplete; Seconds = $last.SecondsRemaining }) }
                Start-Sleep -Milliseconds 20
            }
            $null = $ps.EndInvoke($handle)
            $seen | Where-Object { $_.Percent -gt 0 -and $_.Percent -lt 100 -and $_.Seconds -ge 0 } | Should -Not -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }
}
