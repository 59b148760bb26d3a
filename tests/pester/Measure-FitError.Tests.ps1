BeforeAll {
    . (Join-Path $PSScriptRoot 'New-CopperFitFixture.ps1')
}

Describe 'Measure-FitError' {
    It 'summarises by group, then overall' {
        $r = Import-Structure $sample -Index '1::2' | Measure-FitError -Potential $fit -GroupBy config_type
        $r[-1].Group | Should -BeNullOrEmpty
        $r[-1].Structures | Should -Be 29
        ($r | Where-Object Group -eq 'Vacancy').Structures | Should -Be 4
        $r[-1].EnergyRmse | Should -BeGreaterThan 0
        $r[-1].ForceRmse | Should -BeGreaterThan 0
        $r[-1].StressRmse | Should -Not -BeNullOrEmpty
    }

    It 'takes an EamPotential or a file path as well as a fit result' {
        $file = Join-Path $TestDrive 'cu.eam.alloy'
        $fit | Export-EamPotential $file
        $a = Import-Structure $sample -Index ':5' | Measure-FitError -Potential $fit.Potential
        $b = Import-Structure $sample -Index ':5' | Measure-FitError -Potential $file
        $b.EnergyRmse | Should -BeLessThan ($a.EnergyRmse + 0.05)
        $b.EnergyRmse | Should -BeGreaterThan ($a.EnergyRmse - 0.05)
    }

    It 'says how much of the set lies outside the training range of a fit result' {
        $s = Import-Structure $sample -Index '1::2' | Measure-FitError -Potential $fit
        $s.OutsideDistanceFraction | Should -BeGreaterOrEqual 0
        $s.OutsideDensityFraction | Should -BeGreaterOrEqual 0
        $s.OutsideDensityFraction | Should -BeLessOrEqual 1
        $own = Import-Structure $sample -Index '::2' | Measure-FitError -Potential $fit -PerStructure
        $own | ForEach-Object { $_.OutsideDistanceFraction | Should -Be 0; $_.OutsideDensityFraction | Should -Be 0 }
        $plain = Import-Structure $sample -Index ':3' | Measure-FitError -Potential $fit.Potential
        $plain.OutsideDistanceFraction | Should -BeNullOrEmpty
    }

    It 'gives one record per structure for parity plots' {
        $p = Import-Structure $sample -Index ':6' | Measure-FitError $fit -PerStructure
        $p.Count | Should -Be 6
        $p[0] | Should -BeOfType ([AtomCuration.Fitting.StructureFitError])
        $p[0].ReferenceEnergyEvPerAtom | Should -BeLessThan 0
    }

    It 'says what kind of structure each per-structure row is without -GroupBy (no empty Group column in a CSV)' {
        $s = Import-Structure $sample -Index ':4'
        $p = $s | Measure-FitError $fit -PerStructure
        ($p.Group -join ',') | Should -Be ($s.ConfigType -join ',')
        $csv = Join-Path $TestDrive 'parity.csv'
        $p | Export-Csv $csv
        (Import-Csv $csv | Where-Object { -not $_.Group }).Count | Should -Be 0
    }

    It 'names unlabelled structures instead of returning NaN' {
        $bad = Join-Path $TestDrive 'nolabel.xyz'
        Set-Content $bad -Value @('1', 'Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T T"', 'Cu 0 0 0')
        { Import-Structure $bad | Measure-FitError $fit -ErrorAction Stop } | Should -Throw '*nolabel.xyz#0*'
    }

    It 'rejects something that is not a potential' {
        { Import-Structure $sample -Index 0 | Measure-FitError -Potential 42 -ErrorAction Stop } | Should -Throw '*potential*'
    }
}

Describe 'Measure-FitError on real work' {
    It 'reports a structure the potential cannot evaluate by id, as InvalidData, and measures the others' {
        $pool = @(Import-Structure $sample -Index ':4') + @(Import-Structure $nickel)
        $r = $pool | Measure-FitError $fit -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Structures | Should -Be 4
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'StructureNotEvaluated,AtomCuration.PowerShell.Commands.MeasureFitErrorCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].TargetObject.Id | Should -Be $pool[-1].Id
        "$($err[0])" | Should -Match 'element Ni is not in the potential'
        "$($err[0].Exception.GetType().Name)" | Should -Not -Be 'AggregateException'
    }

    It 'groups by the property users see, or an Info key in any case, and warns on a key no structure has' {
        $pool = Import-Structure $sample
        $a = $pool | Measure-FitError $fit -GroupBy ConfigType
        $b = $pool | Measure-FitError $fit -GroupBy CONFIG_TYPE
        ($a.Group -join ',') | Should -Be ($b.Group -join ',')
        ($a | Where-Object Group -eq 'Vacancy').Structures | Should -Be 8
        $c = $pool | Measure-FitError $fit -GroupBy nosuchkey -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match "No structure has a value for 'nosuchkey'.*config_type"
        $c[0].Group | Should -Be '(none)'
        ($pool | Measure-FitError $fit -PerStructure -GroupBy ConfigType)[0].Group | Should -Be $pool[0].ConfigType
    }

    It 'fits and reports the per-element energy offset of a potential with another energy zero' {
        # The analytic test potential, declared as copper: an energy zero far from the DFT totals'.
        $ti = Join-Path $TestDrive 'ti.eam.alloy'
        . (Join-Path $PSScriptRoot 'New-TestSetfl.ps1')
        New-TestSetfl -Path $ti
        $file = Join-Path $TestDrive 'other-zero.eam.alloy'
        (Get-Content $ti) -replace '\bTi\b', 'Cu' | Set-Content $file
        $pool = Import-Structure $sample -Index '::3'
        $raw = $pool | Measure-FitError (Get-Item $file)
        $fitted = $pool | Measure-FitError (Get-Item $file) -FitEnergyOffset -Verbose 4>&1
        $summary = $fitted | Where-Object { $_ -is [AtomCuration.Fitting.FitErrorSummary] }
        $verbose = $fitted | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $summary.EnergyRmse | Should -BeLessThan ($raw.EnergyRmse / 10)
        $summary.EnergyOffsets.Keys | Should -Be 'Cu'
        "$verbose" | Should -Match 'Cu -?\d+\.\d{6}'
        ($summary | Out-String -Width 200) | Should -Match '\(all; E0 Cu -?\d\.\d{3}\)'
    }

    It 'gives every atom''s reference and predicted force for a force parity plot' {
        $atoms = Import-Structure $sample -Index ':2' | Measure-FitError $fit -PerAtom
        $atoms.Count | Should -Be 216
        $atoms[0] | Should -BeOfType ([AtomCuration.Fitting.AtomForceError])
        $first = Import-Structure $sample -Index 0
        $atoms[0].ReferenceFxEvPerAngstrom | Should -Be $first.Forces[0].X
        $atoms[107].AtomIndex | Should -Be 107
    }

    It 'names the unit of every numeric column in the header of a per-structure and a per-atom CSV (issue 15)' {
        $unit = '(EvPerAtom|MevPerAtom|EvPerAngstrom|MevPerAngstrom|Gpa|Fraction|Count|Index)$'
        $structures = Import-Structure $sample -Index ':3'
        foreach ($rows in @(($structures | Measure-FitError $fit -PerStructure), ($structures | Measure-FitError $fit -PerAtom))) {
            $csv = Join-Path $TestDrive 'rows.csv'
            $rows | Export-Csv $csv
            $header = (Get-Content $csv -TotalCount 1) -replace '"' -split ','
            $numeric = $rows[0].PSObject.Properties | Where-Object { $_.TypeNameOfValue -match 'Int32|Double' } | ForEach-Object Name
            $numeric.Count | Should -BeGreaterThan 3
            foreach ($name in $numeric) {
                $header | Should -Contain $name
                $name | Should -MatchExactly $unit -Because 'a numeric column ends in its unit'
            }
        }
    }
}

Describe 'Tab completion of -GroupBy (issue 15)' {
    It 'offers the Info keys of the piped structures, then properties' {
        $global:tabPool = Import-Structure $sample -Index ':3'
        try {
            $line = '$tabPool | Measure-FitError $fit -GroupBy '
            $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $r.CompletionMatches.CompletionText | Should -Contain 'config_type'
            $r.CompletionMatches.CompletionText | Should -Contain 'ConfigType'
            $line = '$tabPool | Measure-FitError $fit -GroupBy conf'
            $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $r.CompletionMatches.CompletionText | Should -Be @('config_type', 'ConfigType')
        }
        finally { Remove-Variable tabPool -Scope Global }
    }

    It 'offers the common keys without structures, also on Export-CurationPlot and Export-CurationReport' {
        foreach ($line in 'Measure-FitError -Potential x -GroupBy ', 'Export-CurationPlot Map x.svg -GroupBy ', 'Export-CurationReport x.html -GroupBy ') {
            $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $r.CompletionMatches.CompletionText | Should -Contain 'config_type' -Because $line
            $r.CompletionMatches.CompletionText | Should -Contain 'Formula' -Because $line
        }
    }
}
